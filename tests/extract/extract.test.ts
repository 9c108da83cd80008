import { extractReport } from '../../src/extract';
import { lexicon } from '../support/lexicon';
import { findMetric } from '../../src/extract/quantities';
import { ReportError } from '../../src/read';
import { SEED_IDS, seedInput } from '../support/seeds';

/** The curated indicator's key the words name, or null. */
const keyOf = (words: string) => findMetric(lexicon, words)?.key ?? null;

describe.each(SEED_IDS)('%s', (id) => {
  test('every commitment and section slices back to its text; ids are unique', async () => {
    const input = await seedInput(id);
    const g = extractReport(input, lexicon);
    expect(g.commitments.length).toBeGreaterThan(300);
    for (const c of g.commitments) {
      expect(input.text.slice(c.span.start, c.span.end)).toBe(c.text);
      expect(c.paragraph.start).toBeLessThanOrEqual(c.span.start);
      expect(c.paragraph.end).toBeGreaterThanOrEqual(c.span.end);
      expect(c.text).not.toMatch(/^[\s\u3000\u200b]|[\s\u3000\u200b]$/);
    }
    const ids = [g.report, ...g.sections, ...g.commitments, ...g.entities].map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(g.edges.map((e) => e.id)).size).toBe(g.edges.length);
    for (const e of g.edges.filter((e) => e.evidence)) {
      expect(e.evidence!.end).toBeGreaterThan(e.evidence!.start);
    }
    // Nothing of the closing exhortation or a wiki trailer.
    expect(g.commitments.some((c) => /更加紧密地团结|Public domain|本作品/.test(c.text))).toBe(
      false,
    );
    expect(g.commitments.some((c) => c.text.startsWith('各位代表'))).toBe(false);
    // The review comes first, the plan after.
    expect(g.commitments[0]!.phase).toBe('REVIEW');
    expect(g.commitments.at(-1)!.phase).toBe('PLAN');
  });

  test('extraction is deterministic', async () => {
    const input = await seedInput(id);
    expect(extractReport(input, lexicon)).toEqual(extractReport(input, lexicon));
  });
});

test('Liaoning: task sections under the plan part, and INVOLVES evidence is the name', async () => {
  const input = await seedInput('liaoning-2022');
  const g = extractReport(input, lexicon);
  expect(g.sections.filter((s) => s.parentId === 'section:liaoning-2022:二')).toHaveLength(10);
  const involves = g.edges.filter((e) => e.type === 'INVOLVES' && e.target === 'place:大连');
  expect(involves.length).toBeGreaterThan(5);
  for (const e of involves) {
    const words = input.text.slice(e.evidence!.start, e.evidence!.end);
    // The name itself, or a one-character abbreviation the gazetteer trusts (沪连, 沈大).
    if (e.rule === 'abbreviation') expect(['连', '大']).toContain(words);
    // A zone named after Dalian (沈大自主创新示范区: Shenyang and Dalian).
    else if (e.rule === 'named-after') expect(words).toMatch(/^沈大/);
    else expect(words).toMatch(/^大连/);
  }
  expect(g.edges.find((e) => e.type === 'FOR_JURISDICTION')?.target).toBe('place:辽宁');
});

describe.each(SEED_IDS)('%s carries the places it links', (id) => {
  test('each place an edge touches, with its ancestors and their PART_OF, and no other', async () => {
    const g = extractReport(await seedInput(id), lexicon);
    const places = new Map(g.entities.filter((e) => e.kind === 'Place').map((p) => [p.id, p]));
    const partOf = new Map(
      g.edges.filter((e) => e.type === 'PART_OF' && places.has(e.source)).map((e) => [e.source, e]),
    );
    const touched = new Set(
      g.edges.filter((e) => e.type !== 'PART_OF').flatMap((e) => [e.source, e.target]),
    );
    // Every edge's ends are in the graph, and a place's chain reaches the country.
    const ids = new Set(
      [g.report, ...g.sections, ...g.commitments, ...g.figures, ...g.entities].map((n) => n.id),
    );
    for (const e of g.edges) expect([e.source, e.target].filter((x) => !ids.has(x))).toEqual([]);
    const ancestors = new Set<string>();
    for (const id of touched) {
      if (!places.has(id)) continue;
      for (let p = partOf.get(id); p; p = partOf.get(p.target)) ancestors.add(p.target);
    }
    for (const p of places.values()) {
      const entry = lexicon.lookupPlaces(p.name).find((e) => `place:${e.name}` === p.id);
      // A curated place is there because an edge touches it or it is an ancestor of one.
      if (entry)
        expect({ id: p.id, why: touched.has(p.id) || ancestors.has(p.id) }).toEqual({
          id: p.id,
          why: true,
        });
      if (entry?.parent) expect(partOf.get(p.id)?.target).toBe(`place:${entry.parent}`);
    }
    expect(places.has('place:中国')).toBe(true);
    expect(places.size).toBeLessThan(400); // the gazetteer has 3,200
  });
});

test('an unknown jurisdiction is a clear error', async () => {
  const input = await seedInput('liaoning-2022');
  expect(() =>
    extractReport({ ...input, meta: { ...input.meta, jurisdiction: '亚特兰蒂斯' } }, lexicon),
  ).toThrow(ReportError);
  expect(() =>
    extractReport({ ...input, meta: { ...input.meta, jurisdiction: '亚特兰蒂斯' } }, lexicon),
  ).toThrow(/"亚特兰蒂斯" is not a place the gazetteer knows/);
});

test('Liaoning: the ten livelihood projects are items 一是…十是 of one paragraph', async () => {
  const input = await seedInput('liaoning-2022');
  const g = extractReport(input, lexicon);
  const opening = g.commitments.find((c) => c.text === '今年，省政府要继续办好10件民生实事。')!;
  const paragraph = g.commitments.filter((c) => c.paragraph.start === opening.paragraph.start);
  const items = [...new Set(paragraph.map((c) => c.item).filter((i) => i !== null))];
  expect(items).toEqual([
    '一是',
    '二是',
    '三是',
    '四是',
    '五是',
    '六是',
    '七是',
    '八是',
    '九是',
    '十是',
  ]);
  for (const c of paragraph) expect(c.topic).toEqual(opening.span);
});

test('a metric named after 单位 is the denominator of another indicator, not the metric', () => {
  // Found by the hold-out (docs/holdout.md): without its curated name, energy intensity
  // was read as GDP, and the 8.1% GDP result was paired with it.
  expect(keyOf('单位地区生产总值用水量下降3%')).toBeNull();
  expect(keyOf('单位国内生产总值能耗降低3%左右')).toBe('energy_intensity');
  expect(keyOf('单位GDP能耗下降')).toBe('energy_intensity');
  // Per 10,000 yuan of GDP too (a fall of 22% in it is no GDP growth of -22%).
  expect(keyOf('万元生产总值用水量下降22%')).toBeNull();
  expect(keyOf('每万元地区生产总值能耗')).toBeNull();
  // A city's, a zone's, a region's or a foreign country's figure is no figure of the report's
  // jurisdiction; a province's own name may be it.
  expect(keyOf('沈阳地区生产总值增长5%')).toBeNull();
  expect(keyOf('兰州新区经济总量突破500亿元')).toBeNull();
  expect(keyOf('庆阳、酒泉经济总量突破千亿元')).toBeNull();
  expect(keyOf('美国进出口下降')).toBeNull();
  expect(keyOf('辽宁地区生产总值增长5%')).toBe('gdp');
  expect(keyOf('经济总量超过90万亿元')).toBe('gdp');
  expect(keyOf('工业经济总量突破3万亿元')).toBeNull();
  // The incomes NBS publishes apart for the counties lifted out of poverty are another indicator.
  expect(keyOf('脱贫县农村居民人均可支配收入增长8%')).toBeNull();
  expect(keyOf('农村居民人均可支配收入增长6%')).toBe('rural_per_capita_disposable_income');
  expect(keyOf('地区生产总值增长5.5%以上')).toBe('gdp');
  expect(keyOf('单位面积产量和地区生产总值')).toBe('gdp');
  // The abbreviation is GDP too, except where it is the whole or what is contributed to.
  expect(keyOf('全年GDP增长4%')).toBe('gdp');
  expect(keyOf('数字经济核心产业增加值占GDP比重')).toBeNull();
  expect(keyOf('旅游业对GDP综合贡献率')).toBeNull();
});

test('a metric named after 占, 与, 人均 or 快于 is part of another indicator, not the metric', () => {
  expect(keyOf('制造业增加值占地区生产总值比重达33.5%')).toBeNull();
  expect(keyOf('社会物流总费用与地区生产总值的比率下降至13.8%')).toBeNull();
  expect(keyOf('民间投资占固定资产投资比重达40%以上')).toBeNull();
  // The indicator is the words before: a curated one there is still read.
  expect(keyOf('一般公共预算收入占地区生产总值比重')).toBe('fiscal_revenue');
  expect(keyOf('高技术制造业增加值占规模以上工业增加值比重')).toBe(
    'high_tech_manufacturing_value_added',
  );
  // Unless the whole is no curated indicator: then neither is the part, nor a name inside it.
  expect(keyOf('企业经铁路进出口货值占全线货值的')).toBeNull();
  expect(keyOf('高耗能制造业增加值占规模工业增加值比重')).toBeNull();
  expect(keyOf('地区生产总值与居民收入同步增长')).toBe('gdp');
  expect(keyOf('研究与试验发展经费投入增长10%')).toBe('rd_expenditure');
  // Per person, GDP is another indicator (curated as GDP per capita); a per-person name
  // the lexicon does not hold is no GDP either.
  expect(keyOf('人均地区生产总值达16.7万元')).toBe('gdp_per_capita');
  expect(keyOf('人均GDP达8万元')).toBe('gdp_per_capita');
  expect(keyOf('人均粮食产量')).toBeNull();
  expect(keyOf('全体居民人均可支配收入增长5%')).toBe('resident_income');
  // 居民收入 is the reports' short form of the same indicator.
  expect(keyOf('居民收入增长与经济增长同步')).toBe('resident_income');
  expect(keyOf('城镇居民人均可支配收入增长5%')).toBe('urban_per_capita_disposable_income');
  // What a figure is compared with is not what it measures.
  expect(keyOf('快于经济增速1个百分点')).toBeNull();
  expect(keyOf('地区生产总值年均增长5.9%、高于全国0.5个百分点')).toBe('gdp');
  // A scope (全社会, 全省) may come between 占 and the whole.
  expect(keyOf('基础研究支出占全社会研发投入比重达7%')).toBeNull();
  expect(keyOf('全社会研发投入增长10%')).toBe('rd_expenditure');
  // Words that end in what they are compared with measure a lead over it.
  expect(keyOf('经济增速高于全国')).toBeNull();
  expect(keyOf('地区生产总值增速快于全国平均水平')).toBeNull();
  // A share of a whole that is only a scope is a part's share of the total, not the total.
  expect(keyOf('园区规模工业增加值占全省比重')).toBeNull();
  expect(keyOf('进出口总额占全国的比重')).toBeNull();
  // What contributes to an indicator, and a share of it said with 在…中.
  expect(keyOf('消费对经济增长的贡献率')).toBeNull();
  expect(keyOf('服务业在国内生产总值中的比重')).toBeNull();
});

test('a breakdown of an indicator (metrics.json breakdowns) is not the indicator', () => {
  for (const words of [
    '企业研发经费',
    '东盟进出口',
    '服务进出口总额',
    '县域经济增长',
    '规上民营工业增加值',
    '户籍人口城镇化率',
  ])
    expect(keyOf(words)).toBeNull();
  // The last of a list of parts is the whole; other words before a name keep it.
  expect(keyOf('货物和服务进出口')).toBe('foreign_trade');
  expect(keyOf('外贸进出口')).toBe('foreign_trade');
  expect(keyOf('为企业减税降费')).toBe('tax_and_fee_cuts');
  expect(keyOf('全社会研发投入')).toBe('rd_expenditure');
  expect(keyOf('常住人口城镇化率')).toBe('urbanization_rate');
  // The five-year plans' indicators.
  expect(keyOf('人均预期寿命')).toBe('life_expectancy');
  expect(keyOf('劳动年龄人口平均受教育年限')).toBe('years_of_schooling');
  expect(keyOf('新增劳动力平均受教育年限')).toBeNull();
  expect(keyOf('全员劳动生产率')).toBe('labour_productivity');
  expect(keyOf('森林覆盖率')).toBe('forest_coverage');
  expect(keyOf('林草覆盖率')).toBeNull();
  expect(keyOf('城镇登记失业率')).toBe('urban_registered_unemployment');
  expect(keyOf('PM2.5年均浓度')).toBe('pm25_concentration');
});

test('a share of a curated whole by a curated part is the ratio the lexicon names (ratioOf)', () => {
  // R&D intensity, in its own name and as R&D spending over GDP, however the share is said.
  for (const words of [
    '全社会研发投入强度',
    '全社会研发支出占国内生产总值比重',
    '全社会研发经费支出相当于全市生产总值的比例',
    '全社会研发经费支出与国内生产总值之比',
  ])
    expect(keyOf(words)).toBe('rd_intensity');
  // Over a whole no curated name names it is no such ratio, and no R&D spending either (a
  // share of revenue is not an amount spent); R&D spending itself is still read.
  expect(keyOf('研发经费支出占营业收入比重')).toBeNull();
  expect(keyOf('研发投入增长10%')).toBe('rd_expenditure');
});
