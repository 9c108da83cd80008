/**
 * Hostile input, each refused with a clear error and nothing stored changed, counted on
 * Neo4j before and after: bad report files and metadata, a new text under a stored id,
 * and GraphQL abuse (depth, aliases, huge pages, long strings, quotes and backticks).
 */
import 'reflect-metadata';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ingestFile } from '../src/ingest';
import { startService, type RunningService } from '../src/serve/server';
import type { Neo4jStore } from '../src/store/neo4j';
import { describeNeo4j, freshNeo4jStore } from './support/neo4j';
import { SEEDS } from './support/seeds';

const META = {
  id: 'hostile',
  title: '测试',
  jurisdiction: '辽宁省',
  level: 'provincial',
  year: 2022,
};

function report(text: string | Buffer, meta: unknown = META): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-hostile-'));
  writeFileSync(path.join(dir, 'r.txt'), text);
  writeFileSync(
    path.join(dir, 'r.meta.json'),
    typeof meta === 'string' ? meta : JSON.stringify(meta),
  );
  return path.join(dir, 'r.txt');
}

describeNeo4j('hostile input leaves Neo4j as it was', () => {
  let store: Neo4jStore;
  let service: RunningService;
  beforeAll(async () => {
    store = await freshNeo4jStore();
    await ingestFile(store, path.join(SEEDS, 'liaoning-2022.txt'));
    service = await startService({
      store,
      port: 0,
      host: '127.0.0.1',
      settings: { apiKey: 'k', reportsDir: null, maxReportBytes: 10 * 1024 * 1024 },
    });
  });
  afterAll(async () => {
    await service.close();
    await store.close();
  });

  const unchanged = async (attempt: () => Promise<unknown>) => {
    const before = await store.counts();
    await attempt();
    expect(await store.counts()).toEqual(before);
  };

  test.each([
    ['an empty file', () => report(''), /is empty/],
    ['a binary file', () => report(Buffer.from([0, 1, 2, 3, 0xff, 0x00])), /binary|UTF-8/],
    [
      'a GBK-encoded file',
      () => report(Buffer.from([0xc9, 0xf2, 0xd1, 0xf4, 0xa1, 0xa3])),
      /not valid UTF-8/,
    ],
    ['a 50 MB file', () => report(Buffer.alloc(50 * 1024 * 1024, 0x61)), /above the limit/],
    [
      'metadata with a missing field',
      () => report('一、2022年工作安排\n\n发展。', { ...META, title: undefined }),
      /"title": is missing/,
    ],
    [
      'metadata with a wrongly typed field',
      () => report('一、2022年工作安排\n\n发展。', { ...META, year: '2022' }),
      /"year": must be a whole year/,
    ],
    [
      'metadata that is not JSON',
      () => report('一、2022年工作安排\n\n发展。', '{"id": '),
      /not valid JSON/,
    ],
  ])('%s', async (_what, make, message) => {
    const file = make();
    await unchanged(() => expect(ingestFile(store, file)).rejects.toThrow(message));
  });

  test('the same id with a different text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-hostile-'));
    copyFileSync(
      path.join(SEEDS, 'liaoning-2022.meta.json'),
      path.join(dir, 'liaoning-2022.meta.json'),
    );
    writeFileSync(path.join(dir, 'liaoning-2022.txt'), '一、2022年工作安排\n\n另一篇报告。\n');
    await unchanged(() =>
      expect(
        ingestFile(store, path.join(dir, 'liaoning-2022.txt'), { changedText: 'refuse' }),
      ).rejects.toThrow(/already stored with a different text/),
    );
  });

  const gql = async (query: string) =>
    (await (
      await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
        body: JSON.stringify({ query }),
      })
    ).json()) as { errors?: { message: string; extensions: { code: string } }[] };

  test.each([
    [
      'a query too deep',
      `{ reports { sections { parent { parent { parent { parent { parent { parent { parent { parent { parent { id } } } } } } } } } } } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    [
      'a hundred aliases of a large page',
      `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: commitments(first: 1000) { nodes { text places { name } } }`).join(' ')} }`,
      'GRAPHQL_VALIDATION_FAILED',
    ],
    ['a huge page', `{ commitments(first: 100000000) { totalCount } }`, 'BAD_USER_INPUT'],
    [
      'a very long name',
      `{ commitments(filter: {involves: ["${'沈'.repeat(100_000)}"]}) { totalCount } }`,
      'BAD_USER_INPUT',
    ],
    ['a very long search', `{ search(text: "${'核电'.repeat(50_000)}") { id } }`, 'BAD_USER_INPUT'],
  ])('GraphQL: %s', async (_what, query, code) => {
    await unchanged(async () => expect((await gql(query)).errors![0]!.extensions.code).toBe(code));
  });

  test('GraphQL: names with quotes and backticks are data, not Cypher', async () => {
    const names = [
      '沈阳` }) MATCH (n) DETACH DELETE n //',
      "沈阳' OR 1=1 --",
      '沈阳\\" }) RETURN 1 //',
      '`Node`',
    ];
    await unchanged(async () => {
      for (const name of names) {
        const r = (await (
          await fetch(`${service.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query: 'query($n: String!) { resolve(name: $n) { id } search(text: $n) { id } }',
              variables: { n: name },
            }),
          })
        ).json()) as { data?: { resolve: unknown[] }; errors?: unknown[] };
        expect(r.errors).toBeUndefined();
        expect(r.data!.resolve).toEqual([]);
      }
    });
  });
});
