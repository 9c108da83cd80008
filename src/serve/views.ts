/** How graph nodes and edges are shown in subgraphs and search hits. */
import type { GraphEdge, GraphNode } from '../model';

const MAX_LABEL = 60;
const short = (s: string) => (s.length > MAX_LABEL ? `${s.slice(0, MAX_LABEL - 1)}…` : s);

export function nodeLabel(n: GraphNode): string {
  switch (n.kind) {
    case 'Report':
      return n.title;
    case 'Section':
      return `${n.path} ${n.title}`;
    case 'Commitment':
    case 'Target':
    case 'Result':
      return short(n.text.replace(/[\s\u200b]+/g, ''));
    default:
      return n.name;
  }
}

export function nodeView(n: GraphNode) {
  return {
    id: n.id,
    kind: n.kind,
    label: nodeLabel(n),
    report: 'reportId' in n ? n.reportId : null,
    phase: n.kind === 'Commitment' ? n.phase : null,
  };
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
