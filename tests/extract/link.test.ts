/**
 * The linking rules, each on a sentence or two written for the test.
 */
import { linkCommitments } from '../../src/extract/link';
import { lexicon } from '../support/lexicon';
import { sortKey, type CommitmentNode } from '../../src/model';

/** Commitments for the sentences of `text`, paragraphs separated by blank lines. */
function commitments(text: string): CommitmentNode[] {
  const out: CommitmentNode[] = [];
  let paragraphStart = 0;
  for (const para of text.split('\n\n')) {
    const paragraph = { start: paragraphStart, end: paragraphStart + para.length };
    for (const m of para.matchAll(/[^。]+。/g)) {
      const start = paragraphStart + m.index;
      const span = { start, end: start + m[0].length };
      out.push({
        kind: 'Commitment',
        id: `c${start}`,
        reportId: 'r',
        sectionId: null,
        text: m[0],
        phase: 'PLAN',
        span,
        paragraph,
        topic: span,
        item: null,
        sortKey: sortKey(2022, 'r', start),
      });
    }
    paragraphStart += para.length + 2;
  }
  return out;
}

function links(text: string, jurisdiction = '辽宁') {
  const cs = commitments(text);
  const { edges, entities } = linkCommitments(lexicon, text, 'r', jurisdiction, cs);
  return {
    edges: edges.map((e) => ({
      type: e.type,
      from: e.source.startsWith('c')
        ? text.slice(
            cs.find((c) => c.id === e.source)!.span.start,
            cs.find((c) => c.id === e.source)!.span.end,
          )
        : e.source,
      to: e.target,
      rule: e.rule,
      words: e.evidence ? text.slice(e.evidence.start, e.evidence.end) : null,
    })),
    entities,
  };
}

const pick = (l: ReturnType<typeof links>, type: string) =>
  l.edges.filter((e) => e.type === type).map((e) => [e.to, e.rule, e.words]);

test('INVOLVES by name, alias and the abbreviations a route name carries', () => {
  const l = links('加快建设沈白高铁和本桓宽高速，开工建设青山湖水库工程，支持大连市发展。');
  expect(pick(l, 'INVOLVES')).toEqual(
    expect.arrayContaining([
      ['place:沈阳', 'abbreviation', '沈'],
      ['place:白河镇', 'abbreviation', '白'],
      ['place:本溪', 'abbreviation', '本'],
      ['place:桓仁满族自治县', 'abbreviation', '桓'],
      ['place:宽甸满族自治县', 'abbreviation', '宽'],
      ['place:大连', 'alias', '大连市'],
    ]),
  );
  // Known to the lexicon by name; found by its form otherwise.
  expect(pick(l, 'MENTIONS')).toEqual([
    ['project:沈白高铁', 'explicit', '沈白高铁'],
    ['project:本桓宽高速', 'explicit', '本桓宽高速'],
    ['project:青山湖水库工程', 'form', '青山湖水库工程'],
  ]);
  expect(pick(l, 'LOCATED_IN')).toEqual(
    expect.arrayContaining([['place:沈阳', 'abbreviation', '沈']]),
  );
});

test('pairings: 京沈 and 沪连 name both places; an ambiguous 辽 and the bank 辽沈银行 name none', () => {
  const l = links('深化苏辽、京沈、沪连对口合作。组建辽沈银行。');
  expect(pick(l, 'INVOLVES')).toEqual([
    ['place:江苏', 'abbreviation', '苏'],
    ['place:北京', 'abbreviation', '京'],
    ['place:沈阳', 'abbreviation', '沈'],
    ['place:上海', 'abbreviation', '沪'],
    ['place:大连', 'abbreviation', '连'],
  ]);
  expect(l.edges.some((e) => e.type === 'INVOLVES' && e.words!.includes('辽'))).toBe(false);
  expect(pick(l, 'MENTIONS')).toEqual([
    expect.arrayContaining([expect.stringContaining('organization:')]),
  ]);
});

test("initials: a run of the province's cities' first characters names them, by rule initials", () => {
  const involved = (text: string, jurisdiction: string) =>
    links(text, jurisdiction)
      .edges.filter((e) => e.type === 'INVOLVES' && e.rule === 'initials')
      .map((e) => [e.to, e.words]);
  // Two before a route's form; three or more anywhere.
  expect(involved('开工建设平庆铁路。支持金白兰武产业协作。', '甘肃')).toEqual([
    ['place:平凉', '平'],
    ['place:庆阳', '庆'],
    ['place:金昌', '金'],
    ['place:白银', '白'],
    ['place:兰州', '兰'],
    ['place:武威', '武'],
  ]);
  // The route's project is located in them too.
  expect(pick(links('开工建设平庆铁路。', '甘肃'), 'LOCATED_IN')).toEqual(
    expect.arrayContaining([['place:平凉', 'initials', '平']]),
  );
  // A pair written once before a form is read elsewhere in the report; never seen so, it is not.
  expect(involved('发展兰白化工基地。', '甘肃')).toEqual([]);
  expect(involved('推进兰白一体化。发展兰白化工基地。', '甘肃').length).toBe(4);
  // So is a pair of neighbours in a longer run: 衡沧 after 石衡沧.
  expect(involved('发展衡沧蔬菜产业。', '河北')).toEqual([]);
  expect(involved('建设石衡沧城际铁路。发展衡沧蔬菜产业。', '河北').slice(3)).toEqual([
    ['place:衡水', '衡'],
    ['place:沧州', '沧'],
  ]);
  // A state-level new area joins by a character no city of the province opens (雄: 雄安新区);
  // 兰州新区's 兰 stays Lanzhou's.
  expect(involved('加快石雄铁路建设。', '河北')).toEqual([
    ['place:石家庄', '石'],
    ['place:雄安新区', '雄'],
  ]);
  expect(involved('开工建设兰白铁路。', '甘肃')).toEqual([
    ['place:兰州', '兰'],
    ['place:白银', '白'],
  ]);
  // Only the report's own province: the same words in a Liaoning or a national report name nothing.
  expect(involved('开工建设平庆铁路。支持金白兰武产业协作。', '辽宁')).toEqual([]);
  expect(involved('开工建设平庆铁路。支持金白兰武产业协作。', '中国')).toEqual([]);
  // Inside a place's name (广东: 广州 and 东莞 open with 广 and 东) or an industry's word
  // (文 of 文旅 in 昆红文旅) a character is no initial; 陇 is Gansu's, not 陇南's.
  expect(involved('完成广东段建设。', '广东')).toEqual([]);
  expect(involved('推动昆红文旅协同。', '云南')).toEqual([]);
  expect(involved('建设天陇铁路。', '甘肃')).toEqual([]);
  // Common characters the gazetteer lists as ambiguous in the province are not read (大本营).
  expect(involved('打造大本营铁路。', '辽宁')).toEqual([]);
});

test("initials across a border: a neighbouring province's city beside one of the province's own, before a form", () => {
  const involved = (text: string, jurisdiction: string) =>
    links(text, jurisdiction)
      .edges.filter((e) => e.type === 'INVOLVES' && e.rule === 'initials')
      .map((e) => [e.to, e.words]);
  // Yinchuan (Ningxia) and Lanzhou; Xiong'an New Area (Hebei) and Xinzhou, in Shanxi's report.
  expect(involved('加快银兰高铁建设。', '甘肃')).toEqual([
    ['place:银川', '银'],
    ['place:兰州', '兰'],
  ]);
  expect(involved('建成雄忻高铁。', '山西')).toEqual([
    ['place:雄安新区', '雄'],
    ['place:忻州', '忻'],
  ]);
  // Not without a form, not without one of the province's own cities, not in a province
  // that does not border it (Ningxia is no neighbour of Hebei).
  expect(involved('推进银兰合作。', '甘肃')).toEqual([]);
  expect(involved('规划商忻铁路。', '河北')).toEqual([]);
  expect(involved('加快银石铁路建设。', '河北')).toEqual([]);
});

test("a province's literary name is the province; short forms that are common words are not places", () => {
  const places = (text: string, jurisdiction: string) =>
    pick(links(text, jurisdiction), 'INVOLVES').map(([to, rule, words]) => [to, rule, words]);
  expect(places('谱写齐鲁大地新篇章。', '山东')).toEqual([['place:山东', 'alias', '齐鲁']]);
  expect(places('让陇原大地更美。', '中国')).toEqual([['place:甘肃', 'alias', '陇原']]);
  // 合作 (cooperation; 合作市 in Gannan), 平川 (一马平川; 平川区), 和政 before 策, 玉门关
  // (a pass in Dunhuang, not 玉门市): nothing, in a Gansu report where the short forms are read.
  expect(places('深化区域合作，前路不会一马平川。完善企业培育和政策扶持。', '甘肃')).toEqual([]);
  expect(places('推动玉门关创建景区。', '甘肃')).toEqual([]);
  // The places themselves are still read by their full names.
  expect(places('支持合作市、和政县发展。', '甘肃').map(([to]) => to)).toEqual([
    'place:合作市',
    'place:和政县',
  ]);
});

test('project names by form: the verbs opening the clause are not in the name, a bare form word names nothing', () => {
  const projects = (text: string) =>
    pick(links(text, '河北'), 'MENTIONS')
      .filter(([to]) => String(to).startsWith('project:'))
      .map(([, , words]) => words);
  expect(
    projects('力促石衡沧港城际铁路建成。加大保障性安居工程投入。引进中关村科技项目落地。'),
  ).toEqual(['石衡沧港城际铁路', '保障性安居工程', '中关村科技项目']);
  // 深化工程, 新增高速铁路, 提高工程: a verb before a form word, not a project.
  expect(projects('深化工程建设改革。新增高速铁路二百公里。提高工程质量。')).toEqual([]);
});

test('provinces listed by their abbreviations in a run of three or more involve each', () => {
  const involved = (text: string) =>
    pick(links(text, '安徽'), 'INVOLVES')
      .filter(([, rule]) => rule === 'abbreviation')
      .map(([to]) => to);
  // 苏 is Jiangsu in the list (Suzhou elsewhere); 宁 Ningxia, 青 Qinghai.
  expect(involved('深化沪苏浙城市结对合作。')).toEqual(['place:上海', 'place:江苏', 'place:浙江']);
  expect(involved('构建青甘宁绿色算力走廊。')).toEqual(['place:青海', 'place:甘肃', 'place:宁夏']);
  // A run of two is no list, and 新 or 青 ending a run is an adjective of what follows.
  expect(involved('打通甘川新通道。')).toEqual([]);
  expect(involved('推进沪宁合作。')).not.toContain('place:宁夏');
});

test('a project name in quotes is quoted whole, and a generic one in quotes is none', () => {
  const projects = (text: string) =>
    pick(links(text, '河北'), 'MENTIONS')
      .filter(([to]) => String(to).startsWith('project:'))
      .map(([to, , words]) => [to, words]);
  // The form word ends the scan before the closing quote; the quote opened before a 、 list.
  expect(
    projects('深入学习运用“千万工程”经验。实施“千村引领、万村升级”工程。杜绝“形象工程”。'),
  ).toEqual([
    ['project:“千万工程”', '“千万工程”'],
    ['project:“千村引领、万村升级”工程', '“千村引领、万村升级”工程'],
  ]);
  // The quotation goes on past the form word: the name runs to its close.
  expect(projects('加快建设“南北两大高速公路通道”。')).toEqual([
    ['project:“南北两大高速公路通道”', '“南北两大高速公路通道”'],
  ]);
});

test('no project: growth at medium-high speed, a count of one, a verb before 项目', () => {
  const projects = (text: string) =>
    pick(links(text, '河北'), 'MENTIONS').filter(([to]) => String(to).startsWith('project:'));
  expect(projects('保持经济中高速增长。狠抓项目建设。修建一条跑道。')).toEqual([]);
});

test('no project: a category of projects by where its money or standing comes from, or a clause opening on a verb', () => {
  const projects = (text: string) =>
    pick(links(text, '甘肃'), 'MENTIONS')
      .filter(([to]) => String(to).startsWith('project:'))
      .map(([to]) => to);
  expect(
    projects(
      '大抓项目。推介民间投资项目，盘活存量项目，实施亿元以上项目，打造标志性工程，压减政府性基金项目。其中高铁通车。',
    ),
  ).toEqual([]);
  // The verb goes, the name stays.
  expect(projects('做深向石羊河流域调水项目。建强劳动密集型产业园。')).toEqual([
    'project:石羊河流域调水项目',
    'project:劳动密集型产业园',
  ]);
});

test('a transfer between provinces named by their abbreviations (陇电入鲁) involves both', () => {
  const involved = (text: string) =>
    pick(links(text, '中国'), 'INVOLVES').map(([to, rule, words]) => [to, rule, words]);
  expect(involved('建成宁电入湘工程。')).toEqual([
    ['place:宁夏', 'abbreviation', '宁'],
    ['place:湖南', 'abbreviation', '湘'],
  ]);
  // A character that abbreviates no province (外, from outside) makes no transfer.
  expect(involved('扩大外电入鲁规模。')).toEqual([]);
});

test('national projects of public record, however a clause opens on them', () => {
  const l = links(
    '深度融入西部陆海新通道，开行中欧班列。积极服务雅下水电工程建设。大力推进“三北”工程建设。',
    '甘肃',
  );
  expect(pick(l, 'MENTIONS')).toEqual([
    ['project:西部陆海新通道', 'explicit', '西部陆海新通道'],
    ['project:中欧班列', 'explicit', '中欧班列'],
    // 服务 is no verb the project form knows: the known name ends the name read by form.
    ['project:雅下水电工程', 'explicit', '雅下水电工程'],
    ['project:三北工程', 'alias', '“三北”工程'],
  ]);
  // The quotation in the project's name is the project's, no theme of its own.
  expect(pick(l, 'SERVES')).toEqual([]);
});

test('SERVES: a named theme, a member of a bundle, and a quoted slogan the lexicon lacks', () => {
  const l = links('筑牢粮食安全防线。推进“金点子”行动。坚持稳字当头，在“稳”的基础上推进。');
  expect(pick(l, 'SERVES')).toEqual([
    ['theme:粮食安全', 'explicit', '粮食安全'],
    ['theme:五大安全', 'component', '粮食安全'],
    ['theme:金点子', 'quoted', '金点子'],
  ]);
  // The stoplisted “稳” is emphasis, not a theme.
  expect(l.entities.map((e) => e.name)).toEqual(['金点子']);
  expect(l.entities[0]).toMatchObject({ kind: 'Theme', curated: false });
});

test('programmes by form are themes: 行动 and 计划 end a name, not the verb 行动 nor a count of them', () => {
  const l = links(
    '深入实施提振消费专项行动，开展“技能照亮前程”培训行动。6所高职院校入选国家“双高计划”，推进国家城市更新行动。' +
      '自觉在思想上政治上行动上同党中央保持高度一致，以实际行动践行，全社会积极行动起来。' +
      '实施六大行动，推进降低全社会物流成本“七大行动”。',
    '湖南',
  );
  expect(pick(l, 'SERVES')).toEqual([
    ['theme:提振消费专项行动', 'form', '提振消费专项行动'],
    // The quotation is the programme's, no theme of its own.
    ['theme:“技能照亮前程”培训行动', 'form', '“技能照亮前程”培训行动'],
    // A known theme (城市更新行动) with words before it is that theme; a quoted name ending
    // in the form word is the programme's own name, whatever qualifies it.
    ['theme:城市更新', 'alias', '城市更新行动'],
    ['theme:双高计划', 'form', '双高计划'],
    // 六大行动 counts programmes; a count quoted after what it is for names them.
    ['theme:降低全社会物流成本“七大行动”', 'form', '降低全社会物流成本“七大行动”'],
  ]);
  expect(l.entities.filter((e) => e.kind === 'Theme').every((e) => !e.curated)).toBe(true);
});

test('the slogans many 2026 reports quote are themes; appraisal grades, budget lines, formulas and figures of speech are not', () => {
  const l = links(
    '持续推进“高效办成一件事”，深入践行“两山”理念。做好科技金融、绿色金融、普惠金融、养老金融、数字金融五篇大文章。' +
      '“三公”经费只减不增，考核为“好”，坚持“四个全面”，破解“卡脖子”难题，实施“九五”普法规划。',
    '湖南',
  );
  expect(pick(l, 'SERVES')).toEqual([
    ['theme:高效办成一件事', 'explicit', '高效办成一件事'],
    ['theme:绿水青山就是金山银山', 'alias', '“两山”'],
    ['theme:五篇大文章', 'explicit', '五篇大文章'],
    ['theme:九五普法', 'alias', '“九五”普法规划'],
  ]);
  expect(pick(l, 'CONCERNS').map((e) => e[0])).toEqual(
    expect.arrayContaining(['industry:养老金融', 'industry:数字金融']),
  );
});

test('a member serves its bundle only in reports written after the bundle was set out', () => {
  const text = '千方百计稳就业。';
  const served = (year: number | null) =>
    linkCommitments(lexicon, text, 'r', '中国', commitments(text), year)
      .edges.filter((e) => e.type === 'SERVES')
      .map((e) => [e.target, e.rule]);
  // 六稳 was set out in July 2018 (fromYear 2019).
  expect(served(2015)).toEqual([['theme:稳就业', 'explicit']]);
  expect(served(2019)).toEqual([
    ['theme:稳就业', 'explicit'],
    ['theme:六稳', 'component'],
  ]);
  // A report's year unknown: as before, the bundle is served.
  expect(served(null)).toEqual(served(2019));
});

test('SERVES by paragraph: a framing sentence puts the sentences after it under its theme', () => {
  const text =
    '千方百计扩大有效投资。坚持维护国家“五大安全”这个政治使命。加快建设徐大堡核电。\n\n另一段开工建设凌绥高速。';
  const l = links(text);
  const serves = l.edges.filter((e) => e.type === 'SERVES' && e.to === 'theme:五大安全');
  expect(serves.map((e) => [e.from, e.rule])).toEqual([
    ['坚持维护国家“五大安全”这个政治使命。', 'explicit'],
    ['加快建设徐大堡核电。', 'paragraph'],
  ]);
});

test('CONCERNS industries; organisations by name, and 省政府 only in its own province', () => {
  const l = links('支持集成电路产业发展。省政府支持华晨集团重整。');
  expect(pick(l, 'CONCERNS').map((e) => e[0])).toContain('industry:集成电路');
  const here = pick(l, 'MENTIONS').map((e) => e[0]);
  expect(here).toEqual(expect.arrayContaining(['organization:辽宁省人民政府']));
  expect(here.some((id) => String(id).includes('华晨'))).toBe(true);
  const elsewhere = pick(links('省政府支持企业。', '广东'), 'MENTIONS').map((e) => e[0]);
  expect(elsewhere).not.toContain('organization:辽宁省人民政府');
});

test('zones by form: a zone named after a place is a place of its own; titles and categories are not', () => {
  const l = links(
    '深化蚌埠综合保税区改革。推进中国（安徽）自贸试验区建设。创建美丽中国先行区。争创国家自主创新示范区。支持国家级新区发展。开工建设上海示范区线。',
    '安徽',
  );
  const zones = l.edges.filter((e) => e.rule === 'form');
  expect(zones.map((e) => [e.type, e.to, e.words])).toEqual([
    ['INVOLVES', 'place:蚌埠综合保税区', '蚌埠综合保税区'],
    ['INVOLVES', 'place:中国（安徽）自贸试验区', '中国（安徽）自贸试验区'],
  ]);
  const zone = l.entities.find((e) => e.id === 'place:蚌埠综合保税区');
  expect(zone).toMatchObject({ kind: 'Place', level: 'zone', curated: false });
  // The place its name opens with is involved as well, by its own name.
  expect(pick(l, 'INVOLVES')).toContainEqual(['place:蚌埠', 'explicit', '蚌埠']);
});

test('zones by form: a zone the lexicon knows, or a theme of that form, is not read again', () => {
  const l = links('依托辽宁自贸试验区，高水平建设辽东绿色经济区。');
  expect(l.edges.filter((e) => e.rule === 'form')).toEqual([]);
  expect(pick(l, 'INVOLVES')).toContainEqual([
    'place:辽宁自贸试验区',
    'explicit',
    '辽宁自贸试验区',
  ]);
});

test('the new growth engines and future industries are industries, under their groupings', () => {
  const l = links('培育低空经济、商业航天等新增长引擎，布局量子科技、具身智能、6G等未来产业。');
  expect(pick(l, 'CONCERNS').map((e) => e[0])).toEqual(
    expect.arrayContaining([
      'industry:低空经济',
      'industry:商业航天',
      'industry:量子科技',
      'industry:具身智能',
      'industry:第六代移动通信',
      'industry:未来产业',
    ]),
  );
  const parent = (name: string) => lexicon.industries.find((e) => e.name === name)?.parent;
  expect([parent('低空经济'), parent('商业航天'), parent('具身智能')]).toEqual([
    '战略性新兴产业',
    '航空航天',
    '未来产业',
  ]);
});

test('the 2024-2026 reports’ policy lines are themes: 两重, 两新 and its components, 新质生产力', () => {
  const l = links('加力实施“两重”项目，扩大消费品以旧换新，因地制宜发展新质生产力。');
  const serves = pick(l, 'SERVES').map((e) => e[0]);
  expect(serves).toEqual(
    expect.arrayContaining([
      'theme:两重',
      'theme:消费品以旧换新',
      // Naming a component serves its bundle.
      'theme:两新',
      'theme:新质生产力',
    ]),
  );
  // 两新一重 (2020) is another bundle: 两新 is not read inside it.
  expect(pick(links('推进“两新一重”建设。'), 'SERVES').map((e) => e[0])).not.toContain(
    'theme:两新',
  );
});

test('rivers, lakes, mountains and plateaus are places inside what holds them', () => {
  const involved = (text: string) => pick(links(text, '湖南'), 'INVOLVES').map((e) => e[0]);
  expect(involved('推进洞庭湖生态保护，加强大运河和祁连山保护。')).toEqual(
    expect.arrayContaining(['place:洞庭湖', 'place:大运河', 'place:祁连山']),
  );
  const parent = (name: string) => lexicon.places.find((e) => e.name === name)?.parent;
  expect([parent('洞庭湖'), parent('滇池'), parent('大运河')]).toEqual(['湖南', '昆明', '中国']);
  // Names built on them that are not them.
  expect(involved('闽江学院更名大学。南极秦岭站建成。')).toEqual([]);
});
