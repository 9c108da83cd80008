/**
 * The store contract: the same cases, run against the embedded store and against Neo4j.
 */
import { GraphIntegrityError, ReportConflictError, type GraphStore } from '../../src/store';
import type { CommitmentNode, GraphNode, Measure, ReportGraph } from '../../src/model';
import { extractReport } from '../../src/extract';
import { lexicon } from '../support/lexicon';
import { linkReport } from '../../src/link';
import { BASE_RULE, NODE_KINDS, nodeSummary, standingFigures } from '../../src/model';
import { neighborhood } from '../../src/store/traverse';
import { RANGE_REPORT } from '../support/range-report';
import { largeReport } from '../support/large-report';
import { ningxiaReport } from '../support/made-up';
import { seedGraphs, seedInput } from '../support/seeds';

async function allCommitments(
  store: GraphStore,
  query: Parameters<GraphStore['commitments']>[0],
  pageSize = 7,
) {
  const out: CommitmentNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await store.commitments(query, { first: pageSize, after });
    out.push(...page.nodes);
    if (!page.hasNextPage) return out;
    after = page.nodes.at(-1)!.sortKey;
  }
}

export function storeContract(makeStore: () => Promise<GraphStore>): void {
  let store: GraphStore;
  let graphs: ReportGraph[];
  let texts: Map<string, string>;

  beforeAll(async () => {
    store = await makeStore();
    graphs = await seedGraphs();
    texts = new Map(graphs.map((g) => [g.report.reportId, g.report.text]));
    for (const g of graphs) expect((await store.ingest(g)).status).toBe('added');
  });
  afterAll(async () => {
    await store.close();
  });

  test('stores every node and edge of the three reports', async () => {
    const counts = await store.counts();
    const sum = (kind: string) =>
      graphs.reduce((n, g) => n + g.commitments.filter((c) => c.kind === kind).length, 0);
    expect(counts.nodes.Report).toBe(3);
    expect(counts.nodes.Commitment).toBe(sum('Commitment'));
    expect(counts.nodes.Section).toBe(graphs.reduce((n, g) => n + g.sections.length, 0));
    const involves = graphs.reduce(
      (n, g) => n + g.edges.filter((e) => e.type === 'INVOLVES').length,
      0,
    );
    expect(counts.edges.INVOLVES).toBe(involves);
    // Each report carries the places it links with their ancestors, not the whole gazetteer.
    const places = new Set(
      graphs.flatMap((g) => g.entities.filter((e) => e.kind === 'Place').map((e) => e.id)),
    );
    expect(counts.nodes.Place).toBe(places.size);
    expect(places.size).toBeLessThan(1000);
  });

  test('ingesting the same report again changes nothing', async () => {
    const before = await store.counts();
    for (const g of graphs) expect((await store.ingest(g)).status).toBe('unchanged');
    expect(await store.counts()).toEqual(before);
  });

  test('lists reports by year then id, and finds them by id', async () => {
    expect((await store.reports()).map((r) => r.reportId)).toEqual([
      'china-2021',
      'china-2022',
      'liaoning-2022',
    ]);
    const [a, missing] = await store.reportsByIds(['liaoning-2022', 'nope']);
    expect(a?.title).toBe('2022年辽宁省政府工作报告');
    expect(a?.text).toBe(texts.get('liaoning-2022'));
    expect(missing).toBeNull();
  });

  test('resolves Chinese names, aliases, English and pinyin in any case', async () => {
    for (const name of ['沈阳', '沈阳市', 'Shenyang', 'SHENYANG', 'shen yang']) {
      expect((await store.resolve(name)).map((e) => e.id)).toEqual(['place:沈阳']);
    }
    expect((await store.resolve('Liaoning Province')).map((e) => e.id)).toEqual(['place:辽宁']);
    // The lexicon writes an en dash (South–North); a user types a hyphen, or nothing.
    for (const name of ['South-North Water Transfer Project', 'south north water transfer project'])
      expect((await store.resolve(name)).map((e) => e.id)).toEqual(['project:南水北调工程']);
    expect(await store.resolve('Atlantis')).toEqual([]);
    expect(await store.resolve('  ')).toEqual([]);
    // An entity's id, as answers give it; the id of anything else is no name.
    expect((await store.resolve('place:沈阳')).map((e) => e.id)).toEqual(['place:沈阳']);
    expect((await store.resolve('metric:gdp')).map((e) => e.id)).toEqual(['metric:gdp']);
    const commitment = graphs[0]!.commitments[0]!.id;
    expect(await store.resolve(commitment)).toEqual([]);
  });

  test('commitments involving Shenyang name it, in report order, with spans that slice back', async () => {
    const nodes = await allCommitments(store, { involves: ['place:沈阳'] });
    expect(nodes.length).toBeGreaterThanOrEqual(10);
    for (const c of nodes) {
      expect(texts.get(c.reportId)!.slice(c.span.start, c.span.end)).toBe(c.text);
      // By name, or by a trusted abbreviation in a route or pairing (沈白高铁, 京沈), or
      // through a place inside Shenyang (浑南).
      expect(c.text).toMatch(
        /沈|浑南|和平|沈河|皇姑|大东|铁西|于洪|沈北|苏家屯|辽中|康平|法库|新民/,
      );
    }
    const keys = nodes.map((c) => c.sortKey);
    expect([...keys].sort()).toEqual(keys);
    const page = await store.commitments({ involves: ['place:沈阳'] }, { first: 5 });
    expect(page.totalCount).toBe(nodes.length);
    expect(page.nodes).toEqual(nodes.slice(0, 5));
    expect(page.hasNextPage).toBe(true);
  });

  test('a place includes the places PART_OF it, and "a or b" is a union', async () => {
    const shenyang = await allCommitments(store, { involves: ['place:沈阳'] });
    const dalian = await allCommitments(store, { involves: ['place:大连'] });
    const either = await allCommitments(store, { involves: ['place:沈阳', 'place:大连'] });
    const union = new Set([...shenyang, ...dalian].map((c) => c.id));
    expect(new Set(either.map((c) => c.id))).toEqual(union);
    const liaoning = new Set(
      (await allCommitments(store, { involves: ['place:辽宁'] }, 100)).map((c) => c.id),
    );
    for (const c of shenyang) expect(liaoning.has(c.id)).toBe(true);
  });

  test('a commitment linked to a place and to a place inside it is counted and listed once', async () => {
    // Shenyang and everything PART_OF it, and the commitments INVOLVING them, read off the
    // graphs: a few name both Shenyang and a district of it.
    const edges = graphs.flatMap((g) => g.edges);
    const inShenyang = new Set(['place:沈阳']);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of edges) {
        if (e.type === 'PART_OF' && inShenyang.has(e.target) && !inShenyang.has(e.source)) {
          inShenyang.add(e.source);
          grew = true;
        }
      }
    }
    const places = new Map<string, Set<string>>();
    for (const e of edges) {
      if (e.type !== 'INVOLVES' || !inShenyang.has(e.target)) continue;
      if (!places.has(e.source)) places.set(e.source, new Set());
      places.get(e.source)!.add(e.target);
    }
    expect([...places.values()].filter((p) => p.size > 1).length).toBeGreaterThan(0);
    for (const involves of [['place:沈阳'], ['place:沈阳', ...[...inShenyang].slice(1)]]) {
      // Pages of 3 cross from one report's matches and one place's links to the next.
      const listed = (await allCommitments(store, { involves }, 3)).map((c) => c.id);
      expect(listed).toHaveLength(places.size);
      expect(new Set(listed)).toEqual(new Set(places.keys()));
      const page = await store.commitments({ involves }, { first: 1 });
      expect(page.totalCount).toBe(places.size);
      const inReport = await store.commitments(
        { involves, report: 'liaoning-2022', text: '沈' },
        { first: 100 },
      );
      expect(inReport.nodes.map((c) => c.id).sort()).toEqual(
        graphs[2]!.commitments
          .filter((c) => places.has(c.id) && c.text.includes('沈'))
          .map((c) => c.id)
          .sort(),
      );
      expect(inReport.totalCount).toBe(inReport.nodes.length);
    }
  });

  test('filters by report and phase', async () => {
    const review = await allCommitments(store, { report: 'liaoning-2022', phase: 'REVIEW' }, 200);
    const plan = await allCommitments(store, { report: 'liaoning-2022', phase: 'PLAN' }, 200);
    const all = await store.commitments({ report: 'liaoning-2022' }, { first: 0 });
    expect(review.length + plan.length).toBe(all.totalCount);
    expect(review.every((c) => c.phase === 'REVIEW' && c.reportId === 'liaoning-2022')).toBe(true);
    // The review part comes first in the report.
    expect(review.at(-1)!.span.start).toBeLessThan(plan[0]!.span.start);
    expect(all.nodes).toEqual([]);
  });

  test('links carry the rule and the evidence span', async () => {
    const [page] = [await store.commitments({ involves: ['place:沈阳'] }, { first: 20 })];
    const links = await store.linksOfCommitments(
      page.nodes.map((c) => c.id),
      ['INVOLVES'],
    );
    expect(links).toHaveLength(page.nodes.length);
    links.forEach((list, i) => {
      const c = page.nodes[i]!;
      const sy = list.find((l) => l.entity.id === 'place:沈阳');
      if (!sy) return; // involved through a place inside Shenyang
      const words = texts.get(c.reportId)!.slice(sy.edge.evidence!.start, sy.edge.evidence!.end);
      // By name, or by a trusted abbreviation in a route or pairing (沈白高铁, 京沈).
      // or a zone named after it (沈抚改革创新示范区 involves 沈阳 and 抚顺).
      if (sy.edge.rule === 'abbreviation') expect(words).toBe('沈');
      else if (sy.edge.rule === 'named-after') expect(words).toMatch(/^沈/);
      else expect(words).toMatch(/^沈阳/);
      expect(sy.edge.source).toBe(c.id);
    });
  });

  test('sections and place hierarchy', async () => {
    const [sections] = await store.sectionsOfReports(['liaoning-2022']);
    expect(sections!.map((s) => s.path).slice(0, 3)).toEqual(['一', '二', '二/（一）']);
    const [s] = await store.sectionsByIds([sections![2]!.id]);
    expect(s?.parentId).toBe(sections![1]!.id);
    const [wholes] = await store.entityNeighbours(['place:沈阳'], 'PART_OF', 'out');
    expect(wholes!.map((p) => p.id)).toEqual(['place:辽宁']);
    const [parts] = await store.entityNeighbours(['place:辽宁'], 'PART_OF', 'in');
    const cities = parts!.filter((p) => p.level === 'prefecture').map((p) => p.nameEn);
    expect(cities).toHaveLength(14);
    expect(cities).toEqual(expect.arrayContaining(['Shenyang', 'Dalian', 'Huludao']));
  });

  test('figures: targets and results by metric, year, measure, status and jurisdiction', async () => {
    const gdpTargets = await store.figures(
      { kind: 'Target', metrics: ['metric:gdp'], measure: 'GROWTH' },
      100,
    );
    expect(gdpTargets.map((f) => [f.reportId, f.year, f.value, f.unit, f.qualifier])).toEqual([
      ['china-2021', 2021, 6, '%', 'AT_LEAST'],
      ['china-2022', 2022, 5.5, '%', 'ABOUT'],
      ['liaoning-2022', 2022, 5.5, '%', 'AT_LEAST'],
    ]);
    const results2021 = await store.figures(
      { kind: 'Result', metrics: ['metric:gdp'], measure: 'GROWTH', year: 2021 },
      100,
    );
    expect(results2021.map((f) => [f.reportId, f.value])).toEqual([
      ['china-2022', 8.1],
      ['liaoning-2022', 5.8],
    ]);
    const deferred = await store.figures({ kind: 'Target', status: 'DEFERRED' }, 100);
    expect(deferred.map((f) => [f.reportId, f.metricId])).toEqual([
      ['china-2022', 'metric:energy_intensity'],
      ['liaoning-2022', 'metric:energy_intensity'],
    ]);
    const liaoning = await store.figures({ kind: 'Target', jurisdictions: ['place:辽宁'] }, 1000);
    expect(liaoning.length).toBeGreaterThan(10);
    expect(liaoning.every((f) => f.reportId === 'liaoning-2022')).toBe(true);
    expect(await store.figures({ kind: 'Target', jurisdictions: ['place:辽宁'] }, 3)).toEqual(
      liaoning.slice(0, 3),
    );

    // Each figure hangs off its commitment, whose text holds it.
    const [ofCommitment] = await store.figuresOfCommitments([gdpTargets[2]!.commitmentId]);
    expect(ofCommitment!.map((f) => f.id)).toContain(gdpTargets[2]!.id);
    const [c] = await store.commitmentsByIds([gdpTargets[2]!.commitmentId]);
    for (const f of ofCommitment!) {
      expect(texts.get('liaoning-2022')!.slice(f.span.start, f.span.end)).toBe(f.text);
      expect(c!.text).toContain(f.text);
    }
    const [metric] = await store.entitiesByIds(['metric:gdp']);
    expect(metric).toMatchObject({
      kind: 'Metric',
      key: 'gdp',
      curated: true,
      headlineMeasure: 'GROWTH',
    });
  });

  test('standing figures: one per jurisdiction and year, as the model picks them from every figure', async () => {
    // Each asks for more figures than it has standing ones (several per jurisdiction and year).
    const queries = (kind: 'Target' | 'Result') => [
      { metrics: ['metric:gdp'] },
      { metrics: ['metric:gdp'], measure: 'GROWTH' as const, jurisdictions: ['place:中国'] },
      { metrics: ['metric:gdp', 'metric:cpi'], year: kind === 'Target' ? 2022 : 2021 },
      { metrics: ['metric:gdp'], report: 'china-2022' },
    ];
    for (const kind of ['Target', 'Result'] as const) {
      for (const q of queries(kind)) {
        const every = await store.figures({ kind, ...q }, 100_000);
        const picked = [...standingFigures(every, (f) => `${f.jurisdiction} ${f.year}`).values()];
        const standing = await store.standingFigures({ kind, ...q });
        expect(standing.length).toBeGreaterThan(0);
        expect(standing).toEqual(
          picked.sort((a, b) => a.year - b.year || (a.jurisdiction < b.jurisdiction ? -1 : 1)),
        );
      }
    }
    // A series asks for both kinds at once (one statement on Neo4j): the same figures.
    for (const q of queries('Target')) {
      const both = await store.standingSeries(q);
      expect(both.targets).toEqual(await store.standingFigures({ kind: 'Target', ...q }));
      expect(both.results).toEqual(await store.standingFigures({ kind: 'Result', ...q }));
      expect(both.targets.every((f) => f.kind === 'Target')).toBe(true);
      expect(both.results.every((f) => f.kind === 'Result')).toBe(true);
    }
    const national = await store.standingFigures({
      kind: 'Target',
      metrics: ['metric:gdp'],
      measure: 'GROWTH',
      jurisdictions: ['place:中国'],
    });
    expect(national.map((f) => [f.year, f.value, f.reportId])).toEqual([
      [2021, 6, 'china-2021'],
      [2022, 5.5, 'china-2022'],
    ]);
  });

  test('projects that serve the five securities, and where they are', async () => {
    const projects = await store.projects({ themes: ['theme:五大安全'] }, 100);
    const names = projects.map((p) => p.name);
    // Named after the framing sentence "坚持维护国家“五大安全”这个政治使命…" of their paragraph.
    expect(names).toEqual(
      expect.arrayContaining(['沈白高铁', '徐大堡核电', '红沿河核电', '大连新机场']),
    );
    expect([...names].sort()).toEqual(names);
    const [places] = await store.entityNeighbours(['project:沈白高铁'], 'LOCATED_IN', 'out');
    expect(places!.map((p) => p.id)).toEqual(expect.arrayContaining(['place:沈阳']));
    const inDalian = (await store.projects({ places: ['place:大连'] }, 100)).map((p) => p.name);
    expect(inDalian).toEqual(expect.arrayContaining(['大连新机场', '红沿河核电']));
    expect(inDalian).not.toContain('沈白高铁');
    const [themes] = await store.projectThemes(['project:沈白高铁']);
    expect(themes!.map((t) => t.id)).toContain('theme:五大安全');
    // A project's own commitments are those that name it.
    const named = await store.commitments({ linked: ['project:沈白高铁'] }, { first: 100 });
    expect(named.totalCount).toBeGreaterThanOrEqual(2);
    for (const c of named.nodes) expect(c.text).toContain('沈白高铁');
  });

  test('entities several reports link, with those reports: most reports first, as the graphs say', async () => {
    // What the three graphs say: each entity, the reports whose commitments link it.
    const linkingOf = (counted: ReportGraph[]) => {
      const linking = new Map<string, { reports: Set<string>; commitments: Set<string> }>();
      for (const g of counted) {
        const own = new Set(g.commitments.map((c) => c.id));
        for (const e of g.edges) {
          if (!['INVOLVES', 'CONCERNS', 'SERVES', 'MENTIONS'].includes(e.type)) continue;
          if (!own.has(e.source)) continue;
          const x = linking.get(e.target) ?? { reports: new Set(), commitments: new Set() };
          x.reports.add(g.report.reportId);
          x.commitments.add(e.source);
          linking.set(e.target, x);
        }
      }
      return linking;
    };
    const curatedOf = new Map(graphs.flatMap((g) => g.entities.map((e) => [e.id, e.curated])));
    const expected = (kind: string, min: number, curated: boolean | null, of = graphs) =>
      [...linkingOf(of)]
        .filter(([id, x]) => id.startsWith(`${kind.toLowerCase()}:`) && x.reports.size >= min)
        .filter(([id]) => curated === null || curatedOf.get(id) === curated)
        .sort(([a, x], [b, y]) => y.reports.size - x.reports.size || (a < b ? -1 : 1))
        .map(([id, x]) => [id, [...x.reports].sort(), x.commitments.size]);
    const asked = async (
      kind: 'Theme' | 'Place',
      min: number,
      curated: boolean | null,
      first = 1000,
      year: number | null = null,
    ) =>
      (await store.sharedEntities({ kind, minReports: min, curated, year }, first)).map((s) => [
        s.entity.id,
        s.reportIds,
        s.commitments,
      ]);
    const themes = await asked('Theme', 3, null);
    expect(themes.length).toBeGreaterThan(5);
    expect(themes).toEqual(expected('Theme', 3, null));
    expect(await asked('Theme', 2, false)).toEqual(expected('Theme', 2, false));
    expect(await asked('Place', 2, null, 10)).toEqual(expected('Place', 2, null).slice(0, 10));
    // 沈阳 is named in Liaoning's report alone.
    const once = await asked('Place', 1, true);
    expect(once.find(([id]) => id === 'place:沈阳')?.[1]).toEqual(['liaoning-2022']);
    expect(
      await store.sharedEntities({ kind: 'Metric', minReports: 1, curated: null }, 10),
    ).toEqual([]);
    // Counting the commitments of one year's reports only (china-2022 and liaoning-2022).
    const of2022 = graphs.filter((g) => g.report.year === 2022);
    const both = await asked('Theme', 2, null, 1000, 2022);
    expect(both.length).toBeGreaterThan(5);
    expect(both).toEqual(expected('Theme', 2, null, of2022));
    expect(await asked('Theme', 1, null, 1000, 1999)).toEqual([]);
  });

  test('reports linked to each other: outcomes of targets, continuing work; linking twice changes nothing', async () => {
    for (const g of graphs) await linkReport(store, g.report.reportId);
    const counts = await store.counts();
    expect(counts.edges.OUTCOME_OF).toBeGreaterThanOrEqual(5);
    expect(counts.edges.CONTINUES).toBeGreaterThanOrEqual(20);
    // The national GDP growth of 2021: 8.1% reported in 2022 against the 6% set in 2021.
    const [result] = await store.figures(
      {
        kind: 'Result',
        metrics: ['metric:gdp'],
        measure: 'GROWTH',
        year: 2021,
        jurisdictions: ['place:中国'],
      },
      10,
    );
    const outcome = (await store.edgesAround([result!.id])).find((e) => e.type === 'OUTCOME_OF')!;
    const [target] = await store.nodesByIds([outcome.target]);
    expect(target).toMatchObject({
      kind: 'Target',
      reportId: 'china-2021',
      value: 6,
      qualifier: 'AT_LEAST',
      year: 2021,
    });
    expect(outcome).toMatchObject({
      source: result!.id,
      rule: 'same-metric-year',
      reportId: 'china-2022',
    });
    // Liaoning has no earlier report: its results are outcomes of nothing.
    const liaoning = await store.figures({ kind: 'Result', jurisdictions: ['place:辽宁'] }, 1000);
    const around = await store.edgesAround(liaoning.map((f) => f.id));
    expect(around.some((e) => e.type === 'OUTCOME_OF')).toBe(false);
    // CONTINUES runs from the later report to the earlier, with a score and its rule.
    const continues = (
      await store.edgesAround(
        (await store.commitments({ report: 'china-2022' }, { first: 1000 })).nodes.map((c) => c.id),
      )
    ).filter((e) => e.type === 'CONTINUES');
    for (const e of continues) {
      expect(e.source.startsWith('commitment:china-2022:')).toBe(true);
      expect(e.target.startsWith('commitment:china-2021:')).toBe(true);
      expect(e.score).toBeGreaterThan(0);
      expect(e.rule).toMatch(/^similarity\+(project|metric|theme)$/);
    }
    for (const g of graphs) await linkReport(store, g.report.reportId);
    expect(await store.counts()).toEqual(counts);
  });

  test('a step of a walk cut at a budget keeps the nearest new ends; neighbourhoods come out as without the cut', async () => {
    // Linked above, so hubs have neighbours from all three reports. A step that brings every
    // end back, from the store's other methods: what the cut is checked against.
    const uncutStep = async (target: GraphStore, frontier: readonly string[]) => {
      const edges = await target.edgesAround(frontier);
      const ends = new Set(frontier);
      for (const e of edges) ends.add(e.source).add(e.target);
      const nodes = await target.nodesByIds([...ends]);
      // Summarised here from whole nodes: the cut step's summaries come from the store's own.
      return {
        edges,
        nodes: nodes.filter((n): n is GraphNode => n !== null).map(nodeSummary),
      };
    };
    const full = await uncutStep(store, ['place:沈阳']);
    const kindOf = new Map(full.nodes.map((n) => [n.id, n.kind]));
    const order = (a: string, b: string) =>
      NODE_KINDS.indexOf(kindOf.get(a)!) - NODE_KINDS.indexOf(kindOf.get(b)!) ||
      (a < b ? -1 : a > b ? 1 : 0);
    const fresh = [...kindOf.keys()].filter((id) => id !== 'place:沈阳').sort(order);
    expect(fresh.length).toBeGreaterThan(10);
    const expected = (kept: string[]) => {
      const keep = new Set(kept);
      return {
        nodes: [...keep].sort(),
        edges: full.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
      };
    };
    const ids = (nodes: { id: string }[]) => [...new Set(nodes.map((n) => n.id))].sort();
    const cut = await store.around(['place:沈阳'], { known: ['place:沈阳'], budget: 3 });
    expect({ nodes: ids(cut.nodes), edges: cut.edges }).toEqual(
      expected(['place:沈阳', ...fresh.slice(0, 3)]),
    );
    // An end reached before is kept, and not counted against the budget.
    const late = fresh.at(-1)!;
    const known = await store.around(['place:沈阳'], { known: ['place:沈阳', late], budget: 3 });
    expect({ nodes: ids(known.nodes), edges: known.edges }).toEqual(
      expected(['place:沈阳', late, ...fresh.slice(0, 3)]),
    );

    // The same neighbourhoods as a walk that brings every end back (stores before the cut).
    const uncut = new Proxy(store, {
      get(target, key) {
        if (key === 'around') return (frontier: readonly string[]) => uncutStep(target, frontier);
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // Summaries, labels made in the store as from the whole node (a report's is its title).
    const step = await store.around(['place:辽宁'], { known: ['place:辽宁'], budget: 50 });
    const whole = await store.nodesByIds(step.nodes.map((n) => n.id));
    expect(step.nodes).toEqual(whole.map((n) => nodeSummary(n!)));
    expect(step.nodes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['Report', 'Commitment', 'Place']),
    );
    for (const [id, depth, limit] of [
      ['place:沈阳', 1, 1],
      ['place:沈阳', 1, 5],
      ['place:沈阳', 2, 40],
      ['place:辽宁', 1, 10],
      ['theme:五大安全', 2, 25],
      ['report:china-2022', 2, 300],
    ] as const) {
      const answer = await neighborhood(store, id, depth, limit);
      expect(answer!.nodes.length).toBeLessThanOrEqual(limit);
      expect(answer).toEqual(await neighborhood(uncut, id, depth, limit));
    }
  });

  test('an incomplete graph is refused and nothing stored changes', async () => {
    const before = await store.counts();
    const g = extractReport(
      {
        ...(await seedInput('liaoning-2022')),
        text: (await seedInput('liaoning-2022')).text + '\n',
      },
      lexicon,
    );
    const broken: ReportGraph = {
      ...g,
      edges: [...g.edges, { ...g.edges[0]!, id: 'broken', target: 'place:亚特兰蒂斯' }],
    };
    await expect(store.ingest(broken)).rejects.toThrow(GraphIntegrityError);
    expect(await store.counts()).toEqual(before);
    expect((await store.reportsByIds(['liaoning-2022']))[0]!.hash).toBe(graphs[2]!.report.hash);
  });

  test('a shared entity whose curated data changed is rewritten when a report brings it', async () => {
    // The Neo4j store skips rows it already holds unchanged; a changed one must still land.
    const g = graphs[2]!;
    const renamed = (e: (typeof g.entities)[number]) =>
      e.id === 'place:沈阳' ? { ...e, nameEn: 'Mukden', aliases: [...e.aliases, '奉天'] } : e;
    const changed: ReportGraph = {
      ...g,
      report: { ...g.report, hash: `${g.report.hash}-lexicon-changed` },
      entities: g.entities.map(renamed),
    };
    expect((await store.ingest(changed)).status).toBe('replaced');
    const [shenyang, dalian] = await store.nodesByIds(['place:沈阳', 'place:大连']);
    expect(shenyang).toMatchObject({ nameEn: 'Mukden', aliases: expect.arrayContaining(['奉天']) });
    expect(dalian).toEqual(g.entities.find((e) => e.id === 'place:大连'));
    expect((await store.ingest(g)).status).toBe('replaced');
    expect((await store.nodesByIds(['place:沈阳']))[0]).toEqual(
      g.entities.find((e) => e.id === 'place:沈阳'),
    );
  });

  test('a changed text replaces the report derived graph as a whole', async () => {
    const shenyang = async () =>
      (await store.commitments({ involves: ['place:沈阳'] }, { first: 1000 })).nodes.map(
        (c) => c.id,
      );
    const shenyangBefore = await shenyang();
    const input = await seedInput('liaoning-2022');
    // Drop the review part: the new graph has fewer commitments and none of the old review.
    const cut = input.text.indexOf('　　二、2022年工作安排');
    const shorter = extractReport(
      {
        ...input,
        text: input.text.slice(0, input.text.indexOf('　　一、')) + input.text.slice(cut),
      },
      lexicon,
    );
    expect((await store.ingest(shorter)).status).toBe('replaced');
    const page = await store.commitments({ report: 'liaoning-2022' }, { first: 1000 });
    expect(page.totalCount).toBe(shorter.commitments.length);
    expect(page.nodes.every((c) => c.phase === 'PLAN')).toBe(true);
    // Shenyang's links now are those of the shorter text (Shenyang and the places in it).
    const inShenyang = new Set(['place:沈阳']);
    for (let grew = true; grew;) {
      grew = false;
      for (const e of shorter.edges) {
        if (e.type === 'PART_OF' && inShenyang.has(e.target) && !inShenyang.has(e.source)) {
          inShenyang.add(e.source);
          grew = true;
        }
      }
    }
    const involvesNow = shorter.edges.filter(
      (e) => e.type === 'INVOLVES' && inShenyang.has(e.target),
    );
    expect(involvesNow.length).toBeGreaterThan(0);
    expect((await shenyang()).filter((id) => id.includes('liaoning-2022')).sort()).toEqual(
      [...new Set(involvesNow.map((e) => e.source))].sort(),
    );
    expect(
      (await store.commitments({ report: 'liaoning-2022', phase: 'REVIEW' }, { first: 1 }))
        .totalCount,
    ).toBe(0);
    // ...and putting the original back restores the original counts.
    expect((await store.ingest(graphs[2]!)).status).toBe('replaced');
    expect((await store.commitments({ report: 'liaoning-2022' }, { first: 0 })).totalCount).toBe(
      graphs[2]!.commitments.length,
    );
    expect(await shenyang()).toEqual(shenyangBefore);
  });

  test('a node or an edge given twice in one graph is stored once', async () => {
    // A report's own rows are created, not merged (cypher/load/new-*.cypher): a repeated
    // row must not become a second node or edge.
    const g = graphs[2]!;
    const before = await store.counts();
    const edge = g.edges.find((e) => e.type === 'INVOLVES')!;
    const twice: ReportGraph = {
      ...g,
      report: { ...g.report, hash: `${g.report.hash}-twice` },
      commitments: [...g.commitments, g.commitments[0]!],
      edges: [...g.edges, { ...edge }],
    };
    expect((await store.ingest(twice)).status).toBe('replaced');
    expect(await store.counts()).toEqual(before);
    expect((await store.ingest(g)).status).toBe('replaced');
  });

  // Last: it adds two reports of a jurisdiction no seed has.
  test('a series is whole however many figures a year has: standing figures are picked in the store', async () => {
    const meta = {
      title: '吉林省政府工作报告',
      jurisdiction: '吉林省',
      level: 'provincial' as const,
      extra: {},
    };
    const plan = (year: number, values: number[]) =>
      `一、${year - 1}年工作回顾\n\n全省地区生产总值增长${year - 2015}%。\n\n二、${year}年工作安排\n\n` +
      values.map((v, i) => `第${i + 1}项，地区生产总值增长${v}%以上。`).join('\n\n') +
      '\n';
    // More targets for 2021 than a page of figures holds, then one for 2022.
    const first = extractReport(
      {
        text: plan(2021, [7, ...Array<number>(1000).fill(6)]),
        meta: { ...meta, id: 'jilin-2021', year: 2021 },
        origin: 'jilin-2021 (made up)',
      },
      lexicon,
    );
    const second = extractReport(
      {
        text: plan(2022, [5.5]),
        meta: { ...meta, id: 'jilin-2022', year: 2022 },
        origin: 'jilin-2022 (made up)',
      },
      lexicon,
    );
    expect(first.figures.filter((f) => f.kind === 'Target')).toHaveLength(1001);
    for (const g of [first, second]) expect((await store.ingest(g)).status).toBe('added');
    const q = {
      metrics: ['metric:gdp'],
      measure: 'GROWTH' as const,
      jurisdictions: ['place:吉林'],
    };
    const targets = await store.standingFigures({ kind: 'Target', ...q });
    expect(targets.map((f) => [f.year, f.value, f.reportId])).toEqual([
      [2021, 7, 'jilin-2021'],
      [2022, 5.5, 'jilin-2022'],
    ]);
    const results = await store.standingFigures({ kind: 'Result', ...q });
    expect(results.map((f) => [f.year, f.value, f.reportId])).toEqual([
      [2020, 6, 'jilin-2021'],
      [2021, 7, 'jilin-2022'],
    ]);
  });

  // It adds made-up reports of 宁夏, which no other test asks about.
  test('a base a later report compares with stands for its year only when nothing else does', async () => {
    const report = (year: number, review: string) =>
      ningxiaReport(year, `一、${review}\n\n二、${year}年工作安排\n\n推动制造业高质量发展。\n`);
    const own = report(2016, '2015年工作回顾\n\n全区地区生产总值达到2900亿元。');
    const later = report(
      2021,
      '“十三五”时期工作回顾\n\n这五年，全区地区生产总值从不到3000亿元增加到3900亿元，一般公共预算收入从300亿元增加到450亿元。',
    );
    const bases = later.figures.filter((f) => f.rule === BASE_RULE);
    expect(bases.map((f) => [f.value, f.year, f.startYear])).toEqual([
      [3000, 2015, null],
      [300, 2015, null],
    ]);
    for (const g of [own, later]) expect((await store.ingest(g)).status).toBe('added');
    const standing = async (metric: string) =>
      (
        await store.standingFigures({
          kind: 'Result',
          metrics: [metric],
          measure: 'LEVEL',
          jurisdictions: ['place:宁夏'],
        })
      ).map((f) => [f.year, f.value, f.reportId]);
    // 2015's own 2900 stands over the later report's 不到3000, though the later report is later.
    expect(await standing('metric:gdp')).toEqual([
      [2015, 2900, 'ningxia-2016'],
      [2020, 3900, 'ningxia-2021'],
    ]);
    expect(await standing('metric:fiscal_revenue')).toEqual([
      [2015, 300, 'ningxia-2021'],
      [2020, 450, 'ningxia-2021'],
    ]);
  });

  // It adds a made-up report of 青海, which no other test asks about.
  test("a result's amount stands over the milestone it passed, stated first", async () => {
    const g = extractReport(
      {
        text: '一、2025年工作回顾\n\n全省地区生产总值突破4000亿元，完成地区生产总值4068亿元，增长5.1%。人均地区生产总值超过7万元。\n\n二、2026年工作安排\n\n地区生产总值增长5%以上。\n',
        meta: {
          id: 'qinghai-2026',
          title: '青海省政府工作报告',
          jurisdiction: '青海',
          level: 'provincial',
          year: 2026,
          extra: {},
        },
        origin: 'qinghai-2026 (made up)',
      },
      lexicon,
    );
    const gdp = g.figures.filter((f) => f.metricId === 'metric:gdp' && f.measure === 'LEVEL');
    expect(gdp.map((f) => [f.value, f.qualifier])).toEqual([
      [4000, 'MORE_THAN'],
      [4068, 'EXACT'],
    ]);
    expect((await store.ingest(g)).status).toBe('added');
    const standing = async (kind: 'Target' | 'Result', metric: string, measure: Measure) =>
      (
        await store.standingFigures({
          kind,
          metrics: [metric],
          measure,
          jurisdictions: ['place:青海'],
        })
      ).map((f) => [f.year, f.value, f.qualifier]);
    expect(await standing('Result', 'metric:gdp', 'LEVEL')).toEqual([[2025, 4068, 'EXACT']]);
    // A bound alone stands; a target's bound is the target.
    expect(await standing('Result', 'metric:gdp_per_capita', 'LEVEL')).toEqual([
      [2025, 7, 'MORE_THAN'],
    ]);
    expect(await standing('Target', 'metric:gdp', 'GROWTH')).toEqual([[2026, 5, 'AT_LEAST']]);
  });

  // After the series above: it adds a report of a jurisdiction no other test asks about.
  test('a RANGE figure keeps its low and high; every other figure has them null', async () => {
    const g = extractReport(RANGE_REPORT, lexicon);
    expect((await store.ingest(g)).status).toBe('added');
    const targets = await store.figures({ kind: 'Target', jurisdictions: ['place:黑龙江'] }, 100);
    expect(targets.map((f) => [f.metricText, f.value, f.low, f.high, f.unit, f.qualifier])).toEqual(
      [
        ['地区生产总值', 4.5, 4.5, 5, '%', 'RANGE'],
        ['城镇调查失业率', 5.5, null, null, '%', 'ABOUT'],
        ['省级制造业创新中心', 2, 2, 3, '家', 'RANGE'],
      ],
    );
    // As extracted, through every way a figure is read.
    const extracted = g.figures.filter((f) => f.kind === 'Target');
    expect(targets).toEqual(extracted);
    expect(await store.nodesByIds(extracted.map((f) => f.id))).toEqual(extracted);
    expect(
      (await store.figuresOfCommitments([...new Set(extracted.map((f) => f.commitmentId))])).flat(),
    ).toEqual(extracted);
    expect(
      await store.figures(
        { kind: 'Target', metrics: ['metric:gdp'], report: 'heilongjiang-2026' },
        10,
      ),
    ).toEqual([extracted[0]]);
    expect(
      await store.standingFigures({
        kind: 'Target',
        metrics: ['metric:gdp'],
        jurisdictions: ['place:黑龙江'],
      }),
    ).toEqual([extracted[0]]);
    const [result] = await store.figures({ kind: 'Result', report: 'heilongjiang-2026' }, 10);
    expect(result).toMatchObject({ value: 5, low: null, high: null, qualifier: 'EXACT' });
  });

  // Last: they add made-up reports of Guangdong, which no other test asks about.
  const guangdong = (id: string, body: string, meta: { title?: string; year?: number } = {}) =>
    extractReport(
      {
        text: `一、2025年工作回顾\n\n${body}\n\n二、2026年工作安排\n\n推动制造业高质量发展。\n`,
        meta: {
          id,
          title: '广东省政府工作报告',
          jurisdiction: '广东省',
          level: 'provincial',
          year: 2026,
          extra: {},
          ...meta,
        },
        origin: `${id} (made up)`,
      },
      lexicon,
    );
  /** The report as stored, through every way it is read, and what it owns. */
  const storedReport = async (id: string) => {
    const [report] = await store.reportsByIds([id]);
    const page = await store.commitments({ report: id }, { first: 1000 });
    const [sections] = await store.sectionsOfReports([id]);
    return {
      hash: report?.hash,
      title: report?.title,
      year: report?.year,
      commitments: page.nodes.map((c) => `${c.id} ${c.sortKey}`),
      sections: sections!.map((x) => x.id),
    };
  };
  const expected = (g: ReportGraph) => ({
    hash: g.report.hash,
    title: g.report.title,
    year: g.report.year,
    commitments: [...g.commitments]
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1))
      .map((c) => `${c.id} ${c.sortKey}`),
    sections: [...g.sections].sort((a, b) => a.span.start - b.span.start).map((x) => x.id),
  });

  test('ten parallel ingests of one report store it once: one is added, nine are unchanged', async () => {
    const g = guangdong('guangdong-same-2026', '全省地区生产总值增长5%。');
    const answers = await Promise.all(Array.from({ length: 10 }, () => store.ingest(g)));
    expect(answers.map((a) => a.status).sort()).toEqual([
      'added',
      ...Array<string>(9).fill('unchanged'),
    ]);
    expect(await storedReport('guangdong-same-2026')).toEqual(expected(g));
  });

  test('ten parallel ingests of one id with different texts and metadata: one wins whole, nine are refused', async () => {
    const variants = Array.from({ length: 10 }, (_, i) =>
      guangdong('guangdong-race-2026', `全省地区生产总值增长${i + 1}%。`, {
        title: `广东省政府工作报告（第${i % 3}稿）`,
        year: 2026 - (i % 2),
      }),
    );
    const answers = await Promise.allSettled(
      variants.map((g) => store.ingest(g, { changed: 'refuse' })),
    );
    const won = answers.flatMap((a, i) => (a.status === 'fulfilled' ? [[i, a.value]] : []));
    expect(won).toHaveLength(1);
    const [winner, result] = won[0] as [number, { status: string }];
    expect(result.status).toBe('added');
    for (const a of answers) {
      if (a.status === 'rejected') {
        expect(a.reason).toBeInstanceOf(ReportConflictError);
        expect((a.reason as Error).message).toMatch(
          /^a report with id "guangdong-race-2026" is already stored with (a different text|different metadata)/,
        );
      }
    }
    expect(await storedReport('guangdong-race-2026')).toEqual(expected(variants[winner]!));
  });

  test('the same text with other metadata is refused like another text, or replaces it everywhere', async () => {
    const g = guangdong('guangdong-meta-2026', '全省地区生产总值增长6%。');
    expect((await store.ingest(g, { changed: 'refuse' })).status).toBe('added');
    const renamed = guangdong('guangdong-meta-2026', '全省地区生产总值增长6%。', {
      title: '被改过的标题',
      year: 2030,
    });
    await expect(store.ingest(renamed, { changed: 'refuse' })).rejects.toThrow(
      'a report with id "guangdong-meta-2026" is already stored with different metadata (title, year)',
    );
    expect(await storedReport('guangdong-meta-2026')).toEqual(expected(g));
    // Replacing applies the metadata to the report and to what is derived from it (the
    // year orders its commitments).
    expect((await store.ingest(renamed)).status).toBe('replaced');
    expect(await storedReport('guangdong-meta-2026')).toEqual(expected(renamed));
    expect((await store.ingest(renamed, { changed: 'refuse' })).status).toBe('unchanged');
  });

  test('an edge two reports draw between shared entities stays until neither claims it', async () => {
    const line = '建成南沙港铁路等项目。';
    const a = guangdong('guangdong-claim-a-2026', line);
    const b = guangdong('guangdong-claim-b-2026', `推进${line}`);
    const edge = a.edges.find((e) => e.type === 'LOCATED_IN' && e.reportId)!;
    expect(edge).toMatchObject({ source: 'project:南沙港铁路', target: 'place:南沙区' });
    expect(b.edges.some((e) => e.id === edge.id)).toBe(true);
    const located = async () =>
      (await store.edgesAround([edge.source])).filter((e) => e.id === edge.id);
    for (const g of [a, b]) expect((await store.ingest(g)).status).toBe('added');
    // The last drawing's evidence.
    const [drawn] = await located();
    const evidence = b.edges.find((e) => e.id === edge.id)!.evidence;
    expect(evidence).not.toEqual(edge.evidence);
    expect(drawn).toMatchObject({ reportId: b.report.reportId, evidence });
    // b no longer names the project: the edge stays, a's.
    const bWithout = guangdong('guangdong-claim-b-2026', '推进项目建设。');
    expect((await store.ingest(bWithout)).status).toBe('replaced');
    expect(await located()).toEqual([{ ...drawn, reportId: a.report.reportId, evidence: null }]);
    // b draws it again, and a no longer does: it stays, b's.
    expect((await store.ingest(b)).status).toBe('replaced');
    const aWithout = guangdong('guangdong-claim-a-2026', '推进项目建设。');
    expect((await store.ingest(aWithout)).status).toBe('replaced');
    expect(await located()).toEqual([drawn]);
    // Neither: it goes.
    expect((await store.ingest(bWithout)).status).toBe('replaced');
    expect(await located()).toEqual([]);
  });

  // Last: a report of 3.7 MB, allowed (under 10 MiB), is stored whole.
  test('a 3.7 MB report is extracted and stored completely', async () => {
    const input = await largeReport();
    expect(Buffer.byteLength(input.text, 'utf8')).toBeGreaterThan(3_700_000);
    const g = extractReport(input, lexicon);
    expect(g.commitments.length).toBeGreaterThan(20_000);
    expect((await store.ingest(g)).status).toBe('added');
    const [report] = await store.reportsByIds([g.report.reportId]);
    expect(report!.text).toBe(input.text);
    expect((await store.commitments({ report: g.report.reportId }, { first: 1 })).totalCount).toBe(
      g.commitments.length,
    );
    const [sections] = await store.sectionsOfReports([g.report.reportId]);
    expect(sections).toHaveLength(g.sections.length);
  }, 600_000);
}
