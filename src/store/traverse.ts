/**
 * Traversals over any GraphStore, one batched store call per step: a node's neighbourhood
 * and the shortest path between two nodes. Written once over the interface, so both
 * stores give the same answer, ties broken the same way (edges in id order, the first
 * discovery wins).
 */
import {
  NODE_KINDS,
  nodeSummary,
  type GraphEdge,
  type GraphNode,
  type NodeSummary,
} from '../model';
import type { GraphStore } from '.';

export interface Subgraph<N extends GraphNode | NodeSummary = GraphNode> {
  nodes: N[];
  edges: GraphEdge[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const other = (e: GraphEdge, id: string) => (e.source === id ? e.target : e.source);

/**
 * The node and everything within `depth` edges of it, nearest first (by distance, then
 * kind, then id), cut at `limit` nodes, with the edges among those kept; the nodes as
 * summaries (their labels). Null when the node does not exist. With `keysOnly` the same
 * nodes and edges, but the store may leave labels, rules and evidence out (AroundCut).
 */
export async function neighborhood(
  store: GraphStore,
  id: string,
  depth: number,
  limit: number,
  { keysOnly = false }: { keysOnly?: boolean } = {},
): Promise<Subgraph<NodeSummary> | null> {
  // One round trip per step: each step brings its edges and the nodes at their ends.
  const distance = new Map<string, number>([[id, 0]]);
  const edges = new Map<string, GraphEdge>();
  const known = new Map<string, NodeSummary>();
  let frontier = [id];
  for (let d = 1; d <= depth && frontier.length > 0 && distance.size < limit; d++) {
    const next: string[] = [];
    // Of the nodes this step reaches, only the nearest limit - reached can be kept: the
    // store cuts there, in the order the answer keeps (kind, then id).
    const step = await store.around(frontier, {
      known: [...distance.keys()],
      budget: limit - distance.size,
      keysOnly,
    });
    for (const n of step.nodes) known.set(n.id, n);
    for (const e of step.edges) {
      edges.set(e.id, e);
      for (const end of [e.source, e.target]) {
        if (!distance.has(end)) {
          distance.set(end, d);
          next.push(end);
        }
      }
    }
    frontier = next.sort(cmp);
  }
  const ids = [...distance.keys()];
  const missing = ids.filter((n) => !known.has(n));
  if (missing.length > 0) {
    for (const n of await store.nodesByIds(missing)) if (n) known.set(n.id, nodeSummary(n));
  }
  if (!known.has(id)) return null;
  const nodes = ids.map((n) => known.get(n)).filter((n): n is NodeSummary => n !== undefined);
  nodes.sort(
    (a, b) =>
      distance.get(a.id)! - distance.get(b.id)! ||
      NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind) ||
      cmp(a.id, b.id),
  );
  const kept = nodes.slice(0, limit);
  const keptIds = new Set(kept.map((n) => n.id));
  return {
    nodes: kept,
    edges: [...edges.values()]
      .filter((e) => keptIds.has(e.source) && keptIds.has(e.target))
      .sort((a, b) => cmp(a.id, b.id)),
  };
}

/**
 * A shortest path between two nodes, following edges either way, at most `maxLength`
 * edges long; null when there is none (or a node does not exist). Searches from both
 * ends, a level at a time.
 */
export async function shortestPath(
  store: GraphStore,
  from: string,
  to: string,
  maxLength: number,
): Promise<Subgraph | null> {
  const ends = await store.nodesByIds([from, to]);
  if (ends.some((n) => n === null)) return null;
  if (from === to) return { nodes: [ends[0]!], edges: [] };

  // For each side, the edge by which each node was first reached.
  const reached = [
    new Map<string, GraphEdge | null>([[from, null]]),
    new Map<string, GraphEdge | null>([[to, null]]),
  ];
  const frontiers = [[from], [to]];
  let meeting: string | null = null;
  for (let length = 0; length < maxLength && meeting === null; length++) {
    // Grow the smaller side.
    const side = frontiers[0]!.length <= frontiers[1]!.length ? 0 : 1;
    const mine = reached[side]!;
    const theirs = reached[1 - side]!;
    const next: string[] = [];
    const around = await store.edgesAround(frontiers[side]!);
    for (const node of frontiers[side]!) {
      for (const e of around) {
        if (e.source !== node && e.target !== node) continue;
        const n = other(e, node);
        if (mine.has(n)) continue;
        mine.set(n, e);
        next.push(n);
      }
    }
    const met = next.filter((n) => theirs.has(n)).sort(cmp);
    if (met.length > 0) meeting = met[0]!;
    frontiers[side] = next.sort(cmp);
    if (next.length === 0) break;
  }
  if (meeting === null) return null;

  const walk = (side: 0 | 1): { ids: string[]; edges: GraphEdge[] } => {
    const ids: string[] = [];
    const edges: GraphEdge[] = [];
    for (let n: string = meeting!, e = reached[side]!.get(n); e; e = reached[side]!.get(n)) {
      edges.push(e);
      n = other(e, n);
      ids.push(n);
    }
    return { ids, edges };
  };
  const back = walk(0); // meeting … from
  const fwd = walk(1); // meeting … to
  const order = [...back.ids.reverse(), meeting, ...fwd.ids];
  const nodes = await store.nodesByIds(order);
  return {
    nodes: nodes.filter((n): n is GraphNode => n !== null),
    edges: [...back.edges.reverse(), ...fwd.edges],
  };
}
