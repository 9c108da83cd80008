/**
 * Faults between the service and Neo4j, through a TCP proxy the test controls: Neo4j
 * unreachable at start (the service says so on /healthz, retries, and recovers), and the
 * connection cut in the middle of an ingest (the report is fully in or fully out, and a
 * retry completes it).
 */
import 'reflect-metadata';
import { extractReport } from '../src/extract';
import { lexicon } from './support/lexicon';
import { setLogSink } from '../src/log';
import { startService } from '../src/serve/server';
import { prepareStore, StartupProgress } from '../src/startup';
import { Neo4jStore } from '../src/store/neo4j';
import { describeNeo4j, freshNeo4jStore, neo4jConfig } from './support/neo4j';
import { Proxy } from './support/proxy';
import { SEEDS, seedInput } from './support/seeds';

const waitFor = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
};

describeNeo4j('faults between the service and Neo4j', () => {
  let direct: Neo4jStore;
  let proxy: Proxy;
  const logs: string[] = [];
  let restoreLog: (line: string) => void;

  beforeAll(async () => {
    direct = await freshNeo4jStore();
    const target = new URL(neo4jConfig!.uri);
    proxy = new Proxy(target.hostname, Number(target.port || 7687));
    restoreLog = setLogSink((line) => logs.push(line));
  });
  afterAll(async () => {
    setLogSink(restoreLog);
    await proxy.close();
    await direct.close();
  });

  const viaProxy = (maxTransactionRetryTimeMs = 1000) =>
    new Neo4jStore({
      ...neo4jConfig!,
      uri: `bolt://127.0.0.1:${proxy.port}`,
      batchSize: 50,
      maxTransactionRetryTimeMs,
    });

  test('Neo4j unreachable at start: /healthz says so, the service retries and recovers', async () => {
    await proxy.open(); // take a port, then refuse connections on it
    await proxy.close();
    const store = viaProxy();
    const progress = new StartupProgress(SEEDS);
    const service = await startService({ store, port: 0, host: '127.0.0.1', startup: progress });
    const abort = new AbortController();
    const loading = prepareStore(
      store,
      { reportsDir: SEEDS, maxReportBytes: 10_000_000 },
      { retryMs: 200, maxRetryMs: 500, signal: abort.signal, progress },
    );
    try {
      const down = await fetch(`${service.url}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({
        status: 'unavailable',
        store: 'neo4j',
        reachable: false,
        reports: null,
        startup: { state: 'waiting', stored: 0 },
      });
      await waitFor('a retry to be logged', async () =>
        logs.some((l) => l.includes('"event":"store-unreachable"')),
      );

      await proxy.open(); // Neo4j is back
      expect(await loading).toBe(true);
      const up = await fetch(`${service.url}/healthz`);
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({
        status: 'ok',
        reachable: true,
        reports: 3,
        startup: { state: 'loaded', stored: 3, files: 3 },
      });
    } finally {
      abort.abort();
      await service.close();
      await store.close();
    }
  });

  test('the connection cut in the middle of an ingest: the report is fully out, and a retry completes it', async () => {
    await direct.clear();
    const store = viaProxy();
    await store.init();
    try {
      const input = await seedInput('liaoning-2022');
      const graph = extractReport(input, lexicon);
      const before = await direct.counts();
      // Cut once some batches have gone through, and keep Neo4j unreachable until the
      // driver's retries give up.
      await proxy.close();
      await proxy.open();
      proxy.cutAfterBytes(40_000, true);
      await expect(store.ingest(graph)).rejects.toThrow();
      await proxy.cutDone; // the cut happened mid-transaction, not before it
      expect(await direct.counts()).toEqual(before);
      expect(await direct.reportsByIds(['liaoning-2022'])).toEqual([null]);

      // Once Neo4j is reachable again, the same ingest completes.
      await proxy.open();
      expect((await store.ingest(graph)).status).toBe('added');
      const [stored] = await direct.reportsByIds(['liaoning-2022']);
      expect(stored?.hash).toBe(graph.report.hash);
      const { totalCount } = await direct.commitments({ report: 'liaoning-2022' }, { first: 0 });
      expect(totalCount).toBe(graph.commitments.length);
    } finally {
      await store.close();
    }
  });

  test('a question asked while Neo4j is briefly unreachable is retried and answered', async () => {
    const graph = extractReport(await seedInput('liaoning-2022'), lexicon);
    if (!(await direct.reportsByIds(['liaoning-2022']))[0]) await direct.ingest(graph);
    const expected = await direct.commitments({ report: 'liaoning-2022' }, { first: 0 });
    expect(expected.totalCount).toBeGreaterThan(0);
    await proxy.close();
    await proxy.open();
    const store = viaProxy(10_000);
    await store.init();
    try {
      await proxy.close(); // open connections cut, new ones refused
      const asked = store.commitments({ report: 'liaoning-2022' }, { first: 0 });
      await new Promise((r) => setTimeout(r, 500));
      await proxy.open(); // Neo4j is back while the question waits
      expect((await asked).totalCount).toBe(expected.totalCount);

      // Beyond the retry time, the question fails with the driver's error.
      const impatient = viaProxy(300);
      await proxy.close();
      try {
        await expect(
          impatient.commitments({ report: 'liaoning-2022' }, { first: 0 }),
        ).rejects.toThrow(/connect|ECONNREFUSED|unavailable/i);
      } finally {
        await impatient.close();
      }
    } finally {
      await store.close();
    }
  });

  test('Neo4j frozen: /healthz answers 503 "unavailable" within 2 s, and 200 once it thaws', async () => {
    await proxy.close(); // whatever the tests before left
    await proxy.open();
    const store = viaProxy();
    const service = await startService({ store, port: 0, host: '127.0.0.1' });
    try {
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      proxy.freeze();
      // Aborted (and failed) if it takes longer than the 2 s the issue allows.
      const frozen = await fetch(`${service.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      expect(frozen.status).toBe(503);
      expect(await frozen.json()).toMatchObject({
        status: 'unavailable',
        store: 'neo4j',
        reachable: false,
        reports: null,
        detail: expect.stringMatching(/did not answer within/),
      });
      proxy.thaw();
      await waitFor('Neo4j to answer again', async () => {
        return (await fetch(`${service.url}/healthz`)).status === 200;
      });
    } finally {
      proxy.thaw();
      await service.close();
      await store.close();
      await proxy.close();
    }
  });
});
