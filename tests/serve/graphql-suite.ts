/**
 * The GraphQL contract over HTTP, run on each store.
 */
import 'reflect-metadata';
import type { GraphStore } from '../../src/store';
import { startService, type RunningService } from '../../src/serve/server';
import { seedGraphs } from '../support/seeds';

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

  const gql = async (
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse> => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
    service = await startService({ store, port: 0, host: '127.0.0.1' });
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
      } else if (link.entity.id === 'place:沈阳') expect(words).toMatch(/^沈阳/);
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
      c: resolve(name: "Atlantis") { id } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.a).toHaveLength(1);
    expect(r.data!.a[0]).toMatchObject({
      id: 'place:沈阳',
      kind: 'PLACE',
      name: '沈阳',
      nameEn: 'Shenyang',
      level: 'city',
      parent: { name: '辽宁' },
    });
    expect(r.data!.a[0].commitments.totalCount).toBeGreaterThanOrEqual(10);
    expect(r.data!.b[0].parts.length).toBeGreaterThanOrEqual(14);
    expect(r.data!.b[0].parts.map((p: Json) => p.nameEn)).toEqual(
      expect.arrayContaining(['Shenyang', 'Dalian', 'Anshan', 'Huludao']),
    );
    expect(r.data!.c).toEqual([]);
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

  test('/healthz reports the store and the loaded reports', async () => {
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      status: 'ok',
      store: store.kind,
      reachable: true,
      reports: ['china-2021', 'china-2022', 'liaoning-2022'],
    });
  });
}
