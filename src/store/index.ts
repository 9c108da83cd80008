/**
 * The one interface both stores implement (the embedded in-process store and Neo4j).
 * Serving knows only this. Every method that takes ids is batched, so a GraphQL page
 * costs a fixed number of calls whatever its size.
 */
import type {
  GraphNode,
  CommitmentNode,
  EdgeType,
  EntityNode,
  FigureNode,
  FigureStatus,
  Measure,
  GraphEdge,
  NodeSummary,
  Phase,
  ReportGraph,
  ReportNode,
  SectionNode,
} from '../model';

export interface CommitmentQuery {
  /** Entity ids; a commitment matches when it involves one of them or a place PART_OF one. */
  involves?: string[] | null;
  /** Report id as in the metadata (liaoning-2022). */
  report?: string | null;
  phase?: Phase | null;
  /** Commitments of these sections only. */
  sections?: string[] | null;
  /** Industry ids; a commitment matches when it CONCERNS one of them or a sub-industry. */
  concerns?: string[] | null;
  /** Theme ids; a commitment matches when it SERVES one of them. */
  serves?: string[] | null;
  /** Entity ids it links to by any link (INVOLVES, CONCERNS, SERVES, MENTIONS), with their parts. */
  linked?: string[] | null;
  /** Words the sentence contains. */
  text?: string | null;
}

export interface FigureQuery {
  kind: 'Target' | 'Result';
  report?: string | null;
  /** Metric ids; any of them. */
  metrics?: string[] | null;
  measure?: Measure | null;
  year?: number | null;
  /** Place ids of jurisdictions; any of them. */
  jurisdictions?: string[] | null;
  status?: FigureStatus | null;
}

/** A FigureQuery of both kinds, for some metrics. */
export type SeriesQuery = Omit<FigureQuery, 'kind'> & { metrics: string[] };

export interface ProjectQuery {
  /** Theme ids; projects named in commitments serving one of them or a theme they comprise. */
  themes?: string[] | null;
  /** Place ids; projects located in one of them or in a place PART_OF one. */
  places?: string[] | null;
  report?: string | null;
}

/** What `sharedEntities` asks for. */
export interface SharedQuery {
  /** One kind of entity commitments link: Place, Industry, Theme, Project or Organization. */
  kind: EntityNode['kind'];
  /** Linked from the commitments of at least this many reports. */
  minReports: number;
  /** Curated entities only (true), those read from the text only (false), or both (null). */
  curated: boolean | null;
  /** Count only the commitments of that year's reports; null: every report. */
  year?: number | null;
}

/** An entity with the reports whose commitments link it (directly, not through its parts). */
export interface SharedEntity {
  entity: EntityNode;
  /** Report ids (liaoning-2022), by id. */
  reportIds: string[];
  /** Commitments linking it, over all those reports. */
  commitments: number;
}

export interface PageRequest {
  first: number;
  /** The sortKey of the last commitment already seen. */
  after?: string | null;
}

export interface CommitmentPage {
  totalCount: number;
  nodes: CommitmentNode[];
  hasNextPage: boolean;
}

/** An edge from a commitment to an entity, with the entity. */
export interface CommitmentLink {
  edge: GraphEdge;
  entity: EntityNode;
}

export interface IngestResult {
  reportId: string;
  /** `unchanged` when the same text was already stored with the same extractor version. */
  status: 'added' | 'replaced' | 'unchanged';
  nodes: number;
  edges: number;
}

export interface IngestOptions {
  /** A report stored under the id with another text or metadata: replace it (default) or refuse. */
  changed?: 'replace' | 'refuse';
}

export interface SearchHit {
  node: GraphNode;
  score: number;
}

export interface StoreHealth {
  store: 'embedded' | 'neo4j';
  reachable: boolean;
  detail?: string;
}

/** How a step of a walk is cut: the ends already reached, and how many new ones to keep. */
export interface AroundCut {
  known: readonly string[];
  budget: number;
  /**
   * Only each node's kind and id and each edge's type, id and ends are wanted (a question
   * that asks for no label, rule or evidence): a store may leave the rest unread. The
   * nodes and edges kept are the same.
   */
  keysOnly?: boolean;
}

export interface GraphStore {
  readonly kind: 'embedded' | 'neo4j';
  /** Prepares the store (schema, indexes); safe to call again. */
  init(): Promise<void>;
  /**
   * Stores one report's graph completely or not at all, replacing an older extraction. A
   * report stored with another text or other metadata is replaced, or with `changed:
   * 'refuse'` refused (ReportConflictError). Ingests of one report id run one at a time.
   */
  ingest(graph: ReportGraph, options?: IngestOptions): Promise<IngestResult>;
  reports(): Promise<ReportNode[]>;
  /** Reports by metadata id, in the order asked, null where absent. */
  reportsByIds(ids: readonly string[]): Promise<(ReportNode | null)[]>;
  sectionsOfReports(reportIds: readonly string[]): Promise<SectionNode[][]>;
  sectionsByIds(ids: readonly string[]): Promise<(SectionNode | null)[]>;
  entitiesByIds(ids: readonly string[]): Promise<(EntityNode | null)[]>;
  /**
   * Entities whose name, alias, English name or pinyin is `name` (compared by nameKey), or
   * whose id is `name`.
   */
  resolve(name: string): Promise<EntityNode[]>;
  /** Commitments in report order. */
  commitments(query: CommitmentQuery, page: PageRequest): Promise<CommitmentPage>;
  commitmentsByIds(ids: readonly string[]): Promise<(CommitmentNode | null)[]>;
  /** Targets and results of each commitment, in text order. */
  figuresOfCommitments(ids: readonly string[]): Promise<FigureNode[][]>;
  /** Figures matching the query, in report order, at most `first`. */
  figures(query: FigureQuery, first: number): Promise<FigureNode[]>;
  /**
   * Of the annual figures (no multi-year ones) matching the query, the one that stands for
   * each jurisdiction and year (`standingFigure`), by year then jurisdiction. Every such
   * pair: a long series is not cut at a page of the figures stated.
   */
  standingFigures(query: FigureQuery & { metrics: string[] }): Promise<FigureNode[]>;
  /** The standing targets and the standing results of the query at once (a metric series). */
  standingSeries(query: SeriesQuery): Promise<{ targets: FigureNode[]; results: FigureNode[] }>;
  /** Links from each commitment, in the order asked, each list ordered by edge type then entity id. */
  linksOfCommitments(
    ids: readonly string[],
    types: readonly EdgeType[],
  ): Promise<CommitmentLink[][]>;
  /** For each entity, the entities its `type` edges point to (`out`) or come from (`in`), by id. */
  entityNeighbours(
    ids: readonly string[],
    type: EdgeType,
    direction: 'out' | 'in',
  ): Promise<EntityNode[][]>;
  /** Projects matching the query, by id, at most `first`. */
  projects(query: ProjectQuery, first: number): Promise<EntityNode[]>;
  /**
   * Entities of a kind that the commitments of at least `minReports` reports link: the most
   * reports first, then by id, at most `first`.
   */
  sharedEntities(query: SharedQuery, first: number): Promise<SharedEntity[]>;
  /** For each project, the themes served by the commitments that name it, by id. */
  projectThemes(ids: readonly string[]): Promise<EntityNode[][]>;
  /** Nodes of any kind by graph id, in the order asked, null where absent. */
  nodesByIds(ids: readonly string[]): Promise<(GraphNode | null)[]>;
  /** Adds edges between stored nodes (cross-report links); an edge already there is updated. */
  mergeEdges(edges: readonly GraphEdge[]): Promise<void>;
  /** Every edge touching one of the nodes, either direction, by edge id. */
  edgesAround(ids: readonly string[]): Promise<GraphEdge[]>;
  /**
   * One step of a walk: the edges touching the nodes, and the nodes at their ends; of the
   * ends not `known`, only the first `budget` (kind in NODE_KINDS order, then id: the order
   * a neighbourhood keeps), with the edges to them and to known ends. A hub's thousands of
   * neighbours stay in the store. The nodes come as summaries (`nodeSummary`): a walk shows
   * labels, and a report node holds its whole text.
   */
  around(
    ids: readonly string[],
    cut: AroundCut,
  ): Promise<{ edges: GraphEdge[]; nodes: NodeSummary[] }>;
  /** Full-text search over sentences, headings and entity names; best first. */
  search(text: string, first: number): Promise<SearchHit[]>;
  /** Every entity's id, name and name keys (for near-miss suggestions). */
  entityKeys(): Promise<{ id: string; name: string; keys: string[] }[]>;
  /** The whole graph, nodes and edges by id (for export). */
  snapshot(): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }>;
  /** Node and edge counts by label and type, for checks and docs. */
  counts(): Promise<{ nodes: Record<string, number>; edges: Record<string, number> }>;
  /** How many reports are stored, without reading them (for /healthz). */
  reportCount(): Promise<number>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export class GraphIntegrityError extends Error {}

/** The metadata fields a stored report is compared by, beside its text. */
export const REPORT_META_FIELDS = [
  'title',
  'jurisdiction',
  'level',
  'year',
  'deliveredOn',
  'speaker',
  'language',
  'source',
  'extra',
] as const satisfies readonly (keyof ReportNode)[];

/**
 * The store cannot hold the report in one transaction (Neo4j's transaction memory): nothing
 * of it was stored, and trying again will not help.
 */
export class ReportTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportTooLargeError';
  }
}

/** A report is stored under the id with another text or metadata, and may not be replaced. */
export class ReportConflictError extends Error {
  constructor(
    readonly reportId: string,
    /** `text` and/or the metadata fields that differ. */
    readonly differs: string[],
  ) {
    super(
      `a report with id "${reportId}" is already stored with ${
        differs.includes('text') ? 'a different text' : `different metadata (${differs.join(', ')})`
      }`,
    );
    this.name = 'ReportConflictError';
  }
}

/**
 * What differs between a stored report and a new extraction of it: `text` (or the
 * extractor version, which changes the graph as a text does) and metadata fields.
 */
export function reportChanges(
  stored: Pick<ReportNode, 'hash' | 'extractorVersion' | (typeof REPORT_META_FIELDS)[number]>,
  report: ReportNode,
): string[] {
  const differs: string[] = [];
  if (stored.hash !== report.hash) differs.push('text');
  else if (stored.extractorVersion !== report.extractorVersion) differs.push('extractorVersion');
  for (const f of REPORT_META_FIELDS)
    if ((stored[f] ?? null) !== (report[f] ?? null)) differs.push(f);
  return differs;
}

/**
 * Whether `ingest` may store the report: null when it is stored exactly so (unchanged),
 * true when it may (new, or replaced); throws ReportConflictError when it is refused. A
 * new extractor version alone always replaces: the text is the same.
 */
export function mayStore(
  stored: Parameters<typeof reportChanges>[0] | null | undefined,
  report: ReportNode,
  options: IngestOptions = {},
): boolean | null {
  if (!stored) return true;
  const differs = reportChanges(stored, report);
  if (differs.length === 0) return null;
  const conflicts = differs.filter((d) => d !== 'extractorVersion');
  if (conflicts.length && options.changed === 'refuse')
    throw new ReportConflictError(report.reportId, conflicts);
  return true;
}

/** Refuses a graph with an edge whose end is not among its nodes: it would load half. */
export function assertComplete(graph: ReportGraph): void {
  const ids = new Set<string>([graph.report.id]);
  for (const n of [...graph.sections, ...graph.commitments, ...graph.figures, ...graph.entities])
    ids.add(n.id);
  for (const e of graph.edges) {
    for (const end of [e.source, e.target]) {
      if (!ids.has(end))
        throw new GraphIntegrityError(
          `edge ${e.id} refers to ${end}, which the graph does not hold`,
        );
    }
  }
}

/** The kinds of entity commitments link by ENTITY_LINK_TYPES (a metric is linked through figures). */
export const LINKED_KINDS: readonly EntityNode['kind'][] = [
  'Place',
  'Industry',
  'Theme',
  'Project',
  'Organization',
];

export const ENTITY_LINK_TYPES: readonly EdgeType[] = [
  'INVOLVES',
  'CONCERNS',
  'SERVES',
  'MENTIONS',
];
