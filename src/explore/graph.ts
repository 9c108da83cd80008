// The cytoscape canvas: node styles by kind, merging subgraphs, layouts and filters.
import cytoscape from 'cytoscape';
import { KINDS, type GraphEdge, type GraphNode, type NodeKind, type Phase } from './api';

export const KIND_COLORS: Record<NodeKind, string> = {
  COMMITMENT: '#4e79a7',
  PLACE: '#59a14f',
  THEME: '#e15759',
  PROJECT: '#f28e2b',
  INDUSTRY: '#b07aa1',
  ORGANIZATION: '#9c755f',
  METRIC: '#17becf',
  TARGET: '#edc948',
  RESULT: '#ff9da7',
  REPORT: '#3b3b3b',
  SECTION: '#a0a0a0',
};

const KIND_SHAPES: Record<NodeKind, cytoscape.Css.NodeShape> = {
  COMMITMENT: 'ellipse',
  PLACE: 'ellipse',
  THEME: 'hexagon',
  PROJECT: 'round-rectangle',
  INDUSTRY: 'octagon',
  ORGANIZATION: 'round-tag',
  METRIC: 'triangle',
  TARGET: 'diamond',
  RESULT: 'diamond',
  REPORT: 'star',
  SECTION: 'rectangle',
};

/** Concentric rings for large graphs, inside out: reports, sections, entities, sentences, figures. */
const KIND_RING: Record<NodeKind, number> = {
  REPORT: 11,
  SECTION: 10,
  PLACE: 9,
  THEME: 8,
  PROJECT: 7,
  INDUSTRY: 6,
  ORGANIZATION: 5,
  METRIC: 4,
  COMMITMENT: 3,
  TARGET: 2,
  RESULT: 1,
};

/** Above this many nodes: concentric layout, no animation, cheaper rendering. */
export const LARGE_GRAPH = 300;

/** Above this many nodes sentences are labelled only when hovered, selected or zoomed into. */
export const LABEL_ALL = 20;

/** Placing order around an anchor: kinds in bands, entities before sentences and figures. */
const KIND_ORDER: NodeKind[] = [
  'REPORT',
  'SECTION',
  'PLACE',
  'THEME',
  'PROJECT',
  'INDUSTRY',
  'ORGANIZATION',
  'METRIC',
  'COMMITMENT',
  'TARGET',
  'RESULT',
];

/**
 * Where to put new nodes around an anchor: each kind takes one sector, as wide as its share of
 * the nodes (kinds apart, in KIND_ORDER), filled ring by ring outwards in id order; the same
 * nodes land in the same places on every machine (a shared view looks the same; no random start).
 */
export function ringPositions(
  center: { x: number; y: number },
  nodes: { id: string; kind: NodeKind }[],
  firstRadius = 90,
): Map<string, { x: number; y: number }> {
  const at = new Map<string, { x: number; y: number }>();
  if (nodes.length === 0) return at;
  const byKind = new Map<NodeKind, { id: string }[]>();
  for (const n of [...nodes].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))) {
    byKind.set(n.kind, [...(byKind.get(n.kind) ?? []), n]);
  }
  const spacing = 34;
  let from = -Math.PI / 2;
  for (const kind of KIND_ORDER) {
    const members = byKind.get(kind);
    if (!members) continue;
    const width = (2 * Math.PI * members.length) / nodes.length;
    let radius = firstRadius;
    let index = 0;
    while (index < members.length) {
      const capacity = Math.max(1, Math.floor((width * radius) / spacing));
      const onRing = Math.min(capacity, members.length - index);
      for (let k = 0; k < onRing; k++) {
        const node = members[index + k] as { id: string };
        const angle = from + (width * (k + 0.5)) / onRing;
        at.set(node.id, {
          x: center.x + radius * Math.cos(angle),
          y: center.y + radius * Math.sin(angle),
        });
      }
      index += onRing;
      radius += spacing;
    }
    from += width;
  }
  return at;
}

/** System CJK fonts first; "Noto Sans SC" is also the web font the explorer ships (main.ts). */
const FONT =
  'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", sans-serif';

/**
 * Fetches the web font's subsets for `text` and redraws: a canvas draws with what is loaded and,
 * unlike the page's own text, does not make the browser fetch a unicode-range subset.
 */
function loadGlyphs(cy: cytoscape.Core, text: string): void {
  const fonts = (document as Document & { fonts?: FontFaceSet }).fonts;
  if (!fonts || !/[\u3400-\u9fff]/.test(text)) return;
  fonts.load('10px "Noto Sans SC"', text).then(
    (faces) => {
      if (faces.length === 0) return;
      // Labels are cached as bitmaps keyed by their font: a new key draws them anew.
      glyphGeneration++;
      cy.batch(() => {
        cy.elements().toggleClass('glyphs-a', glyphGeneration % 2 === 1);
        cy.elements().toggleClass('glyphs-b', glyphGeneration % 2 === 0);
      });
    },
    () => undefined, // no web font: the system's fonts draw what they can
  );
}

let glyphGeneration = 0;

export function shortLabel(node: Pick<GraphNode, 'kind' | 'label'>): string {
  const max = node.kind === 'COMMITMENT' ? 16 : 24;
  const chars = Array.from(node.label.replace(/…$/, ''));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

export interface Filters {
  kinds: Set<NodeKind>;
  phase: Phase | '';
  report: string;
}

export interface GraphHandlers {
  selectNode(id: string): void;
  selectEdge(id: string): void;
  expandNode(id: string): void;
  clearSelection(): void;
  /** A node was dragged to a new place. */
  moved?(): void;
}

function style(): cytoscape.StylesheetJson {
  const sheet: cytoscape.StylesheetJson = [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-family': FONT,
        'font-size': 10,
        color: '#222',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'none',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
        width: 18,
        height: 18,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    { selector: 'node.quiet', style: { 'min-zoomed-font-size': 12 } },
    // Past LABEL_ALL nodes a sentence is labelled when hovered, selected or zoomed into.
    { selector: 'node.busy[kind = "COMMITMENT"]', style: { 'min-zoomed-font-size': 16 } },
    { selector: 'node.quiet[kind = "COMMITMENT"]', style: { label: '' } },
    {
      selector: 'node.expanded',
      style: { 'border-width': 3, 'border-color': '#222' },
    },
    {
      selector: 'node:selected',
      style: {
        'border-width': 4,
        'border-color': '#ff3d00',
        'z-index': 10,
        'font-weight': 'bold',
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#b9c2cc',
        'target-arrow-color': '#b9c2cc',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'bezier',
        'font-family': FONT,
        'font-size': 8,
        color: '#667',
      },
    },
    {
      selector: 'edge.bulk',
      style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', width: 0.8 },
    },
    {
      selector: 'edge:selected',
      style: {
        width: 3,
        'line-color': '#ff3d00',
        'target-arrow-color': '#ff3d00',
        label: 'data(type)',
        'z-index': 10,
      },
    },
    { selector: '.filtered', style: { display: 'none' } },
    {
      selector: 'node.group',
      style: {
        shape: 'round-rectangle',
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(display)',
        'text-wrap': 'wrap',
        'font-weight': 'bold',
        'min-zoomed-font-size': 0,
      },
    },
    // Two spellings of one font stack (see loadGlyphs).
    { selector: '.glyphs-a', style: { 'font-family': `"Noto Sans SC", ${FONT}` } },
    { selector: '.glyphs-b', style: { 'font-family': `${FONT}, "Noto Sans SC"` } },
  ];
  for (const kind of KINDS) {
    sheet.push({
      selector: `node[kind = "${kind}"]`,
      style: { 'background-color': KIND_COLORS[kind], shape: KIND_SHAPES[kind] },
    });
  }
  sheet.push(
    { selector: 'node[kind = "REPORT"]', style: { width: 26, height: 26 } },
    // After the kinds, so that a large graph still labels its selected sentence.
    {
      selector: 'node.quiet:selected',
      style: { label: 'data(display)', 'min-zoomed-font-size': 0 },
    },
    { selector: 'node[kind = "COMMITMENT"]', style: { width: 14, height: 14 } },
    {
      selector: 'node.hover, node.cursor',
      style: { label: 'data(display)', 'min-zoomed-font-size': 0, 'z-index': 20 },
    },
    {
      selector: 'node.cursor',
      style: {
        'overlay-color': '#1f6feb',
        'overlay-opacity': 0.25,
        'overlay-padding': 6,
      },
    },
    ...pathStyle(),
  );
  return sheet;
}

/** The path path.ts highlights (class `on-path`): purple, thick, above the rest. */
export function pathStyle(): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node.on-path',
      style: {
        'border-width': 4,
        'border-color': '#7b1fa2',
        'z-index': 20,
        label: 'data(display)',
      },
    },
    {
      selector: 'edge.on-path',
      style: {
        width: 4,
        'line-color': '#7b1fa2',
        'target-arrow-color': '#7b1fa2',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        'z-index': 20,
      },
    },
  ];
}

/**
 * Ring numbers for a large graph: kinds in KIND_RING order from the centre out, each kind
 * starting a new ring, ring k holding about 2πk nodes so that the disc is evenly filled.
 */
function ringsByKind(nodes: cytoscape.NodeCollection): Map<string, number> {
  const sorted = nodes.toArray().sort((a, b) => {
    const byKind = KIND_RING[b.data('kind') as NodeKind] - KIND_RING[a.data('kind') as NodeKind];
    return byKind !== 0 ? byKind : a.id().localeCompare(b.id(), 'en', { numeric: true });
  });
  const ring = new Map<string, number>();
  let current = 0;
  let used = 0;
  let kind: unknown = undefined;
  for (const node of sorted) {
    const capacity = Math.max(6, Math.floor(2 * Math.PI * current * 0.95));
    if (used > 0 && (used >= capacity || node.data('kind') !== kind)) {
      current++;
      used = 0;
    }
    kind = node.data('kind');
    ring.set(node.id(), current);
    used++;
  }
  return ring;
}

export class GraphView {
  readonly cy: cytoscape.Core;
  private layout: cytoscape.Layouts | null = null;
  private filters: Filters | null = null;

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({
      container,
      style: style(),
      minZoom: 0.02,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      selectionType: 'single',
      textureOnViewport: false,
    });
    this.cy.on('tap', 'node', (event) => handlers.selectNode(event.target.id()));
    this.cy.on('tap', 'edge', (event) => handlers.selectEdge(event.target.id()));
    this.cy.on('dbltap', 'node', (event) => handlers.expandNode(event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) handlers.clearSelection();
    });
    this.cy.on('mouseover', 'node', (event) => event.target.addClass('hover'));
    this.cy.on('mouseout', 'node', (event) => event.target.removeClass('hover'));
    this.cy.on('dragfree', 'node', () => handlers.moved?.());
  }

  // ---- groups: sentences collapsed into one node with a count ----

  isGroup(id: string): boolean {
    return this.cy.getElementById(id).hasClass('group');
  }

  members(id: string): string[] {
    return (this.cy.getElementById(id).data('members') as string[] | undefined) ?? [];
  }

  /** Takes a group off the canvas and returns where it was, for its members to take its place. */
  removeGroup(id: string): cytoscape.Position | null {
    const node = this.cy.getElementById(id);
    if (node.empty()) return null;
    const at = { ...node.position() };
    node.remove();
    return at;
  }

  // ---- the keyboard cursor: a node the arrows move between neighbours ----

  private cursorId: string | null = null;

  cursor(): GraphNode | undefined {
    return this.cursorId ? this.node(this.cursorId) : undefined;
  }

  setCursor(id: string | null): void {
    this.cy.nodes('.cursor').removeClass('cursor');
    this.cursorId = id;
    if (!id) return;
    const node = this.cy.getElementById(id);
    node.addClass('cursor');
    const extent = this.cy.extent();
    const p = node.position();
    if (p.x < extent.x1 || p.x > extent.x2 || p.y < extent.y1 || p.y > extent.y2) {
      this.cy.center(node);
    }
  }

  /**
   * Moves the cursor to the neighbour lying most in the direction (dx, dy) on screen; to the
   * nearest visible node that way when no neighbour is; to the selection or the first node when
   * there is no cursor yet. Returns the node the cursor is on.
   */
  step(dx: number, dy: number): GraphNode | undefined {
    const visible = this.cy.nodes().filter((n) => !n.hasClass('filtered'));
    const from = this.cursorId ? this.cy.getElementById(this.cursorId) : null;
    if (!from || from.empty() || from.hasClass('filtered')) {
      const start = visible.filter(':selected').first().nonempty()
        ? visible.filter(':selected').first()
        : visible.first();
      this.setCursor(start.nonempty() ? start.id() : null);
      return this.cursor();
    }
    const origin = from.position();
    const best = (pool: cytoscape.NodeCollection) => {
      let found: cytoscape.NodeSingular | null = null;
      let bestScore = Infinity;
      pool.forEach((n) => {
        if (n.id() === from.id() || n.hasClass('filtered')) return;
        const vx = n.position().x - origin.x;
        const vy = n.position().y - origin.y;
        const along = vx * dx + vy * dy;
        if (along <= 0) return;
        const across = Math.abs(vx * dy - vy * dx);
        const score = along + 2 * across;
        if (score < bestScore) {
          bestScore = score;
          found = n;
        }
      });
      return found as cytoscape.NodeSingular | null;
    };
    const next = best(from.neighborhood().nodes()) ?? best(visible);
    if (next) this.setCursor(next.id());
    return this.cursor();
  }

  // ---- positions, for share links that keep the picture ----

  /** Every node's position, in id order, as base-36 integers: "x.y,x.y,…". */
  positions(): string {
    return this.sortedNodes()
      .map((n) => {
        const p = n.position();
        return `${Math.round(p.x).toString(36)}.${Math.round(p.y).toString(36)}`;
      })
      .join(',');
  }

  private sortedNodes(): cytoscape.NodeSingular[] {
    return this.cy
      .nodes()
      .toArray()
      .sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0));
  }

  /** Puts the nodes where `positions()` said; false (and nothing moved) when the nodes differ. */
  applyPositions(code: string): boolean {
    const points = code.split(',').map((pair) => pair.split('.').map((v) => parseInt(v, 36)));
    const nodes = this.cy.nodes().sort((a, b) => (a.id() < b.id() ? -1 : a.id() > b.id() ? 1 : 0));
    if (points.length !== nodes.length) return false;
    if (points.some((p) => p.length !== 2 || p.some((v) => !Number.isFinite(v)))) return false;
    this.layout?.stop();
    this.cy.batch(() => {
      nodes.forEach((n, i) => {
        const [x, y] = points[i] as [number, number];
        n.position({ x, y });
      });
    });
    this.fitReadable();
    return true;
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  node(id: string): GraphNode | undefined {
    const ele = this.cy.getElementById(id);
    if (ele.empty() || !ele.isNode()) return undefined;
    const d = ele.data() as GraphNode;
    return { id: d.id, kind: d.kind, label: d.label, report: d.report, phase: d.phase };
  }

  edge(id: string): GraphEdge | undefined {
    const ele = this.cy.getElementById(id);
    if (ele.empty() || !ele.isEdge()) return undefined;
    const d = ele.data() as GraphEdge;
    return {
      id: d.id,
      type: d.type,
      source: d.source,
      target: d.target,
      rule: d.rule,
      evidence: d.evidence,
      score: d.score,
    };
  }

  /** Adds the nodes and edges not drawn yet (edges only between drawn nodes); returns how many. */
  merge(
    nodes: GraphNode[],
    edges: GraphEdge[],
    anchor?: string,
    around?: cytoscape.Position,
  ): number {
    const center = around ?? this.anchorPosition(anchor);
    const fresh: cytoscape.ElementDefinition[] = [];
    const ids = new Set<string>();
    const newNodes = nodes.filter((n) => {
      if (ids.has(n.id) || this.has(n.id)) return false;
      ids.add(n.id);
      return true;
    });
    const at = ringPositions(
      center,
      newNodes.filter((n) => n.id !== anchor),
    );
    if (anchor) at.set(anchor, center);
    for (const n of newNodes) {
      const members = (n as GraphNode & { members?: string[] }).members;
      fresh.push({
        group: 'nodes',
        data: members
          ? {
              ...n,
              display: n.label.replace(' · ', '\n'),
              size: Math.round(16 + 3 * Math.sqrt(members.length)),
            }
          : { ...n, display: shortLabel(n) },
        position: at.get(n.id) ?? center,
        classes: members ? 'group' : undefined,
      });
    }
    for (const e of edges) {
      if (ids.has(e.id) || this.has(e.id)) continue;
      const ends = [e.source, e.target].every((id) => ids.has(id) || this.has(id));
      if (!ends) continue;
      ids.add(e.id);
      fresh.push({ group: 'edges', data: { ...e } });
    }
    if (fresh.length === 0) return 0;
    const added = this.cy.add(fresh);
    loadGlyphs(this.cy, fresh.map((e) => String(e.data.display ?? '')).join(''));
    if (this.filters) this.filterElements(added.nodes(), this.filters);
    return fresh.length;
  }

  private anchorPosition(anchor?: string): cytoscape.Position {
    const node = anchor ? this.cy.getElementById(anchor) : null;
    if (node && node.nonempty()) return { ...node.position() };
    if (this.cy.nodes().nonempty()) {
      const box = this.cy.nodes().boundingBox({});
      return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    }
    return { x: 0, y: 0 };
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).addClass('expanded');
  }

  /**
   * Lays out the graph: when small, nodes keep the places ringPositions gave them and the view
   * fits them; when large, a disc of concentric rings, one band per kind (reports and sections
   * in the middle, sentences and figures outside), each ring holding as many as fit on it.
   */
  relayout(): void {
    this.layout?.stop();
    // Hidden nodes are laid out too, so that a filter hides and shows nodes in place.
    const eles = this.cy.elements();
    const count = eles.nodes().length;
    const large = count > LARGE_GRAPH;
    // Haystack edges (no arrows) draw much faster; sentence labels only on the selected node.
    this.cy.batch(() => {
      this.cy.edges().toggleClass('bulk', large);
      this.cy.nodes().toggleClass('quiet', large);
      this.cy.nodes().toggleClass('busy', count > LABEL_ALL);
    });
    if (count === 0) return;
    let options: cytoscape.LayoutOptions;
    if (large) {
      const ring = ringsByKind(eles.nodes());
      options = {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => -(ring.get(node.id()) ?? 0),
        levelWidth: () => 1,
        minNodeSpacing: 4,
        avoidOverlap: true,
        animate: false,
        fit: true,
        padding: 20,
      };
    } else {
      // Nodes stay where ringPositions put them: a view keeps its shape as it grows.
      this.fitReadable();
      return;
    }
    this.layout = eles.layout(options);
    this.layout.run();
  }

  /** Fits the graph, but no closer than labels at 1.25 times their size (a few nodes). */
  fitReadable(): void {
    this.cy.fit(undefined, 30);
    if (this.cy.zoom() > 1.25) {
      this.cy.zoom(1.25);
      this.cy.center();
    }
  }

  applyFilters(filters: Filters): void {
    this.filters = filters;
    this.cy.batch(() => this.filterElements(this.cy.nodes(), filters));
  }

  private filterElements(nodes: cytoscape.NodeCollection, f: Filters): void {
    nodes.forEach((node) => {
      const d = node.data() as GraphNode;
      const hidden =
        !f.kinds.has(d.kind) ||
        (f.phase !== '' && d.phase != null && d.phase !== f.phase) ||
        (f.report !== '' && d.report != null && d.report !== f.report);
      node.toggleClass('filtered', hidden);
    });
  }

  select(id: string): boolean {
    const ele = this.cy.getElementById(id);
    this.cy.elements(':selected').unselect();
    if (ele.empty()) return false;
    ele.select();
    if (ele.isNode() && !ele.hasClass('filtered')) {
      const extent = this.cy.extent();
      const p = ele.position();
      const inside = p.x > extent.x1 && p.x < extent.x2 && p.y > extent.y1 && p.y < extent.y2;
      if (!inside) this.cy.center(ele);
    }
    return true;
  }

  unselect(): void {
    this.cy.elements(':selected').unselect();
  }

  counts(): { nodes: number; edges: number; hidden: number } {
    return {
      nodes: this.cy.nodes().length,
      edges: this.cy.edges().length,
      hidden: this.cy.nodes('.filtered').length,
    };
  }
}
