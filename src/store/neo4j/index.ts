/**
 * The Neo4j store, through neo4j-driver. The Cypher it runs lives in `cypher/`; a report
 * is loaded in one write transaction of batched `UNWIND … MERGE` statements, so it is
 * stored completely or not at all.
 */
import './sockets';
import { setTimeout as delay, setImmediate as turn } from 'node:timers/promises';
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import {
  EDGE_TYPES,
  LABEL_SOURCE_CHARS,
  NODE_KINDS,
  nodeSummary,
  POINT_QUALIFIERS,
  type CommitmentNode,
  type EdgeType,
  type EntityNode,
  type FigureNode,
  type GraphEdge,
  type GraphNode,
  type NodeSummary,
  type ReportGraph,
  type ReportNode,
  type SectionNode,
  type SummaryFields,
} from '../../model';
import { nameKey } from '../../extract/lexicon';
import {
  assertComplete,
  type AroundCut,
  type CommitmentLink,
  type CommitmentPage,
  type CommitmentQuery,
  type FigureQuery,
  type SeriesQuery,
  type GraphStore,
  type ProjectQuery,
  type IngestOptions,
  type IngestResult,
  type PageRequest,
  mayStore,
  ReportTooLargeError,
  type SearchHit,
  type SharedEntity,
  type SharedQuery,
  type StoreHealth,
  LINKED_KINDS,
} from '..';
import { log } from '../../log';
import { KeyedQueue } from '../lock';
import { cypher, cypherStatements } from './cypher';
import { edgeFromProps, edgeRow, nodeFromProps, nodeRow, type Props } from './mapping';

/** The user's words as a Lucene query: every special character escaped, terms OR-ed. */
export function luceneQuery(text: string): string {
  return text
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, (c) => `\\${c}`)
    .replace(/\b(AND|OR|NOT)\b/g, (w) => w.toLowerCase())
    .trim();
}

/** Rows keyed by the id they answer for, as one list per id asked, in the order asked. */
function perId<T>(
  ids: readonly string[],
  records: RecordShape[],
  row: (r: RecordShape) => T | null,
): T[][] {
  const byId = new Map<string, T[]>();
  for (const r of records) {
    const value = row(r);
    if (value === null) continue;
    const id = r.get('id') as string;
    const list = byId.get(id);
    if (list) list.push(value);
    else byId.set(id, [value]);
  }
  return ids.map((id) => byId.get(id) ?? []);
}

type RecordShape = { get(key: string): unknown };

type NodeRow = ReturnType<typeof nodeRow>;
/** A node of around.cypher: its kind and id, then (unless keys only) its summary's fields. */
type AroundNode = [
  SummaryFields['kind'],
  string,
  SummaryFields['reportId']?,
  SummaryFields['phase']?,
  SummaryFields['title']?,
  SummaryFields['path']?,
  SummaryFields['name']?,
  SummaryFields['text']?,
];
/** An edge of around.cypher: its type and ends, then its id (keys only) or its properties. */
type AroundEdge = [EdgeType, string, string, string | Props];
type EdgeRow = ReturnType<typeof edgeRow>;

/** One row per id, the last given. */
function lastById<R extends { id: string }>(rows: R[]): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return byId.size === rows.length ? rows : [...byId.values()];
}

function groupBy<R>(rows: readonly R[], key: (row: R) => string): Map<string, R[]> {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** A figure query's filters as the figure statements take them (null: any). */
const figureParams = (query: SeriesQuery | FigureQuery) => ({
  report: query.report ?? null,
  metrics: query.metrics ?? null,
  measure: query.measure ?? null,
  year: query.year ?? null,
  jurisdictions: query.jurisdictions ?? null,
  status: query.status ?? null,
});

/** Each node kind's place in the model's list, the order a neighbourhood keeps. */
const KIND_RANK = Object.fromEntries(NODE_KINDS.map((kind, i) => [kind, neo4j.int(i)]));

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * A transaction that outgrew the memory the server allows it. Neo4j calls it transient,
 * so the driver would try the same load again and again (51 s for a 2.6 MB report) and
 * then give up with its last error; the same report needs the same memory every time.
 */
const OUT_OF_MEMORY =
  /^Neo\.TransientError\.General\.(MemoryPoolOutOfMemoryError|TransactionMemoryLimit|OutOfMemoryError)$/;

/** The error a load that ran out of memory is answered with (logged); null for others. */
function outOfMemory(e: unknown, reportId: string): ReportTooLargeError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !OUT_OF_MEMORY.test(code)) return null;
  log('ingest_out_of_memory', { reportId, code, message: (e as Error).message });
  return new ReportTooLargeError(
    `report ${reportId} needs more memory than Neo4j allows one transaction (${code}); nothing of it was stored. Raise the server's transaction memory (db.memory.transaction.max, dbms.memory.transaction.total.max, the heap) or split the report`,
  );
}

/** The first pause before a failed read is tried again; each next pause is twice as long. */
const READ_RETRY_FIRST_MS = 200;

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  /** Rows per UNWIND statement when loading. */
  batchSize?: number;
  /** How long a failed transaction is retried (neo4j-driver's default is 30 s). */
  maxTransactionRetryTimeMs?: number;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly driver: Driver;
  private readonly batchSize: number;
  private readonly maxRetryMs: number;
  /** Round trips to the server since start: tests check that pages are batched. */
  roundTrips = 0;
  /** Ingests of one report id, one at a time (two would both create its nodes). */
  private readonly ingests = new KeyedQueue();

  constructor(readonly config: Neo4jConfig) {
    // One retry time for the driver's transactions and for the store's own read retries.
    this.maxRetryMs = config.maxTransactionRetryTimeMs ?? 30_000;
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 20_000,
      maxTransactionRetryTime: this.maxRetryMs,
    });
    this.batchSize = config.batchSize ?? 1000;
  }

  async init(): Promise<void> {
    await this.driver.verifyConnectivity();
    for (const statement of cypherStatements('schema')) await this.write(statement);
    this.roundTrips = 0;
  }

  /**
   * A read runs as an auto-commit query: RUN and PULL in one flush, no COMMIT round trip.
   * `executeQuery` wraps each read in a managed transaction whose COMMIT costs a second
   * round trip: 1.8 against 1.3 ms for "involves Shenyang" measured side by side. What the
   * managed transaction gave is kept: its bookmarks (reads follow the store's writes) and
   * its retries of transient failures, for as long as `maxTransactionRetryTime`.
   */
  private async read(query: string, params: Record<string, unknown> = {}) {
    this.roundTrips++;
    const started = Date.now();
    for (let wait = READ_RETRY_FIRST_MS; ; wait *= 2) {
      const session = this.driver.session({
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.driver.executeQueryBookmarkManager,
      });
      let failure: unknown;
      try {
        return (await session.run(query, params)).records;
      } catch (e) {
        failure = e;
      } finally {
        await session.close(); // before the pause, not after it
      }
      const left = this.maxRetryMs - (Date.now() - started);
      if (!neo4j.isRetriableError(failure) || left <= 0) throw failure;
      await delay(Math.min(wait, left));
    }
  }

  private async write(query: string, params: Record<string, unknown> = {}) {
    this.roundTrips++;
    return (await this.driver.executeQuery(query, params, { routing: neo4j.routing.WRITE }))
      .records;
  }

  async ingest(graph: ReportGraph, options: IngestOptions = {}): Promise<IngestResult> {
    assertComplete(graph);
    return this.ingests.run(graph.report.reportId, async () => {
      try {
        return await this.ingestNow(graph, options);
      } catch (e) {
        // Another process stored the report first (its nodes' unique ids collide): the
        // check is made again against what it stored.
        if ((e as { code?: string }).code !== CONSTRAINT_FAILED) throw e;
        return this.ingestNow(graph, options);
      }
    });
  }

  private async ingestNow(graph: ReportGraph, options: IngestOptions): Promise<IngestResult> {
    const reportId = graph.report.reportId;
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(async (tx) => {
        try {
          return await this.loadReport(tx, graph, options);
        } catch (e) {
          // Thrown from here, an error the driver does not know is not tried again.
          throw outOfMemory(e, reportId) ?? e;
        }
      });
    } catch (e) {
      // Raised at commit, it was tried again; answered clearly all the same.
      throw e instanceof ReportTooLargeError ? e : (outOfMemory(e, reportId) ?? e);
    } finally {
      this.roundTrips++;
      await session.close();
    }
  }

  /** The report's load inside its transaction: check the stored version, delete, load. */
  private async loadReport(
    tx: ManagedTransaction,
    graph: ReportGraph,
    options: IngestOptions,
  ): Promise<IngestResult> {
    const reportId = graph.report.reportId;
    const current = await tx.run(cypher('load/report-version'), { reportId });
    const record = current.records[0];
    const stored = record
      ? (nodeFromProps('Report', record.get('report') as Props) as ReportNode)
      : null;
    if (mayStore(stored, graph.report, options) === null) {
      return { reportId, status: 'unchanged' as const, nodes: 0, edges: 0 };
    }
    // Sent together, answered in order: the deletion of the old graph comes first, so
    // the checks below see what stays.
    const deletion = stored ? tx.run(cypher('load/delete-report'), { reportId }) : null;
    // Every report brings the shared entities it names and the lexicon's edges among
    // them (the gazetteer, themes …), mostly stored already: those stored unchanged
    // are found by id and hash first and not sent again.
    const own = [graph.report, ...graph.sections, ...graph.commitments, ...graph.figures];
    const owned = new Set(own.map((n) => n.id));
    const ownEdges = graph.edges.filter((e) => owned.has(e.source) || owned.has(e.target));
    const [, shared, sharedEdges] = await Promise.all([
      deletion,
      this.unstored(
        tx,
        'load/stored-nodes',
        graph.entities.map((n) => nodeRow(n)),
      ),
      this.unstored(
        tx,
        'load/stored-edges',
        // Between shared entities: the report claims those it drew (edges.cypher).
        graph.edges
          .filter((e) => !owned.has(e.source) && !owned.has(e.target))
          .map((e) => ({ ...edgeRow(e), claim: true })),
      ),
    ]);
    const { nodes, edges } = await this.load(
      tx,
      {
        nodes: own.map((n) => nodeRow(n, false)),
        edges: ownEdges.map((e) => edgeRow(e, false)),
      },
      { nodes: shared, edges: sharedEdges },
    );
    return {
      reportId,
      status: stored ? ('replaced' as const) : ('added' as const),
      nodes,
      edges,
    };
  }

  /**
   * Loads nodes (every kind in one statement) and then edges (one statement per type, see
   * cypher/load/edges.cypher for why), in batches: `fresh` rows are created (a report's own
   * nodes and the edges touching them, new once its old graph is deleted), `merged` rows
   * are merged by id (shared entities, lexicon and link edges). The statements are sent
   * one after the other without waiting for each answer: the server runs them in order
   * while this process packs the next, and the answers are read at the end.
   */
  private async load(
    tx: ManagedTransaction,
    fresh: { nodes: NodeRow[]; edges: EdgeRow[] },
    merged: { nodes: NodeRow[]; edges: EdgeRow[] },
  ): Promise<{ nodes: number; edges: number }> {
    for (const row of [...fresh.nodes, ...merged.nodes]) {
      if (!NODE_KINDS.includes(row.kind as GraphNode['kind'])) {
        throw new Error(`unknown kind "${row.kind}"`);
      }
    }
    // A type cannot be a parameter in edges.cypher; only names from the model's fixed list
    // are put into the text. Checked before anything is sent.
    for (const row of [...fresh.edges, ...merged.edges]) {
      if (!EDGE_TYPES.includes(row.type as EdgeType)) throw new Error(`unknown type "${row.type}"`);
    }
    // Created rows must be unique; merged ones would have collapsed into one, the last
    // row's properties winning, and so do these.
    const statements: [query: string, rows: unknown[], of: 'nodes' | 'edges'][] = [
      [cypher('load/new-nodes'), lastById(fresh.nodes), 'nodes'],
      [cypher('load/nodes'), merged.nodes, 'nodes'],
    ];
    for (const [file, rows] of [
      ['load/new-edges', lastById(fresh.edges)],
      ['load/edges', merged.edges],
    ] as const) {
      for (const [type, group] of groupBy(rows, (r) => r.type)) {
        statements.push([cypher(file).replaceAll('{{TYPE}}', type), group, 'edges']);
      }
    }
    const runs: { of: 'nodes' | 'edges'; run: ReturnType<ManagedTransaction['run']> }[] = [];
    for (const [query, rows, of] of statements) {
      for (let i = 0; i < rows.length; i += this.batchSize) {
        runs.push({ of, run: tx.run(query, { rows: rows.slice(i, i + this.batchSize) }) });
        // One turn of the event loop: the socket, corked for a tick (sockets.ts), sends this
        // batch and the server starts on it while the next is packed (0-16% more elements/s
        // than packing every batch before the first leaves, in alternating runs).
        await turn();
      }
    }
    const created = { nodes: 0, edges: 0 };
    for (const { of, run } of runs)
      created[of] += Number((await run).records[0]?.get('created') ?? 0);
    return created;
  }

  /** The rows not stored already with the same hash. */
  private async unstored<R extends { id: string; hash: string | null }>(
    tx: ManagedTransaction,
    file: 'load/stored-nodes' | 'load/stored-edges',
    rows: R[],
  ): Promise<R[]> {
    if (rows.length === 0) return rows;
    // Only what identifies a row is sent for the check, not its properties.
    const keys = rows.map((r) => {
      const key: Record<string, unknown> = { ...r };
      delete key.props;
      return key;
    });
    const res = await tx.run(cypher(file), { rows: keys });
    const stored = new Set(res.records[0]?.get('stored') as string[]);
    return rows.filter((r) => !stored.has(r.id));
  }

  async reports(): Promise<ReportNode[]> {
    const records = await this.read(cypher('query/reports'), { ids: null });
    return records.map((r) => nodeFromProps('Report', r.get('node') as Props) as ReportNode);
  }

  async reportsByIds(ids: readonly string[]): Promise<(ReportNode | null)[]> {
    const records = await this.read(cypher('query/reports'), { ids: [...ids] });
    const byId = new Map(
      records.map((r) => {
        const n = nodeFromProps('Report', r.get('node') as Props) as ReportNode;
        return [n.reportId, n];
      }),
    );
    return ids.map((id) => byId.get(id) ?? null);
  }

  async sectionsOfReports(reportIds: readonly string[]): Promise<SectionNode[][]> {
    const records = await this.read(cypher('query/sections-of-reports'), {
      reportIds: [...reportIds],
    });
    const sections = records.map(
      (r) => nodeFromProps('Section', r.get('node') as Props) as SectionNode,
    );
    return reportIds.map((id) => sections.filter((s) => s.reportId === id));
  }

  async nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]> {
    const found = await this.nodeMap(ids);
    return ids.map((id) => found.get(id) ?? null);
  }

  private async nodeMap(ids: readonly string[]): Promise<Map<string, GraphNode>> {
    const records = await this.read(cypher('query/nodes-by-ids'), { ids: [...new Set(ids)] });
    return new Map(
      records.map((r) => {
        const n = nodeFromProps(r.get('kind') as GraphNode['kind'], r.get('node') as Props);
        return [n.id, n];
      }),
    );
  }

  async sectionsByIds(ids: readonly string[]): Promise<(SectionNode | null)[]> {
    const found = await this.nodeMap(ids);
    return ids.map((id) => {
      const n = found.get(id);
      return n?.kind === 'Section' ? n : null;
    });
  }

  async entitiesByIds(ids: readonly string[]): Promise<(EntityNode | null)[]> {
    const found = await this.nodeMap(ids);
    return ids.map((id) => {
      const n = found.get(id);
      return n && 'keys' in n ? n : null;
    });
  }

  async resolve(name: string): Promise<EntityNode[]> {
    const records = await this.read(cypher('query/resolve'), { key: nameKey(name), name });
    return records.map(
      (r) =>
        nodeFromProps(r.get('kind') as EntityNode['kind'], r.get('node') as Props) as EntityNode,
    );
  }

  async commitments(query: CommitmentQuery, page: PageRequest): Promise<CommitmentPage> {
    const records = await this.read(cypher('query/commitments'), {
      involves: query.involves ?? null,
      report: query.report ?? null,
      phase: query.phase ?? null,
      sections: query.sections ?? null,
      concerns: query.concerns ?? null,
      serves: query.serves ?? null,
      linked: query.linked ?? null,
      text: query.text ?? null,
      after: page.after ?? null,
      limit: neo4j.int(page.first + 1),
    });
    const record = records[0];
    const nodes = ((record?.get('page') ?? []) as { properties: Props }[]).map(
      (n) => nodeFromProps('Commitment', n.properties) as CommitmentNode,
    );
    return {
      totalCount: Number(record?.get('totalCount') ?? 0),
      nodes: nodes.slice(0, page.first),
      hasNextPage: nodes.length > page.first,
    };
  }

  async commitmentsByIds(ids: readonly string[]): Promise<(CommitmentNode | null)[]> {
    const found = await this.nodeMap(ids);
    return ids.map((id) => {
      const n = found.get(id);
      return n?.kind === 'Commitment' ? n : null;
    });
  }

  async figuresOfCommitments(ids: readonly string[]): Promise<FigureNode[][]> {
    const records = await this.read(cypher('query/figures-of-commitments'), { ids: [...ids] });
    return perId(
      ids,
      records,
      (r) =>
        nodeFromProps(r.get('kind') as FigureNode['kind'], r.get('node') as Props) as FigureNode,
    );
  }

  async figures(query: FigureQuery, first: number): Promise<FigureNode[]> {
    // Asked about metrics, from the metric index; about a report, from the report index;
    // else by label.
    const file = query.metrics
      ? 'query/figures-of-metrics'
      : query.report
        ? 'query/figures-of-report'
        : 'query/figures';
    const records = await this.read(cypher(file).replaceAll('{{KIND}}', query.kind), {
      ...figureParams(query),
      first: neo4j.int(first),
    });
    return records.map((r) => nodeFromProps(query.kind, r.get('node') as Props) as FigureNode);
  }

  async standingFigures(query: FigureQuery & { metrics: string[] }): Promise<FigureNode[]> {
    return this.standing(query.kind, query);
  }

  async standingSeries(
    query: SeriesQuery,
  ): Promise<{ targets: FigureNode[]; results: FigureNode[] }> {
    const both = await this.standing('Target|Result', query);
    return {
      targets: both.filter((f) => f.kind === 'Target'),
      results: both.filter((f) => f.kind === 'Result'),
    };
  }

  /** Standing figures of one kind or both (`Target|Result`) in one statement. */
  private async standing(kinds: string, query: SeriesQuery): Promise<FigureNode[]> {
    const records = await this.read(
      cypher('query/standing-figures').replaceAll('{{KINDS}}', kinds),
      { ...figureParams(query), points: POINT_QUALIFIERS },
    );
    return records.map(
      (r) =>
        nodeFromProps(r.get('kind') as FigureNode['kind'], r.get('node') as Props) as FigureNode,
    );
  }

  async linksOfCommitments(
    ids: readonly string[],
    types: readonly EdgeType[],
  ): Promise<CommitmentLink[][]> {
    const records = await this.read(cypher('query/links-of-commitments'), {
      ids: [...ids],
      types: [...types],
    });
    return perId(ids, records, (r) => {
      const id = r.get('id') as string;
      const edge: GraphEdge = edgeFromProps(r.get('type') as EdgeType, r.get('edge') as Props);
      const entity = nodeFromProps(
        r.get('kind') as EntityNode['kind'],
        r.get('entity') as Props,
      ) as EntityNode;
      return { edge: { ...edge, source: id, target: entity.id }, entity };
    });
  }

  async entityNeighbours(
    ids: readonly string[],
    type: EdgeType,
    direction: 'out' | 'in',
  ): Promise<EntityNode[][]> {
    const records = await this.read(cypher(`query/neighbours-${direction}`), {
      ids: [...ids],
      type,
    });
    return perId(ids, records, (r) => {
      const node = nodeFromProps(r.get('kind') as EntityNode['kind'], r.get('node') as Props);
      return 'keys' in node ? node : null;
    });
  }

  async projects(query: ProjectQuery, first: number): Promise<EntityNode[]> {
    const records = await this.read(cypher('query/projects'), {
      report: query.report ?? null,
      themes: query.themes ?? null,
      places: query.places ?? null,
      first: neo4j.int(first),
    });
    return records.map((r) => nodeFromProps('Project', r.get('node') as Props) as EntityNode);
  }

  async sharedEntities(query: SharedQuery, first: number): Promise<SharedEntity[]> {
    if (!LINKED_KINDS.includes(query.kind)) return [];
    const records = await this.read(
      cypher('query/shared-entities').replaceAll('{{KIND}}', query.kind),
      {
        minReports: neo4j.int(query.minReports),
        curated: query.curated,
        year: query.year === null || query.year === undefined ? null : neo4j.int(query.year),
        first: neo4j.int(first),
      },
    );
    return records.map((r) => ({
      entity: nodeFromProps(query.kind, r.get('node') as Props) as EntityNode,
      reportIds: (r.get('reports') as string[]).sort(),
      commitments: r.get('commitments') as number,
    }));
  }

  async projectThemes(ids: readonly string[]): Promise<EntityNode[][]> {
    const records = await this.read(cypher('query/project-themes'), { ids: [...ids] });
    return perId(ids, records, (r) => nodeFromProps('Theme', r.get('node') as Props) as EntityNode);
  }

  async mergeEdges(edges: readonly GraphEdge[]): Promise<void> {
    if (edges.length === 0) return;
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.executeWrite((tx) =>
        this.load(tx, { nodes: [], edges: [] }, { nodes: [], edges: edges.map((e) => edgeRow(e)) }),
      );
    } finally {
      this.roundTrips++;
      await session.close();
    }
  }

  async edgesAround(ids: readonly string[]): Promise<GraphEdge[]> {
    const records = await this.read(cypher('query/edges-around'), { ids: [...ids] });
    return records.map((r) => ({
      ...edgeFromProps(r.get('type') as EdgeType, r.get('edge') as Props),
      source: r.get('source') as string,
      target: r.get('target') as string,
    }));
  }

  async around(
    ids: readonly string[],
    cut: AroundCut,
  ): Promise<{ edges: GraphEdge[]; nodes: NodeSummary[] }> {
    const known = [...new Set([...cut.known, ...ids])];
    const budget = Math.max(0, cut.budget);
    const [record] = await this.read(cypher('query/around'), {
      ids: [...ids],
      known,
      budget: neo4j.int(budget),
      take: neo4j.int(known.length + budget),
      rank: KIND_RANK,
      labelChars: neo4j.int(LABEL_SOURCE_CHARS),
      keysOnly: cut.keysOnly === true,
    });
    // Lists in the statement's order (around.cypher), not maps.
    const nodes = (record?.get('nodes') ?? []) as AroundNode[];
    const edges = (record?.get('edges') ?? []) as AroundEdge[];
    return {
      nodes: nodes.map(([kind, id, reportId, phase, title, path, name, text]) =>
        nodeSummary({ kind, id, reportId, phase, title, path, name, text }),
      ),
      edges: edges
        .map(([type, source, target, edge]) => ({
          ...edgeFromProps(type, typeof edge === 'string' ? { id: edge } : edge),
          source,
          target,
        }))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    };
  }

  async search(text: string, first: number): Promise<SearchHit[]> {
    const query = luceneQuery(text);
    if (!query) return [];
    const records = await this.read(cypher('query/search'), { query, first: neo4j.int(first) });
    return records.map((r) => ({
      node: nodeFromProps(r.get('kind') as GraphNode['kind'], r.get('node') as Props),
      score: Number(r.get('score')),
    }));
  }

  async entityKeys(): Promise<{ id: string; name: string; keys: string[] }[]> {
    const records = await this.read(cypher('query/entity-keys'));
    return records.map((r) => ({
      id: r.get('id') as string,
      name: r.get('name') as string,
      keys: r.get('keys') as string[],
    }));
  }

  async snapshot(): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
    const [nodes, edges] = await Promise.all([
      this.read(cypher('query/all-nodes')),
      this.read(cypher('query/all-edges')),
    ]);
    return {
      nodes: nodes.map((r) =>
        nodeFromProps(r.get('kind') as GraphNode['kind'], r.get('node') as Props),
      ),
      edges: edges.map((r) => ({
        ...edgeFromProps(r.get('type') as EdgeType, r.get('edge') as Props),
        source: r.get('source') as string,
        target: r.get('target') as string,
      })),
    };
  }

  async counts(): Promise<{ nodes: Record<string, number>; edges: Record<string, number> }> {
    const records = await this.read(cypher('query/counts'));
    const out = { nodes: {} as Record<string, number>, edges: {} as Record<string, number> };
    for (const r of records)
      out[r.get('what') === 'node' ? 'nodes' : 'edges'][r.get('name') as string] = Number(
        r.get('n'),
      );
    return out;
  }

  async reportCount(): Promise<number> {
    const [record] = await this.read(cypher('query/report-count'));
    return Number(record?.get('n') ?? 0);
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.driver.verifyConnectivity();
      return { store: 'neo4j', reachable: true };
    } catch (e) {
      return { store: 'neo4j', reachable: false, detail: (e as Error).message };
    }
  }

  /** Deletes every node and edge: for tests only. */
  async clear(): Promise<void> {
    // CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction: session.run.
    const session = this.driver.session();
    try {
      await session.run(cypher('load/clear-edges'));
      await session.run(cypher('load/clear-nodes'));
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}
