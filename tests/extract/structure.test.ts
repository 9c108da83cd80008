/**
 * The structure of a report across the genre: parts found by what they are (the plan part
 * sets this year's tasks and targets), whatever their headings say and whether or not they
 * are numbered. Unit cases on short texts, then every report of corpus/ against the
 * hand-made table of plan headings and targets paragraphs (tests/gold/headline-targets.json).
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractReport } from '../../src/extract';
import { splitReport } from '../../src/extract/split';
import type { ReportGraph } from '../../src/model';
import { listReports, readReport } from '../../src/read';
import { lexicon } from '../support/lexicon';

const split = (text: string, year: number) =>
  splitReport(text, year, lexicon.structure, lexicon.planPeriods);

/** Sections as "path title phase", sentences as "text:phase". */
const outline = (text: string, year: number) => {
  const o = split(text, year);
  return {
    sections: o.sections.map((s) => `${s.path} ${s.title} ${s.phase}`),
    sentences: o.sentences.map((s) => `${text.slice(s.span.start, s.span.end)}:${s.phase}`),
  };
};

describe('part headings without numerals', () => {
  const text = [
    '关于2026年重点工作的政府工作报告',
    '——2026年1月27日在某省第十四届人民代表大会第四次会议上',
    '各位代表：',
    '我代表省人民政府，向大会报告工作，请予审议。',
    '“十四五”时期工作回顾',
    '五年来，全省经济总量迈上新台阶。',
    '经济增速是综合性指标，主要目标任务',
    '全面完成。',
    '“十五五”时期的主要目标任务',
    '努力实现以下主要目标任务。',
    '“十五五”时期经济社会发展的',
    '主要目标',
    '是：地区生产总值年均增长5%左右。',
    '2026年重点工作',
    '重点抓好八个方面工作：',
    '（一）放大促消费扩投资政策效应',
    '扩大有效投资。',
  ].join('\n');

  test('a short line alone after the salutation that names the review or the plan is a part', () => {
    expect(outline(text, 2026)).toEqual({
      sections: [
        // The title names 重点工作 too, but stands before the salutation.
        '一 “十四五”时期工作回顾 REVIEW',
        '二 “十五五”时期的主要目标任务 PLAN',
        '三 2026年重点工作 PLAN',
        '三/（一） 放大促消费扩投资政策效应 PLAN',
      ],
      sentences: [
        '五年来，全省经济总量迈上新台阶。:REVIEW',
        // A line that breaks off a sentence (it holds a comma) goes on to the next.
        '经济增速是综合性指标，主要目标任务\n全面完成。:REVIEW',
        // A one-line paragraph with heading words but ending in 。 is a sentence.
        '努力实现以下主要目标任务。:PLAN',
        // A line broken for emphasis names a time but no heading word: it goes on.
        '“十五五”时期经济社会发展的\n主要目标\n是：地区生产总值年均增长5%左右。:PLAN',
        '重点抓好八个方面工作：:PLAN',
        '扩大有效投资。:PLAN',
      ],
    });
    const parts = split(text, 2026).sections.filter((s) => s.parentPath === null);
    expect(parts.map((s) => s.ordinal)).toEqual([1, 2, 3]);
    // Without a salutation no line is taken for an unnumbered heading.
    expect(split(text.replace('各位代表：\n', ''), 2026).sections).toEqual([]);
  });

  test('the first part heading sets the style: numbered lines in unnumbered parts are a list', () => {
    const unnumbered = [
      '各位代表：',
      '2025年工作回顾',
      '过去一年，经济回升向好。',
      '2026年重点工作',
      '扩大内需。',
      '一、提供优质基础教育，努力让学生“上好学”',
      '办好基础教育。',
    ].join('\n');
    expect(outline(unnumbered, 2026).sections).toEqual([
      '一 2025年工作回顾 REVIEW',
      '二 2026年重点工作 PLAN',
      '二/一、 提供优质基础教育，努力让学生“上好学” PLAN',
    ]);
    // And an unnumbered heading-like line among numbered parts is a paragraph.
    const numbered = [
      '各位代表：',
      '一、2025年工作回顾',
      '过去一年，经济回升向好。',
      '二、2026年工作安排',
      '扩大内需。',
      '2027年重点工作',
      '接续推进。',
    ].join('\n');
    expect(outline(numbered, 2026).sections).toEqual([
      '一 2025年工作回顾 REVIEW',
      '二 2026年工作安排 PLAN',
    ]);
  });
});

describe('phase of a part whose heading names neither the review nor the plan', () => {
  const text = [
    '各位代表：',
    '一、一年接着一年干，新福建建设持续取得新进展新成效',
    '2025年是“十四五”收官之年。一年来，我们稳中求进，经济稳步增长。',
    '（一）着力推进向新向优发展，产业转型升级步伐加快',
    '先进制造业骨干作用增强。部署推动重点产业链。',
    '过去五年，全省经济总量连跨台阶。',
    '二、一张蓝图绘到底，奋力谱写中国式现代化福建篇章',
    '“十五五”时期是全面发力的关键时期。省政府编制了纲要草案。',
    '三、一鼓作气勇争先，全力推动开好局、起好步',
    '今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。',
    // The government's own conduct, after the plan: PLAN though its heading names 成就.
    '四、巩固作风建设成就，努力建设人民满意的服务型政府',
    '过去一年，作风建设成效明显。我们将继续加强作风建设。',
  ].join('\n');

  test('its own paragraphs decide: looking back reviews, looking ahead plans', () => {
    const o = outline(text, 2026);
    expect(o.sections).toEqual([
      '一 一年接着一年干，新福建建设持续取得新进展新成效 REVIEW',
      '一/（一） 着力推进向新向优发展，产业转型升级步伐加快 REVIEW',
      '二 一张蓝图绘到底，奋力谱写中国式现代化福建篇章 PLAN',
      '三 一鼓作气勇争先，全力推动开好局、起好步 PLAN',
      '四 巩固作风建设成就，努力建设人民满意的服务型政府 PLAN',
    ]);
    expect(o.sentences.slice(0, 5).every((s) => s.endsWith(':REVIEW'))).toBe(true);
  });

  test('after the first plan part every part plans, whatever its heading or paragraphs say', () => {
    expect(outline(text, 2026).sentences.slice(-2)).toEqual([
      '过去一年，作风建设成效明显。:PLAN',
      '我们将继续加强作风建设。:PLAN',
    ]);
  });

  test('with no time named at all, the first part reviews and a later one plans', () => {
    const bare = ['一、一年接着一年干', '经济稳步增长。', '二、一鼓作气勇争先', '扩大内需。'].join(
      '\n',
    );
    expect(outline(bare, 2026).sections).toEqual([
      '一 一年接着一年干 REVIEW',
      '二 一鼓作气勇争先 PLAN',
    ]);
  });
});

describe('plan headings by their words and the periods they name', () => {
  test('建议 and 部署 name the plan, without a year', () => {
    const text = [
      '一、过去五年工作回顾',
      '五年来，经济实力跃上新台阶。',
      '二、对政府工作的建议',
      '今年发展主要预期目标是：国内生产总值增长6.5%左右。',
    ].join('\n');
    expect(outline(text, 2018).sections).toEqual([
      '一 过去五年工作回顾 REVIEW',
      '二 对政府工作的建议 PLAN',
    ]);
    expect(outline(text.replace('对政府工作的建议', '工作总体部署'), 2015).sections[1]).toBe(
      '二 工作总体部署 PLAN',
    );
  });

  test('the coming five-year plan plans; a review of the past one reviews', () => {
    const text = [
      '一、2025年工作回顾',
      '过去一年，经济运行稳中有进。',
      // No heading word, no year: the period its paragraphs name places it.
      '二、砥砺奋进的五年',
      '“十四五”时期，全市经济总量连跨台阶。',
      '三、关于《第十五个五年规划纲要（草案）》的说明',
      '市政府制定了纲要草案，提请大会审查。',
      '四、2026年主要任务',
      '扩大内需。',
    ].join('\n');
    expect(outline(text, 2026).sections).toEqual([
      '一 2025年工作回顾 REVIEW',
      '二 砥砺奋进的五年 REVIEW',
      '三 关于《第十五个五年规划纲要（草案）》的说明 PLAN',
      '四 2026年主要任务 PLAN',
    ]);
  });
});

describe('a numbered list inside the plan part', () => {
  const text = [
    '一、2021年工作回顾',
    '经济运行稳中向好。',
    '二、2022年工作安排',
    '扎实办好十件民生实事。',
    '一、提供优质基础教育，努力让学生“上好学”',
    '支持市县集中财力办好基础教育。',
    '二、提高困难群众生活救助水平，增强服务可及性',
    '提高补助标准。',
    '三、深入实施“粤菜师傅”“广东技工”“南粤家政”三项工程，实现更加充分更高质量就业',
    '开展技能培训。',
  ].join('\n');

  test('its items are sections of the part, not parts, and do not change the phase', () => {
    const o = outline(text, 2022);
    expect(o.sections).toEqual([
      '一 2021年工作回顾 REVIEW',
      '二 2022年工作安排 PLAN',
      '二/一、 提供优质基础教育，努力让学生“上好学” PLAN',
      '二/二、 提高困难群众生活救助水平，增强服务可及性 PLAN',
      '二/三、 深入实施“粤菜师傅”“广东技工”“南粤家政”三项工程，实现更加充分更高质量就业 PLAN',
    ]);
    expect(o.sentences.slice(1).every((s) => s.endsWith(':PLAN'))).toBe(true);
    const sections = split(text, 2022).sentences.map((s) => s.sectionPath);
    expect(sections).toEqual(['一', '二', '二/一、', '二/二、', '二/三、']);
  });

  test('a numeral that continues both the list and the parts is a part when it reads as one', () => {
    // 三 could be the list's third item or the third part: its words make it the part.
    const short = text.slice(0, text.indexOf('\n三、'));
    const more = `${short}\n三、全面加强政府自身建设\n建设人民满意的服务型政府。`;
    expect(outline(more, 2022).sections.filter((s) => !s.includes('/'))).toEqual([
      '一 2021年工作回顾 REVIEW',
      '二 2022年工作安排 PLAN',
      '三 全面加强政府自身建设 PLAN',
    ]);
    const item = `${short}\n三、深入实施三项工程，实现更加充分更高质量就业\n开展技能培训。`;
    expect(outline(item, 2022).sections.filter((s) => !s.includes('/'))).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------
// Every report of the corpus against the hand-made table.

interface HeadlineGold {
  report: string;
  year: number;
  planHeading: string;
  targetsParagraphStart: string;
}

const CORPUS = path.resolve(__dirname, '../../corpus');
const gold = (
  JSON.parse(readFileSync(path.resolve(__dirname, '../gold/headline-targets.json'), 'utf8')) as {
    reports: HeadlineGold[];
  }
).reports;
const graphs = new Map<string, ReportGraph>();

beforeAll(async () => {
  for (const file of await listReports(CORPUS)) {
    const input = await readReport(file);
    graphs.set(input.meta.id, extractReport(input, lexicon));
  }
});

test('the table covers every report of the corpus', () => {
  expect(gold.map((g) => g.report).sort()).toEqual([...graphs.keys()].sort());
});

// Whitespace the texts put inside a paragraph (line breaks, indents, zero-width spaces).
const squeeze = (s: string) => s.replace(/[\s\u3000\u200b\ufeff]/g, '');

describe.each(gold.map((g) => [g.report, g] as const))('%s', (id, g) => {
  const graph = () => graphs.get(id)!;
  const parts = () => graph().sections.filter((s) => s.parentId === null);
  /** The part a commitment stands in: the first step of its section's path. */
  const partOf = (sectionId: string) => {
    const pathOfSection = sectionId.slice(`section:${id}:`.length);
    return `section:${id}:${pathOfSection.split('/')[0]}`;
  };

  test('the plan part: the heading of the table, a part, PLAN', () => {
    const title = g.planHeading.replace(/^[一二三四五六七八九十]+、/, '');
    const found = parts().filter((s) => s.title === title);
    expect(found.map((s) => s.phase)).toEqual(['PLAN']);
  });

  test('the targets paragraph plans', () => {
    const { text } = graph().report;
    const start = squeeze(g.targetsParagraphStart);
    const inIt = graph().commitments.filter((c) =>
      squeeze(text.slice(c.paragraph.start, c.paragraph.end)).startsWith(start),
    );
    expect(inIt.length).toBeGreaterThan(0);
    expect(new Set(inIt.map((c) => c.phase))).toEqual(new Set(['PLAN']));
  });

  test('the review comes first; from the first plan part on everything plans but a look back at the plan that ended', () => {
    const all = parts();
    expect(all[0]!.phase).toBe('REVIEW');
    const firstPlan = all.findIndex((s) => s.phase === 'PLAN');
    expect(firstPlan).toBeGreaterThan(0);
    const planning = new Set(all.slice(firstPlan).map((s) => s.id));
    const after = graph().commitments.filter((c) => planning.has(partOf(c.sectionId!)));
    expect(after.length).toBeGreaterThan(0);
    // A paragraph that opens on a plan period over before the report's year reviews it.
    const { text } = graph().report;
    const year = Number(id.slice(-4));
    const past = lexicon.planPeriods
      .filter((p) => p.endYear < year)
      .flatMap((p) => p.aliases.filter((a) => a !== p.name));
    const looksBack = (c: (typeof after)[number]) =>
      past.some((a) => text.startsWith(a, c.paragraph.start));
    expect(after.filter((c) => c.phase !== (looksBack(c) ? 'REVIEW' : 'PLAN'))).toEqual([]);
  });

  test('more than 100 commitments, and REVIEW ones when the review precedes the plan', () => {
    const { commitments } = graph();
    expect(commitments.length).toBeGreaterThan(100);
    const title = g.planHeading.replace(/^[一二三四五六七八九十]+、/, '');
    const planAt = parts().findIndex((s) => s.title === title);
    if (planAt > 0) expect(commitments.some((c) => c.phase === 'REVIEW')).toBe(true);
  });
});
