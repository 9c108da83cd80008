/**
 * The domain model every stage shares: what a report is, and the typed graph extraction
 * produces and the stores keep. Plain types only; GraphQL classes live in `serve/`.
 */

/** Offsets into `Report.text` in UTF-16 code units, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

export type Phase = 'PLAN' | 'REVIEW';
export type Level = 'national' | 'provincial' | 'municipal';
export const LEVELS: readonly Level[] = ['national', 'provincial', 'municipal'];

/** The metadata file beside a report (`NAME.meta.json`). Unknown fields are kept in `extra`. */
export interface ReportMeta {
  id: string;
  title: string;
  jurisdiction: string;
  level: Level;
  year: number;
  deliveredOn?: string;
  speaker?: string;
  language?: string;
  source?: string;
  extra: Record<string, unknown>;
}

/** A report as read: its metadata and its text exactly as in the file. */
export interface ReportInput {
  meta: ReportMeta;
  text: string;
  /** Where it was read from, for messages. */
  origin: string;
}

export const NODE_KINDS = [
  'Report',
  'Section',
  'Commitment',
  'Target',
  'Result',
  'Metric',
  'Place',
  'Industry',
  'Theme',
  'Project',
  'Organization',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const EDGE_TYPES = [
  'HAS_SECTION',
  'CONTAINS',
  'FOR_JURISDICTION',
  'INVOLVES',
  'CONCERNS',
  'SERVES',
  'MENTIONS',
  'SETS',
  'REPORTS',
  'MEASURES',
  'OUTCOME_OF',
  'CONTINUES',
  'LOCATED_IN',
  'PART_OF',
  'COMPRISES',
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/**
 * Edges read from a report's sentences: not its outline (HAS_SECTION, CONTAINS,
 * FOR_JURISDICTION), the lexicons' hierarchies, or links to other reports.
 */
export const TEXT_LINK_TYPES: readonly EdgeType[] = [
  'INVOLVES',
  'CONCERNS',
  'SERVES',
  'MENTIONS',
  'LOCATED_IN',
  'SETS',
  'REPORTS',
  'MEASURES',
];

export interface ReportNode {
  kind: 'Report';
  /** Graph id, `report:<meta id>`. */
  id: string;
  reportId: string;
  title: string;
  jurisdiction: string;
  level: Level;
  year: number;
  deliveredOn: string | null;
  speaker: string | null;
  language: string | null;
  source: string | null;
  /** Unknown metadata fields, as JSON. */
  extra: string;
  text: string;
  /** sha256 of the text, with the extractor version: re-ingesting the same pair is a no-op. */
  hash: string;
  extractorVersion: string;
}

export interface SectionNode {
  kind: 'Section';
  id: string;
  reportId: string;
  title: string;
  /** Position in the outline, e.g. "二" or "二/（一）". */
  path: string;
  ordinal: number;
  parentId: string | null;
  phase: Phase | null;
  span: Span;
}

export interface CommitmentNode {
  kind: 'Commitment';
  id: string;
  reportId: string;
  sectionId: string | null;
  text: string;
  phase: Phase;
  span: Span;
  paragraph: Span;
  /** The paragraph's opening (topic) sentence. */
  topic: Span;
  /** The enumeration item it belongs to ("一是", "（1）"), or null. */
  item: string | null;
  /** Report year, report id and span start, as one string that sorts in report order. */
  sortKey: string;
}

export type Measure = 'LEVEL' | 'GROWTH' | 'CHANGE' | 'SHARE';
export type Qualifier =
  'EXACT' | 'ABOUT' | 'AT_LEAST' | 'AT_MOST' | 'MORE_THAN' | 'NEARLY' | 'RANGE';
export type FigureStatus = 'SET' | 'QUALITATIVE' | 'DEFERRED';
export type Direction = 'UP' | 'DOWN';

/** A quantified figure: a Target (planned) or a Result (reported). */
export interface FigureNode {
  kind: 'Target' | 'Result';
  id: string;
  reportId: string;
  commitmentId: string;
  /** Place id of the report's jurisdiction. */
  jurisdiction: string;
  status: FigureStatus;
  /** Id of the Metric node it measures. */
  metricId: string;
  /** The indicator as written. */
  metricText: string;
  measure: Measure;
  /** The number as written (a RANGE's low end); null unless status is SET. */
  value: number | null;
  /** A RANGE's ends (4.5%—5%: 4.5 and 5); null for every other qualifier. */
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: Qualifier;
  direction: Direction | null;
  /** The year the figure is for. */
  year: number;
  /** First year of a multi-year figure (a five-year plan's). */
  startYear: number | null;
  /** The phrase stating the figure. */
  text: string;
  span: Span;
  /**
   * Which rule made it (quantity, classifier, respectively, inherited-metric, compared-with,
   * qualitative, deferred; base for a result that is the base of a comparison, 从1832户).
   */
  rule: string;
  sortKey: string;
}

/** A curated or text-derived entity that commitments can link to. */
export interface EntityNode {
  kind: 'Place' | 'Industry' | 'Theme' | 'Project' | 'Organization' | 'Metric';
  id: string;
  name: string;
  nameEn: string | null;
  aliases: string[];
  /** Lower-cased names a user may type (Chinese, aliases, English, pinyin): what `resolve` matches. */
  keys: string[];
  /** Place level (country, province, prefecture, county, zone, ...), where it applies. */
  level: string | null;
  /** Curated lexicon entry this node comes from, or null when created from the text. */
  lexicon: string | null;
  /** From a curated lexicon (true) or created from the text (false). */
  curated: boolean;
  /** Metrics: the canonical key (gdp) or, uncurated, the text; null for other kinds. */
  key: string | null;
  /** Metrics: the measure its annual target uses; null for other kinds. */
  headlineMeasure: Measure | null;
  /** Places that are administrative divisions: the GB/T 2260 code; null otherwise. */
  code?: string | null;
}

export type GraphNode = ReportNode | SectionNode | CommitmentNode | FigureNode | EntityNode;

/**
 * What a graph view shows of a node: its label (a title, a name, or the first words of a
 * sentence) instead of its properties. A walk's steps bring these back, not whole nodes:
 * a report node holds its whole text.
 */
export interface NodeSummary {
  id: string;
  kind: NodeKind;
  label: string;
  reportId: string | null;
  phase: Phase | null;
}

/** The longest label; longer ones are cut, with an ellipsis. */
export const MAX_LABEL = 60;
/**
 * Characters of a sentence a store sends for its label: twice the label's, room for the
 * spaces and line breaks a label drops (a sentence holds a few, not sixty).
 */
export const LABEL_SOURCE_CHARS = 2 * MAX_LABEL;

/**
 * What a node's summary is made of: a whole node, or only these fields of it (a store
 * may send no more).
 */
export interface SummaryFields {
  kind: NodeKind;
  id: string;
  reportId?: string | null;
  phase?: Phase | null;
  title?: string | null;
  path?: string | null;
  name?: string | null;
  text?: string | null;
}

/** A node's label from the fields it is made of. */
export function labelOf(f: SummaryFields): string {
  switch (f.kind) {
    case 'Report':
      return f.title ?? '';
    case 'Section':
      return `${f.path ?? ''} ${f.title ?? ''}`;
    case 'Commitment':
    case 'Target':
    case 'Result': {
      const text = (f.text ?? '').replace(/[\s\u200b]+/g, '');
      return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
    }
    default:
      return f.name ?? '';
  }
}

export const nodeLabel = (n: GraphNode): string => labelOf(n as SummaryFields);

export function nodeSummary(n: GraphNode | SummaryFields): NodeSummary {
  const f = n as SummaryFields;
  return {
    id: f.id,
    kind: f.kind,
    label: labelOf(f),
    reportId: f.reportId ?? null,
    phase: f.kind === 'Commitment' ? (f.phase ?? null) : null,
  };
}

/** The kinds of the shared entities: what names resolve to. */
export const ENTITY_KINDS: ReadonlySet<EntityNode['kind']> = new Set([
  'Place',
  'Industry',
  'Theme',
  'Project',
  'Organization',
  'Metric',
]);

export const isEntity = (n: GraphNode): n is EntityNode =>
  ENTITY_KINDS.has(n.kind as EntityNode['kind']);

export interface GraphEdge {
  id: string;
  type: EdgeType;
  source: string;
  target: string;
  /** What made the edge: explicit, alias, abbreviation, structure, lexicon, ... */
  rule: string;
  /** The span of the report text the edge rests on, when it comes from the text. */
  evidence: Span | null;
  /** The curated lexicon entry the edge comes from, when it does. */
  lexicon: string | null;
  /** The report the edge was derived from; null for lexicon edges shared by all reports. */
  reportId: string | null;
  /** How strongly it holds, for edges that are judged (CONTINUES: text similarity). */
  score?: number;
}

/** Everything extraction derives from one report, ready to load as one unit. */
export interface ReportGraph {
  report: ReportNode;
  sections: SectionNode[];
  commitments: CommitmentNode[];
  figures: FigureNode[];
  entities: EntityNode[];
  edges: GraphEdge[];
}

/** Node kinds that belong to one report and are replaced with it. */
export const REPORT_OWNED_KINDS: readonly NodeKind[] = [
  'Report',
  'Section',
  'Commitment',
  'Target',
  'Result',
];

export const reportNodeId = (reportId: string): string => `report:${reportId}`;

/** Uncurated indicators pair across reports only when their words say something (新开工改造城镇老旧小区, not 将). */
export const MIN_UNCURATED_NAME = 4;

/**
 * Whether a figure's indicator can pair it with another report's: a curated one, or words
 * of at least MIN_UNCURATED_NAME characters (a figure with none, 6.5%左右 in a commentary
 * sentence, pairs with nothing).
 */
export const pairable = (f: { metricId: string; metricText: string }): boolean =>
  !f.metricId.startsWith('metric:text:') || f.metricText.length >= MIN_UNCURATED_NAME;

/** The rule of a result read as the base another is compared with (从1832户增加到3382户). */
export const BASE_RULE = 'base';

/**
 * Qualifiers of a figure stated as a point (达到3.6万亿元, 约3.6万亿元), not as a bound a
 * figure passed or stayed within (突破3万亿元, 超过98%, 5%以内).
 */
export const POINT_QUALIFIERS: readonly Qualifier[] = ['EXACT', 'ABOUT'];

/**
 * Of the figures stated for one jurisdiction, metric, measure and year, in report order,
 * the one that stands: the first stated in the latest report (a year's own report
 * overrides a plan's earlier figure; within a report the headline comes first), a base
 * (BASE_RULE) only when no report states the figure itself (a five-year review's 从不到70万亿元
 * does not stand over the year's own 67.7万亿元). Of a result, that report's first point
 * value (POINT_QUALIFIERS) stands over a milestone it passed, which a review often states
 * first (地区生产总值突破3万亿元 … 完成地区生产总值32765亿元); a target's bound is the target
 * itself (增长6%以上). Linking pairs a result with this target and `metricSeries` shows it,
 * so the two agree.
 */
export function standingFigure<
  F extends {
    kind: FigureNode['kind'];
    reportId: string;
    qualifier: Qualifier;
    rule?: string | null;
  },
>(inOrder: readonly F[]): F | undefined {
  const direct = inOrder.filter((f) => f.rule !== BASE_RULE);
  const pool = direct.length > 0 ? direct : inOrder;
  const last = pool.at(-1);
  if (!last) return undefined;
  const latest = pool.filter((f) => f.reportId === last.reportId);
  const point =
    last.kind === 'Result' ? latest.find((f) => POINT_QUALIFIERS.includes(f.qualifier)) : undefined;
  return point ?? latest[0];
}

/** The standing figure of each key's annual figures (no multi-year ones), in report order. */
export function standingFigures<
  F extends {
    kind: FigureNode['kind'];
    reportId: string;
    qualifier: Qualifier;
    startYear: number | null;
    rule?: string | null;
  },
>(inOrder: readonly F[], key: (f: F) => string): Map<string, F> {
  const byKey = new Map<string, F[]>();
  for (const f of inOrder) {
    if (f.startYear !== null) continue;
    const list = byKey.get(key(f));
    if (list) list.push(f);
    else byKey.set(key(f), [f]);
  }
  return new Map([...byKey].map(([k, fs]) => [k, standingFigure(fs)!]));
}

export function sortKey(year: number, reportId: string, start: number): string {
  // Report ids hold no space, so the space separator keeps (year, id, start) order.
  return `${String(year).padStart(4, '0')} ${reportId} ${String(start).padStart(9, '0')}`;
}

export function edgeId(type: EdgeType, source: string, target: string, qualifier = ''): string {
  return `${type}:${source}->${target}${qualifier ? `#${qualifier}` : ''}`;
}
