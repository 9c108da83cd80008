// The graph explorer: search, expand, filter and read the commitments of the reports.
// State lives in the URL (?q=&focus=&expanded=&kinds=&phase=&report=) so a view can be shared.

// The CJK web font, so that labels read on a machine with no Chinese font installed: in
// unicode-range subsets, so that a page fetches only those holding the characters it shows.
import '@fontsource/noto-sans-sc/400.css';
import {
  KINDS,
  errorMessage,
  listReports,
  neighborhood,
  resolveName,
  searchText,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type Phase,
  type ReportSummary,
  type Subgraph,
} from './api';
import { kindChip, showCommitment, showEdge, showNeighbours, type DetailContext } from './detail';
import { byId, el, onActivate } from './dom';
import { GraphView, KIND_COLORS, type Filters } from './graph';
// The metric view (metric.ts): marked "metric view" where main.ts calls it.
import {
  addChartButton,
  closeMetric,
  initMetric,
  metricParams,
  openMetric,
  restoreMetric,
} from './metric';
import { ListTab, noteOverview } from './lists';
import { PathControl } from './path';
import { selectTab, setupTabs } from './tabs';

const searchForm = byId<HTMLFormElement>('search-form');
const searchInput = byId<HTMLInputElement>('search');
const searchResults = byId<HTMLUListElement>('search-results');
const searchEmpty = byId<HTMLParagraphElement>('search-empty');
const kindBox = byId('filter-kinds');
const phaseSelect = byId<HTMLSelectElement>('filter-phase');
const reportSelect = byId<HTMLSelectElement>('filter-report');
const statusLine = byId('status');
const shareButton = byId<HTMLButtonElement>('share');
const expandButton = byId<HTMLButtonElement>('expand');
const detailBody = byId('detail-body');
const app = byId('app');
const retryButton = byId<HTMLButtonElement>('retry');
const graphBox = byId('graph');
const graphLive = byId('graph-live');
const paneTabs = byId('pane-tabs');

const state = {
  q: '',
  focus: null as string | null,
  expanded: [] as string[],
  /** Groups of sentences drawn one by one (see collapse). */
  opened: [] as string[],
  /** The path drawn and highlighted ("Path to…"), by its ends. */
  path: null as { from: string; to: string } | null,
  /** Expanded ids of a shared view that failed to load: kept in the URL for a retry. */
  unrestored: [] as string[],
};
/** Sentences collapsed into a group node: what to draw when it is opened. */
const groups = new Map<string, { anchor: string; sub: Subgraph }>();
/** Past this many new sentences around one node, they are drawn as one node per report. */
const GROUP_ABOVE = 12;
let restoring = false;
let pending = 0;
let message: { text: string; error: boolean } | null = null;
let detailToken = 0;

const graph = new GraphView(graphBox, {
  selectNode: (id) => {
    markStep();
    selectNode(id);
  },
  selectEdge: (id) => {
    markStep();
    selectEdge(id);
  },
  expandNode: (id) => {
    clearMessage();
    markStep();
    void expandOrOpen(id);
  },
  clearSelection: () => {
    markStep();
    clearSelection();
  },
  moved: () => writeUrl(),
});

// ---- panes (one at a time below 768 px) ----

export type Pane = 'search' | 'graph' | 'detail';

/** Shows one pane on a phone; on a desk all three show and this only marks the choice. */
function showPane(pane: Pane): void {
  app.dataset.pane = pane;
  paneTabs.querySelectorAll<HTMLButtonElement>('button[data-pane]').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.pane === pane));
  });
  // The canvas had no size while its pane was hidden.
  if (pane === 'graph') graph.cy.resize();
}

paneTabs.querySelectorAll<HTMLButtonElement>('button[data-pane]').forEach((b) => {
  b.addEventListener('click', () => showPane(b.dataset.pane as Pane));
});

// The skip link lands on the detail, which on a phone is a pane of its own.
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  showPane('detail');
  byId('detail').focus();
});

// ---- status line ----

function renderStatus(): void {
  const c = graph.counts();
  let text = `${c.nodes} nodes, ${c.edges} edges`;
  if (c.hidden > 0) text += ` (${c.hidden} hidden by filters)`;
  if (pending > 0) text += ' · loading…';
  if (message) text += ` · ${message.text}`;
  statusLine.textContent = text;
  statusLine.classList.toggle('error', message?.error === true);
  statusLine.classList.toggle('busy', pending > 0);
}

let retryAction: (() => void) | null = null;

function setMessage(text: string, error = false): void {
  message = { text, error };
  renderStatus();
}

function clearMessage(): void {
  message = null;
  retryAction = null;
  retryButton.hidden = true;
  renderStatus();
}

/** Says a request failed; with `retry`, a Retry button beside the status runs it again. */
function showError(error: unknown, retry?: () => void): void {
  setMessage(`Error: ${errorMessage(error)}`, true);
  retryAction = retry ?? null;
  retryButton.hidden = !retry;
}

retryButton.addEventListener('click', () => {
  const again = retryAction;
  clearMessage();
  again?.();
});

/** Counts a request as loading while it runs. */
async function track<T>(work: Promise<T>): Promise<T> {
  pending++;
  renderStatus();
  try {
    return await work;
  } finally {
    pending--;
    renderStatus();
  }
}

// ---- URL state ----

function checkedKinds(): Set<NodeKind> {
  const kinds = new Set<NodeKind>();
  kindBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((box) => {
    if (box.checked) kinds.add(box.value as NodeKind);
  });
  return kinds;
}

function readFilters(): Filters {
  return {
    kinds: checkedKinds(),
    phase: phaseSelect.value as Phase | '',
    report: reportSelect.value,
  };
}

/** The next URL change starts a history entry: a user's step, which Back undoes. */
let stepPending = false;

function markStep(): void {
  stepPending = true;
}

function writeUrl(): void {
  if (restoring) return;
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.focus) params.set('focus', state.focus);
  const expanded = [...new Set([...state.expanded, ...state.unrestored])];
  if (expanded.length > 0) params.set('expanded', expanded.join(','));
  if (state.opened.length > 0) params.set('open', state.opened.join(','));
  if (state.path) params.set('path', `${state.path.from} ${state.path.to}`);
  const kinds = checkedKinds();
  if (kinds.size < KINDS.length) params.set('kinds', KINDS.filter((k) => kinds.has(k)).join(','));
  if (phaseSelect.value) params.set('phase', phaseSelect.value);
  if (reportSelect.value) params.set('report', reportSelect.value);
  metricParams(params); // metric view: view=, metric=, jurisdiction=, year=
  // Where every node stands, so that a shared view looks as it did (last: the longest).
  if (graph.counts().nodes > 0 && state.unrestored.length === 0) {
    params.set('layout', graph.positions());
  }
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  const same = url === `${location.pathname}${location.search}${location.hash}`;
  if (stepPending && !same) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  stepPending = false;
}

// ---- filters ----

function buildKindFilters(): void {
  for (const kind of KINDS) {
    const box = el('input', { attrs: { type: 'checkbox', value: kind, name: 'kind' } });
    box.checked = true;
    box.addEventListener('change', onFiltersChanged);
    const swatch = el('span', { className: 'swatch' });
    swatch.style.backgroundColor = KIND_COLORS[kind];
    kindBox.append(el('label', { className: 'kind-filter' }, box, swatch, kind));
  }
}

function ensureReportOption(id: string, title?: string): void {
  const existing = Array.from(reportSelect.options).find((o) => o.value === id);
  const text = title ? `${id} — ${title}` : id;
  if (existing) existing.textContent = text;
  else reportSelect.append(el('option', { attrs: { value: id } }, text));
}

function fillReports(reports: ReportSummary[]): void {
  const current = reportSelect.value;
  for (const r of reports) ensureReportOption(r.id, r.title);
  reportSelect.value = current;
}

function onFiltersChanged(): void {
  markStep();
  graph.applyFilters(readFilters());
  renderStatus();
  writeUrl();
}

// ---- search ----

interface ResultItem {
  id: string;
  kind: NodeKind;
  label: string;
  sub: string | null;
}

async function runSearch(text: string): Promise<void> {
  state.q = text.trim();
  writeUrl();
  searchResults.replaceChildren();
  searchEmpty.hidden = true;
  if (!state.q) return;
  const [resolved, hits] = await track(
    Promise.allSettled([resolveName(state.q), searchText(state.q)]),
  );
  if (state.q !== text.trim()) return; // a newer search has started
  const items: ResultItem[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  if (resolved.status === 'fulfilled') {
    for (const e of resolved.value) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
      items.push({ id: e.id, kind: e.kind, label: e.name, sub: e.nameEn });
    }
  } else errors.push(errorMessage(resolved.reason));
  if (hits.status === 'fulfilled') {
    for (const h of hits.value) {
      if (seen.has(h.id)) continue;
      seen.add(h.id);
      items.push({ id: h.id, kind: h.kind, label: h.label, sub: h.snippet });
    }
  } else errors.push(errorMessage(hits.reason));
  searchResults.replaceChildren(...items.map(resultItem));
  // An unknown name is no error for a search box when the full-text search answered; a failed
  // search is never reported as "nothing found".
  if (hits.status === 'rejected') {
    const again = () => void runSearch(text);
    showError(errors.join('; '), again);
    const retry = el('button', { className: 'retry', attrs: { type: 'button' } }, 'Retry');
    retry.addEventListener('click', () => {
      clearMessage();
      again();
    });
    searchEmpty.replaceChildren(
      el(
        'span',
        { className: 'error', attrs: { role: 'alert' } },
        items.length === 0
          ? `The search failed: ${errors.join('; ')}. `
          : `Some results may be missing: ${errors.join('; ')}. `,
      ),
      retry,
    );
    searchEmpty.hidden = false;
  } else if (items.length === 0) {
    searchEmpty.textContent = `Nothing found for “${state.q}”.`;
    searchEmpty.hidden = false;
  }
}

function resultItem(item: ResultItem): HTMLLIElement {
  const li = el(
    'li',
    { data: { id: item.id, kind: item.kind }, attrs: { tabindex: '0', role: 'button' } },
    kindChip(item.kind),
    ' ',
    el('span', { className: 'result-label' }, item.label),
    item.sub && item.sub !== item.label ? el('span', { className: 'result-sub' }, item.sub) : null,
  );
  const open = () => {
    searchResults.querySelectorAll('li.active').forEach((n) => n.classList.remove('active'));
    li.classList.add('active');
    clearMessage();
    markStep();
    showPane('graph');
    void expand(item.id, { select: true });
    // metric view
    if (item.kind === 'METRIC') void openMetric(item.id);
    else closeMetric();
  };
  onActivate(li, open);
  return li;
}

// ---- graph ----

function addExpanded(id: string): void {
  if (!state.expanded.includes(id)) state.expanded.push(id);
  graph.markExpanded(id);
}

/**
 * Past GROUP_ABOVE new sentences around `anchor`, stands one node per report for them ("21
 * commitments · liaoning-2022"), to be opened on demand: a hub's 200 sentences are a hairball.
 */
function collapse(sub: Subgraph, anchor: string): Subgraph {
  const fresh = sub.nodes.filter(
    (n) => n.kind === 'COMMITMENT' && n.id !== anchor && !graph.has(n.id),
  );
  if (fresh.length <= GROUP_ABOVE) return sub;
  const byReport = new Map<string, GraphNode[]>();
  for (const n of fresh) {
    const report = n.report ?? '—';
    byReport.set(report, [...(byReport.get(report) ?? []), n]);
  }
  const hidden = new Set(fresh.map((n) => n.id));
  const nodes: GraphNode[] = sub.nodes.filter((n) => !hidden.has(n.id));
  const edges = sub.edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target));
  for (const [report, members] of byReport) {
    const id = `group:${anchor}:${report}`;
    const ids = new Set(members.map((m) => m.id));
    groups.set(id, {
      anchor,
      sub: {
        nodes: members,
        edges: sub.edges.filter((e) => ids.has(e.source) || ids.has(e.target)),
      },
    });
    const label = `${members.length} commitments · ${report}`;
    nodes.push({
      id,
      kind: 'COMMITMENT',
      label,
      report,
      phase: null,
      members: [...ids],
    } as GraphNode);
    edges.push({
      id: `${id}:edge`,
      type: 'GROUPS',
      source: anchor,
      target: id,
      rule: null,
      evidence: null,
      score: null,
    });
  }
  return { nodes, edges };
}

/** Draws a group's sentences where the group stood. */
function openGroup(id: string): boolean {
  const group = groups.get(id);
  if (!group) return false;
  const at = graph.removeGroup(id);
  // Out beyond the group, away from its anchor, so that the sentences' ring clears the anchor's.
  const anchor = graph.cy.getElementById(group.anchor);
  const center =
    at && anchor.nonempty()
      ? {
          x: anchor.position().x + 3 * (at.x - anchor.position().x),
          y: anchor.position().y + 3 * (at.y - anchor.position().y),
        }
      : (at ?? undefined);
  graph.merge(group.sub.nodes, group.sub.edges, group.anchor, center);
  if (!state.opened.includes(id)) state.opened.push(id);
  graph.relayout();
  if (state.focus === id) clearSelection(); // the group is gone; its list with it
  renderStatus();
  writeUrl();
  return true;
}

async function expandOrOpen(id: string): Promise<boolean> {
  if (graph.isGroup(id)) return openGroup(id);
  return expand(id);
}

/** Draws a node's neighbours (depth 1, at most 200) around it. */
async function expand(id: string, options: { select?: boolean } = {}): Promise<boolean> {
  try {
    if (!state.expanded.includes(id) || !graph.has(id)) {
      const sub = collapse(await track(neighborhood(id, 200)), id);
      graph.merge(sub.nodes, sub.edges, id);
      addExpanded(id);
      graph.relayout();
    }
    if (options.select) selectNode(id);
    renderStatus();
    writeUrl();
    return true;
  } catch (error) {
    showError(error, () => void expand(id, options));
    return false;
  }
}

/** Selects a node, first fetching it (and its edges to drawn nodes) if it is not drawn. */
async function reveal(id: string): Promise<void> {
  try {
    if (!graph.has(id)) {
      const sub = await track(neighborhood(id, 200));
      const node = sub.nodes.find((n) => n.id === id);
      if (!node) throw new Error(`NOT_FOUND: no node has id "${id}"`);
      graph.merge([node], sub.edges);
      graph.relayout();
    }
    selectNode(id);
  } catch (error) {
    showError(error, () => void reveal(id));
  }
}

function openNode(node: GraphNode, edges: GraphEdge[], anchor: string): void {
  markStep();
  if (!graph.has(node.id)) {
    graph.merge([node], edges, anchor);
    graph.relayout();
  }
  clearMessage();
  selectNode(node.id);
}

// ---- selection and detail ----

function detailContext(token: number): DetailContext {
  return {
    node: (id) => graph.node(id),
    openNode,
    reveal: (id) => {
      clearMessage();
      markStep();
      void reveal(id);
    },
    current: () => token === detailToken,
  };
}

function render(work: (ctx: DetailContext) => Promise<void>): void {
  const token = ++detailToken;
  const ctx = detailContext(token);
  void track(work(ctx)).catch((error: unknown) => {
    if (!ctx.current()) return;
    const again = () => render(work);
    showError(error, again);
    // The error replaces the "Loading…" line it answers.
    detailBody.querySelectorAll('.loading').forEach((n) => n.remove());
    const retry = el('button', { className: 'retry', attrs: { type: 'button' } }, 'Retry');
    retry.addEventListener('click', () => {
      clearMessage();
      again();
    });
    detailBody.append(
      el(
        'p',
        { className: 'error', attrs: { role: 'alert' } },
        `Error: ${errorMessage(error)} `,
        retry,
      ),
    );
  });
}

function showGroup(id: string): void {
  const group = groups.get(id);
  const node = graph.node(id);
  if (!group || !node) return;
  const draw = el('button', { attrs: { type: 'button' } }, `Draw these ${group.sub.nodes.length}`);
  draw.addEventListener('click', () => {
    markStep();
    openGroup(id);
  });
  const items = group.sub.nodes.map((c) => {
    const li = el(
      'li',
      { data: { id: c.id }, attrs: { tabindex: '0', role: 'button', lang: 'zh' } },
      c.label,
    );
    onActivate(li, () => {
      markStep();
      openGroup(id);
      selectNode(c.id);
    });
    return li;
  });
  detailBody.replaceChildren(
    el(
      'header',
      { className: 'detail-header' },
      el('h3', { className: 'detail-label' }, node.label),
    ),
    el(
      'p',
      { className: 'hint' },
      'Drawn as one node to keep the graph readable; E or double-click draws them one by one.',
    ),
    draw,
    el('ul', { className: 'commitment-list' }, ...items),
  );
}

function selectNode(id: string): void {
  const node = graph.node(id);
  if (!node) return;
  graph.select(id);
  state.focus = id;
  expandButton.disabled = false;
  expandButton.dataset.id = id;
  if (graph.isGroup(id)) {
    detailToken++;
    showGroup(id);
    lists.select(null, null);
    pathControl.setSource(null);
    writeUrl();
    return;
  }
  // metric view: a metric's Overview gets "Open chart" (addChartButton)
  render((ctx) =>
    node.kind === 'COMMITMENT'
      ? showCommitment(node, detailBody, ctx)
      : showNeighbours(node, detailBody, ctx)
          .then(() => noteOverview(node, detailBody, ctx, openList))
          .finally(() => addChartButton(node, detailBody, ctx)),
  );
  lists.select(node, detailContext(detailToken));
  pathControl.setSource(node);
  renderStatus();
  writeUrl();
}

function selectEdge(id: string): void {
  const edge = graph.edge(id);
  if (!edge) return;
  graph.select(id);
  state.focus = id;
  expandButton.disabled = true;
  delete expandButton.dataset.id;
  render((ctx) => showEdge(edge, detailBody, ctx));
  lists.select(null, null);
  pathControl.selectEdge(id);
  writeUrl();
}

function clearSelection(): void {
  detailToken++;
  graph.unselect();
  state.focus = null;
  expandButton.disabled = true;
  delete expandButton.dataset.id;
  detailBody.replaceChildren(
    el('p', { className: 'hint' }, 'Click a node or an edge to see where it comes from.'),
  );
  lists.select(null, null);
  pathControl.setSource(null);
  writeUrl();
}

// ---- restoring a shared view ----

async function restore(): Promise<void> {
  const params = new URLSearchParams(location.search);
  restoring = true;
  state.q = params.get('q') ?? '';
  const metricView = restoreMetric(params); // metric view
  try {
    const kinds = params.get('kinds');
    if (kinds !== null) {
      const wanted = new Set(kinds.split(',').map((k) => k.trim().toUpperCase()));
      kindBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]').forEach((box) => {
        box.checked = wanted.has(box.value);
      });
    }
    const phase = params.get('phase');
    if (phase === 'PLAN' || phase === 'REVIEW') phaseSelect.value = phase;
    const report = params.get('report');
    if (report) {
      ensureReportOption(report);
      reportSelect.value = report;
    }
    graph.applyFilters(readFilters());
    renderStatus();

    const q = params.get('q');
    if (q) {
      searchInput.value = q;
      await runSearch(q);
    }

    const expanded = [...new Set((params.get('expanded') ?? '').split(',').filter(Boolean))];
    const fetched = await Promise.allSettled(expanded.map((id) => track(neighborhood(id, 200))));
    const failures: string[] = [];
    state.unrestored = [];
    // In the order of the URL, so that every machine places the nodes alike.
    fetched.forEach((result, i) => {
      const id = expanded[i] as string;
      if (result.status === 'rejected') {
        failures.push(`${id}: ${errorMessage(result.reason)}`);
        state.unrestored.push(id);
        return;
      }
      const sub = collapse(result.value, id);
      graph.merge(sub.nodes, sub.edges, id);
      addExpanded(id);
    });
    for (const id of (params.get('open') ?? '').split(',').filter(Boolean)) {
      if (graph.isGroup(id)) openGroup(id);
    }
    graph.relayout();
    const path = params.get('path')?.split(' ');
    if (path?.length === 2) {
      const [from, to] = path as [string, string];
      await pathControl.draw(
        { id: from, label: graph.node(from)?.label ?? from },
        { id: to, name: to },
      );
    }
    const layout = params.get('layout');
    if (layout && failures.length === 0) graph.applyPositions(layout);

    const focus = params.get('focus');
    if (focus) {
      if (graph.edge(focus)) selectEdge(focus);
      else await reveal(focus);
      // A focus that could not be shown stays in the URL, for the retry.
      if (!graph.has(focus)) state.focus = focus;
    }
    if (failures.length > 0) {
      // The shared view stays in the URL: Retry loads what failed.
      showError(`the shared view did not load whole: ${failures.join('; ')}`, () => void restore());
    }
    await metricView;
  } finally {
    restoring = false;
    renderStatus();
    writeUrl();
  }
}

// ---- the List tab and "Path to…" (lists.ts, path.ts, tabs.ts) ----

const detailTabs = byId('detail-tabs');
const overviewTab = byId<HTMLButtonElement>('detail-tab-overview');
const listTabButton = byId<HTMLButtonElement>('detail-tab-list');
setupTabs(detailTabs);
const lists = new ListTab(listTabButton, byId('detail-list'), () =>
  selectTab(detailTabs, overviewTab),
);
detailTabs.addEventListener('tabchange', () => {
  if (lists.active()) lists.shown();
});
function openList(): void {
  selectTab(detailTabs, listTabButton, true);
}
const pathControl = new PathControl({
  graph,
  track,
  say: (text, error) => setMessage(text, error),
  select: (id) => selectNode(id),
  changed: (path) => {
    state.path = path;
    if (path && !restoring) markStep();
    writeUrl();
  },
});
byId('detail').querySelector('.detail-bar')?.after(pathControl.root);

// ---- wiring ----

buildKindFilters();
// metric view
initMetric({
  writeUrl,
  markStep,
  reveal: (id) => void reveal(id),
  showCenter: () => showPane('graph'),
});
phaseSelect.addEventListener('change', onFiltersChanged);
reportSelect.addEventListener('change', onFiltersChanged);

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearMessage();
  markStep();
  void runSearch(searchInput.value);
});

expandButton.addEventListener('click', () => {
  const id = expandButton.dataset.id ?? state.focus;
  if (!id || !graph.node(id)) return;
  clearMessage();
  markStep();
  void expandOrOpen(id);
});

shareButton.addEventListener('click', () => {
  writeUrl();
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (!clipboard) return;
  clipboard.writeText(location.href).then(
    () => setMessage('Link copied'),
    () => undefined,
  );
});

/** The report filter's list, asked again after 1, 2 and 4 s before the failure is shown. */
async function loadReports(attempt = 0): Promise<void> {
  try {
    fillReports(await track(listReports()));
  } catch (error) {
    if (attempt < 3) {
      setTimeout(() => void loadReports(attempt + 1), 1000 * 2 ** attempt);
      return;
    }
    showError(`the report list did not load: ${errorMessage(error)}`, () => void loadReports());
  }
}
void loadReports();

// Back and Forward walk the user's steps: the view is drawn again from the URL.
window.addEventListener('popstate', () => {
  detailToken++;
  graph.cy.elements().remove();
  graph.setCursor(null);
  state.expanded = [];
  state.opened = [];
  state.path = null;
  state.focus = null;
  clearMessage();
  detailBody.replaceChildren(
    el('p', { className: 'hint' }, 'Click a node or an edge to see where it comes from.'),
  );
  lists.select(null, null);
  pathControl.setSource(null);
  searchResults.replaceChildren();
  searchEmpty.hidden = true;
  searchInput.value = new URLSearchParams(location.search).get('q') ?? '';
  void restore();
});

// ---- the graph by keyboard ----

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function announce(node: GraphNode | undefined): void {
  graphLive.textContent = node ? `${node.kind.toLowerCase()} ${node.label}` : '';
}

graphBox.addEventListener('focus', () => {
  if (!graph.cursor()) announce(graph.step(0, 0));
});
graphBox.addEventListener('blur', () => graph.setCursor(null));
graphBox.addEventListener('keydown', (event) => {
  const arrow = ARROWS[event.key];
  if (arrow) {
    event.preventDefault();
    announce(graph.step(arrow[0], arrow[1]));
    return;
  }
  const node = graph.cursor();
  if (event.key === 'Enter' && node) {
    event.preventDefault();
    markStep();
    selectNode(node.id);
  } else if ((event.key === 'e' || event.key === 'E') && node) {
    event.preventDefault();
    clearMessage();
    markStep();
    void expandOrOpen(node.id);
  } else if (event.key === 'Escape') {
    markStep();
    clearSelection();
  }
});

renderStatus();
void restore();
// A placeholder does not make the browser fetch the font subset for its characters.
void document.fonts
  ?.load('14px "Noto Sans SC"', searchInput.placeholder)
  .then(() => {
    document.documentElement.dataset.placeholders = 'drawn'; // for tests and screenshots
  })
  .catch(() => undefined);

declare global {
  interface Window {
    /** For tests and the console: the canvas and the explorer's actions. */
    explorer: {
      cy: GraphView['cy'];
      expand: (id: string) => Promise<boolean>;
      select: (id: string) => void;
      search: (text: string) => Promise<void>;
    };
  }
}

window.explorer = {
  cy: graph.cy,
  expand: (id) => expand(id),
  select: (id) => (graph.edge(id) ? selectEdge(id) : selectNode(id)),
  search: (text) => {
    searchInput.value = text;
    return runSearch(text);
  },
};
