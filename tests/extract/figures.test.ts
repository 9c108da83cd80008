/**
 * Reading quantities, one sentence at a time: ranges, counts whose noun follows the unit,
 * 以内, years without a growth target, and subjects that name no indicator (比上年).
 */
import { findFigures, type FigureMention } from '../../src/extract/quantities';
import { lexicon } from '../support/lexicon';

/** The figures of one sentence, as a plan sentence unless said otherwise. */
function figures(
  sentence: string,
  options: { targetSentence?: boolean; plan?: boolean } = {},
): FigureMention[] {
  return findFigures(
    lexicon,
    sentence,
    { start: 0, end: sentence.length },
    { targetSentence: false, plan: true, ...options },
  );
}

/** A review sentence's figures as [indicator words, value, qualifier]. */
const namedValues = (sentence: string) =>
  figures(sentence, { plan: false }).map((f) => [f.metricText, f.value, f.qualifier]);

/** A plan sentence's figures as [indicator words, curated metric, value, qualifier]. */
const keyedValues = (sentence: string) =>
  figures(sentence).map((f) => [f.metricText, f.metric?.key ?? null, f.value, f.qualifier]);

const brief = (f: FigureMention) => ({
  metricText: f.metricText,
  metric: f.metric?.key ?? null,
  value: f.value,
  low: f.low,
  high: f.high,
  unit: f.unit,
  qualifier: f.qualifier,
});

test.each([
  ['城镇调查失业率控制在5.5%以内', 'urban_surveyed_unemployment', 5.5],
  ['城镇调查失业率全年控制在5.5%以内', 'urban_surveyed_unemployment', 5.5],
  ['城镇登记失业率4.5%以内', 'urban_registered_unemployment', 4.5],
  ['财政赤字率一直控制在3%以内', 'deficit_ratio', 3],
])('以内 is AT_MOST: %s', (sentence, metric, value) => {
  expect(figures(sentence).map(brief)).toEqual([
    expect.objectContaining({ metric, value, qualifier: 'AT_MOST', low: null, high: null }),
  ]);
});

describe('ranges are one figure: RANGE, value = low, with low and high', () => {
  test.each([
    ['地区生产总值增长4.5%—5%', 4.5, 5],
    ['地区生产总值增长4.5-5%', 4.5, 5],
    ['地区生产总值增长5%-5.5%', 5, 5.5],
    ['国内生产总值增长6.5%－7%', 6.5, 7],
    ['地区生产总值增长5%到5.5%', 5, 5.5],
    ['地区生产总值增长4.5%至5%', 4.5, 5],
    ['地区生产总值增长4.5% — 5%', 4.5, 5],
  ])('%s', (sentence, low, high) => {
    const found = figures(sentence);
    expect(found.map(brief)).toEqual([
      {
        metricText: sentence.slice(0, 6),
        metric: 'gdp',
        value: low,
        low,
        high,
        unit: '%',
        qualifier: 'RANGE',
      },
    ]);
    expect(found[0]).toMatchObject({ measure: 'GROWTH', direction: 'UP' });
    // The figure's phrase is the whole range.
    expect(sentence.slice(found[0]!.span.start, found[0]!.span.end)).toBe(sentence);
  });

  test('a range of a count, and in a target sentence among other targets', () => {
    expect(figures('新建2—3家省级制造业创新中心').map(brief)).toEqual([
      {
        metricText: '省级制造业创新中心',
        metric: null,
        value: 2,
        low: 2,
        high: 3,
        unit: '家',
        qualifier: 'RANGE',
      },
    ]);
    const targets = figures(
      '主要预期目标是：国内生产总值增长6%－6.5%；城镇新增就业1100万人以上，城镇调查失业率5.5%左右。',
      { targetSentence: true },
    );
    expect(targets.map((f) => [f.metric?.key, f.value, f.low, f.high, f.qualifier])).toEqual([
      ['gdp', 6, 6, 6.5, 'RANGE'],
      ['urban_new_jobs', 1100, null, null, 'AT_LEAST'],
      ['urban_surveyed_unemployment', 5.5, null, null, 'ABOUT'],
    ]);
  });

  test('not ranges: a change from one level to another, falling ends, years, other units', () => {
    expect(figures('消费贡献率由54.9%提高到58.8%').map((f) => [f.value, f.qualifier])).toEqual([
      [54.9, 'EXACT'],
      [58.8, 'EXACT'],
    ]);
    expect(figures('比重从40.3%至45.4%').map((f) => f.qualifier)).toEqual(['EXACT', 'EXACT']);
    expect(figures('降幅5%-3%').map((f) => f.qualifier)).toEqual(['EXACT', 'EXACT']);
    expect(figures('2021-2025年累计投资')).toEqual([]);
    expect(figures('投资5亿元-3%').map((f) => f.qualifier)).toEqual(['EXACT', 'EXACT']);
  });
});

describe('a target not set for the year is DEFERRED', () => {
  const sentence =
    '需要说明的是，我们没有提出全年经济增速具体目标，主要因为全球疫情和经贸形势不确定性很大。';

  test('没有提出…目标 in the plan: a DEFERRED GDP target without a number', () => {
    expect(figures(sentence)).toEqual([
      expect.objectContaining({
        status: 'DEFERRED',
        metricText: '经济增速',
        metric: expect.objectContaining({ key: 'gdp' }),
        measure: 'GROWTH',
        value: null,
        low: null,
        high: null,
        unit: null,
        rule: 'deferred',
      }),
    ]);
  });

  test('not in the review, nor without 目标, nor without an indicator', () => {
    expect(figures(sentence, { plan: false })).toEqual([]);
    expect(figures('我们没有提出经济增速的预测')).toEqual([]);
    expect(figures('我们没有提出具体目标')).toEqual([]);
    expect(figures('能耗强度目标在“十四五”规划期内统筹考虑')[0]!.status).toBe('DEFERRED');
  });
});

test('a subject of words that name no indicator (比上年, 同比) is the one before', () => {
  expect(
    figures('增速稳，国内生产总值达到63.6万亿元，比上年增长7.4%，在世界主要经济体中名列前茅').map(
      (f) => [f.metric?.key, f.measure, f.value, f.rule],
    ),
  ).toEqual([
    ['gdp', 'LEVEL', 63.6, 'quantity'],
    ['gdp', 'GROWTH', 7.4, 'inherited-metric'],
  ]);
  expect(figures('地区生产总值12.4万亿元，同比增长8%').map((f) => f.metric?.key)).toEqual([
    'gdp',
    'gdp',
  ]);
  expect(
    figures('今年拟安排财政赤字1.62万亿元，比去年增加2700亿元').map((f) => f.metricText),
  ).toEqual(['财政赤字', '财政赤字']);
  // With nothing before, the words stay: there is no indicator to take.
  expect(figures('比上年增长7.7%')[0]!.metricText).toBe('比上年');
});

test('a number in a short quotation names a policy, a programme or a slogan: no figure', () => {
  expect(figures('推出稳经济“30条”和支持科技型、外向型企业高质量发展“双20条”政策')).toEqual([]);
  expect(figures('落实“三个80%”要求，支持企业牵头')).toEqual([]);
  expect(namedValues('深入推进“3个100万”，常住人口城镇化率提升到57.7%')).toEqual([
    ['常住人口城镇化率', 57.7, 'EXACT'],
  ]);
  // After the quotation closes, numbers are amounts again.
  expect(namedValues('建成“渝邻汇”社区综合服务体20个')).toEqual([
    ['建成“渝邻汇”社区综合服务体', 20, 'EXACT'],
  ]);
});

test('an enumerator, a year, a trailing 完成 or 惠及, a verb inside a rate are no part of the name', () => {
  expect(namedValues('二是改造农村危房8000户')).toEqual([['改造农村危房', 8000, 'EXACT']]);
  expect(namedValues('十二是维修养护农村供水工程1900处')).toEqual([
    ['维修养护农村供水工程', 1900, 'EXACT'],
  ]);
  expect(namedValues('重大工程投资完成2510.1亿元')).toEqual([['重大工程投资', 2510.1, 'EXACT']]);
  expect(figures('一般公共预算收入累计完成3.7万亿元')[0]!.metric?.key).toBe('fiscal_revenue');
  expect(namedValues('2025年全省地区生产总值60199.45亿元')).toEqual([
    ['地区生产总值', 60199.45, 'EXACT'],
  ]);
  expect(namedValues('2025年林下经济总面积202万亩')[0]![0]).toBe('林下经济总面积');
  expect(namedValues('城镇更新改造惠及390万人，不动产登记历史遗留问题化解率99.95%')).toEqual([
    ['城镇更新改造', 390, 'EXACT'],
    ['不动产登记历史遗留问题化解率', 99.95, 'EXACT'],
  ]);
});

test('an age with 以上 or 以下 before a noun is a class of people, no figure', () => {
  expect(figures('为390万65岁以上老年人免费体检').map((f) => f.unit)).not.toContain('岁');
  expect(figures('将3岁以下婴幼儿照护费用纳入个税专项附加扣除')).toEqual([]);
  expect(namedValues('每千人口拥有3岁以下婴幼儿托位数达4.59个')).toEqual([
    ['每千人口拥有3岁以下婴幼儿托位数', 4.59, 'EXACT'],
  ]);
  // At the end of its clause it is an amount: a life expectancy.
  expect(namedValues('人均预期寿命提升到80岁以上，')).toEqual([['人均预期寿命', 80, 'AT_LEAST']]);
});

describe('a comparison with an earlier period is a change', () => {
  const read = (sentence: string) =>
    figures(sentence).map((f) => [f.metricText, f.measure, f.direction, f.value, f.rule]);

  test('比去年预算低 after a figure: a change of its indicator, down', () => {
    expect(read('今年赤字率拟按2.6%安排，比去年预算低0.4个百分点')).toEqual([
      ['赤字率', 'LEVEL', null, 2.6, 'quantity'],
      ['赤字率', 'CHANGE', 'DOWN', 0.4, 'inherited-metric'],
    ]);
    expect(read('今年赤字率拟按2.8%安排，比去年预算高0.2个百分点')[1]).toEqual([
      '赤字率',
      'CHANGE',
      'UP',
      0.2,
      'inherited-metric',
    ]);
  });

  test('比去年多 after an indicator: how much more, not the level', () => {
    expect(read('城镇新增就业预期目标比去年多100万人')).toEqual([
      ['城镇新增就业预期目标', 'CHANGE', 'UP', 100, 'quantity'],
    ]);
    expect(figures('城镇新增就业预期目标比去年多100万人')[0]!.metric?.key).toBe('urban_new_jobs');
    expect(figures('比上年同期少5%')[0]!.measure).toBe('GROWTH');
  });

  test('扩大 and 缩小 are verbs of change; 扩大到 still a level', () => {
    expect(read('支出规模比去年扩大2万亿元以上')).toEqual([
      ['支出规模', 'CHANGE', 'UP', 2, 'quantity'],
    ]);
    expect(read('城乡居民收入差距缩小0.5个百分点')[0]!.slice(1, 3)).toEqual(['CHANGE', 'DOWN']);
    expect(read('粮改饲试点面积扩大到1000万亩以上')[0]!.slice(1, 3)).toEqual(['LEVEL', null]);
  });

  test('a comparison with a place is no change over time', () => {
    expect(figures('居民收入比全国多500元')[0]!.measure).toBe('LEVEL');
  });

  test('财政赤字 is the fiscal deficit, its central and local parts other indicators', () => {
    const keys = (sentence: string) => figures(sentence).map((f) => f.metric?.key ?? null);
    expect(keys('今年拟安排财政赤字1.62万亿元，比去年增加2700亿元')).toEqual([
      'fiscal_deficit',
      'fiscal_deficit',
    ]);
    expect(keys('财政赤字规模比去年增加1万亿元')).toEqual(['fiscal_deficit']);
    expect(keys('其中中央财政赤字1.55万亿元，地方财政赤字8300亿元')).toEqual([null, null]);
    expect(keys('财政赤字率一直控制在3%以内')).toEqual(['deficit_ratio']);
  });

  test('the frames 拟按 … 安排 and 拟安排 are no part of the name', () => {
    expect(read('地区生产总值按增长5%左右安排')[0]![0]).toBe('地区生产总值');
    expect(read('安排地方政府专项债券3.65万亿元')[0]![0]).toBe('地方政府专项债券');
  });
});
describe('a count whose noun follows its classifier measures that noun', () => {
  test.each([
    ['培育50个以上省级工业互联网平台，支持沈阳建设', '省级工业互联网平台', 'AT_LEAST'],
    ['三是帮助6万名以上就业困难人员实现就业', '就业困难人员', 'AT_LEAST'],
    ['七是建设30个养老服务中心', '养老服务中心', 'EXACT'],
    ['引进100个高层次人才团队', '高层次人才团队', 'EXACT'],
    ['制定首批5项核心团体标准，完成首批试点产品认证', '核心团体标准', 'EXACT'],
    ['改扩建20个社区食堂', '社区食堂', 'EXACT'],
    ['高质量完成40期国家援外培训任务', '国家援外培训任务', 'EXACT'],
    ['十是完成26个县级妇幼保健机构特色专科建设', '县级妇幼保健机构特色专科', 'EXACT'],
    ['全省新增8个国家级临床重点专科', '国家级临床重点专科', 'EXACT'],
    ['惠及80个乡镇近300万群众', '乡镇', 'EXACT'],
    ['新建100个“15分钟高品质生活服务圈”', '“15分钟高品质生活服务圈”', 'EXACT'],
  ])('%s', (sentence, metricText, qualifier) => {
    const [f] = figures(sentence);
    expect(f).toMatchObject({ metricText, qualifier, rule: 'classifier' });
    // The phrase runs from the verb (past 一是, 全省) to the noun.
    const phrase = sentence.slice(f!.span.start, f!.span.end);
    expect(phrase.endsWith(metricText)).toBe(true);
    expect(phrase).not.toMatch(/^(三是|七是|十是|全省)/);
  });

  test('later counts of the list count their own nouns, governed by the same verb', () => {
    const found = figures('新增10家省级概念验证中心、30家标杆孵化器和10家省级制造业中试平台');
    expect(found.map((f) => [f.metricText, f.value, f.measure, f.direction])).toEqual([
      ['省级概念验证中心', 10, 'CHANGE', 'UP'],
      ['标杆孵化器', 30, 'CHANGE', 'UP'],
      ['省级制造业中试平台', 10, 'CHANGE', 'UP'],
    ]);
  });

  test('a count that opens its clause is its subject, when a predicate word ends its noun', () => {
    const read = (s: string) =>
      figures(s, { plan: false }).map((f) => [f.metricText, f.value, f.unit, f.rule]);
    expect(read('去年，120个街道社区实现全覆盖')).toEqual([
      ['街道社区', 120, '个', 'classifier-subject'],
    ]);
    expect(read('8所职业院校入选国家计划')).toEqual([['职业院校', 8, '所', 'classifier-subject']]);
    // A list of counts sharing the predicate: each its own noun, the later ones continuing
    // the first.
    expect(read('4个国家级基地、9个省级基地开工建设')).toEqual([
      ['国家级基地', 4, '个', 'classifier-subject'],
      ['省级基地', 9, '个', 'classifier'],
    ]);
    // An adverb before the predicate is no part of the noun.
    expect(read('200项年度任务基本完成')).toEqual([['年度任务', 200, '项', 'classifier-subject']]);
    // No predicate word ends it: the noun would run into the predicate, so none is taken.
    expect(read('300项重点改革举措稳步推进')).toEqual([['', 300, '项', 'quantity']]);
    // Not after another figure's words, nor in place of a lead verb's count.
    expect(read('新增10个产业园区')[0]![3]).toBe('classifier');
  });

  test('examples before 等 lead a count of what they are examples of', () => {
    const read = (s: string) =>
      figures(s, { plan: false }).map((f) => [f.metricText, f.value, f.unit, f.rule]);
    // The count is the clause's subject: its noun ends where the predicate starts.
    expect(read('甲乙等7条高速公路建成通车')).toEqual([['高速公路', 7, '条', 'classifier']]);
    expect(read('丙丁等5个品牌入选名录')).toEqual([['品牌', 5, '个', 'classifier']]);
    // After a verb it is the object, ending with its clause.
    expect(read('新开工甲乙至丙丁等2个项目，')).toEqual([['项目', 2, '个', 'classifier']]);
    // No predicate word after a subject's noun: nothing taken, the words before the number stay.
    expect(read('甲乙等40条高速公路相继开通')[0]![3]).toBe('quantity');
    // 多发 after a unit is a word, not 多 (more than).
    expect(figures('糖尿病等52种多发常见慢性病纳入报销')[0]).toMatchObject({
      metricText: '多发常见慢性病',
      qualifier: 'EXACT',
    });
  });

  test('after a subject, the verb before the count leads it', () => {
    const read = (s: string) =>
      figures(s, { plan: false }).map((f) => [
        f.metricText,
        f.value,
        f.unit,
        f.rule,
        s.slice(f.span.start, f.span.end),
      ]);
    expect(read('自贸试验区累计推出259项制度创新成果')).toEqual([
      ['制度创新成果', 259, '项', 'classifier', '推出259项制度创新成果'],
    ]);
    // A verb of one character ends one of two, which starts the phrase.
    expect(read('省政府要继续办好10件民生实事')).toEqual([
      ['民生实事', 10, '件', 'classifier', '办好10件民生实事'],
    ]);
    // 了 after the verb is read past; 取消, 下放, 提出 lead counts.
    expect(read('创建了5个国家先进制造业集群')[0]![0]).toBe('国家先进制造业集群');
    expect(read('从5方面提出了28个主要指标').at(-1)![0]).toBe('主要指标');
    expect(read('取消和下放311项行政审批事项')[0]![0]).toBe('行政审批事项');
    // 支 counts teams as 个 counts things.
    expect(read('引进24支台湾乡建乡创团队')[0]![0]).toBe('台湾乡建乡创团队');
    // After a verb of change the subject is what changed, by so many steps.
    expect(read('长江流域水生生物完整性指数提升2个等级')[0]![0]).toBe('长江流域水生生物完整性指数');
    // Nothing after the unit, or only a remark: the words before name it.
    expect(read('农村危房改造366万户')[0]![0]).toBe('农村危房改造');
    expect(read('完成棚户区改造47.63万户（套）')[0]![0]).toBe('棚户区改造');
  });

  test('a scope word leaves a count the subject; 其中 counts some of the items before', () => {
    const read = (s: string) => figures(s, { plan: false }).map((f) => [f.metricText, f.value]);
    expect(read('全省8个品种入选国家农作物优良品种推广目录')).toEqual([['品种', 8]]);
    expect(read('首批24个案例入选全国名录')).toEqual([['案例', 24]]);
    expect(read('设立28个主要指标，其中20个预期性指标、8个约束性指标')).toEqual([
      ['主要指标', 28],
      ['预期性指标', 20],
      ['约束性指标', 8],
    ]);
    expect(read('推出259项制度创新成果，其中56项为全国首创')).toEqual([
      ['制度创新成果', 259],
      ['制度创新成果', 56],
    ]);
    // In another unit 其中 counts something else: the items before are not its indicator.
    expect(read('引进亿元以上项目793个，其中12条重点产业链项目占比达84.4%')[1]![0]).not.toBe(
      '引进亿元以上项目',
    );
  });

  test('after a preposition, the noun up to the verb of the clause', () => {
    const read = (s: string) =>
      figures(s, { plan: false }).map((f) => [f.metricText, f.value, f.rule]);
    expect(read('与54个国家和地区开展科技合作')).toEqual([['国家和地区', 54, 'classifier']]);
    expect(read('在100个地级以上城市进行公立医院改革试点')[0]![0]).toBe('地级以上城市');
    expect(read('与41个自贸区（港）建立伙伴关系')[0]![0]).toBe('自贸区（港）');
    expect(read('今年在13个粮食主产省选择部分县市')).toEqual([['粮食主产省', 13, 'classifier']]);
    // No verb known to end it: the noun would run into the predicate, so none is taken.
    expect(read('今年在13个粮食主产省挑选部分县市')[0]![2]).toBe('quantity');
    // A measure's noun too (将2.8万亿元中央财政资金纳入…), and after 对 with its verb.
    expect(read('将2.8万亿元中央财政资金纳入直达机制')).toEqual([
      ['中央财政资金', 2.8, 'classifier'],
    ]);
    expect(read('对新增2万亿元中央财政资金建立直达机制')).toEqual([
      ['中央财政资金', 2, 'classifier'],
    ]);
  });

  test('after a modifier ending in 的, the noun after the unit, up to the clause or its verb', () => {
    const read = (s: string) =>
      figures(s, { plan: false }).map((f) => [f.metricText, f.value, f.rule]);
    expect(read('基本消除国家挂牌督办的527条黑臭水体，高质量建成碧道2075公里')[0]).toEqual([
      '黑臭水体',
      527,
      'classifier',
    ]);
    expect(read('重大水利工程已开工的57个项目要加快建设')).toEqual([['项目', 57, 'classifier']]);
    expect(read('通达全球127个国家和地区的584个港口，运输货物品类增至1342种')[1]).toEqual([
      '港口',
      584,
      'classifier',
    ]);
    expect(read('年初剩余的551万农村贫困人口全部脱贫')).toEqual([
      ['农村贫困人口', 551, 'classifier'],
    ]);
  });

  test('a predicate word before 的 modifies the noun; too long, the noun counts its head', () => {
    const read = (s: string) =>
      figures(s, { plan: false }).map((f) => [f.metricText, f.value, f.rule]);
    expect(read('又取消165项国务院部门及其指定地方实施的审批事项')).toEqual([
      ['审批事项', 165, 'classifier'],
    ]);
    expect(read('取消20项地方实施的审批事项')).toEqual([['地方实施的审批事项', 20, 'classifier']]);
    // Without 的 the word still ends the noun.
    expect(read('帮助6万名就业困难人员实现就业')).toEqual([['就业困难人员', 6, 'classifier']]);
  });

  test('not taken: a noun before the number, a lead that is not a verb, a clause, one character', () => {
    expect(figures('改造老旧小区1000个')[0]).toMatchObject({
      metricText: '改造老旧小区',
      rule: 'quantity',
    });
    expect(figures('加快推进6个百万羽蛋鸡养殖重点项目建设和奶业养殖加工一体化发展')[0]!.rule).toBe(
      'quantity',
    );
    expect(figures('实施5批次')[0]!.rule).toBe('quantity');
    expect(figures('地区生产总值增长5.5%以上')[0]!.rule).toBe('quantity');
  });
});

test('an object after an earlier quantity of the same verb starts after it', () => {
  const found = figures('新增科技型中小企业4000家、高新技术企业1500家');
  expect(found.map((f) => [f.metricText, f.measure, f.direction])).toEqual([
    ['科技型中小企业', 'CHANGE', 'UP'],
    ['高新技术企业', 'CHANGE', 'UP'],
  ]);
  // "提高13.1%和17.7%": the second has no object of its own, so no verb either: the two
  // values are a 分别 list of the subject's urban and rural parts.
  expect(figures('城乡低保标准分别提高13.1%和17.7%').map((f) => f.metricText)).toEqual([
    '城镇低保标准',
    '农村低保标准',
  ]);
});

test('sectors listed by their ordinals in a 分别 list are a subject each', () => {
  // The ordinals run together before the sector's word.
  expect(keyedValues('其中一二三产增加值分别增长3.5%左右、6%左右、5%左右')).toEqual([
    ['一产增加值', 'primary_sector_value_added', 3.5, 'ABOUT'],
    ['二产增加值', 'secondary_sector_value_added', 6, 'ABOUT'],
    ['三产增加值', 'tertiary_sector_value_added', 5, 'ABOUT'],
  ]);
  // Listed with 、, 第 written once or on each.
  expect(keyedValues('第一、二、三产业增加值分别增长3%、5%、6%').map((f) => f[1])).toEqual([
    'primary_sector_value_added',
    'secondary_sector_value_added',
    'tertiary_sector_value_added',
  ]);
  expect(keyedValues('第一、第三产业增加值分别增长3.1%、5.1%').map((f) => f[0])).toEqual([
    '第一产业增加值',
    '第三产业增加值',
  ]);
  // As many ordinals as values, or it is no such list.
  expect(keyedValues('一二三产增加值分别增长3%、5%').map((f) => f[0])).toEqual([
    '一二三产增加值',
    '一二三产增加值',
  ]);
});

test('the subjects of a 分别 list share the head of the longest, and a qualifier after the last value', () => {
  // Listed before the head's own words, each takes the ending that makes a curated name.
  expect(keyedValues('城镇、农村居民人均可支配收入分别增长4.5%、5.5%左右')).toEqual([
    ['城镇居民人均可支配收入', 'urban_per_capita_disposable_income', 4.5, 'ABOUT'],
    ['农村居民人均可支配收入', 'rural_per_capita_disposable_income', 5.5, 'ABOUT'],
  ]);
  expect(
    keyedValues('城镇和农村常住居民人均可支配收入分别增长3.9%和5.7%').map((f) => f[1]),
  ).toEqual(['urban_per_capita_disposable_income', 'rural_per_capita_disposable_income']);
  // Else the head noun, whatever the lengths of the conjuncts.
  expect(keyedValues('原煤、原油、天然气产量分别达到7000万吨、1280万吨、10亿立方米')).toEqual([
    ['原煤产量', null, 7000, 'EXACT'],
    ['原油产量', null, 1280, 'EXACT'],
    ['天然气产量', null, 10, 'EXACT'],
  ]);
  expect(keyedValues('对非洲、拉美市场出口分别增长20%、15%').map((f) => f[0])).toEqual([
    '对非洲出口',
    '拉美市场出口',
  ]);
  // A conjunct with a head of its own keeps it; one after the whole replaces its head.
  expect(keyedValues('省外游客、入境过夜游客分别增长10%、35%以上').map((f) => f[0])).toEqual([
    '省外游客',
    '入境过夜游客',
  ]);
  expect(keyedValues('一般公共预算收入、支出分别增长3%和5%').map((f) => f[0])).toEqual([
    '一般公共预算收入',
    '一般公共预算支出',
  ]);
  // The first figure's span takes in the subjects written before its own words.
  const sentence = '全年城镇、农村居民人均可支配收入分别增长4.5%、5.5%';
  const [first] = figures(sentence);
  expect(sentence.slice(first!.span.start, first!.span.end)).toBe(
    '城镇、农村居民人均可支配收入分别增长4.5%',
  );
  // A qualifier written with an earlier value stays its own.
  expect(keyedValues('进出口、出口分别增长3%以上和5%').map((f) => f[3])).toEqual([
    'AT_LEAST',
    'EXACT',
  ]);
});

test('a list of values pairs with its subjects whatever the verb, and only values written one after another', () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [f.metricText, f.metric?.key ?? null, f.value]);
  // The second value finds no verb of its own: not the 增加 of 工业增加值, not the 下降 before it.
  expect(read('规上工业增加值、固定资产投资分别增长7%、8%')).toEqual([
    ['规上工业增加值', 'industrial_value_added', 7],
    ['固定资产投资', 'fixed_asset_investment', 8],
  ]);
  expect(read('二氧化硫、氮氧化物排放量分别下降5%和4%，40个城市空气质量达标')).toEqual([
    ['二氧化硫', null, 5],
    ['氮氧化物排放量', null, 4],
    // After a comma, the next clause's value is no third value of the list (which would have
    // left three values to two subjects and neither read); what it counts is another matter.
    expect.arrayContaining([40]),
  ]);
  // A 和 inside a listed subject joins the words of one industry; words the whole repeats
  // (制造业) are followed by its words after them.
  expect(read('金融业、软件和信息服务业增加值分别增长9%、15%').map((f) => f[0])).toEqual([
    '金融业增加值',
    '软件和信息服务业增加值',
  ]);
  expect(read('先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达55%、35%')).toEqual([
    ['先进制造业增加值占规模以上工业增加值比重', null, 55],
    ['高技术制造业增加值占规模以上工业增加值比重', 'high_tech_manufacturing_value_added', 35],
  ]);
  // 普及率 is one word; without 分别 values written one after another go one to each
  // subject, and a qualifier before the first holds for each.
  expect(namedValues('农村自来水、卫生户厕普及率超过95%、80%')).toEqual([
    ['农村自来水普及率', 95, 'MORE_THAN'],
    ['卫生户厕普及率', 80, 'MORE_THAN'],
  ]);
});

test('a milestone spelled in characters (突破万亿元, 超千亿元) is read after its verb, not as a class', () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [
      f.metric?.key ?? f.metricText,
      f.value,
      f.unit,
      f.qualifier,
    ]);
  expect(read('进出口总额突破万亿元')).toEqual([['foreign_trade', 1, '万亿元', 'MORE_THAN']]);
  expect(read('实际使用外资保持在千亿元以上')).toEqual([
    ['foreign_investment_used', 1000, '亿元', 'AT_LEAST'],
  ]);
  expect(read('常住人口突破百万人，增长2%')[0]).toEqual(['常住人口', 100, '万人', 'MORE_THAN']);
  // Before a noun it names a class or qualifies the noun: no figure.
  expect(read('锻造更多千亿元级产业集群')).toEqual([]);
  expect(read('惠州博罗成为生产总值超千亿元县')).toEqual([]);
  expect(read('年销售收入超亿元的企业')).toEqual([]);
  // Dollars and kilowatt-hours are units (实际使用外资 is stated in 美元).
  expect(read('实际使用外资1263亿美元')).toEqual([
    ['foreign_investment_used', 1263, '亿美元', 'EXACT'],
  ]);
  expect(read('全社会用电量达到1000亿千瓦时')).toEqual([
    ['全社会用电量', 1000, '亿千瓦时', 'EXACT'],
  ]);
  // Stepping over a level (迈上, 跨过) is reaching at least it.
  expect(read('地区生产总值迈上4000亿元台阶')).toEqual([['gdp', 4000, '亿元', 'AT_LEAST']]);
  expect(read('地区生产总值跨过3万亿元')).toEqual([['gdp', 3, '万亿元', 'MORE_THAN']]);
  // 双双 (both) between the indicators and the value, as 均 is: a figure each, named without it.
  expect(namedValues('进出口总额和社会消费品零售总额双双突破9万亿元')).toEqual([
    ['进出口总额', 9, 'MORE_THAN'],
    ['社会消费品零售总额', 9, 'MORE_THAN'],
  ]);
  // A milestone's word is no unit (台阶 is no 台 of machines): the amount is in its multiple.
  expect(read('地区生产总值迈上5万亿台阶、五年增量超1.2万亿元')).toEqual([
    ['gdp', 5, '万亿', 'AT_LEAST'],
    ['五年增量', 1.2, '万亿元', 'MORE_THAN'],
  ]);
  expect(read('外贸进出口总额突破1万亿元大关')).toEqual([
    ['foreign_trade', 1, '万亿元', 'MORE_THAN'],
  ]);
  expect(read('新增5台机组')[0]!.slice(1, 3)).toEqual([5, '台']);
  // 超 before digits is a qualifier too, not part of the indicator's words.
  expect(read('水利投资超220亿元')).toEqual([['水利投资', 220, '亿元', 'MORE_THAN']]);
});

test('将 and 把 before an indicator, and 我们将, are no part of its name', () => {
  const read = (s: string) => figures(s).map((f) => [f.metric?.key ?? f.metricText, f.rule]);
  expect(read('将企业研发费用加计扣除比例提高到100%')).toEqual([
    ['企业研发费用加计扣除比例', 'quantity'],
  ]);
  expect(read('把居民消费价格涨幅控制在3%左右')).toEqual([['cpi', 'quantity']]);
  expect(read('我们将接续办好12件民生实事')).toEqual([['民生实事', 'classifier']]);
});

test('counts of occurrences are units (场次, 架次); 不少于 and 不高于 are qualifiers', () => {
  const read = (s: string) => figures(s).map((f) => [f.metricText, f.value, f.unit, f.qualifier]);
  expect(read('开展文化活动2万场次')).toEqual([['开展文化活动', 2, '万场次', 'EXACT']]);
  expect(read('起降架次达到30万架次')).toEqual([['起降架次', 30, '万架次', 'EXACT']]);
  expect(read('耕地保有量不少于5000万亩')).toEqual([['耕地保有量', 5000, '万亩', 'AT_LEAST']]);
  expect(read('臭氧浓度不高于150微克/立方米')).toEqual([
    ['臭氧浓度', 150, '微克/立方米', 'AT_MOST'],
  ]);
});

test("a plan sentence setting figures for three curated indicators lists the year's targets", () => {
  const read = (s: string) =>
    figures(s).map((f) => [f.metric?.key ?? f.metricText, f.status, f.rule]);
  // No marker (主要预期目标是), but three curated indicators with a figure: its goals stated in
  // words are qualitative targets too.
  expect(
    read(
      '城镇新增就业1000万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；进出口稳中提质，国际收支基本平衡。',
    ),
  ).toEqual([
    ['urban_new_jobs', 'SET', 'quantity'],
    ['urban_surveyed_unemployment', 'SET', 'quantity'],
    ['cpi', 'SET', 'quantity'],
    ['foreign_trade', 'QUALITATIVE', 'qualitative'],
    ['international_balance_of_payments', 'QUALITATIVE', 'qualitative'],
  ]);
  // Two are not a list: the clauses without a number stay unread.
  expect(read('城镇新增就业1000万人以上，居民消费价格涨幅3%左右；进出口稳中提质。')).toHaveLength(
    2,
  );
});

test('a rate that is a proportion is a SHARE; unemployment and deficit rates are levels', () => {
  const measure = (s: string) => figures(s)[0]!.measure;
  expect(measure('常住人口城镇化率达到65%')).toBe('SHARE');
  expect(measure('户籍人口城镇化率达到50%')).toBe('SHARE');
  expect(measure('基本医保参保率稳定在95%以上')).toBe('SHARE');
  expect(measure('科技进步对经济增长的贡献率达到60%')).toBe('SHARE');
  expect(measure('城市空气质量优良天数比率超过85%')).toBe('SHARE');
  expect(measure('城镇调查失业率5.5%左右')).toBe('LEVEL');
  expect(measure('赤字率拟按3%安排')).toBe('LEVEL');
  // A % growth stays a growth.
  expect(measure('卫生户厕普及率提高5%')).toBe('GROWTH');
});

test('an amount of money before 县, 项目 or 企业 is a class of them, no figure', () => {
  const read = (s: string) => figures(s).map((f) => [f.metricText, f.value, f.unit]);
  expect(read('新增经济总量超200亿元县2个')).toEqual([['经济总量超200亿元县', 2, '个']]);
  expect(read('新开工总投资10亿元以上项目50个')).toEqual([
    ['新开工总投资10亿元以上项目', 50, '个'],
  ]);
  // Not after a count: 建成200个县域医疗次中心 counts them.
  expect(read('建成200个县域医疗次中心')).toEqual([['县域医疗次中心', 200, '个']]);
});

test('a plan period as a time frame opens no indicator; 年均 written into a name is read past', () => {
  const read = (s: string) => figures(s).map((f) => [f.metricText, f.metric?.key ?? null]);
  expect(read('“十三五”时期经济年均增长保持在6.5%以上')).toEqual([['经济年均增长', 'gdp']]);
  expect(read('“十五五”期间地区生产总值年均增长5%左右')).toEqual([['地区生产总值', 'gdp']]);
  // The plan itself is no time frame.
  expect(read('“十四五”规划共设置20项指标')[0]![0]).toContain('十四五');
});

test('a 分别 list after a subject per unit of an indicator is per that unit throughout', () => {
  const read = (s: string) => figures(s).map((f) => [f.metricText, f.metric?.key ?? null, f.value]);
  expect(read('单位地区生产总值用水量、能耗、二氧化碳排放量分别下降10%、12%、15%')).toEqual([
    ['单位地区生产总值用水量', null, 10],
    ['单位地区生产总值能耗', 'energy_intensity', 12],
    ['单位地区生产总值二氧化碳排放量', 'carbon_intensity', 15],
  ]);
});

test('a doubling (翻一番, 翻两番, 翻番) is a change counted in doublings, unit 番', () => {
  const read = (s: string, options: { plan?: boolean } = {}) =>
    figures(s, options).map((f) => [
      f.metric?.key ?? f.metricText,
      f.measure,
      f.direction,
      f.value,
      f.unit,
      f.qualifier,
    ]);
  expect(read('到2035年人均地区生产总值翻一番')).toEqual([
    ['gdp_per_capita', 'CHANGE', 'UP', 1, '番', 'EXACT'],
  ]);
  expect(figures('外贸总额翻一番')[0]!.rule).toBe('doubling');
  expect(read('每千人口医疗床位数翻两番')).toEqual([
    ['每千人口医疗床位数', 'CHANGE', 'UP', 2, '番', 'EXACT'],
  ]);
  expect(read('外贸进出口总额翻了一番')).toEqual([
    ['foreign_trade', 'CHANGE', 'UP', 1, '番', 'EXACT'],
  ]);
  // None written is one; 实现 before it is no part of the indicator's name.
  expect(read('专利授权量实现翻番')).toEqual([['专利授权量', 'CHANGE', 'UP', 1, '番', 'EXACT']]);
  // After another figure with nothing of its own, it doubles what that one measures.
  expect(read('园区营业收入突破800亿元、实现翻番', { plan: false }).map((f) => f[0])).toEqual([
    '园区营业收入',
    '园区营业收入',
  ]);
  // A slogan naming several doublings is none, and 翻 alone is no verb.
  expect(read('机架和算力实现“双翻番”')).toEqual([]);
  expect(read('投资、收入、人口实现“四个翻番”')).toEqual([]);
  expect(read('翻新改造老旧厂房30处').map((f) => f[1])).toEqual(['LEVEL']);
});

test('a % figure whose indicator ends in a growth word is a growth rate, whatever its verb', () => {
  const read = (s: string) => figures(s).map((f) => [f.metricText, f.measure, f.direction]);
  expect(read('经济增长预期7%左右。')).toEqual([['经济增长预期', 'GROWTH', 'UP']]);
  expect(read('居民消费价格涨幅控制在3.5%左右。')).toEqual([['居民消费价格涨幅', 'GROWTH', 'UP']]);
  expect(read('城镇调查失业率控制在5.5%左右。')).toEqual([['城镇调查失业率', 'LEVEL', null]]);
  expect(read('CPI微降0.1%')).toEqual([['CPI', 'GROWTH', 'DOWN']]);
  expect(read('居民消费价格总水平上涨幅度控制在2%左右')).toEqual([
    ['居民消费价格总水平上涨幅度', 'GROWTH', 'UP'],
  ]);
  // An indicator that is a share is one in whatever words its level is stated.
  expect(read('全社会研发投入强度3.42%左右')).toEqual([['全社会研发投入强度', 'SHARE', null]]);
});

test('a count of things (个, 家) measures no curated indicator, whatever the words before it', () => {
  const metrics = (sentence: string) =>
    figures(sentence, { plan: false }).map((f) => f.metric?.key ?? null);
  expect(metrics('地区生产总值连续迈上4个万亿元台阶')).toEqual([null]);
  expect(metrics('有进出口实绩的企业达242家')).toEqual([null]);
  // Counts in other units keep theirs.
  expect(metrics('城镇新增就业1200万人')).toEqual(['urban_new_jobs']);
  expect(metrics('地区生产总值达到14.2万亿元')).toEqual(['gdp']);
});

test("a span of time after 连续 is no amount, and no part of an indicator's name", () => {
  const read = (sentence: string) =>
    figures(sentence, { plan: false }).map((f) => [f.metricText, f.value, f.unit, f.qualifier]);
  expect(read('经济增速2022年以来连续16个季度高于全国')).toEqual([]);
  expect(read('高技术制造业增加值增长30.4%、连续24个月保持两位数增长')).toEqual([
    ['高技术制造业增加值', 30.4, '%', 'EXACT'],
  ]);
  expect(read('群众安全感连续7年保持98%以上')).toEqual([['群众安全感', 98, '%', 'AT_LEAST']]);
  expect(read('“津农精品”销售额连续3年突破百亿元')).toEqual([
    ['“津农精品”销售额', 100, '亿元', 'MORE_THAN'],
  ]);
  // A count after 连续 in another unit is one (4个 steps of 万亿元).
  expect(read('地区生产总值连续迈上4个万亿元台阶').map((f) => f[1])).toEqual([4]);
});

test("modals before the verb (要, 再, 将, 又, 继续) are not the indicator's words", () => {
  const read = (sentence: string) =>
    figures(sentence).map((f) => [f.metricText, f.measure, f.direction, f.value]);
  expect(read('氨氮排放量要下降2%')).toEqual([['氨氮排放量', 'GROWTH', 'DOWN', 2]]);
  expect(read('一般工商业平均电价再降低10%')).toEqual([
    ['一般工商业平均电价', 'GROWTH', 'DOWN', 10],
  ]);
  expect(read('居民基本医保人均财政补助标准再增加40元')).toEqual([
    ['居民基本医保人均财政补助标准', 'CHANGE', 'UP', 40],
  ]);
  expect(read('企业退休人员基本养老金水平又提高10%')).toEqual([
    ['企业退休人员基本养老金水平', 'GROWTH', 'UP', 10],
  ]);
  expect(read('财政性教育经费支出占国内生产总值比例继续超过4%')).toEqual([
    ['财政性教育经费支出占国内生产总值比例', 'SHARE', null, 4],
  ]);
  // Words that end in such a character are kept whole (主要, 偿还), and so are words that
  // start with a frame word (并网, 使用: not 并 "and", 使 "make").
  expect(read('主要污染物排放总量下降2%').map((f) => f[0])).toEqual(['主要污染物排放总量']);
  expect(read('并网2000万千瓦').map((f) => f[0])).toEqual(['并网']);
  expect(read('使用外资增长7%').map((f) => f[0])).toEqual(['使用外资']);
});

test("verbs that carry a level to a value (上升到, 扩大至, 高达, 保持) end the indicator's words", () => {
  const read = (sentence: string) =>
    figures(sentence, { plan: false }).map((f) => [f.metricText, f.measure, f.value, f.unit]);
  expect(read('民间投资比重上升到63%')).toEqual([['民间投资比重', 'SHARE', 63, '%']]);
  expect(read('“免陪照护服务”试点扩大至145家')).toEqual([
    ['“免陪照护服务”试点', 'LEVEL', 145, '家'],
  ]);
  expect(read('高校毕业生将高达765万人')).toEqual([['高校毕业生', 'LEVEL', 765, '万人']]);
  expect(read('主要河流出境断面水质优良率保持100%')).toEqual([
    ['主要河流出境断面水质优良率', 'SHARE', 100, '%'],
  ]);
  // 十五是 is an enumerator, as 一是 is: the count's noun follows its unit.
  expect(read('十五是打造80个新型公共文化空间').map((f) => f[0])).toEqual(['新型公共文化空间']);
});

test('a measure led by a verb measures the noun after its unit; a unit before 级 is a class', () => {
  const read = (sentence: string) =>
    figures(sentence).map((f) => [f.metricText, f.value, f.unit, f.qualifier]);
  expect(read('新建1亿亩高标准农田')).toEqual([['高标准农田', 1, '亿亩', 'EXACT']]);
  expect(read('完成141公里架空线入地和杆箱整治')).toEqual([
    ['架空线入地和杆箱整治', 141, '公里', 'EXACT'],
  ]);
  expect(read('完成2100万人次以上农民工职业技能提升培训任务')).toEqual([
    ['农民工职业技能提升培训任务', 2100, '万人次', 'AT_LEAST'],
  ]);
  // Not without a lead verb: a subject before the number is the indicator.
  expect(read('粮食播种面积稳定在1.8亿亩以上')).toEqual([
    ['粮食播种面积', 1.8, '亿亩', 'AT_LEAST'],
  ]);
  // 30万千瓦级, 20万吨级: the size of a class of things, no amount of anything.
  expect(read('推动30万千瓦级煤电机组“上大压小”')).toEqual([]);
  expect(read('加快洋浦港20万吨级泊位和深水航道建设')).toEqual([]);
  // 6%一档: a tier of tax rates, not a level of the rate before it.
  expect(read('将建筑业等行业现行10%的税率降为9%，保持6%一档的税率不变').map((f) => f[1])).toEqual([
    10, 9,
  ]);
});

test('a remark in brackets is a figure of the indicator before it; 同口径 names none', () => {
  const read = (sentence: string) =>
    figures(sentence, { plan: false }).map((f) => [
      f.metricText,
      f.metric?.key ?? null,
      f.value,
      f.qualifier,
    ]);
  // 同口径 (on a comparable basis), inside an opened bracket: the same indicator again.
  expect(read('一般公共预算收入增长1.7%（同口径增长2.5%以上）')).toEqual([
    ['一般公共预算收入', 'fiscal_revenue', 1.7, 'EXACT'],
    ['一般公共预算收入', 'fiscal_revenue', 2.5, 'AT_LEAST'],
  ]);
  expect(read('一般公共预算收入同口径增长5.5%左右').map((f) => f[0])).toEqual(['一般公共预算收入']);
  // A bracket closed inside the words is part of them.
  expect(read('研发投入强度（占地区生产总值比重）达到2.5%').map((f) => f[0])).toEqual([
    '研发投入强度（占地区生产总值比重）',
  ]);
});

test("a target sentence's clause in words is a qualitative target about its subject", () => {
  const read = (s: string) =>
    figures(s, { targetSentence: true }).map((f) => [
      f.metricText,
      f.status,
      f.metric?.key ?? null,
      f.value,
    ]);
  expect(
    read(
      '主要目标是：创新能力明显提升，在绿色发展上继续走在前列，在实际工作中努力争取更好结果，全面完成国家下达的减排目标。',
    ),
  ).toEqual([
    ['创新能力', 'QUALITATIVE', null, null],
    // Written 在…上, the goal is about what the frame holds.
    ['绿色发展', 'QUALITATIVE', null, null],
    // No subject before the verb, or no verb of a goal: no target.
  ]);
  // Beside numbers and curated indicators, which are read as before.
  expect(
    read(
      '主要预期目标是：地区生产总值增长5%左右，居民收入增长和经济增长同步，宏观杠杆率保持基本稳定。',
    ),
  ).toEqual([
    ['地区生产总值', 'SET', 'gdp', 5],
    ['居民收入', 'QUALITATIVE', 'resident_income', null],
    ['宏观杠杆率', 'QUALITATIVE', null, null],
  ]);
  // Only in a target sentence: elsewhere such words are a commitment, not a target.
  expect(figures('推动创新能力明显提升。')).toEqual([]);
});

test('a goal in words about a per-unit indicator is not about its denominator (单位生产总值…)', () => {
  const read = (s: string) =>
    figures(s, { targetSentence: true }).map((f) => [f.metric?.key ?? f.metricText, f.status]);
  expect(
    read('主要预期目标是：全市生产总值增长5%左右，单位生产总值二氧化碳排放量持续下降。'),
  ).toEqual([
    ['gdp', 'SET'],
    ['carbon_intensity', 'QUALITATIVE'],
  ]);
  // A per-unit name no lexicon holds names no curated indicator: no GDP target.
  expect(read('主要预期目标是：单位生产总值用水量持续下降。')).toEqual([]);
});

test('goals listed with 、 are a goal each; ending what the subject counts is a fall', () => {
  const read = (s: string) =>
    figures(s, { targetSentence: true }).map((f) => [
      f.metricText,
      f.status,
      f.measure,
      f.direction,
    ]);
  expect(read('主要目标是：贫困人口全部脱贫、贫困村全部摘帽，基础设施明显改善。')).toEqual([
    ['贫困人口', 'QUALITATIVE', 'CHANGE', 'DOWN'],
    ['贫困村', 'QUALITATIVE', 'CHANGE', 'DOWN'],
    ['基础设施', 'QUALITATIVE', 'LEVEL', null],
  ]);
  // A subject listed with 、 before one predicate is one goal about it.
  expect(read('主要目标是：经济实力、科技实力显著增强。')).toEqual([
    ['经济实力、科技实力', 'QUALITATIVE', 'LEVEL', null],
  ]);
});

test('no verb is read inside a noun built on one (增加值)', () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [f.metricText, f.measure, f.value, f.qualifier]);
  // Value added is no increase: the indicator is the whole name, a level, not a change.
  expect(read('旅游及相关产业增加值突破1000亿元')).toEqual([
    ['旅游及相关产业增加值', 'LEVEL', 1000, 'MORE_THAN'],
  ]);
  expect(read('文化产业增加值占地区生产总值比重超过4%')).toEqual([
    ['文化产业增加值占地区生产总值比重', 'SHARE', 4, 'MORE_THAN'],
  ]);
});

test('years are a unit after a number with a decimal part only (10.5年), not a date or a span', () => {
  expect(figures('劳动年龄人口平均受教育年限达到11.2年').map(brief)).toEqual([
    expect.objectContaining({ metricText: '劳动年龄人口平均受教育年限', value: 11.2, unit: '年' }),
  ]);
  expect(figures('2026年连续3年开展专项行动')).toEqual([]);
});

test('a word after the unit that starts like a qualifier is no qualifier (多式联运)', () => {
  expect(figures('打造5条多式联运示范线路').map(brief)).toEqual([
    expect.objectContaining({ metricText: '多式联运示范线路', value: 5, qualifier: 'EXACT' }),
  ]);
  expect(figures('用3个多月完成')[0]).toMatchObject({ value: 3, qualifier: 'MORE_THAN' });
});

test('indicators joined before one predicate share it, a figure each (均, or every one curated)', () => {
  const read = (s: string, options: { targetSentence?: boolean; plan?: boolean } = {}) =>
    figures(s, options).map((f) => [f.metric?.key ?? f.metricText, f.measure, f.value, f.rule]);
  // Each sentence, and the indicators that share its value: 均 (each) between them and the
  // value, before or after the verb; with 均 the subjects listed with 、 before the clause's
  // words too, sharing the head of the longest; without 均, every joined name curated.
  const shared: [string, string[], string, number][] = [
    ['港口吞吐量和集装箱量均增长10%以上', ['港口吞吐量', '集装箱量'], 'GROWTH', 10],
    ['人民币贷款和存款余额预期增长均为9%左右', ['人民币贷款', '存款余额'], 'GROWTH', 9],
    // 分别 or 都 before one value is "each" too, a modal 要 beside it read past.
    ['烟尘、粉尘排放量要分别下降4%', ['烟尘', '粉尘排放量'], 'GROWTH', 4],
    ['二氧化硫、氨氮排放都要减少3%左右', ['二氧化硫', '氨氮排放'], 'GROWTH', 3],
    ['入境游客人数、旅游总收入均增长12%以上', ['入境游客人数', '旅游总收入'], 'GROWTH', 12],
    [
      '职工养老保险、居民医疗保险参保率均稳定在95%以上',
      ['职工养老保险参保率', '居民医疗保险参保率'],
      'SHARE',
      95,
    ],
    [
      '到2035年地区生产总值和城乡居民人均收入比2020年翻一番',
      ['gdp', 'resident_income'],
      'CHANGE',
      1,
    ],
  ];
  for (const [sentence, names, measure, value] of shared)
    expect(read(sentence)).toEqual(names.map((n) => [n, measure, value, 'shared-predicate']));
  // 均 of one indicator is no part of its name; 人均 and 日均 are averages, not "each".
  expect(read('参保率均稳定在95%以上', { plan: false })).toEqual([
    ['参保率', 'SHARE', 95, 'quantity'],
  ]);
  expect(read('新设企业日均新增3000户', { plan: false })[0]![0]).toBe('新设企业日均');
  // Nouns of one kind joined before a count share one count.
  expect(read('淘汰高耗能锅炉和老旧车辆5万台')).toHaveLength(1);
  // Goals in words: a curated name joined right after the first has the same predicate,
  // unless the clause relates the two (同步).
  expect(
    read('主要预期目标是：单位地区生产总值能耗和主要污染物排放总量持续下降', {
      targetSentence: true,
    }),
  ).toEqual([
    ['energy_intensity', 'GROWTH', null, 'shared-predicate'],
    ['major_pollutant_emissions', 'GROWTH', null, 'shared-predicate'],
  ]);
  expect(
    read('主要预期目标是：居民收入和经济增长同步', { targetSentence: true }).map((f) => f[0]),
  ).toEqual(['resident_income']);
});

test('a multiplier with no unit after it stands for the unit (减少1109万, 1亿多人才)', () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [f.metricText, f.value, f.unit, f.qualifier, f.rule]);
  // At the end of its clause: a count of what the subject names.
  expect(read('贫困人口减少1200万，易地搬迁人口超过230万。')).toEqual([
    ['贫困人口', 1200, '万', 'EXACT', 'quantity'],
    ['易地搬迁人口', 230, '万', 'MORE_THAN', 'quantity'],
  ]);
  // Before a noun it counts, as a classifier's count does.
  expect(read('惠及600多万在校学生')).toEqual([['在校学生', 600, '万', 'MORE_THAN', 'classifier']]);
  // 多 between the multiplier and the unit; a unit that itself starts with a multiplier.
  expect(read('新增养老床位3万多张')).toEqual([['养老床位', 3, '万张', 'MORE_THAN', 'quantity']]);
  expect(read('减轻企业负担2万多亿元')).toEqual([
    ['企业负担', 2, '万亿元', 'MORE_THAN', 'quantity'],
  ]);
  // Before words it does not count, or a rate, or a class: no figure.
  expect(read('把14亿多中国人的饭碗端牢')).toEqual([]);
  expect(read('30万以上人口县达到12个')).toEqual([
    ['30万以上人口县', 12, '个', 'EXACT', 'quantity'],
  ]);
  expect(read('千亿级产业集群')).toEqual([]);
});

test('扩招 enrols more (a CHANGE); 调查失业率 alone is the surveyed unemployment rate', () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [f.metric?.key ?? f.metricText, f.measure, f.value]);
  expect(read('职业院校扩招50万人')).toEqual([['职业院校', 'CHANGE', 50]]);
  expect(read('调查失业率稳定在5.2%左右')).toEqual([['urban_surveyed_unemployment', 'LEVEL', 5.2]]);
});

test('a 分别 list whose words name nothing has the figures just before it as its subjects', () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [f.metricText, f.measure, f.value, f.rule]);
  expect(read('新建公路500公里，改造桥梁300座，比上年分别增长5%、8%。')).toEqual([
    ['新建公路', 'LEVEL', 500, 'quantity'],
    ['改造桥梁', 'LEVEL', 300, 'quantity'],
    ['新建公路', 'GROWTH', 5, 'respectively'],
    ['改造桥梁', 'GROWTH', 8, 'respectively'],
  ]);
});

test('减轻 lowers what follows it: a CHANGE, DOWN, of the burden it names', () => {
  expect(
    figures('全年减轻企业社保缴费负担800多亿元', { plan: false }).map((f) => [
      f.metricText,
      f.measure,
      f.direction,
      f.value,
      f.qualifier,
    ]),
  ).toEqual([['企业社保缴费负担', 'CHANGE', 'DOWN', 800, 'MORE_THAN']]);
});

test('a quoted name that opens the words keeps its opening quote; 逆势 is no part of a name', () => {
  const names = (s: string) => figures(s, { plan: false }).map((f) => f.metricText);
  expect(names('“百县千镇”工程项目完成投资3000亿元。')).toEqual(['“百县千镇”工程项目完成投资']);
  expect(names('（试点）园区产值增长8%。')).toEqual(['（试点）园区产值']);
  expect(names('出口逆势增长6.5%。')).toEqual(['出口']);
});

test('a count that opens its clause names the noun before 实施 (1.2万余家企业实施改造)', () => {
  expect(figures('1.2万余家企业实施改造，56个项目进入名录。', { plan: false }).map(brief)).toEqual([
    expect.objectContaining({
      metricText: '企业',
      value: 1.2,
      unit: '万家',
      qualifier: 'MORE_THAN',
    }),
    expect.objectContaining({ metricText: '项目', value: 56, unit: '个' }),
  ]);
});

test('an amount before 省份 or 城市 is a class of them; 增加 ends a subject count noun', () => {
  const read = (s: string) => figures(s, { plan: false }).map((f) => [f.metricText, f.value]);
  expect(read('地区生产总值达到6.2万亿元，成为第二个过5万亿元省份。')).toEqual([
    ['地区生产总值', 6.2],
  ]);
  expect(read('经济总量超1000亿元城市达到8个。')).toEqual([['经济总量超1000亿元城市', 8]]);
  expect(read('1200个新投产项目增加产值900多亿元。').map(([m]) => m)).toEqual([
    '新投产项目',
    expect.any(String),
  ]);
});

test('对 counts pairs (sister cities), not a match of one to one', () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [f.metricText, f.value, f.unit]);
  expect(read('国际友城达137对')).toEqual([['国际友城', 137, '对']]);
  expect(read('国际友城和外国驻穗总领馆分别增至214对和69家')).toEqual([
    ['国际友城', 214, '对'],
    ['外国驻穗总领馆', 69, '家'],
  ]);
  expect(read('与39个国家缔结118对友城').at(-1)).toEqual(['友城', 118, '对']);
  expect(read('开展1对1帮扶')).toEqual([]);
});

test("a lead in points right after a figure is its indicator's lead, of no curated metric", () => {
  const read = (s: string) =>
    figures(s, { plan: false }).map((f) => [f.metricText, f.metric?.key ?? null, f.value, f.rule]);
  expect(read('规上工业增加值增长7.6%、高于全国1.7个百分点')[1]).toEqual([
    '规上工业增加值高于全国',
    null,
    1.7,
    'compared-with',
  ]);
  // Not a GDP figure: the lead over last year's growth.
  expect(read('地区生产总值增长4%，快于2024年1.8个百分点')).toEqual([
    ['地区生产总值', 'gdp', 4, 'quantity'],
    ['地区生产总值快于2024年', null, 1.8, 'compared-with'],
  ]);
  // The figure before names nothing of its own: the lead keeps its words.
  expect(read('年均增长5.7%、高于全国0.3个百分点')[1]![0]).toBe('高于全国');
});

test('a count of the parts a report is written in (N个方面) is no figure; what it leads is', () => {
  expect(namedValues('过去一年，主要抓了7个方面工作：')).toEqual([]);
  expect(namedValues('提出12个方面的重点任务。')).toEqual([]);
  // The count after it is read as before: of the noun after its own unit.
  expect(namedValues('出台6个方面45项支持措施。')).toEqual([['支持措施', 45, 'EXACT']]);
});

test('values listed with 、 take the unit written after the last; a rate listed whole keeps its name', () => {
  const valued = (sentence: string) =>
    figures(sentence, { plan: false }).map((f) => [f.metricText, f.value, f.unit]);
  expect(valued('城市绿化覆盖率、燃气普及率分别提高12、18个百分点。')).toEqual([
    ['城市绿化覆盖率', 12, '个百分点'],
    ['燃气普及率', 18, '个百分点'],
  ]);
  // Its unit's beginning only (个 of 个百分点) is no unit of its own either.
  expect(valued('进口、出口增速分别快于全国2.5个、1个百分点。').map((v) => v[2])).toEqual([
    '个百分点',
    '个百分点',
  ]);
  expect(valued('卫生户厕覆盖率、污水治理率、垃圾处理设施覆盖率分别提高5、6、7个百分点。')).toEqual(
    [
      ['卫生户厕覆盖率', 5, '个百分点'],
      ['污水治理率', 6, '个百分点'],
      ['垃圾处理设施覆盖率', 7, '个百分点'],
    ],
  );
});

test('完成 and 争取 before an amount are the verb, not the indicator', () => {
  expect(namedValues('全年完成公路投资1200亿元，争取中央补助资金80亿元。')).toEqual([
    ['公路投资', 1200, 'EXACT'],
    ['中央补助资金', 80, 'EXACT'],
  ]);
});

test('营造林 and 国土绿化 are curated indicators; 造林 written into other names is none', () => {
  expect(keyedValues('全年完成营造林300万亩，国土绿化面积200万亩，人工造林50万亩。')).toEqual([
    ['营造林', 'afforestation_and_tending', 300, 'EXACT'],
    ['国土绿化面积', 'land_greening', 200, 'EXACT'],
    ['人工造林', null, 50, 'EXACT'],
  ]);
});

test('a count after 为 is of the noun up to its verb; 受益, 列入 and 免费 end a noun', () => {
  expect(namedValues('为3000名困难学生发放助学金。')).toEqual([['困难学生', 3000, 'EXACT']]);
  expect(namedValues('为2万名环卫工人免费体检。')).toEqual([['环卫工人', 2, 'EXACT']]);
  expect(namedValues('800多户企业受益。')).toEqual([['企业', 800, 'MORE_THAN']]);
  expect(namedValues('5个案例列入全国典型。')).toEqual([['案例', 5, 'EXACT']]);
});

test('a whole’s head right after a figure (总量, 占比, 总投资) is the whole of its indicator', () => {
  const named = (sentence: string) => namedValues(sentence).map((v) => v[0]);
  expect(named('新增上市公司12家、总量达到150家。')).toEqual(['上市公司', '上市公司总量']);
  expect(named('风电装机达到300万千瓦、占比20%。')).toEqual(['风电装机', '风电装机占比']);
  expect(named('建设30个养老服务中心、总投资5亿元。')).toEqual([
    '养老服务中心',
    '养老服务中心总投资',
  ]);
  // Not past other words: the head then has a subject of its own, or none.
  expect(named('新增上市公司12家，全省企业总量达到150家。')).toEqual(['上市公司', '企业总量']);
});
