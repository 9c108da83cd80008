/**
 * Ingesting many report files: stored LOAD_WIDTH at a time, then linked a jurisdiction at a
 * time. The graph must be the one ingesting them one by one gives.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { extractReport } from '../src/extract';
import { lexicon } from './support/lexicon';
import { ingestFile, ingestFiles, inPool, LOAD_WIDTH } from '../src/ingest';
import { readReport } from '../src/read';
import type { GraphStore } from '../src/store';
import { EmbeddedStore } from '../src/store/embedded';
import { describeNeo4j, freshNeo4jStore } from './support/neo4j';

const SEEDS = path.join(__dirname, '..', 'seeds');
const FILES = ['china-2021', 'china-2022', 'liaoning-2022'].map((id) =>
  path.join(SEEDS, `${id}.txt`),
);

/** Every node and edge id, with the edges' ends: what two ways of loading must agree on. */
async function contents(store: GraphStore) {
  const { nodes, edges } = await store.snapshot();
  return {
    nodes: nodes.map((n) => n.id).sort(),
    edges: edges.map((e) => `${e.id} ${e.source} ${e.target} ${e.rule}`).sort(),
  };
}

test('inPool keeps the order of the items, catches each failure, and runs at most `width` at once', async () => {
  let running = 0;
  let most = 0;
  const answers = await inPool([5, 1, 4, 2, 3], 2, async (n, i) => {
    running++;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, n * 3));
    running--;
    if (n === 4) throw new Error(`item ${i} failed`);
    return n * 10;
  });
  expect(most).toBe(2);
  expect(answers.map((a) => (a instanceof Error ? a.message : a))).toEqual([
    50,
    10,
    'item 2 failed',
    20,
    30,
  ]);
});

function bulkSuite(makeStore: () => Promise<GraphStore>): void {
  test('the seed reports ingested together give the graph ingested one by one', async () => {
    expect(LOAD_WIDTH).toBeGreaterThan(1);
    const oneByOne = await makeStore();
    for (const file of FILES) await ingestFile(oneByOne, file);
    const expected = await contents(oneByOne);
    await oneByOne.close();

    const together = await makeStore();
    const loaded: string[] = [];
    const { results, failures } = await ingestFiles(together, FILES, {
      onLoad: (file) => loaded.push(path.basename(file)),
    });
    expect(failures).toEqual([]);
    expect(loaded.sort()).toEqual(['china-2021.txt', 'china-2022.txt', 'liaoning-2022.txt']);
    expect(results.map((r) => [r.reportId, r.status])).toEqual([
      ['china-2021', 'added'],
      ['china-2022', 'added'],
      ['liaoning-2022', 'added'],
    ]);
    // Links are drawn once every report is in: china-2022 reaches back to china-2021.
    expect(results[1]!.outcomes).toBeGreaterThan(0);
    expect(results[1]!.continuations).toBeGreaterThan(0);
    expect(await contents(together)).toEqual(expected);
    await together.close();
  });

  test('a batch is linked a jurisdiction at a time, each report read once for it; outcomes come in the files order', async () => {
    const store = await makeStore();
    const reads: string[] = [];
    // The commitments of a report, as linking reads them to compare reports.
    const counting = new Proxy(store, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key === 'commitments')
          return (query: { report?: string }, page: unknown) => {
            if (query.report) reads.push(query.report);
            return target.commitments(query, page as { first: number });
          };
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const files = [FILES[0]!, FILES[2]!, FILES[1]!]; // china, liaoning, china
    const linked: string[] = [];
    const { results } = await ingestFiles(counting, files, {
      onReport: (file) => linked.push(path.basename(file, '.txt')),
    });
    expect(results.map((r) => r.reportId)).toEqual(['china-2021', 'liaoning-2022', 'china-2022']);
    // The two national reports one after the other, whichever jurisdiction comes first.
    expect(Math.abs(linked.indexOf('china-2021') - linked.indexOf('china-2022'))).toBe(1);
    // Each compares with the other, and each is read once (liaoning-2022 has no other).
    expect(reads.sort()).toEqual(['china-2021', 'china-2022']);
    expect(results.find((r) => r.reportId === 'china-2022')!.continuations).toBeGreaterThan(0);
    await store.close();
  });

  test('two files with one report id load in the files order: the later, another text, is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-ingest-'));
    const twin = (name: string, text: string) => {
      writeFileSync(path.join(dir, `${name}.txt`), text);
      copyFileSync(
        path.join(SEEDS, 'liaoning-2022.meta.json'),
        path.join(dir, `${name}.meta.json`),
      );
      return path.join(dir, `${name}.txt`);
    };
    const text = readFileSync(path.join(SEEDS, 'liaoning-2022.txt'), 'utf8');
    const files = [
      twin('a', text),
      twin('b', `${text}\n\u3000\u3000新增一句。\n`),
      path.join(SEEDS, 'china-2021.txt'),
      twin('c', text),
    ];
    const store = await makeStore();
    const { results, failures } = await ingestFiles(store, files, { changedText: 'refuse' });
    expect(results.map((r) => [path.basename(r.file), r.status])).toEqual([
      ['a.txt', 'added'],
      ['china-2021.txt', 'added'],
      ['c.txt', 'unchanged'],
    ]);
    expect(failures.map((f) => [path.basename(f.file), f.error.message])).toEqual([
      ['b.txt', expect.stringMatching(/already stored with a different text/)],
    ]);
    // The text stored is the first file's.
    const first = extractReport(await readReport(files[0]!), lexicon);
    expect((await store.reportsByIds(['liaoning-2022']))[0]!.hash).toBe(first.report.hash);
    await store.close();
  });
}

describe('bulk ingestion on the embedded store', () => {
  bulkSuite(async () => new EmbeddedStore());
});

describeNeo4j('bulk ingestion on Neo4j', () => {
  bulkSuite(() => freshNeo4jStore());
});
