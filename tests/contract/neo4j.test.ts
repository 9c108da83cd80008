import neo4j from 'neo4j-driver';
import { setLogSink } from '../../src/log';
import { EmbeddedStore } from '../../src/store/embedded';
import { Neo4jStore } from '../../src/store/neo4j';
import { ReportTooLargeError, type GraphStore } from '../../src/store';
import { extractReport } from '../../src/extract';
import { lexicon } from '../support/lexicon';
import type { ReportGraph } from '../../src/model';
import { describeNeo4j, freshNeo4jStore, neo4jConfig } from '../support/neo4j';
import { RANGE_REPORT } from '../support/range-report';
import { seedGraphs, seedInput } from '../support/seeds';
import { linkReport } from '../../src/link';
import { neighborhood, shortestPath } from '../../src/store/traverse';
import { storeContract } from './store-contract';

describeNeo4j('store contract: Neo4j', () => {
  storeContract(() => freshNeo4jStore());
});

describeNeo4j('figure numbers in Neo4j', () => {
  test('value, low and high are stored as floats, whole or not; null ones are absent', async () => {
    const store = await freshNeo4jStore();
    const driver = neo4j.driver(
      neo4jConfig!.uri,
      neo4j.auth.basic(neo4jConfig!.user, neo4jConfig!.password),
    );
    try {
      expect((await store.ingest(extractReport(RANGE_REPORT, lexicon))).status).toBe('added');
      // Cypher written by hand sees the types: 5 stored as an integer would not be a FLOAT.
      const { records } = await driver.executeQuery(
        `MATCH (f:Target {reportId: $report})
         RETURN f.metricText AS metric, valueType(f.value) AS value, valueType(f.low) AS low,
                valueType(f.high) AS high, f.high AS highValue
         ORDER BY f.sortKey`,
        { report: RANGE_REPORT.meta.id },
      );
      expect(records.map((r) => r.toObject())).toEqual([
        {
          metric: '地区生产总值',
          value: 'FLOAT NOT NULL',
          low: 'FLOAT NOT NULL',
          high: 'FLOAT NOT NULL',
          highValue: 5,
        },
        {
          metric: '城镇调查失业率',
          value: 'FLOAT NOT NULL',
          low: 'NULL',
          high: 'NULL',
          highValue: null,
        },
        {
          metric: '省级制造业创新中心',
          value: 'FLOAT NOT NULL',
          low: 'FLOAT NOT NULL',
          high: 'FLOAT NOT NULL',
          highValue: 3,
        },
      ]);
    } finally {
      await driver.close();
      await store.close();
    }
  });
});

describeNeo4j('a report above the transaction memory', () => {
  test('is refused at once with a clear error, logged, and not tried again; nothing of it is stored', async () => {
    // Neo4j Community cannot lower its memory limit at run time: the load runs whole and
    // then fails as the server fails a transaction that outgrows it. Retried, it would
    // outlast the test: the driver would try for ten minutes here.
    const store = await freshNeo4jStore();
    const limited = new Neo4jStore({ ...neo4jConfig!, maxTransactionRetryTimeMs: 600_000 });
    const internals = limited as unknown as { load: (...args: unknown[]) => Promise<unknown> };
    const load = internals.load.bind(limited);
    let loads = 0;
    internals.load = async (...args) => {
      loads++;
      await load(...args);
      throw new neo4j.Neo4jError(
        'The allocation of an extra 2.0 MiB would use more than the limit 1.0 GiB. dbms.memory.transaction.total.max threshold reached',
        'Neo.TransientError.General.MemoryPoolOutOfMemoryError',
        '50N42',
        'error: general processing exception - unexpected error',
      );
    };
    const lines: string[] = [];
    const sink = setLogSink((line) => lines.push(line));
    try {
      const graph = extractReport(await seedInput('liaoning-2022'), lexicon);
      const failure = await limited.ingest(graph).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(ReportTooLargeError);
      expect((failure as Error).message).toMatch(
        /^report liaoning-2022 needs more memory than Neo4j allows one transaction \(Neo\.TransientError\.General\.MemoryPoolOutOfMemoryError\); nothing of it was stored/,
      );
      expect(loads).toBe(1);
      expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
        expect.objectContaining({
          event: 'ingest_out_of_memory',
          reportId: 'liaoning-2022',
          message: expect.stringMatching(/threshold reached/),
        }),
      ]);
      expect(await store.reportsByIds(['liaoning-2022'])).toEqual([null]);
      expect(await store.counts()).toEqual({ nodes: {}, edges: {} });
    } finally {
      setLogSink(sink);
      await limited.close();
      await store.close();
    }
  });
});

describeNeo4j('Neo4j gives the embedded store answers', () => {
  let neo: GraphStore;
  const embedded = new EmbeddedStore();
  beforeAll(async () => {
    neo = await freshNeo4jStore();
    for (const g of await seedGraphs()) {
      await neo.ingest(g);
      await embedded.ingest(g);
    }
    for (const id of ['china-2021', 'china-2022', 'liaoning-2022']) {
      await linkReport(neo, id);
      await linkReport(embedded, id);
    }
  });

  test('cross-report links agree', async () => {
    expect(await neo.counts()).toEqual(await embedded.counts());
    const ids = (await embedded.commitments({ report: 'china-2022' }, { first: 1000 })).nodes.map(
      (c) => c.id,
    );
    const results = (await embedded.figures({ kind: 'Result' }, 1000)).map((f) => f.id);
    expect(await neo.edgesAround([...ids, ...results])).toEqual(
      await embedded.edgesAround([...ids, ...results]),
    );
  });
  afterAll(async () => {
    await neo.close();
  });

  const questions: [string, Parameters<GraphStore['commitments']>[0]][] = [
    ['involves Shenyang', { involves: ['place:沈阳'] }],
    ['involves Dalian or Anshan', { involves: ['place:大连', 'place:鞍山'] }],
    ['involves Liaoning, with its cities', { involves: ['place:辽宁'] }],
    [
      'involves China in the 2021 review',
      { involves: ['place:中国'], report: 'china-2021', phase: 'REVIEW' },
    ],
    ['every plan sentence', { phase: 'PLAN' }],
    ['serving the five securities', { serves: ['theme:五大安全'] }],
    // Anchored on the places: the theme and the industry are checked per commitment.
    [
      'involves Liaoning and serves the five securities',
      { involves: ['place:辽宁'], serves: ['theme:五大安全'] },
    ],
    [
      'involves Liaoning and concerns industry, in the plan',
      { involves: ['place:辽宁'], concerns: ['industry:工业'], phase: 'PLAN' },
    ],
    ['concerning industry, with its sub-industries', { concerns: ['industry:工业'] }],
    ['linked to a project', { linked: ['project:沈白高铁'] }],
    ['containing words', { text: '核电' }],
  ];
  test.each(questions)('%s', async (_name, query) => {
    const a = await neo.commitments(query, { first: 1000 });
    const b = await embedded.commitments(query, { first: 1000 });
    expect(a).toEqual(b);
    const ids = a.nodes.slice(0, 50).map((c) => c.id);
    expect(await neo.linksOfCommitments(ids, ['INVOLVES'])).toEqual(
      await embedded.linksOfCommitments(ids, ['INVOLVES']),
    );
  });

  test('figures agree', async () => {
    for (const kind of ['Target', 'Result'] as const) {
      const q = { kind };
      const a = await neo.figures(q, 1000);
      expect(a).toEqual(await embedded.figures(q, 1000));
      const ids = [...new Set(a.map((f) => f.commitmentId))];
      expect(await neo.figuresOfCommitments(ids)).toEqual(await embedded.figuresOfCommitments(ids));
      const metrics = [...new Set(a.map((f) => f.metricId))];
      expect(await neo.entitiesByIds(metrics)).toEqual(await embedded.entitiesByIds(metrics));
      // Asked about metrics, Neo4j answers from the metric index (figures-of-metrics).
      for (const f of a) {
        for (const q of [
          { kind, metrics: [f.metricId] },
          { kind, metrics: [f.metricId, 'metric:gdp'], year: f.year, measure: f.measure },
          { kind, metrics: [f.metricId], jurisdictions: [f.jurisdiction], report: f.reportId },
          // Asked about a report, Neo4j answers from the report index (figures-of-report).
          { kind, report: f.reportId },
          { kind, report: f.reportId, year: f.year, status: f.status },
        ])
          expect(await neo.figures(q, 1000)).toEqual(await embedded.figures(q, 1000));
      }
    }
  });

  test('projects agree', async () => {
    const queries = [
      {},
      { themes: ['theme:五大安全'] },
      { places: ['place:大连'] },
      { report: 'liaoning-2022', places: ['place:辽宁'] },
      // The walk from the theme, then the other filters.
      { themes: ['theme:五大安全'], places: ['place:辽宁'] },
      { themes: ['theme:五大安全'], report: 'china-2022' },
    ];
    for (const q of queries) {
      const a = await neo.projects(q, 1000);
      expect(a).toEqual(await embedded.projects(q, 1000));
      const ids = a.map((p) => p.id);
      expect(await neo.projectThemes(ids)).toEqual(await embedded.projectThemes(ids));
      expect(await neo.entityNeighbours(ids, 'LOCATED_IN', 'out')).toEqual(
        await embedded.entityNeighbours(ids, 'LOCATED_IN', 'out'),
      );
    }
  });

  test('neighbourhoods and paths agree', async () => {
    for (const [id, depth, limit] of [
      ['place:沈阳', 1, 50],
      ['place:沈阳', 2, 200],
      ['theme:五大安全', 2, 100],
      ['report:china-2022', 1, 30],
    ] as const) {
      expect(await neighborhood(neo, id, depth, limit)).toEqual(
        await neighborhood(embedded, id, depth, limit),
      );
    }
    const pairs: [string, string][] = [
      ['place:沈阳', 'theme:五大安全'],
      ['place:大连', 'metric:gdp'],
      ['project:沈白高铁', 'place:辽宁'],
    ];
    for (const [from, to] of pairs) {
      const a = await shortestPath(neo, from, to, 6);
      expect(a).not.toBeNull();
      expect(a).toEqual(await shortestPath(embedded, from, to, 6));
    }
  });

  test('search: the same hits come first on both stores (scores differ)', async () => {
    // 5G is written inside Chinese words (加大5G网络, 新建5G基站): Lucene splits it off.
    for (const text of ['核电', '沈阳', 'Shenyang', '粮食安全', '营商环境', '5G', '5G基站']) {
      const a = (await neo.search(text, 30)).map((h) => h.node.id);
      const b = (await embedded.search(text, 30)).map((h) => h.node.id);
      expect(a.length).toBeGreaterThan(0);
      // Each store's top five are among the other's top thirty.
      for (const id of a.slice(0, 5)) expect(b).toContain(id);
      for (const id of b.slice(0, 5)) expect(a).toContain(id);
    }
  });

  test('resolve, reports and sections agree', async () => {
    for (const name of ['沈阳', 'dalian', '中华人民共和国', 'Chaoyang']) {
      expect(await neo.resolve(name)).toEqual(await embedded.resolve(name));
    }
    expect(await neo.reports()).toEqual(await embedded.reports());
    const ids = ['china-2021', 'china-2022', 'liaoning-2022'];
    expect(await neo.sectionsOfReports(ids)).toEqual(await embedded.sectionsOfReports(ids));
  });
});

describeNeo4j('Neo4j ingest is one transaction', () => {
  test('a failure in a late batch leaves the stored report as it was', async () => {
    // Small batches, so several statements succeed before the failing one.
    const store = await freshNeo4jStore(50);
    try {
      const input = await seedInput('liaoning-2022');
      const original = extractReport(input, lexicon);
      await store.ingest(original);
      const before = await store.counts();

      const changed = extractReport({ ...input, text: `${input.text}\n` }, lexicon);
      // A map-valued property cannot be stored in Neo4j: the last batch of nodes fails.
      const last = changed.entities.at(-1)!;
      const poisoned: ReportGraph = {
        ...changed,
        entities: [
          ...changed.entities.slice(0, -1),
          { ...last, level: { nested: true } as unknown as string },
        ],
      };
      await expect(store.ingest(poisoned)).rejects.toThrow();
      expect(await store.counts()).toEqual(before);
      expect((await store.reportsByIds(['liaoning-2022']))[0]!.hash).toBe(original.report.hash);
      // A retry with a good graph completes.
      expect((await store.ingest(changed)).status).toBe('replaced');
    } finally {
      await store.close();
    }
  });
});
