import { chineseNumeral, splitReport } from '../../src/extract/split';
import { lexicon } from '../support/lexicon';

const sentences = (text: string, year = 2022) =>
  splitReport(text, year, lexicon.structure).sentences.map((s) => ({
    text: text.slice(s.span.start, s.span.end),
    phase: s.phase,
    section: s.sectionPath,
  }));

test('front matter, salutations and the closing exhortation are not sentences', () => {
  const text = [
    '——2022年1月20日在辽宁省第十三届人民代表大会第六次会议上',
    '各位代表：',
    '　　现在，我代表省人民政府向大会报告工作。',
    '　　一、2021年工作回顾',
    '　　经济运行稳中向好。地区生产总值增长5.8%。',
    '　　各位代表！在总结成绩的同时，我们也清醒看到困难。',
    '　　二、2022年工作安排',
    '　　（一）全力以赴稳增长，确保经济运行在合理区间。扩大有效投资。',
    '　　各位代表！奋斗成就梦想。让我们更加紧密地团结起来！',
  ].join('\n\n');
  expect(sentences(text)).toEqual([
    { text: '经济运行稳中向好。', phase: 'REVIEW', section: '一' },
    { text: '地区生产总值增长5.8%。', phase: 'REVIEW', section: '一' },
    { text: '在总结成绩的同时，我们也清醒看到困难。', phase: 'REVIEW', section: '一' },
    { text: '扩大有效投资。', phase: 'PLAN', section: '二/（一）' },
  ]);
  const { sections } = splitReport(text, 2022, lexicon.structure);
  expect(sections.map((s) => [s.path, s.title, s.phase, s.ordinal])).toEqual([
    ['一', '2021年工作回顾', 'REVIEW', 1],
    ['二', '2022年工作安排', 'PLAN', 2],
    ['二/（一）', '全力以赴稳增长，确保经济运行在合理区间', 'PLAN', 1],
  ]);
});

test('wiki line breaks inside a term stay inside the sentence; a publisher trailer is dropped', () => {
  const text =
    '\u200b\n一、2021年工作回顾\n\n细颗粒物（PM\n2.5\n）平均浓度下降9.1%。生态改善。\n一是保持宏观政策连续性。\n宏观政策适应需要。\n\n本作品是中华人民共和国的\n法律\n。';
  const got = sentences(text);
  expect(got.map((s) => s.text)).toEqual([
    '细颗粒物（PM\n2.5\n）平均浓度下降9.1%。',
    '生态改善。',
    '一是保持宏观政策连续性。',
    '宏观政策适应需要。',
  ]);
});

test('phase from part headings, by their words or their year', () => {
  const text =
    '一、2020年工作回顾\n\n甲。\n\n二、“十三五”时期发展成就和“十四五”时期主要目标任务\n\n过去五年，成就显著。\n\n“十四五”时期要发展。\n\n三、2021年重点工作\n\n乙。\n\n四、2021年的一些想法\n\n丙。';
  expect(sentences(text, 2021).map((s) => `${s.text}:${s.phase}`)).toEqual([
    '甲。:REVIEW',
    '过去五年，成就显著。:REVIEW',
    '“十四五”时期要发展。:PLAN',
    '乙。:PLAN',
    '丙。:PLAN',
  ]);
});

test('sentences keep closing quotes and runs of terminators', () => {
  const text = '一、2022年工作安排\n\n坚持“稳字当头。”推动发展！？好。';
  expect(sentences(text).map((s) => s.text)).toEqual(['坚持“稳字当头。”', '推动发展！？', '好。']);
});

test('a long line that opens with a numeral is not a heading', () => {
  const long = `（一）${'很长的句子，'.repeat(20)}结束。`;
  const text = `一、2022年工作安排\n\n${long}`;
  const out = splitReport(text, 2022, lexicon.structure);
  expect(out.sections.map((s) => s.path)).toEqual(['一']);
  expect(out.sentences).toHaveLength(1);
});

test('Chinese numerals', () => {
  expect(['一', '九', '十', '十一', '十九', '二十', '二十三'].map(chineseNumeral)).toEqual([
    1, 9, 10, 11, 19, 20, 23,
  ]);
});

test('a zero-width line inside a paragraph (a wiki page break) does not split it', () => {
  const text = '一、2020年工作回顾\n\n交出一份人\n\u200b\n民满意的答卷。下一句。\n\n新段落。';
  const out = splitReport(text, 2021, lexicon.structure);
  expect(out.sentences.map((s) => text.slice(s.span.start, s.span.end))).toEqual([
    '交出一份人\n\u200b\n民满意的答卷。',
    '下一句。',
    '新段落。',
  ]);
  expect(out.sentences[0]!.paragraph).toEqual(out.sentences[1]!.paragraph);
  expect(out.sentences[2]!.paragraph).not.toEqual(out.sentences[1]!.paragraph);
});

test('topic sentences and enumeration items', () => {
  const text = [
    '二、2022年工作安排',
    '千方百计扩大有效投资。要把握以下几点：一是稳增长。二是调结构。保持定力。',
    '一是保持宏观政策连续性。',
    '宏观政策适应需要。',
    '二是优先稳就业。',
  ].join('\n\n');
  const out = splitReport(text, 2022, lexicon.structure).sentences.map((s) => ({
    text: text.slice(s.span.start, s.span.end),
    topic: text.slice(s.topic.start, s.topic.end),
    item: s.item,
  }));
  expect(out).toEqual([
    { text: '千方百计扩大有效投资。', topic: '千方百计扩大有效投资。', item: null },
    { text: '要把握以下几点：一是稳增长。', topic: '千方百计扩大有效投资。', item: '一是' },
    { text: '二是调结构。', topic: '千方百计扩大有效投资。', item: '二是' },
    { text: '保持定力。', topic: '千方百计扩大有效投资。', item: '二是' },
    // An item heading on its own carries its item into the paragraph after it.
    { text: '一是保持宏观政策连续性。', topic: '一是保持宏观政策连续性。', item: '一是' },
    { text: '宏观政策适应需要。', topic: '宏观政策适应需要。', item: '一是' },
    { text: '二是优先稳就业。', topic: '二是优先稳就业。', item: '二是' },
  ]);
});
