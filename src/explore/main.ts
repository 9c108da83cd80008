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
const paneTabs = byId('pane-tabs');

const state = {
  q: '',
  focus: null as string | null,
  expanded: [] as string[],
};
let restoring = false;
let pending = 0;
let message: { text: string; error: boolean } | null = null;
let detailToken = 0;

const graph = new GraphView(byId('graph'), {
  selectNode: (id) => selectNode(id),
  selectEdge: (id) => selectEdge(id),
  expandNode: (id) => {
    clearMessage();
    void expand(id);
  },
  clearSelection: () => clearSelection(),
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

function setMessage(text: string, error = false): void {
  message = { text, error };
  renderStatus();
}

function clearMessage(): void {
  message = null;
  renderStatus();
}

function showError(error: unknown): void {
  setMessage(`Error: ${errorMessage(error)}`, true);
}

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

function writeUrl(): void {
  if (restoring) return;
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.focus) params.set('focus', state.focus);
  if (state.expanded.length > 0) params.set('expanded', state.expanded.join(','));
  const kinds = checkedKinds();
  if (kinds.size < KINDS.length) params.set('kinds', KINDS.filter((k) => kinds.has(k)).join(','));
  if (phaseSelect.value) params.set('phase', phaseSelect.value);
  if (reportSelect.value) params.set('report', reportSelect.value);
  const query = params.toString();
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  history.replaceState(null, '', url);
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
  // An unknown name is no error for a search box when the full-text search answered.
  if (errors.length > 0 && (items.length === 0 || hits.status === 'rejected')) {
    showError(errors.join('; '));
  }
  searchResults.replaceChildren(...items.map(resultItem));
  if (items.length === 0) {
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
    showPane('graph');
    void expand(item.id, { select: true });
  };
  onActivate(li, open);
  return li;
}

// ---- graph ----

function addExpanded(id: string): void {
  if (!state.expanded.includes(id)) state.expanded.push(id);
  graph.markExpanded(id);
}

/** Draws a node's neighbours (depth 1, at most 200) around it. */
async function expand(id: string, options: { select?: boolean } = {}): Promise<boolean> {
  try {
    if (!state.expanded.includes(id) || !graph.has(id)) {
      const sub = await track(neighborhood(id, 200));
      graph.merge(sub.nodes, sub.edges, id);
      addExpanded(id);
      graph.relayout();
    }
    if (options.select) selectNode(id);
    renderStatus();
    writeUrl();
    return true;
  } catch (error) {
    showError(error);
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
    showError(error);
  }
}

function openNode(node: GraphNode, edges: GraphEdge[], anchor: string): void {
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
    showError(error);
    detailBody.append(el('p', { className: 'error' }, `Error: ${errorMessage(error)}`));
  });
}

function selectNode(id: string): void {
  const node = graph.node(id);
  if (!node) return;
  graph.select(id);
  state.focus = id;
  expandButton.disabled = false;
  expandButton.dataset.id = id;
  render((ctx) =>
    node.kind === 'COMMITMENT'
      ? showCommitment(node, detailBody, ctx)
      : showNeighbours(node, detailBody, ctx),
  );
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
  writeUrl();
}

// ---- restoring a shared view ----

async function restore(): Promise<void> {
  const params = new URLSearchParams(location.search);
  restoring = true;
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
    fetched.forEach((result, i) => {
      const id = expanded[i] as string;
      if (result.status === 'rejected') {
        failures.push(`${id}: ${errorMessage(result.reason)}`);
        return;
      }
      const sub: Subgraph = result.value;
      graph.merge(sub.nodes, sub.edges, id);
      addExpanded(id);
    });
    if (failures.length > 0) showError(failures.join('; '));
    graph.relayout();

    const focus = params.get('focus');
    if (focus) {
      if (graph.edge(focus)) selectEdge(focus);
      else await reveal(focus);
    }
  } finally {
    restoring = false;
    renderStatus();
    writeUrl();
  }
}

// ---- wiring ----

buildKindFilters();
phaseSelect.addEventListener('change', onFiltersChanged);
reportSelect.addEventListener('change', onFiltersChanged);

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  clearMessage();
  void runSearch(searchInput.value);
});

expandButton.addEventListener('click', () => {
  const id = expandButton.dataset.id ?? state.focus;
  if (!id || !graph.node(id)) return;
  clearMessage();
  void expand(id);
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

void track(listReports())
  .then(fillReports)
  .catch((error: unknown) => showError(error));

renderStatus();
void restore();

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
