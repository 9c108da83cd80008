/**
 * The GraphQL contract over HTTP, run on each store.
 */
import 'reflect-metadata';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { getIntrospectionQuery } from 'graphql';
import { TARGET_COLUMNS } from '../../src/export';
import { linkReport } from '../../src/link';
import type { GraphStore } from '../../src/store';
import { startService, type RunningService } from '../../src/serve/server';
import { RANGE_REPORT } from '../support/range-report';
import { SEEDS, seedGraphs } from '../support/seeds';

/** The national gazetteer, as the dataset gives it (graph/divisions.json). */
const DIVISIONS: {
  code: string;
  fullName: string;
  nameEn: string;
  level: string;
  parent: string;
}[] = JSON.parse(
  readFileSync(path.join(__dirname, '../../graph/divisions.json'), 'utf8'),
).divisions;
const ETHNIC: { name: string; bare?: boolean }[] = JSON.parse(
  readFileSync(path.join(__dirname, '../../graph/place-names.json'), 'utf8'),
).ethnicGroups;

/** The short form a report writes: 黔东南 for 黔东南苗族侗族自治州, 大连 for 大连市, 阿拉善 for 阿拉善盟. */
function shortName(full: string): string {
  let s = full.replace(/(市|地区|盟|自治州)$/u, '');
  if (s === full) return full;
  for (let again = true; again;) {
    again = false;
    // 苗族侗族, and the groups written without 族 (博尔塔拉蒙古自治州).
    for (const g of ETHNIC)
      for (const written of g.bare ? [`${g.name}族`, g.name] : [`${g.name}族`])
        if (!again && s.endsWith(written) && s.length >= written.length + 2) {
          s = s.slice(0, -written.length);
          again = true;
        }
  }
  return s;
}

// Response data is checked field by field in the tests, not typed up front.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface GraphQLResponse {
  data?: Record<string, Json>;
  errors?: { message: string; extensions?: { code?: string; suggestions?: string[] } }[];
}

export function graphqlSuite(makeStore: () => Promise<GraphStore>): void {
  let store: GraphStore;
  let service: RunningService;
  const texts = new Map<string, string>();
  const API_KEY = 'test-key';
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-reports-'));

  const gql = async (
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse> => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse;
  };

  beforeAll(async () => {
    store = await makeStore();
    for (const g of await seedGraphs()) {
      await store.ingest(g);
      texts.set(g.report.reportId, g.report.text);
    }
    for (const id of texts.keys()) await linkReport(store, id);
    service = await startService({
      store,
      port: 0,
      host: '127.0.0.1',
      settings: {
        apiKey: API_KEY,
        reportsDir: store.kind === 'embedded' ? reportsDir : null,
        maxReportBytes: 1_000_000,
      },
    });
  });
  afterAll(async () => {
    await service?.close();
    await store?.close();
  });

  const INVOLVES = `query($names: [String!]!, $first: Int, $after: String) {
    commitments(filter: {involves: $names}, first: $first, after: $after) {
      totalCount
      nodes { id text phase span { start end } report { id }
        places { name nameEn } links { kind rule evidence { start end } entity { id name ... on Place { parent { id parent { id } } } } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  test('Shenyang and 沈阳 give the same sentences, each naming it, with spans that slice back', async () => {
    const en = await gql(INVOLVES, { names: ['Shenyang'], first: 1000 });
    const zh = await gql(INVOLVES, { names: ['沈阳'], first: 1000 });
    expect(en.errors).toBeUndefined();
    expect(zh.data).toEqual(en.data);
    const conn = en.data!.commitments;
    expect(conn.totalCount).toBe(conn.nodes.length);
    expect(conn.totalCount).toBeGreaterThanOrEqual(10);
    for (const c of conn.nodes) {
      expect(texts.get(c.report.id)!.slice(c.span.start, c.span.end)).toBe(c.text);
      // Shenyang itself, or a place inside it (a district of Shenyang counts for Shenyang).
      const link = c.links.find(
        (l: Json) =>
          l.entity.id === 'place:沈阳' ||
          l.entity.parent?.id === 'place:沈阳' ||
          l.entity.parent?.parent?.id === 'place:沈阳',
      );
      expect(link.kind).toBe('INVOLVES');
      const words = texts.get(c.report.id)!.slice(link.evidence.start, link.evidence.end);
      if (link.rule === 'abbreviation') {
        // One trusted character: 沈 in 沈白高铁, or 康 (康平县, a county of Shenyang) in 沈康高速.
        expect(words).toHaveLength(1);
        if (link.entity.id === 'place:沈阳') expect(words).toBe('沈');
      } else if (link.rule === 'named-after') expect(words).toMatch(/^沈/);
      else if (link.entity.id === 'place:沈阳') expect(words).toMatch(/^沈阳/);
      else expect(words.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('pages follow each other through the cursor', async () => {
    const all = (await gql(INVOLVES, { names: ['大连'], first: 1000 })).data!.commitments.nodes;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: Json = (await gql(INVOLVES, { names: ['大连'], first: 4, after })).data!
        .commitments;
      seen.push(...page.nodes.map((c: { id: string }) => c.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((c: { id: string }) => c.id));
  });

  test('filters by report and phase', async () => {
    const r =
      await gql(`{ commitments(filter: {report: "liaoning-2022", phase: REVIEW}, first: 1000) {
      totalCount nodes { phase report { id } section { path title } } } }`);
    const nodes = r.data!.commitments.nodes;
    expect(nodes.length).toBeGreaterThan(50);
    for (const c of nodes) {
      expect(c).toMatchObject({
        phase: 'REVIEW',
        report: { id: 'liaoning-2022' },
        section: { path: '一' },
      });
    }
  });

  test('reports, report(id) and its outline', async () => {
    const r = await gql(`{ reports { id year level jurisdiction { name nameEn } }
      report(id: "liaoning-2022") { title speaker deliveredOn sections { path title parent { path } children { path } }
        commitments(first: 2) { totalCount nodes { text } } }
      missing: report(id: "nope") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.reports).toEqual([
      {
        id: 'china-2021',
        year: 2021,
        level: 'national',
        jurisdiction: { name: '中国', nameEn: 'China' },
      },
      {
        id: 'china-2022',
        year: 2022,
        level: 'national',
        jurisdiction: { name: '中国', nameEn: 'China' },
      },
      {
        id: 'liaoning-2022',
        year: 2022,
        level: 'provincial',
        jurisdiction: { name: '辽宁', nameEn: 'Liaoning' },
      },
    ]);
    const report = r.data!.report;
    expect(report).toMatchObject({
      title: '2022年辽宁省政府工作报告',
      speaker: '李乐成',
      deliveredOn: '2022-01-20',
    });
    expect(report.sections[1]).toMatchObject({ path: '二', parent: null });
    expect(report.sections[1].children).toHaveLength(10);
    expect(report.sections[2].parent).toEqual({ path: '二' });
    expect(report.commitments.nodes[0].text).toBe(
      '2021年是党和国家历史上具有里程碑意义的一年，也是辽宁发展史上极不平凡的一年。',
    );
    expect(r.data!.missing).toBeNull();
  });

  test('resolve matches any language and case, and places know their hierarchy', async () => {
    const r = await gql(`{ a: resolve(name: "SHENYANG") { id kind name nameEn aliases
        ... on Place { level parent { name } commitments(first: 1) { totalCount } } }
      b: resolve(name: "Liaoning") { ... on Place { parts { nameEn } } }
      c: resolve(name: "Atlantis") { id }
      d: resolve(name: "Jilin") { id ... on Place { level parts { name } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.a).toHaveLength(1);
    expect(r.data!.a[0]).toMatchObject({
      id: 'place:沈阳',
      kind: 'PLACE',
      name: '沈阳',
      nameEn: 'Shenyang',
      level: 'prefecture',
      parent: { name: '辽宁' },
    });
    expect(r.data!.a[0].commitments.totalCount).toBeGreaterThanOrEqual(10);
    expect(r.data!.b[0].parts.length).toBeGreaterThanOrEqual(14);
    expect(r.data!.b[0].parts.map((p: Json) => p.nameEn)).toEqual(
      expect.arrayContaining(['Shenyang', 'Dalian', 'Anshan', 'Huludao']),
    );
    expect(r.data!.c).toEqual([]);
    // A report carries only the places it links; the rest are the gazetteer's: Jilin the
    // province and the city, each with its divisions, whether or not a report names them.
    const jilin = r.data!.d as { id: string; level: string; parts: { name: string }[] }[];
    expect(jilin.map((p) => p.level).sort()).toEqual(['prefecture', 'province']);
    const province = jilin.find((p) => p.level === 'province')!;
    expect(province.parts.map((p) => p.name)).toEqual(expect.arrayContaining(['长春', '延边']));
    expect(province.parts.length).toBeGreaterThanOrEqual(9);
    const city = jilin.find((p) => p.level === 'prefecture')!;
    expect(city.parts.map((p) => p.name)).toEqual(expect.arrayContaining(['桦甸市', '蛟河市']));
    // ... and suggested for a name that misses by a letter.
    const miss = await gql(INVOLVES, { names: ['Changchn'] });
    expect(miss.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(miss.errors![0]!.extensions!.suggestions).toContain('长春');
  });

  test('every prefecture of the national dataset resolves by its full, short and English name', async () => {
    const prefectures = DIVISIONS.filter((d) => d.level === 'prefecture');
    expect(prefectures.length).toBeGreaterThanOrEqual(330);
    const asked = prefectures.flatMap((p) =>
      [p.fullName, shortName(p.fullName), p.nameEn].map((name) => ({
        name,
        code: p.code,
        parent: p.parent,
      })),
    );
    for (let i = 0; i < asked.length; i += 60) {
      const batch = asked.slice(i, i + 60);
      const query = batch
        .map(
          (a, j) =>
            `r${j}: resolve(name: ${JSON.stringify(a.name)}) { ... on Place { code parent { name } } }`,
        )
        .join('\n');
      const r = await gql(`{ ${query} }`);
      expect(r.errors).toBeUndefined();
      batch.forEach((a, j) => {
        const places: { code: string | null; parent: { name: string } | null }[] = r.data![`r${j}`];
        expect({ name: a.name, found: places.find((p) => p.code === a.code) }).toEqual({
          name: a.name,
          found: { code: a.code, parent: { name: a.parent } },
        });
      });
    }
    // A city no stored report names is known, and involves nothing yet.
    const none = await gql(INVOLVES, { names: ['Changchun'] });
    expect(none.errors).toBeUndefined();
    expect(none.data!.commitments.totalCount).toBe(0);
  });

  test('errors carry codes: NOT_FOUND and BAD_USER_INPUT', async () => {
    const unknown = await gql(INVOLVES, { names: ['Atlantis'] });
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(unknown.errors![0]!.message).toMatch(/Atlantis/);
    const report = await gql(`{ commitments(filter: {report: "nope"}) { totalCount } }`);
    expect(report.errors![0]!.extensions).toMatchObject({
      code: 'NOT_FOUND',
      suggestions: ['china-2021', 'china-2022', 'liaoning-2022'],
    });
    const tooMany = await gql(INVOLVES, { names: ['沈阳'], first: 1001 });
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(tooMany.data ?? null).toBeNull();
    const cursor = await gql(INVOLVES, { names: ['沈阳'], after: 'not-a-cursor' });
    expect(cursor.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  test('a commitment with its places, industries, themes, projects, organisations and figures', async () => {
    const r = await gql(`{ commitments(filter: {text: "加快建设红沿河核电"}) { totalCount nodes {
        topic { start end } item places { name } industries { name } themes { name }
        projects { name places { name } themes { name } } organizations { name } targets { value } } }
      figures: commitments(filter: {report: "liaoning-2022", text: "主要预期目标"}) { nodes {
        targets { status metric { key curated headlineMeasure } metricText measure value unit qualifier direction year text span { start end } rule commitment { id } report { id } } } }
      org: commitments(filter: {text: "辽沈银行"}) { nodes { organizations { name nameEn } places { name } } } }`);
    expect(r.errors).toBeUndefined();
    const [c] = r.data!.commitments.nodes;
    expect(r.data!.commitments.totalCount).toBe(1);
    expect(c.projects.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(['红沿河核电', '徐大堡核电', '沈白高铁', '大连新机场']),
    );
    expect(c.themes.map((t: Json) => t.name)).toContain('五大安全');
    expect(c.places.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['沈阳', '大连']));
    expect(c.industries.map((i: Json) => i.name)).toContain('核电');
    const baishen = c.projects.find((p: Json) => p.name === '沈白高铁');
    expect(baishen.places.map((p: Json) => p.name)).toContain('沈阳');
    const targets = r.data!.figures.nodes.flatMap((n: Json) => n.targets);
    const gdp = targets.find((t: Json) => t.metric.key === 'gdp');
    expect(gdp).toMatchObject({
      status: 'SET',
      metricText: '地区生产总值',
      measure: 'GROWTH',
      value: 5.5,
      unit: '%',
      qualifier: 'AT_LEAST',
      direction: 'UP',
      year: 2022,
      text: '地区生产总值增长5.5%以上',
      rule: 'quantity',
      report: { id: 'liaoning-2022' },
      metric: { key: 'gdp', curated: true, headlineMeasure: 'GROWTH' },
    });
    expect(texts.get('liaoning-2022')!.slice(gdp.span.start, gdp.span.end)).toBe(gdp.text);
    expect(
      targets
        .filter((t: Json) => t.status !== 'SET')
        .map((t: Json) => t.status)
        .sort(),
    ).toEqual(['DEFERRED', 'QUALITATIVE', 'QUALITATIVE']);
    // 辽沈银行 is a bank: an organisation, not Liaoning or Shenyang.
    const bank = r.data!.org.nodes[0];
    expect(bank.organizations.map((o: Json) => o.name)).toContain('辽沈银行');
    expect(bank.places).toEqual([]);
  });

  test('commitment(id) gives one sentence and its paragraph with the words, not the report', async () => {
    const list = await gql(`{ commitments(filter: {text: "红沿河核电"}) { nodes { id } } }`);
    const id = list.data!.commitments.nodes[0].id as string;
    const r = await gql(
      `query One($id: ID!) { commitment(id: $id) { id text span { start end }
        paragraph { start end } passage { start end text } links { evidence { start end } } }
        missing: commitment(id: "commitment:liaoning-2022:999999999") { id } }`,
      { id },
    );
    expect(r.errors).toBeUndefined();
    const c = r.data!.commitment;
    const text = texts.get('liaoning-2022')!;
    expect(c.id).toBe(id);
    expect(r.data!.missing).toBeNull();
    // The passage is the report's own words over the paragraph, and holds the sentence.
    expect(c.passage.text).toBe(text.slice(c.passage.start, c.passage.end));
    expect(c.passage.start).toBeLessThanOrEqual(Math.min(c.span.start, c.paragraph.start));
    expect(c.passage.end).toBeGreaterThanOrEqual(Math.max(c.span.end, c.paragraph.end));
    expect(c.passage.text).toContain(c.text);
    expect(c.passage.text.length).toBeLessThan(text.length / 10);
    for (const link of c.links.filter((l: Json) => l.evidence)) {
      expect(link.evidence.start).toBeGreaterThanOrEqual(c.passage.start);
      expect(link.evidence.end).toBeLessThanOrEqual(c.passage.end);
    }
  });

  test('sharedEntities: what several reports commit to, with the reports, and bad kinds refused', async () => {
    const r = await gql(`{
      themes: sharedEntities(kind: THEME, minReports: 3, first: 200) {
        entity { id kind name ... on Theme { curated } } commitmentCount reports { id year jurisdiction { name } } }
      fromText: sharedEntities(kind: THEME, curated: false, first: 5) { entity { id ... on Theme { curated } } }
      places: sharedEntities(kind: PLACE, minReports: 1, first: 300) { entity { id } reports { id } } }`);
    expect(r.errors).toBeUndefined();
    const themes = r.data!.themes as Json[];
    expect(themes.length).toBeGreaterThan(5);
    for (const t of themes) {
      expect(t.entity.kind).toBe('THEME');
      expect(t.reports.map((x: Json) => x.id)).toEqual([
        'china-2021',
        'china-2022',
        'liaoning-2022',
      ]);
      // Each commitment counted names it: the entity's own connection agrees.
      const own = await gql(`{ resolve(name: ${JSON.stringify(t.entity.id)}) {
        commitments(first: 1) { totalCount } } }`);
      expect(t.commitmentCount).toBeLessThanOrEqual(own.data!.resolve[0].commitments.totalCount);
      expect(t.commitmentCount).toBeGreaterThanOrEqual(3);
    }
    expect(themes.map((t) => t.entity.id)).toContain('theme:高质量发展');
    for (const t of r.data!.fromText as Json[]) expect(t.entity.curated).toBe(false);
    const places = r.data!.places as Json[];
    const counts = places.map((p) => p.reports.length);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(places.find((p) => p.entity.id === 'place:沈阳')?.reports).toEqual([
      { id: 'liaoning-2022' },
    ]);
    // Only the reports of one year: the two of 2022.
    const of2022 = await gql(
      '{ sharedEntities(kind: THEME, year: 2022, first: 300) { reports { id year } } }',
    );
    expect(of2022.errors).toBeUndefined();
    const years = (of2022.data!.sharedEntities as Json[]).flatMap((x) =>
      x.reports.map((r: Json) => r.year),
    );
    expect(years.length).toBeGreaterThan(10);
    expect(new Set(years)).toEqual(new Set([2022]));
    const none = await gql('{ sharedEntities(kind: THEME, year: 1999) { commitmentCount } }');
    expect(none.data!.sharedEntities).toEqual([]);
    const metric = await gql('{ sharedEntities(kind: METRIC) { commitmentCount } }');
    expect(metric.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(metric.errors![0]!.message).toMatch(/targetTable/);
    const zero = await gql('{ sharedEntities(kind: THEME, minReports: 0) { commitmentCount } }');
    expect(zero.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  test('projects, targets, results and theme components', async () => {
    const r = await gql(`{
      five: projects(filter: {servesTheme: "五大安全"}) { name }
      fiveEn: projects(filter: {servesTheme: "five securities"}) { name }
      fivePinyin: projects(filter: {servesTheme: "Wudaanquan"}) { name }
      sixEn: resolve(name: "six stabilities") { name }
      dual: resolve(name: "dual circulation") { name }
      dalian: projects(filter: {involves: "Dalian"}) { name }
      targets(filter: {metric: "GDP", measure: GROWTH}) { report { id } value qualifier year }
      results(filter: {metric: "国内生产总值", year: 2021}) { report { id } value unit measure }
      liaoning: targets(filter: {jurisdiction: "辽宁", status: DEFERRED}) { metricText }
      theme: resolve(name: "五大安全") { ... on Theme { curated components { name } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.five.map((p: Json) => p.name)).toEqual(
      expect.arrayContaining(['红沿河核电', '徐大堡核电', '沈白高铁']),
    );
    // The names a researcher types: the same projects as the Chinese name.
    expect(r.data!.fiveEn).toEqual(r.data!.five);
    expect(r.data!.fivePinyin).toEqual(r.data!.five);
    expect(r.data!.sixEn).toEqual([{ name: '六稳' }]);
    expect(r.data!.dual).toEqual([{ name: '新发展格局' }]);
    expect(r.data!.dalian.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['大连新机场']));
    expect(r.data!.targets).toEqual([
      { report: { id: 'china-2021' }, value: 6, qualifier: 'AT_LEAST', year: 2021 },
      { report: { id: 'china-2022' }, value: 5.5, qualifier: 'ABOUT', year: 2022 },
      { report: { id: 'liaoning-2022' }, value: 5.5, qualifier: 'AT_LEAST', year: 2022 },
    ]);
    expect(r.data!.results).toEqual(
      expect.arrayContaining([
        { report: { id: 'china-2022' }, value: 8.1, unit: '%', measure: 'GROWTH' },
        { report: { id: 'liaoning-2022' }, value: 5.8, unit: '%', measure: 'GROWTH' },
      ]),
    );
    expect(r.data!.liaoning).toEqual([{ metricText: '能耗强度' }]);
    expect(r.data!.theme[0].components.map((t: Json) => t.name).sort()).toEqual(
      ['产业安全', '国防安全', '生态安全', '粮食安全', '能源安全'].sort(),
    );
    const unknown = await gql(`{ projects(filter: {servesTheme: "没有的主题"}) { name } }`);
    expect(unknown.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const metric = await gql(`{ targets(filter: {metric: "no such metric"}) { id } }`);
    expect(metric.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  test('queries deeper than 10 levels or above the complexity budget are refused before they run', async () => {
    const deep = await gql(
      `{ reports { sections { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }`,
    );
    expect(deep.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors![0]!.message).toMatch(/levels deep/);
    const wide = await gql(
      `{ commitments(first: 1000) { nodes { report { commitments(first: 1000) { nodes { id text } } } } } }`,
    );
    expect(wide.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(wide.errors![0]!.message).toMatch(/complexity/);
    expect(wide.data ?? null).toBeNull();
    // Fragments count for depth too.
    const viaFragment =
      await gql(`fragment P on Section { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } }
      { reports { sections { ...P } } }`);
    expect(viaFragment.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    // The measures are remembered per query and variables: the same query is refused again,
    // and with other variables it is measured again.
    const WIDE = `query($n: Int) { commitments(first: $n) { nodes { report { commitments(first: $n) { nodes { id } } } } } }`;
    for (const n of [1000, 1000]) {
      const r = await gql(WIDE, { n });
      expect(r.errors![0]!.message).toMatch(/complexity/);
    }
    const small = await gql(WIDE, { n: 2 });
    expect(small.errors).toBeUndefined();
    expect(small.data!.commitments.nodes).toHaveLength(2);
    expect((await gql(WIDE, { n: 1000 })).errors![0]!.message).toMatch(/complexity/);
    // The IDE's introspection query is deeper than 10 levels, and must still run.
    const introspection = await gql(getIntrospectionQuery());
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data!.__schema.queryType.name).toBe('Query');
  });

  test('a browser gets the GraphQL IDE at /graphql, with every file served locally', async () => {
    const page = await fetch(`${service.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBe(4);
    for (const src of sources) {
      expect(src).toMatch(/^\/graphql\/ide\//); // nothing from a CDN
      const asset = await fetch(`${service.url}${src}`);
      expect(asset.status).toBe(200);
      expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
    expect((await fetch(`${service.url}/graphql/ide/nope.js`)).status).toBe(404);
  });

  test('metricSeries: the national GDP target and result, year by year', async () => {
    const r = await gql(`{ metricSeries(metric: "GDP", jurisdiction: "China") {
      year jurisdiction { name } target { value unit qualifier report { id } } result { value unit report { id } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.metricSeries).toEqual([
      {
        year: 2020,
        jurisdiction: { name: '中国' },
        target: null,
        result: { value: 2.3, unit: '%', report: { id: 'china-2021' } },
      },
      {
        year: 2021,
        jurisdiction: { name: '中国' },
        target: { value: 6, unit: '%', qualifier: 'AT_LEAST', report: { id: 'china-2021' } },
        result: { value: 8.1, unit: '%', report: { id: 'china-2022' } },
      },
      {
        year: 2022,
        jurisdiction: { name: '中国' },
        target: { value: 5.5, unit: '%', qualifier: 'ABOUT', report: { id: 'china-2022' } },
        result: null,
      },
    ]);
    const levels = await gql(
      `{ metricSeries(metric: "gdp", jurisdiction: "辽宁", measure: LEVEL) { year result { value unit } } }`,
    );
    expect(levels.data!.metricSeries).toEqual([
      { year: 2021, result: { value: 27584, unit: '亿元' } },
    ]);
  });

  test('targets know their outcomes, results their target, commitments the work they continue', async () => {
    const r =
      await gql(`{ targets(filter: {metric: "GDP", year: 2021, jurisdiction: "China"}) { value outcomes { value report { id } outcomeOf { value } } }
      commitments(filter: {report: "china-2022", text: "一带一路"}) { nodes { id text continues { score rule commitment { report { id } text } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.targets).toEqual([
      {
        value: 6,
        outcomes: [{ value: 8.1, report: { id: 'china-2022' }, outcomeOf: { value: 6 } }],
      },
    ]);
    const continuing = r.data!.commitments.nodes.flatMap((n: Json) => n.continues);
    // Subgraphs carry the score of the CONTINUES edges they hold.
    const around = await gql(
      `{ neighborhood(id: "${r.data!.commitments.nodes.find((n: Json) => n.continues.length).id}") { edges { type score } } }`,
    );
    const scored = around.data!.neighborhood.edges.filter((e: Json) => e.type === 'CONTINUES');
    expect(scored.length).toBeGreaterThan(0);
    for (const e of scored) expect(e.score).toBeGreaterThan(0);
    expect(continuing.length).toBeGreaterThan(0);
    for (const c of continuing) {
      expect(c.commitment.report.id).toBe('china-2021');
      expect(c.commitment.text).toContain('一带一路');
      expect(c.score).toBeGreaterThan(0.3);
    }
  });

  test("targetComparison: Liaoning's 2022 GDP target against the country's", async () => {
    const r = await gql(
      `{ targetComparison(metric: "地区生产总值", year: 2022) { report { id jurisdiction { nameEn } } value unit qualifier } }`,
    );
    expect(r.data!.targetComparison).toEqual([
      {
        report: { id: 'china-2022', jurisdiction: { nameEn: 'China' } },
        value: 5.5,
        unit: '%',
        qualifier: 'ABOUT',
      },
      {
        report: { id: 'liaoning-2022', jurisdiction: { nameEn: 'Liaoning' } },
        value: 5.5,
        unit: '%',
        qualifier: 'AT_LEAST',
      },
    ]);
  });

  test('neighborhood: nearest first, cut at the limit, edges among the nodes kept', async () => {
    const r = await gql(`{ neighborhood(id: "place:沈阳", depth: 2, limit: 100) {
      nodes { id kind label report phase } edges { id type source target rule evidence { start end } } } }`);
    expect(r.errors).toBeUndefined();
    const { nodes, edges } = r.data!.neighborhood;
    expect(nodes).toHaveLength(100);
    const small = await gql(
      `{ neighborhood(id: "place:沈阳", depth: 2, limit: 10) { nodes { id } } }`,
    );
    expect(small.data!.neighborhood.nodes.map((n: Json) => n.id)).toEqual(
      nodes.slice(0, 10).map((n: Json) => n.id),
    );
    expect(nodes[0]).toMatchObject({ id: 'place:沈阳', kind: 'PLACE', label: '沈阳' });
    const ids = new Set(nodes.map((n: Json) => n.id));
    for (const e of edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(edges.some((e: Json) => e.type === 'PART_OF' && e.target === 'place:辽宁')).toBe(true);
    const commitment = nodes.find((n: Json) => n.kind === 'COMMITMENT');
    expect(commitment).toMatchObject({ report: 'liaoning-2022' });
    // Asked for ids only (the store reads no labels), the same nodes and edges in the same order.
    const keys = await gql(`{ neighborhood(id: "place:沈阳", depth: 2, limit: 100) {
      nodes { id kind } edges { id type source target } } }`);
    expect(keys.data!.neighborhood).toEqual({
      nodes: nodes.map((n: Json) => ({ id: n.id, kind: n.kind })),
      edges: edges.map((e: Json) => ({
        id: e.id,
        type: e.type,
        source: e.source,
        target: e.target,
      })),
    });
    const missing = await gql(`{ neighborhood(id: "place:亚特兰蒂斯") { nodes { id } } }`);
    expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const tooDeep = await gql(`{ neighborhood(id: "place:沈阳", depth: 9) { nodes { id } } }`);
    expect(tooDeep.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  test('path: a shortest path, explained edge by edge', async () => {
    const r = await gql(
      `{ path(from: "place:沈阳", to: "theme:五大安全") { nodes { id kind } edges { type source target rule } } }`,
    );
    expect(r.errors).toBeUndefined();
    const p = r.data!.path;
    expect(p.nodes[0].id).toBe('place:沈阳');
    expect(p.nodes.at(-1).id).toBe('theme:五大安全');
    expect(p.edges).toHaveLength(p.nodes.length - 1);
    expect(p.edges).toHaveLength(2); // Shenyang ← a commitment → the five securities
    p.edges.forEach((e: Json, i: number) => {
      expect([e.source, e.target].sort()).toEqual([p.nodes[i].id, p.nodes[i + 1].id].sort());
    });
    const none = await gql(
      `{ path(from: "place:沈阳", to: "place:台湾", maxLength: 1) { nodes { id } } }`,
    );
    expect(none.data!.path).toBeNull();
  });

  test('search finds sentences and names in Chinese and English', async () => {
    const r = await gql(`{ zh: search(text: "核电", first: 10) { id kind label snippet score }
      en: search(text: "Shenyang", first: 5) { id kind label } }`);
    expect(r.errors).toBeUndefined();
    const zh = r.data!.zh;
    expect(zh.length).toBeGreaterThan(3);
    expect(zh.some((h: Json) => h.kind === 'COMMITMENT' && h.snippet.includes('核电'))).toBe(true);
    expect(zh.some((h: Json) => h.id === 'project:红沿河核电' || h.id === 'industry:核电')).toBe(
      true,
    );
    expect(r.data!.en.map((h: Json) => h.id)).toContain('place:沈阳');
    const odd = await gql(`{ search(text: "沈阳 AND (\\"核电\\" OR 机场*)") { id } }`);
    expect(odd.errors).toBeUndefined();
  });

  test('a name that resolves to nothing suggests near misses', async () => {
    const r = await gql(`{ commitments(filter: {involves: ["Shenyan"]}) { totalCount } }`);
    expect(r.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(r.errors![0]!.extensions!.suggestions).toContain('沈阳');
    expect(JSON.stringify(r.errors)).not.toMatch(/stacktrace/);
  });

  test('an entity id is taken where a name is, as answers give ids', async () => {
    const count = async (names: string[]) =>
      (await gql(INVOLVES, { names, first: 1 })).data!.commitments.totalCount as number;
    expect(await count(['place:沈阳'])).toBe(await count(['沈阳']));
    expect(await count(['place:沈阳'])).toBeGreaterThan(0);
    const r =
      await gql(`{ a: resolve(name: "metric:gdp") { id } b: resolve(name: "theme:五大安全") { id }
      c: metricSeries(metric: "metric:gdp", jurisdiction: "place:中国") { year } }`);
    expect(r.data!.a).toEqual([{ id: 'metric:gdp' }]);
    expect(r.data!.b).toEqual([{ id: 'theme:五大安全' }]);
    expect(r.data!.c.length).toBeGreaterThan(0);
    // The id of something that is no entity, or of no entity at all, is still NOT_FOUND.
    for (const name of ['place:亚特兰蒂斯', 'commitment:china-2021:132']) {
      const missing = await gql(INVOLVES, { names: [name] });
      expect(missing.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
  });

  const INGEST = `mutation($input: ReportInput!) { ingestReport(input: $input) { id year jurisdiction { name }
    commitments(first: 10) { totalCount nodes { text places { name } targets { value unit } } } } }`;
  /** Adds a report through the API as a client would: its metadata's fields and its text. */
  const ingest = (
    meta: { id: string; title: string; jurisdiction: string; level?: string; year: number },
    text: string,
  ) => {
    const { id, title, jurisdiction, level, year } = meta;
    const input = { id, title, jurisdiction, level, year, text };
    return gql(INGEST, { input }, { authorization: `Bearer ${API_KEY}` });
  };
  const report = {
    id: 'shenyang-2022',
    title: '2022年沈阳市政府工作报告',
    jurisdiction: '沈阳市',
    year: 2022,
    text: '一、2021年工作回顾\n\n全市地区生产总值增长7%。\n\n二、2022年工作安排\n\n地区生产总值增长6%以上。支持浑南科技城建设。\n',
  };

  test('ingestReport needs the API key', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: 'Basic x' },
    ];
    for (const headers of attempts) {
      const r = await gql(INGEST, { input: report }, headers);
      expect(r.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    }
    expect((await gql(`{ report(id: "shenyang-2022") { id } }`)).data!.report).toBeNull();
  });

  test('ingestReport refuses bad input with the field named, and stores nothing', async () => {
    const auth = { authorization: `Bearer ${API_KEY}` };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...report, year: 1800 }, /year/],
      [{ ...report, id: '../x' }, /id/],
      [{ ...report, jurisdiction: '亚特兰蒂斯' }, /jurisdiction.*亚特兰蒂斯|亚特兰蒂斯.*gazetteer/],
      [{ ...report, deliveredOn: 'yesterday' }, /deliveredOn/],
      [{ ...report, text: '  ' }, /empty/],
      [{ ...report, text: 'x'.repeat(1_000_001) }, /above the limit/],
    ];
    for (const [input, message] of cases) {
      const r = await gql(INGEST, { input }, auth);
      expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(message);
    }
    expect((await gql(`{ reports { id } }`)).data!.reports).toHaveLength(3);
  });

  test('ingestReport adds a report that links to what is stored', async () => {
    const auth = { authorization: `Bearer ${API_KEY}` };
    const r = await gql(INGEST, { input: report }, auth);
    expect(r.errors).toBeUndefined();
    expect(r.data!.ingestReport).toMatchObject({
      id: 'shenyang-2022',
      year: 2022,
      jurisdiction: { name: '沈阳' },
    });
    expect(r.data!.ingestReport.commitments.totalCount).toBe(3);
    const series = await gql(
      `{ metricSeries(metric: "gdp", jurisdiction: "Shenyang") { year target { value } result { value } } }`,
    );
    expect(series.data!.metricSeries).toEqual([
      { year: 2021, target: null, result: { value: 7 } },
      { year: 2022, target: { value: 6 }, result: null },
    ]);
    // The same again changes nothing; the same id with another text is refused.
    expect((await gql(INGEST, { input: report }, auth)).errors).toBeUndefined();
    const clash = await gql(INGEST, { input: { ...report, text: `${report.text}又一句。` } }, auth);
    expect(clash.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    if (store.kind === 'embedded') {
      // Written into REPORTS_DIR, so a restart serves it again.
      const base = path.join(reportsDir, 'shenyang-2022');
      expect(readFileSync(`${base}.txt`, 'utf8')).toBe(report.text.replace(/\\n/g, '\n'));
      expect(JSON.parse(readFileSync(`${base}.meta.json`, 'utf8'))).toMatchObject({
        id: 'shenyang-2022',
        level: 'municipal',
      });
    } else expect(existsSync(path.join(reportsDir, 'shenyang-2022.txt'))).toBe(false);
  });

  test('/healthz reports the store and how many reports it holds', async () => {
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      store: store.kind,
      reachable: true,
      reports: 4,
    });
  });

  // After the health check: it adds a report.
  test('metricSeries keeps every year when one year has more figures than a page', async () => {
    const targets = [8, ...Array<number>(1000).fill(6.5)];
    const text =
      '一、2020年工作回顾\n\n全市地区生产总值增长3%。\n\n二、2021年工作安排\n\n' +
      targets.map((v, i) => `第${i + 1}项，地区生产总值增长${v}%以上。`).join('\n\n') +
      '\n';
    const input = {
      ...report,
      id: 'shenyang-2021',
      title: '2021年沈阳市政府工作报告',
      year: 2021,
      text,
    };
    const added = await gql(INGEST, { input }, { authorization: `Bearer ${API_KEY}` });
    expect(added.errors).toBeUndefined();
    const series = await gql(
      `{ metricSeries(metric: "gdp", jurisdiction: "Shenyang") { year target { value report { id } } result { value } } }`,
    );
    expect(series.data!.metricSeries).toEqual([
      { year: 2020, target: null, result: { value: 3 } },
      { year: 2021, target: { value: 8, report: { id: 'shenyang-2021' } }, result: { value: 7 } },
      { year: 2022, target: { value: 6, report: { id: 'shenyang-2022' } }, result: null },
    ]);
  });

  // After the health check: it adds a report.
  test('a RANGE target comes back with low and high; other figures have them null', async () => {
    const { meta, text } = RANGE_REPORT;
    const added = await ingest(meta, text);
    expect(added.errors).toBeUndefined();
    const r = await gql(`{
      targets(filter: {report: "heilongjiang-2026"}) { metricText value low high unit qualifier }
      results(filter: {report: "heilongjiang-2026"}) { value low high qualifier }
      metricSeries(metric: "GDP", jurisdiction: "Heilongjiang") { year target { value low high qualifier } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      targets: [
        {
          metricText: '地区生产总值',
          value: 4.5,
          low: 4.5,
          high: 5,
          unit: '%',
          qualifier: 'RANGE',
        },
        {
          metricText: '城镇调查失业率',
          value: 5.5,
          low: null,
          high: null,
          unit: '%',
          qualifier: 'ABOUT',
        },
        {
          metricText: '省级制造业创新中心',
          value: 2,
          low: 2,
          high: 3,
          unit: '家',
          qualifier: 'RANGE',
        },
      ],
      results: [{ value: 5, low: null, high: null, qualifier: 'EXACT' }],
      metricSeries: [
        { year: 2025, target: null },
        { year: 2026, target: { value: 4.5, low: 4.5, high: 5, qualifier: 'RANGE' } },
      ],
    });
  });

  // Last: it adds a report.
  test("a capital's commitments in a provincial 2026 report are found by its name", async () => {
    const corpus = path.join(__dirname, '../../corpus');
    const text = readFileSync(path.join(corpus, 'gansu-2026.txt'), 'utf8');
    const meta = JSON.parse(readFileSync(path.join(corpus, 'gansu-2026.meta.json'), 'utf8'));
    const added = await ingest(meta, text);
    expect(added.errors).toBeUndefined();
    const [en, zh] = await Promise.all([
      gql(INVOLVES, { names: ['Lanzhou'], first: 100 }),
      gql(INVOLVES, { names: ['兰州市'], first: 100 }),
    ]);
    expect(en.errors).toBeUndefined();
    expect(en.data).toEqual(zh.data);
    const conn = en.data!.commitments;
    expect(conn.totalCount).toBeGreaterThanOrEqual(3);
    for (const c of conn.nodes) {
      expect(c.report.id).toBe('gansu-2026');
      const link = c.links.find(
        (l: Json) => l.entity.id === 'place:兰州' || l.entity.parent?.id === 'place:兰州',
      );
      // Named in the sentence: 兰州, one of its districts and counties (榆中县, 榆中), or
      // its initial in a route or cluster's name (兰 of 兰白一体化, rule initials).
      const words = text.slice(link.evidence.start, link.evidence.end);
      if (link.rule === 'initials') expect(words).toBe('兰');
      else if (link.entity.id === 'place:兰州') expect(words).toMatch(/^兰州/);
      else expect(words.length).toBeGreaterThanOrEqual(2);
    }
  });

  // After the health check: it adds two reports.
  test('verdicts: each target of a year judged against the result a later report gives', async () => {
    const jilin = (year: number) => ({
      id: `jilin-${year}`,
      title: `${year}年吉林省政府工作报告`,
      jurisdiction: '吉林省',
      level: 'provincial',
      year,
    });
    const plan =
      '二、2030年工作安排\n\n今年主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业25万人以上，城镇调查失业率5.5%以内，居民消费价格涨幅3%左右，粮食产量800亿斤，单位地区生产总值能耗降低3%，一般公共预算收入增长4%—5%。\n';
    const review =
      '一、2030年工作回顾\n\n全省地区生产总值增长4.8%，城镇新增就业26万人，城镇调查失业率5.2%，居民消费价格上涨2.1%，粮食产量790亿斤，单位地区生产总值能耗下降2.5%，一般公共预算收入增长4.6%。\n\n二、2031年工作安排\n\n推进高质量发展。\n';
    expect((await ingest(jilin(2030), plan)).errors).toBeUndefined();
    expect((await ingest(jilin(2031), review)).errors).toBeUndefined();
    const r = await gql(`{
      targets(filter: {report: "jilin-2030"}) { metric { key } qualifier year jurisdiction { name }
        verdict { value rule tolerance } outcomes { value } }
      results(filter: {report: "jilin-2031", metric: "GDP"}) { value jurisdiction { name } verdict { value explanation } }
      metricSeries(metric: "GDP", jurisdiction: "Jilin") { year verdict { value rule } } }`);
    expect(r.errors).toBeUndefined();
    const verdicts = (
      r.data!.targets as {
        metric: { key: string };
        qualifier: string;
        verdict: { value: string; rule: string };
      }[]
    ).map((t) => [t.metric.key, t.qualifier, t.verdict.value, t.verdict.rule]);
    expect(verdicts).toEqual([
      ['gdp', 'ABOUT', 'MISSED', 'about-floor'], // 4.8 against 5.5 ± 0.5
      ['urban_new_jobs', 'AT_LEAST', 'MET', 'at-least'],
      ['urban_surveyed_unemployment', 'AT_MOST', 'MET', 'at-most'],
      ['cpi', 'ABOUT', 'MET', 'about-ceiling'], // prices under the ceiling
      ['grain_output', 'EXACT', 'MISSED', 'exact-floor'],
      ['energy_intensity', 'EXACT', 'MISSED', 'exact-floor'], // a 2.5% fall for a 3% cut
      ['fiscal_revenue', 'RANGE', 'MET', 'range-floor'],
    ]);
    expect(r.data!.targets[0]).toMatchObject({
      year: 2030,
      jurisdiction: { name: '吉林' },
      verdict: { tolerance: 0.5 },
      outcomes: [{ value: 4.8 }],
    });
    expect(r.data!.results).toEqual([
      {
        value: 4.8,
        jurisdiction: { name: '吉林' },
        verdict: { value: 'MISSED', explanation: '4.8 against about 5.5 (±0.5, floor): missed' },
      },
    ]);
    expect(r.data!.metricSeries).toEqual([
      { year: 2030, verdict: { value: 'MISSED', rule: 'about-floor' } },
    ]);
  });

  // After the verdicts: it adds the country's and two more provinces' plans for 2030.
  test("compareTargets: each province's target against the country's, by year or by jurisdiction", async () => {
    const plan = (growth: string) =>
      `二、2030年工作安排\n\n今年主要预期目标是：地区生产总值增长${growth}。\n`;
    const reports: [string, string, string, string][] = [
      ['china-2030', '2030年国务院政府工作报告', '中国', '国内生产总值增长5%左右'],
      ['hebei-2030', '2030年河北省政府工作报告', '河北省', '4%—4.5%'],
      ['shanxi-2030', '2030年山西省政府工作报告', '山西省', '5%左右'],
    ];
    for (const [id, title, jurisdiction, growth] of reports) {
      const text =
        id === 'china-2030'
          ? `二、2030年工作安排\n\n今年发展主要预期目标是：${growth}。\n`
          : plan(growth);
      const added = await ingest(
        {
          id,
          title,
          jurisdiction,
          year: 2030,
          level: id === 'china-2030' ? 'national' : 'provincial',
        },
        text,
      );
      expect(added.errors).toBeUndefined();
    }
    const r = await gql(`{
      byYear: compareTargets(metric: "GDP", year: 2030) { year jurisdiction { name } target { value high qualifier }
        national { value qualifier report { id } } relation difference }
      byPlace: compareTargets(metric: "GDP", jurisdiction: "Jilin") { year relation difference } }`);
    expect(r.errors).toBeUndefined();
    const rows = (
      r.data!.byYear as { jurisdiction: { name: string }; relation: string; difference: number }[]
    ).map((x) => [x.jurisdiction.name, x.relation, x.difference]);
    expect(rows).toEqual([
      ['吉林', 'ABOVE', 0.5], // 5.5%左右 against 5%左右
      ['山西', 'LEVEL', 0],
      ['河北', 'BELOW', -0.75], // 4%—4.5%
    ]);
    expect(r.data!.byYear[0].national).toEqual({
      value: 5,
      qualifier: 'ABOUT',
      report: { id: 'china-2030' },
    });
    expect(r.data!.byPlace).toEqual([{ year: 2030, relation: 'ABOVE', difference: 0.5 }]);
    const neither = await gql(`{ compareTargets(metric: "GDP") { year } }`);
    expect(neither.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  // After compareTargets: the country has a 2030 plan.
  test('targetTable: the tidy table of a metric and jurisdiction, typed and as CSV, citing its words', async () => {
    const r = await gql(`{ targetTable(metric: "GDP", jurisdiction: "China") { totalCount csv
      rows { year measure target_value target_qualifier result_value verdict verdict_rule result_report result_start result_end result_text } } }`);
    expect(r.errors).toBeUndefined();
    const table = r.data!.targetTable as {
      totalCount: number;
      csv: string;
      rows: Record<string, string | number | null>[];
    };
    const growth = table.rows
      .filter((x) => x.measure === 'GROWTH')
      .map((x) => [x.year, x.target_value, x.target_qualifier, x.result_value, x.verdict]);
    expect(growth).toEqual([
      [2020, null, null, 2.3, null],
      [2021, 6, 'AT_LEAST', 8.1, 'MET'],
      [2022, 5.5, 'ABOUT', null, null],
      [2030, 5, 'ABOUT', null, null],
    ]);
    for (const x of table.rows.filter((row) => row.result_report)) {
      const text = texts.get(x.result_report as string)!;
      expect(text.slice(x.result_start as number, x.result_end as number)).toBe(x.result_text);
    }
    const csv = parse(table.csv, { columns: true }) as Record<string, string>[];
    expect(csv).toHaveLength(table.totalCount);
    expect(Object.keys(csv[0]!)).toEqual([...TARGET_COLUMNS]);
    expect(csv.find((x) => x.year === '2021' && x.measure === 'GROWTH')).toMatchObject({
      jurisdiction: '中国',
      verdict: 'MET',
      verdict_rule: 'at-least',
    });
  });

  // After the above: these add reports of Guangdong, which no other test asks about.
  test('ten parallel ingests of one id, with the same and with different texts and metadata, leave one consistent report; every caller gets a clear answer', async () => {
    const auth = { authorization: `Bearer ${API_KEY}` };
    const id = 'guangdong-race-2026';
    const input = (n: number) => ({
      id,
      title: `广东省政府工作报告（第${n % 2}稿）`,
      jurisdiction: '广东省',
      year: 2026 - (n % 3),
      text: `一、2025年工作回顾\n\n全省地区生产总值增长${n}%。\n\n二、2026年工作安排\n\n建设南沙港铁路。\n`,
    });
    // Five of one report, five each different from it and from each other.
    const inputs = [1, 1, 1, 1, 1, 2, 3, 4, 5, 6].map(input);
    const answers = await Promise.all(inputs.map((i) => gql(INGEST, { input: i }, auth)));
    const stored = await gql(
      `query($id: ID!) { report(id: $id) { id title year text commitments(first: 0) { totalCount } } }`,
      { id },
    );
    const report = stored.data!.report;
    const winner = inputs.find((i) => i.text === report.text)!;
    expect(report).toMatchObject({ title: winner.title, year: winner.year });
    answers.forEach((a, n) => {
      if (JSON.stringify(inputs[n]) === JSON.stringify(winner)) {
        // The winner, and the same report again: stored, as it is.
        expect(a.errors).toBeUndefined();
        expect(a.data!.ingestReport).toMatchObject({ id, year: winner.year });
      } else {
        expect(a.errors).toHaveLength(1);
        expect(a.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
        expect(a.errors![0]!.message).toMatch(
          new RegExp(
            `^a report with id "${id}" is already stored with (a different text|different metadata \\((title|year)(, year)?\\)); give the new one its own id$`,
          ),
        );
      }
    });
    expect(report.commitments.totalCount).toBe(2);
    expect(
      (await gql(`{ reports { id } }`)).data!.reports.filter((r: Json) => r.id === id),
    ).toHaveLength(1);
    if (store.kind === 'embedded') {
      // On disk the same report, and no temporary file left.
      const base = path.join(reportsDir, id);
      expect(readFileSync(`${base}.txt`, 'utf8')).toBe(winner.text);
      expect(JSON.parse(readFileSync(`${base}.meta.json`, 'utf8'))).toMatchObject({
        id,
        title: winner.title,
        year: winner.year,
      });
      expect(
        readdirSync(reportsDir)
          .filter((f) => f.startsWith(`${id}.`) || f.includes(id))
          .sort(),
      ).toEqual([`${id}.meta.json`, `${id}.txt`]);
    }
  });

  test("a stored report's metadata is not changed by a request, and its files are not written over", async () => {
    const auth = { authorization: `Bearer ${API_KEY}` };
    // liaoning-2022 as a seed is: in the store and its files in REPORTS_DIR.
    const seedFiles = ['liaoning-2022.txt', 'liaoning-2022.meta.json'];
    for (const f of seedFiles) copyFileSync(path.join(SEEDS, f), path.join(reportsDir, f));
    const meta = JSON.parse(readFileSync(path.join(SEEDS, 'liaoning-2022.meta.json'), 'utf8'));
    const text = texts.get('liaoning-2022')!;
    for (const hostile of [
      { title: '被篡改的标题' },
      { year: 2030 },
      // Another jurisdiction, with the level its reports have (a level that does not fit
      // is refused before the stored report is looked at).
      { jurisdiction: '沈阳市', level: 'municipal' },
      { title: '被篡改的标题', year: 2030 },
    ]) {
      const r = await gql(INGEST, { input: { ...meta, ...hostile, text } }, auth);
      expect(r.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).toMatch(
        /^a report with id "liaoning-2022" is already stored with different metadata \(.+\); give the new one its own id$/,
      );
    }
    // The same report again is answered as it is stored.
    const same = await gql(INGEST, { input: { ...meta, text } }, auth);
    expect(same.errors).toBeUndefined();
    expect(same.data!.ingestReport).toMatchObject({ id: 'liaoning-2022', year: 2022 });
    const stored = await gql(
      `{ report(id: "liaoning-2022") { title year jurisdiction { name } } }`,
    );
    expect(stored.data!.report).toEqual({
      title: meta.title,
      year: 2022,
      jurisdiction: { name: '辽宁' },
    });
    for (const f of seedFiles)
      expect(readFileSync(path.join(reportsDir, f))).toEqual(readFileSync(path.join(SEEDS, f)));
  });
}
