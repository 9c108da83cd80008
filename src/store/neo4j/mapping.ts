/**
 * Between the domain model and Neo4j properties: Neo4j stores no nested maps, so spans
 * become `<name>Start`/`<name>End` pairs.
 */
import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { EdgeType, GraphEdge, GraphNode, Span } from '../../model';

export type Props = Record<string, unknown>;

const SPAN_FIELDS: Record<string, string[]> = {
  Section: ['span'],
  Commitment: ['span', 'paragraph', 'topic'],
  Target: ['span'],
  Result: ['span'],
};

// JavaScript numbers go to Neo4j as floats; years, offsets and ordinals are stored as
// integers so that Cypher written by hand (year = 2022) matches. A figure's numbers (value,
// and a range's low and high) stay floats, whole or not: 4.5%—5% stores 4.5 and 5.0.
const FLOAT_FIELDS = new Set(['value', 'low', 'high']);
const stored = (k: string, v: unknown): unknown =>
  typeof v === 'number' && Number.isInteger(v) && !FLOAT_FIELDS.has(k) ? neo4j.int(v) : v;

/**
 * A node as load rows carry it. `hashed`: with the hash the load compares a stored node
 * by; a report's own nodes are always new and go without (one property less to write).
 */
export function nodeRow(
  node: GraphNode,
  hashed = true,
): {
  id: string;
  kind: string;
  hash: string | null;
  props: Props;
} {
  const props: Props = {};
  const spans = SPAN_FIELDS[node.kind] ?? [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'kind' || k === 'id') continue;
    if (spans.includes(k)) {
      props[`${k}Start`] = stored('start', (v as Span).start);
      props[`${k}End`] = stored('end', (v as Span).end);
    } else props[k] = stored(k, v);
  }
  // Aliases as one string, for the full-text index on names.
  if ('aliases' in node) props.aliasText = node.aliases.join(' ');
  return { id: node.id, kind: node.kind, hash: hashed ? rowHash(node.kind, props) : null, props };
}

/** What a stored row is compared by: the load skips rows whose hash is already stored. */
function rowHash(kind: string, props: Props): string {
  return createHash('sha1').update(kind).update(JSON.stringify(props)).digest('base64');
}

export function nodeFromProps(kind: GraphNode['kind'], props: Props): GraphNode {
  // Built key by key, not copied and then deleted from: an object that loses properties
  // becomes a slow dictionary in V8, and a page maps hundreds of these.
  const node: Props = { kind };
  const parts = SPAN_PARTS[kind];
  for (const k in props) {
    if (k === 'aliasText' || k === 'rowHash' || parts?.has(k)) continue;
    node[k] = props[k];
  }
  for (const k of SPAN_FIELDS[kind] ?? [])
    node[k] = { start: props[`${k}Start`], end: props[`${k}End`] };
  for (const k of NULLABLE[kind] ?? []) if (node[k] === undefined) node[k] = null;
  return node as unknown as GraphNode;
}

/** The stored halves of each kind's span fields (spanStart, spanEnd, …). */
const SPAN_PARTS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries(SPAN_FIELDS).map(([kind, fields]) => [
    kind,
    new Set(fields.flatMap((k) => [`${k}Start`, `${k}End`])),
  ]),
);

// Properties set to null are absent in Neo4j; the model has them as null.
const ENTITY_NULLABLE = ['nameEn', 'level', 'lexicon', 'key', 'headlineMeasure'];
const FIGURE_NULLABLE = ['value', 'low', 'high', 'unit', 'direction', 'startYear'];
const NULLABLE: Record<string, string[]> = {
  Report: ['deliveredOn', 'speaker', 'language', 'source'],
  Section: ['parentId', 'phase'],
  Commitment: ['sectionId', 'item'],
  Target: FIGURE_NULLABLE,
  Result: FIGURE_NULLABLE,
  // Only places carry a division code (null for zones, regions, foreign places).
  Place: [...ENTITY_NULLABLE, 'code'],
  Industry: ENTITY_NULLABLE,
  Theme: ENTITY_NULLABLE,
  Project: ENTITY_NULLABLE,
  Organization: ENTITY_NULLABLE,
  Metric: ENTITY_NULLABLE,
};

/** An edge as load rows carry it; `hashed` as for nodeRow. */
export function edgeRow(
  edge: GraphEdge,
  hashed = true,
): {
  id: string;
  type: string;
  source: string;
  target: string;
  hash: string | null;
  props: Props;
} {
  const props = {
    rule: edge.rule,
    evidenceStart: stored('start', edge.evidence?.start ?? null),
    evidenceEnd: stored('end', edge.evidence?.end ?? null),
    lexicon: edge.lexicon,
    reportId: edge.reportId,
    score: edge.score ?? null,
  };
  return {
    id: edge.id,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    hash: hashed ? rowHash(`${edge.type} ${edge.source} ${edge.target}`, props) : null,
    props,
  };
}

/** The edge's own properties; source and target are filled in by the caller. */
export function edgeFromProps(type: EdgeType, props: Props): GraphEdge {
  const start = props.evidenceStart as number | null | undefined;
  const end = props.evidenceEnd as number | null | undefined;
  return {
    id: props.id as string,
    type,
    source: '',
    target: '',
    rule: props.rule as string,
    evidence: start != null && end != null ? { start, end } : null,
    lexicon: (props.lexicon as string | undefined) ?? null,
    reportId: (props.reportId as string | undefined) ?? null,
    ...(typeof props.score === 'number' ? { score: props.score } : {}),
  };
}
