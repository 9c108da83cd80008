/** How graph nodes and edges are shown in subgraphs and search hits. */
import { Kind, type FieldNode, type SelectionSetNode } from 'graphql';
import { nodeSummary, type GraphEdge, type GraphNode, type NodeSummary } from '../model';

/** The fields of a subgraph's nodes and edges that need nothing but their keys. */
const KEY_FIELDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['nodes', new Set(['id', 'kind', '__typename'])],
  ['edges', new Set(['id', 'type', 'source', 'target', '__typename'])],
]);

const onlyFields = (set: SelectionSetNode | undefined, allowed: (f: FieldNode) => boolean) =>
  (set?.selections ?? []).every((s) => s.kind === Kind.FIELD && allowed(s));

/**
 * Whether a question for a subgraph asks only for keys (`nodes { id } edges { id }`): no
 * label, report, phase, rule, evidence or score, so the store need not read them. Any
 * fragment counts as asking for everything.
 */
export function asksOnlyKeys(fieldNodes: readonly FieldNode[]): boolean {
  return fieldNodes.every((field) =>
    onlyFields(field.selectionSet, (f) => {
      if (f.name.value === '__typename') return true;
      const keys = KEY_FIELDS.get(f.name.value);
      return keys !== undefined && onlyFields(f.selectionSet, (g) => keys.has(g.name.value));
    }),
  );
}

/** A node as subgraphs show it, from the node or from a walk's summary of it. */
export function nodeView(n: GraphNode | NodeSummary) {
  const { id, kind, label, reportId, phase } = 'label' in n ? n : nodeSummary(n);
  return { id, kind, label, report: reportId, phase };
}

export function edgeView(e: GraphEdge) {
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    rule: e.rule,
    evidence: e.evidence,
    score: e.score ?? null,
  };
}

/** The words around the first query word found, for a search hit. */
export function snippet(text: string, query: string, width = 24): string | null {
  const words = query.split(/\s+/).filter(Boolean);
  let at = -1;
  for (const w of words) {
    at = text.indexOf(w);
    if (at >= 0) break;
    // Chinese queries match by pairs of characters, as the CJK analyzer does.
    for (let i = 0; at < 0 && i + 1 < w.length; i++) at = text.indexOf(w.slice(i, i + 2));
    if (at >= 0) break;
  }
  if (at < 0) return null;
  const start = Math.max(0, at - width);
  return `${start > 0 ? '…' : ''}${text.slice(start, at + width * 2).replace(/[\s\u200b]+/g, '')}${at + width * 2 < text.length ? '…' : ''}`;
}
