/**
 * Hostile requests to the service (issue 16): each answered quickly with a 4xx and a
 * GraphQL error code, nothing leaking a path or a stack. docs/hostile-input.md lists them.
 */
import 'reflect-metadata';
import { parse } from 'graphql';
import { readConfig } from '../../src/config';
import { linkReport } from '../../src/link';
import { MAX_FIELDS, queryShape } from '../../src/serve/limits';
import { startService, type RunningService } from '../../src/serve/server';
import type { GraphStore } from '../../src/store';
import { EmbeddedStore } from '../../src/store/embedded';
import { describeNeo4j, freshNeo4jStore } from '../support/neo4j';
import { aliases, fragmentChain, NEIGHBOURHOODS, TEXTS } from '../support/attacks';
import { seedGraphs } from '../support/seeds';

interface Answer {
  status: number;
  type: string;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await res.text();
  let parsed: Answer['body'] = {};
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    // not JSON: the test says so
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: parsed };
}

const gql = (url: string, query: string, variables: unknown = {}, headers = {}) =>
  post(url, JSON.stringify({ query, variables }), headers);

const code = (a: Answer) => a.body.errors?.[0]?.extensions?.code;

/** Neither a stack frame nor an absolute path of this checkout. */
function leaksNothing(a: Answer): void {
  expect(a.type).toMatch(/application\/json/);
  expect(a.text).not.toMatch(/\bat \w[\w.<>]* \(|node_modules|<html|<pre>/i);
  expect(a.text).not.toContain(process.cwd());
}

test('a fragment chain is measured once per fragment (40 deep, each spreading the next twice)', () => {
  const shape = queryShape(parse(fragmentChain(40)));
  expect(shape.depth).toBe(2);
  expect(shape.fields).toBe(2 ** 39 * 2);
});

test('a fragment cycle is measured without looping', () => {
  const doc = parse(
    '{ ...A } fragment A on Query { ...B reports { id } } fragment B on Query { ...A }',
  );
  expect(queryShape(doc)).toEqual({ depth: 2, fields: 2 });
});

function requestSuite(makeStore: () => Promise<GraphStore>): void {
  let store: GraphStore;
  let service: RunningService;
  const API_KEY = 'hostile-key';

  beforeAll(async () => {
    store = await makeStore();
    for (const g of await seedGraphs()) await store.ingest(g);
    for (const g of await seedGraphs()) await linkReport(store, g.report.reportId);
    service = await startService({
      store,
      port: 0,
      host: '127.0.0.1',
      settings: { apiKey: API_KEY, reportsDir: null, maxReportBytes: 1_000_000 },
    });
  });
  afterAll(async () => {
    await service?.close();
    await store?.close();
  });

  // Finding 1
  test('a 22-deep fragment chain is refused before it is measured', async () => {
    const a = await gql(service.url, fragmentChain(22));
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(a.body.errors![0]!.message).toMatch(
      new RegExp(`fragments are expanded; at most ${MAX_FIELDS}`),
    );
  });

  test('a fragment chain inside introspection is refused too', async () => {
    const chain = Array.from(
      { length: 22 },
      (_, i) => `fragment T${i} on __Type { ...T${i + 1} ... on __Type { ...T${i + 1} } }`,
    ).join(' ');
    const a = await gql(
      service.url,
      `{ __type(name: "Query") { ...T0 } } ${chain} fragment T22 on __Type { name }`,
    );
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  // Finding 2
  test.each([
    ['metricSeries(metric)', 'metricSeries(metric: $n) { year }', 'metric'],
    [
      'metricSeries(jurisdiction)',
      'metricSeries(metric: "gdp", jurisdiction: $n) { year }',
      'jurisdiction',
    ],
    ['targetComparison(metric)', 'targetComparison(metric: $n, year: 2022) { id }', 'metric'],
    ['resolve(name)', 'resolve(name: $n) { id }', 'name'],
  ])('a 100,000-character name in %s is refused, naming the argument', async (_w, field, arg) => {
    const a = await gql(service.url, `query($n: String!) { ${field} }`, {
      n: '沈'.repeat(100_000),
    });
    expect(code(a)).toBe('BAD_USER_INPUT');
    expect(a.body.errors![0]!.message).toMatch(new RegExp(`^${arg} is longer than 200 characters`));
  });

  test('an unknown name of allowed length still gets suggestions', async () => {
    const a = await gql(service.url, '{ metricSeries(metric: "gdpp") { year } }');
    expect(code(a)).toBe('NOT_FOUND');
  });

  // Finding 3
  test('20 aliases of reports { text } are refused by the complexity budget', async () => {
    const a = await gql(service.url, aliases(20, 'reports { text }'));
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(a.body.errors![0]!.message).toMatch(/complexity/);
  });

  test('100 aliases of a deep neighbourhood are refused by the complexity budget', async () => {
    const a = await gql(service.url, NEIGHBOURHOODS);
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('one of each is answered', async () => {
    const a = await gql(
      service.url,
      '{ reports { id text } neighborhood(id: "place:沈阳", depth: 3, limit: 1000) { nodes { id } edges { id } } }',
    );
    expect(a.body.errors).toBeUndefined();
    expect(a.status).toBe(200);
  });

  test('1,000 aliases of reports { text } are refused while parsing (more than 5,000 tokens)', async () => {
    const a = await gql(service.url, TEXTS);
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_PARSE_FAILED');
    expect(a.body.errors![0]!.message).toMatch(/more than 5000 tokens; at most 5000 are allowed/);
  });

  test('a document of a million tokens is refused while parsing', async () => {
    const a = await gql(service.url, `{ ${'__typename '.repeat(1_000_000)}}`);
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_PARSE_FAILED');
  });

  // Finding 9
  test.each([
    [
      'a query too deep',
      '{ reports { sections { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }',
      {},
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a variable of the wrong type',
      'query($n: Int) { commitments(first: $n) { totalCount } }',
      { n: 'many' },
      'BAD_USER_INPUT',
    ],
    [
      'a list variable of 20,000 wrong values',
      'query($n: [String!]!) { commitments(filter: {involves: $n}) { totalCount } }',
      { n: Array.from({ length: 20_000 }, (_, i) => i) },
      'BAD_USER_INPUT',
    ],
    [
      'variables nested 100,000 arrays deep',
      'query($n: [String!]) { commitments(filter: {involves: $n}) { totalCount } }',
      // Written out: JSON.stringify itself overflows the stack on it.
      `{"n": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      'BAD_USER_INPUT',
    ],
  ])('%s is a 400', async (_what, query, variables, expected) => {
    const a =
      typeof variables === 'string'
        ? await post(service.url, `{"query": ${JSON.stringify(query)}, "variables": ${variables}}`)
        : await gql(service.url, query, variables);
    expect(a.status).toBe(400);
    expect(code(a)).toBe(expected);
    leaksNothing(a);
  });

  test.each(['constructor', '__proto__', 'hasOwnProperty', 'toString'])(
    'GET /graphql/ide/%s is a 404',
    async (name) => {
      const res = await fetch(`${service.url}/graphql/ide/${name}`);
      expect(res.status).toBe(404);
    },
  );

  // Finding 10
  test.each([
    ['malformed JSON', '{"query": ', {}, 400, 'BAD_REQUEST'],
    [
      'a charset the service does not read',
      JSON.stringify({ query: '{ reports { id } }' }),
      { 'content-type': 'application/json; charset=latin-9' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over the limit',
      JSON.stringify({ query: `{ reports { id } } # ${'x'.repeat(13 * 1024 * 1024)}` }),
      {},
      413,
      'PAYLOAD_TOO_LARGE',
    ],
  ])('%s: a JSON error, no stack, no path', async (_what, body, headers, status, expected) => {
    const a = await post(service.url, body, headers);
    expect(a.status).toBe(status);
    expect(code(a)).toBe(expected);
    leaksNothing(a);
  });

  test('/healthz answers from counts and shows no folder', async () => {
    const res = await fetch(`${service.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ status: 'ok', store: store.kind, reachable: true, reports: 3 });
  });

  test('/healthz reads no report text', async () => {
    const reports = jest.spyOn(store, 'reports');
    const byIds = jest.spyOn(store, 'reportsByIds');
    try {
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      expect(reports).not.toHaveBeenCalled();
      expect(byIds).not.toHaveBeenCalled();
    } finally {
      reports.mockRestore();
      byIds.mockRestore();
    }
  });

  // Finding 11
  const INGEST = 'mutation($input: ReportInput!) { ingestReport(input: $input) { id } }';
  const input = {
    id: 'hostile-meta',
    title: '测试报告',
    jurisdiction: '沈阳市',
    year: 2022,
    text: '一、2022年工作安排\n\n全市地区生产总值增长6%。\n',
  };
  const auth = { authorization: `Bearer ${API_KEY}` };

  test.each([
    ['a month 13', { deliveredOn: '2022-13-45' }, /deliveredOn/],
    ['a 30 February', { deliveredOn: '2022-02-30' }, /deliveredOn/],
    ['level national for 沈阳', { level: 'national' }, /level/],
    ['level provincial for 沈阳', { level: 'provincial' }, /level/],
  ])('ingest metadata with %s is refused', async (_what, change, field) => {
    const a = await gql(service.url, INGEST, { input: { ...input, ...change } }, auth);
    expect(code(a)).toBe('BAD_USER_INPUT');
    expect(a.body.errors![0]!.message).toMatch(field);
    expect(await store.reportsByIds(['hostile-meta'])).toEqual([null]);
  });

  test('the API key is compared in constant time', async () => {
    // The module object itself: an import's namespace copy cannot be spied on.
    const spy = jest.spyOn(
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('node:crypto') as typeof import('node:crypto'),
      'timingSafeEqual',
    );
    try {
      const wrong = await gql(service.url, INGEST, { input }, { authorization: 'Bearer x' });
      expect(code(wrong)).toBe('UNAUTHENTICATED');
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
}

describe('hostile requests on the embedded store', () => {
  requestSuite(async () => new EmbeddedStore());
});

describeNeo4j('hostile requests on Neo4j', () => {
  requestSuite(() => freshNeo4jStore());
});

test('HOST: this machine only unless told (Docker sets 0.0.0.0)', () => {
  expect(readConfig({}).host).toBe('127.0.0.1');
  expect(readConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
});
