/**
 * The years a figure is for. A report of 2026 reviews 2025 and the five years of the
 * “十四五” plan in one part: a paragraph's opening says which (过去一年, 这五年), the
 * paragraphs after it carry on, and within five years a level reached is the state at the
 * end while a growth or a total spans the period. The texts are made up, in the genre's
 * words (graph/structure.json, resultFrames).
 */
import { extractReport, reportLevel } from '../../src/extract';
import type { FigureNode } from '../../src/model';
import { lexicon } from '../support/lexicon';

/** The figures of a made-up 2026 report of 河南. */
function extracted(body: string): FigureNode[] {
  const meta = {
    id: 't-2026',
    title: 't',
    jurisdiction: '河南',
    level: reportLevel(lexicon.lookupPlace('河南')!.level),
    year: 2026,
  };
  const text = `${body}\n\n三、2026年工作安排\n\n全省生产总值增长5%左右。\n`;
  const graph = extractReport({ origin: 't', meta: { ...meta, extra: {} }, text }, lexicon);
  return graph.figures;
}

/** The figures of a made-up 2026 report of 河南, as [number, year, startYear]. */
const dated = (body: string): [number | null, number, number | null][] =>
  extracted(body).map((f) => [f.value, f.year, f.startYear]);

test('a part on 2025 and the five-year plan: each paragraph by its opening, the next ones carrying on', () => {
  const figures = dated(
    [
      '一、2025年和“十四五”时期工作回顾',
      '过去一年，全省上下攻坚克难。地区生产总值增长5.1%。',
      '产业升级步伐加快。规模以上工业增加值增长7.2%。',
      '各位代表！这五年，综合实力跃上新台阶。地区生产总值年均增长5.4%，粮食产量稳定在1300亿斤以上。',
      '科技创新成果丰硕。研发经费投入年均增长9%。',
    ].join('\n\n'),
  );
  expect(figures).toEqual([
    [5.1, 2025, null],
    [7.2, 2025, null],
    [5.4, 2025, 2021],
    [1300, 2025, 2021],
    [9, 2025, 2021],
    [5, 2026, null],
  ]);
});

// The first figure of a one-paragraph review part, dated by its heading or its opening.
test.each([
  [
    'before any opening, the heading: the time it names first (the year)',
    '2025年和“十四五”时期工作回顾',
    '全年经济回升向好，地区生产总值增长5%。',
    [5, 2025, null],
  ],
  [
    'before any opening, the heading: the time it names first (the period)',
    '“十四五”时期和2025年工作回顾',
    '综合实力明显增强，地区生产总值年均增长5%。',
    [5, 2025, 2021],
  ],
  [
    'a year named bare gives way to the sentence’s one-year cue',
    '2025年和“十四五”时期工作回顾',
    '2025年是“十四五”收官之年，是很不平凡的一年。地区生产总值增长5.3%。',
    [5.3, 2025, null],
  ],
  [
    'a year named bare gives way, else, to the sentence’s period',
    '2025年和“十四五”时期工作回顾',
    '2025年是“十四五”收官之年。过去五年，地区生产总值年均增长5.5%。',
    [5.5, 2025, 2021],
  ],
])('%s', (_case, heading, paragraph, expected) => {
  expect(dated(`一、${heading}\n\n${paragraph}`)[0]).toEqual(expected);
});

test('in five years, a level reached is the state at the end, its base the year before the period', () => {
  const figures = dated(
    [
      '一、2025年和“十四五”时期工作回顾',
      '——这是综合实力快速跃升的五年。地区生产总值达到6.5万亿元，较“十三五”末的5.4万亿元增加1.1万亿元；规模以上工业企业从2.1万户增加到2.9万户；城镇新增就业超过600万人。',
      '刚刚过去的2025年，全省地区生产总值增长5.2%，生产总值从2024年的6.2万亿元增加到6.5万亿元。',
    ].join('\n\n'),
  );
  expect(figures.slice(0, -1)).toEqual([
    [6.5, 2025, null],
    [5.4, 2020, null],
    [1.1, 2025, 2021],
    [2.1, 2020, null],
    [2.9, 2025, null],
    // 新增: a total of the five years, not a level at their end.
    [600, 2025, 2021],
    [5.2, 2025, null],
    [6.2, 2024, null],
    [6.5, 2025, null],
  ]);
});

test('a period compared with (较“十三五”时期) is no period the figure is for', () => {
  const figures = dated(
    [
      '一、2025年和“十四五”时期工作回顾',
      '这五年，创新动能增强。发明专利授权量较“十三五”时期增长80%，“十四五”时期安全事故起数较“十三五”时期下降40%。',
    ].join('\n\n'),
  );
  expect(figures.slice(0, 2)).toEqual([
    [80, 2025, 2021],
    [40, 2025, 2021],
  ]);
});

test('a change counted from a plan period spans the next one, and is of the indicator before it', () => {
  const figures = extracted(
    [
      '一、2025年工作回顾',
      '过去一年，全省上下攻坚克难。地区生产总值跨过7万亿元，较“十三五”末净增1.6万亿元，较“十三五”末的5.4万亿元增长30%。',
    ].join('\n\n'),
  );
  expect(figures.slice(0, 4).map((f) => [f.metricId, f.value, f.year, f.startYear])).toEqual([
    ['metric:gdp', 7, 2025, null],
    ['metric:gdp', 1.6, 2025, 2021],
    // The base: the level at the end of the period compared with.
    ['metric:gdp', 5.4, 2020, null],
    ['metric:gdp', 30, 2025, 2021],
  ]);
});

test('a plan sentence on the coming five years (今后五年) sets targets for the new plan period', () => {
  const figures = dated(
    '一、2025年工作回顾\n\n全年经济平稳。\n\n二、“十五五”规划纲要草案的说明\n\n纲要草案设定了今后五年的主要指标，包括地区生产总值年均增长5%左右。',
  );
  expect(figures).toContainEqual([5, 2030, 2026]);
});

test('the years ahead a plan sentence names before its figures (今明两年) date them', () => {
  const figures = dated(
    '一、2025年工作回顾\n\n全年经济平稳。\n\n二、今后工作\n\n今明两年职业技能培训3000万人次以上。今年再改造老旧小区6万个，经过今明两年努力全部完成。',
  );
  expect(figures).toEqual([
    // This year and the next.
    [3000, 2027, 2026],
    // Named after the figure, which is this year's.
    [6, 2026, null],
    [5, 2026, null],
  ]);
});

test('a plan’s base (由…提高到) is no target; a review’s is a result of the year before', () => {
  const figures = dated(
    '一、2025年工作回顾\n\n城镇化率由60.5%提高到61.2%。\n\n二、2026年工作安排\n\n赤字率从去年的4%提高到4.2%，城乡居民医保财政补助由每人每年700元提高到730元。',
  );
  expect(figures).toEqual([
    [60.5, 2024, null],
    [61.2, 2025, null],
    [4.2, 2026, null],
    [730, 2026, null],
    [5, 2026, null],
  ]);
});

test('a plan part’s paragraph on the plan that ended reviews it', () => {
  const figures = extracted(
    [
      '一、2025年工作回顾',
      '全年经济平稳。',
      '二、关于“十五五”规划纲要草案的说明',
      '“十四五”时期，全省发展极不平凡。这五年，地区生产总值从5万亿元增加到6.5万亿元。',
      '“十五五”时期，地区生产总值年均增长5%左右。',
    ].join('\n\n'),
  );
  expect(figures.map((f) => [f.kind, f.value, f.year, f.startYear])).toEqual([
    ['Result', 5, 2020, null],
    ['Result', 6.5, 2025, null],
    ['Target', 5, 2030, 2026],
    ['Target', 5, 2026, null],
  ]);
});

test.each([
  ['二、“十五五”主要目标任务', [70, 2030, 2026]],
  ['二、关于《河南省国民经济和社会发展第十五个五年规划纲要（草案）》的说明', [70, 2030, 2026]],
  // Words on starting the period well are no heading about it: the year's plan.
  ['二、全力推动“十五五”开好局、起好步', [70, 2026, null]],
])('a plan part headed %s dates its targets by it', (heading, expected) => {
  const figures = dated(
    `一、2025年工作回顾\n\n全年经济平稳。\n\n${heading}\n\n常住人口城镇化率提升至70%左右。`,
  );
  expect(figures[0]).toEqual(expected);
});

test('a base and the figure it is compared with measure one indicator, named without the base', () => {
  const figures = extracted(
    '一、2025年工作回顾\n\n过去一年，每千人口托位数从3.2个提高到4.5个，死亡人数较2020年下降30%。',
  ).filter((f) => f.kind === 'Result');
  expect(figures.map((f) => [f.metricText, f.value, f.year])).toEqual([
    ['每千人口托位数', 3.2, 2024],
    ['每千人口托位数', 4.5, 2025],
    ['死亡人数', 30, 2025],
  ]);
  expect(new Set(figures.slice(0, 2).map((f) => f.metricId)).size).toBe(1);
});

test("an enumerated goal of one clause in a plan period's part is a qualitative target of the period", () => {
  const targets = extracted(
    [
      '一、2025年工作回顾',
      '全年经济平稳。',
      '二、“十五五”时期的主要目标任务',
      '“十五五”时期，要努力实现以下目标任务：\n一是科技创新能力明显提升。全社会研发经费投入年均增长10%。',
      '二是美丽河南建设水平明显提升。',
    ].join('\n\n'),
  )
    .filter((f) => f.kind === 'Target')
    .map((f) => [f.metricText, f.status, f.year, f.startYear]);
  expect(targets).toEqual([
    ['科技创新能力', 'QUALITATIVE', 2030, 2026],
    ['全社会研发经费投入', 'SET', 2030, 2026],
    ['美丽河南建设水平', 'QUALITATIVE', 2030, 2026],
    // The helper's own plan part: a year's sentences, and no goal among them.
    ['生产总值', 'SET', 2026, null],
  ]);
  // In a year's plan an enumerated sentence is a task, not a target.
  expect(
    extracted(
      '一、2025年工作回顾\n\n全年经济平稳。\n\n二、2026年工作安排\n\n一是营商环境明显提升。',
    )
      .filter((f) => f.kind === 'Target')
      .map((f) => f.metricText),
  ).toEqual(['生产总值']);
});
