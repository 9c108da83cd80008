// The List tab: the full answer of the API query behind the selected entity (the commitments
// that involve a place, with its parts; the projects and commitments of a theme; the figures
// of a metric; a report's commitments), with its total, pages, a CSV of every page and a
// citation per row. Each list asks the same query a researcher would ask the API, so its
// total is the API's total.
import { errorMessage, gql, type GraphNode, type NodeKind, type Span } from './api';
import { citation, fileName, toCsv, type Cell } from './csv';
import { kindChip, loading, type DetailContext } from './detail';
import { el } from './dom';
import { qualifierWords } from './qualifiers';
import './lists.css';

/** Rows a page shows; "Show more" adds as many. */
export const PAGE = 50;

// ---- the queries ----

// Four `parent` levels: enough to name the chain from a district's zone up to a province
// (浑南科技城 ⊂ 浑南区 ⊂ 沈阳 ⊂ 辽宁); places and industries each have one parent (a tree).
const PARENTS = 'parent { id name parent { id name parent { id name parent { id name } } } }';
const COMMITMENT_FIELDS = `
  totalCount pageInfo { hasNextPage endCursor }
  nodes {
    id text phase span { start end } section { path title } report { id title }
    links { kind rule entity { id name kind ... on Place { ${PARENTS} } ... on Industry { ${PARENTS} } } }
  }`;

const FILTERED = `query ListCommitments($filter: CommitmentFilter, $first: Int, $after: String) {
  commitments(filter: $filter, first: $first, after: $after) { ${COMMITMENT_FIELDS} }
}`;

// Entity.commitments: every link of any kind (a project or organisation is MENTIONed).
const LINKED = `query ListLinked($id: String!, $first: Int, $after: String) {
  resolve(name: $id) { id commitments(first: $first, after: $after) { ${COMMITMENT_FIELDS} } }
}`;

const PROJECTS = `query ListProjects($theme: String!) {
  projects(filter: {servesTheme: $theme}, first: 1000) { id name places { name } }
}`;

const FIGURE_FIELDS = `id text year value low high unit qualifier status measure span { start end }
  jurisdiction { name } report { id title }
  commitment { id text span { start end } section { path title } }`;
const FIGURES = `query ListFigures($metric: String!) {
  targets(filter: {metric: $metric}, first: 1000) { ${FIGURE_FIELDS} }
  results(filter: {metric: $metric}, first: 1000) { ${FIGURE_FIELDS} }
}`;

/** The lists of figures and projects have no cursor: the API gives at most this many. */
const API_LIST_MAX = 1000;

interface Parent {
  id: string;
  name: string;
  parent?: Parent | null;
}

interface WireLink {
  kind: string;
  rule: string;
  entity: { id: string; name: string; kind: string; parent?: Parent | null };
}

interface WireCommitment {
  id: string;
  text: string;
  phase: string;
  span: Span;
  section: { path: string; title: string } | null;
  report: { id: string; title: string };
  links: WireLink[];
}

interface WireConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: WireCommitment[];
}

interface WireFigure {
  id: string;
  text: string;
  year: number;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string;
  status: string;
  measure: string;
  span: Span;
  jurisdiction: { name: string };
  report: { id: string; title: string };
  commitment: {
    id: string;
    text: string;
    span: Span;
    section: { path: string; title: string } | null;
  };
}

interface WireProject {
  id: string;
  name: string;
  places: { name: string }[];
}

// ---- what a list is ----

interface Page<R> {
  total: number;
  rows: R[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

interface ListSpec<R> {
  /** Plural noun for the total ("21 commitments"). */
  noun: [string, string];
  /** What the list answers, after the total ("that involve 沈阳 or a place in it"). */
  about: string;
  /** The API query, as a researcher would write it. */
  query: string;
  load(after: string | null, first: number): Promise<Page<R>>;
  /** Page size for the CSV's requests (fewer round trips than the page on screen). */
  csvPage: number;
  csvName: string;
  header: string[];
  record(row: R): Cell[];
  render(row: R, list: ListView): HTMLElement;
}

/** A link of a commitment that made it match, and the PART_OF chain it goes through. */
interface Via {
  kind: string;
  rule: string;
  entity: { id: string; name: string };
  /** Names from the linked entity up to the selected one; empty for a direct link. */
  chain: string[];
}

interface CommitmentRow extends WireCommitment {
  via: Via[];
}

/** The names from `entity` up its parents to `id`, or null when `id` is not above it. */
function chainTo(entity: WireLink['entity'], id: string): string[] | null {
  const names = [entity.name];
  let p = entity.parent;
  while (p) {
    names.push(p.name);
    if (p.id === id) return names;
    p = p.parent;
  }
  return null;
}

/** The links that make a commitment match: of `kinds`, to `id` or (with parts) below it. */
function matchLinks(c: WireCommitment, id: string, kinds: string[] | null, parts: boolean): Via[] {
  const out: Via[] = [];
  for (const l of c.links) {
    if (kinds && !kinds.includes(l.kind)) continue;
    const chain = l.entity.id === id ? [] : parts ? chainTo(l.entity, id) : null;
    if (chain) out.push({ kind: l.kind, rule: l.rule, entity: l.entity, chain });
  }
  // Direct links first: they say most plainly why the sentence is here.
  return out.sort((a, b) => a.chain.length - b.chain.length);
}

async function commitmentPage(
  run: (after: string | null, first: number) => Promise<WireConnection>,
  after: string | null,
  first: number,
  via: (c: WireCommitment) => Via[],
): Promise<Page<CommitmentRow>> {
  const conn = await run(after, first);
  return {
    total: conn.totalCount,
    rows: conn.nodes.map((c) => ({ ...c, via: via(c) })),
    next: conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null,
  };
}

const COMMITMENT_HEADER = [
  'report',
  'report_title',
  'section',
  'span_start',
  'span_end',
  'phase',
  'sentence',
  'link_kind',
  'link_entity',
  'link_rule',
  'via',
  'commitment_id',
];

function viaText(v: Via): string {
  return v.chain.length === 0 ? 'direct' : v.chain.join(' ⊂ ');
}

function commitmentRecord(r: CommitmentRow): Cell[] {
  const join = (f: (v: Via) => string) => r.via.map(f).join('; ');
  return [
    r.report.id,
    r.report.title,
    r.section ? `${r.section.path} ${r.section.title}` : '',
    r.span.start,
    r.span.end,
    r.phase,
    r.text,
    join((v) => v.kind),
    join((v) => v.entity.name),
    join((v) => v.rule),
    join(viaText),
    r.id,
  ];
}

function commitmentSpec(
  node: GraphNode,
  about: string,
  query: string,
  run: (after: string | null, first: number) => Promise<WireConnection>,
  via: (c: WireCommitment) => Via[],
  csvPage = 500,
): ListSpec<CommitmentRow> {
  return {
    noun: ['commitment', 'commitments'],
    about,
    query,
    load: (after, first) => commitmentPage(run, after, first, via),
    csvPage,
    csvName: fileName(node.label, 'commitments'),
    header: COMMITMENT_HEADER,
    record: commitmentRecord,
    render: (row, list) => commitmentItem(row, list),
  };
}

function filtered(filter: Record<string, unknown>) {
  return async (after: string | null, first: number) =>
    (await gql<{ commitments: WireConnection }>(FILTERED, { filter, first, after })).commitments;
}

function linked(id: string) {
  return async (after: string | null, first: number) => {
    const data = await gql<{ resolve: { id: string; commitments: WireConnection }[] }>(LINKED, {
      id,
      first,
      after,
    });
    const entity = data.resolve.find((e) => e.id === id);
    if (!entity) throw new Error(`NOT_FOUND: the API resolves no entity with id "${id}"`);
    return entity.commitments;
  };
}

/** A list whose API query has no cursor: fetched once, paged here. */
function inMemory<R>(fetchAll: () => Promise<R[]>): ListSpec<R>['load'] {
  let all: Promise<R[]> | null = null;
  return async (after, first) => {
    all ??= fetchAll();
    all.catch(() => (all = null)); // a failed request can be retried
    const rows = await all;
    const from = after ? Number(after) : 0;
    const to = from + first;
    return {
      total: rows.length,
      rows: rows.slice(from, to),
      next: to < rows.length ? `${to}` : null,
    };
  };
}

type FigureRow = WireFigure & { figure: 'TARGET' | 'RESULT' };

function amount(f: WireFigure): string {
  const n = f.low != null && f.high != null ? `${f.low}–${f.high}` : f.value;
  return n == null ? f.status : `${n}${f.unit ?? ''}`;
}

function figureSpec(node: GraphNode): ListSpec<FigureRow> {
  const id = node.id;
  return {
    noun: ['target or result', 'targets and results'],
    about: `that measure ${node.label}`,
    query: `targets(filter: {metric: "${id}"}) + results(filter: {metric: "${id}"})`,
    load: inMemory(async () => {
      const data = await gql<{ targets: WireFigure[]; results: WireFigure[] }>(FIGURES, {
        metric: id,
      });
      const rows: FigureRow[] = [
        ...data.targets.map((f) => ({ ...f, figure: 'TARGET' as const })),
        ...data.results.map((f) => ({ ...f, figure: 'RESULT' as const })),
      ];
      // By year, then jurisdiction, the target before the result it answers.
      return rows.sort(
        (a, b) =>
          a.year - b.year ||
          a.jurisdiction.name.localeCompare(b.jurisdiction.name) ||
          (a.figure === b.figure ? 0 : a.figure === 'TARGET' ? -1 : 1) ||
          a.id.localeCompare(b.id),
      );
    }),
    csvPage: API_LIST_MAX,
    csvName: fileName(node.label, 'figures'),
    header: [
      'figure',
      'year',
      'jurisdiction',
      'measure',
      'status',
      'value',
      'low',
      'high',
      'unit',
      'qualifier',
      'figure_text',
      'figure_start',
      'figure_end',
      'report',
      'report_title',
      'section',
      'span_start',
      'span_end',
      'sentence',
      'commitment_id',
    ],
    record: (f) => [
      f.figure,
      f.year,
      f.jurisdiction.name,
      f.measure,
      f.status,
      f.value,
      f.low,
      f.high,
      f.unit,
      f.qualifier,
      f.text,
      f.span.start,
      f.span.end,
      f.report.id,
      f.report.title,
      f.commitment.section ? `${f.commitment.section.path} ${f.commitment.section.title}` : '',
      f.commitment.span.start,
      f.commitment.span.end,
      f.commitment.text,
      f.commitment.id,
    ],
    render: (f, list) => figureItem(f, list),
  };
}

function projectSpec(node: GraphNode): ListSpec<WireProject> {
  return {
    noun: ['project', 'projects'],
    about: `named in commitments that serve ${node.label} or a theme it comprises`,
    query: `projects(filter: {servesTheme: "${node.id}"})`,
    load: inMemory(
      async () => (await gql<{ projects: WireProject[] }>(PROJECTS, { theme: node.id })).projects,
    ),
    csvPage: API_LIST_MAX,
    csvName: fileName(node.label, 'projects'),
    header: ['project_id', 'project', 'places'],
    record: (p) => [p.id, p.name, p.places.map((x) => x.name).join('; ')],
    render: (p, list) => projectItem(p, list),
  };
}

/** The lists of a node, in the order the tab shows them; none for sentences, sections, figures. */
export function specsFor(node: GraphNode): ListSpec<unknown>[] {
  const id = node.id;
  // Methods are bivariant in their parameters, so every ListSpec<R> is a ListSpec<unknown>.
  const specs: ListSpec<unknown>[] = [];
  switch (node.kind as NodeKind) {
    case 'PLACE':
      specs.push(
        commitmentSpec(
          node,
          `that involve ${node.label} or a place in it`,
          `commitments(filter: {involves: ["${id}"]})`,
          filtered({ involves: [id] }),
          (c) => matchLinks(c, id, ['INVOLVES'], true),
        ),
      );
      break;
    case 'INDUSTRY':
      specs.push(
        commitmentSpec(
          node,
          `that concern ${node.label} or an industry in it`,
          `commitments(filter: {industry: "${id}"})`,
          filtered({ industry: id }),
          (c) => matchLinks(c, id, ['CONCERNS'], true),
        ),
      );
      break;
    case 'THEME':
      specs.push(
        projectSpec(node),
        commitmentSpec(
          node,
          `that serve ${node.label}`,
          `commitments(filter: {theme: "${id}"})`,
          filtered({ theme: id }),
          (c) => matchLinks(c, id, ['SERVES'], false),
        ),
      );
      break;
    case 'PROJECT':
    case 'ORGANIZATION':
      specs.push(
        commitmentSpec(
          node,
          `that name ${node.label}`,
          `resolve(name: "${id}") { commitments }`,
          linked(id),
          (c) => matchLinks(c, id, null, false),
          // Entity.commitments under resolve costs 20 times a plain page: keep pages small.
          PAGE,
        ),
      );
      break;
    case 'METRIC':
      specs.push(figureSpec(node));
      break;
    case 'REPORT': {
      const report = node.report ?? id.replace(/^report:/, '');
      specs.push(
        commitmentSpec(
          node,
          `of ${report}`,
          `commitments(filter: {report: "${report}"})`,
          filtered({ report }),
          () => [],
        ),
      );
      break;
    }
    default:
      break;
  }
  return specs;
}

export function hasList(node: GraphNode | null | undefined): boolean {
  return !!node && specsFor(node).length > 0;
}

// ---- rows ----

function copyButton(list: ListView, text: () => string): HTMLButtonElement {
  const button = el(
    'button',
    { className: 'copy-citation', attrs: { type: 'button' } },
    'Copy citation',
  );
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    void copyText(text()).then(
      () => list.say('Citation copied'),
      (error: unknown) => list.say(`Could not copy: ${errorMessage(error)}`, true),
    );
  });
  return button;
}

function openButton(label: Node | string, open: () => void, lang = 'zh'): HTMLButtonElement {
  const button = el(
    'button',
    { className: 'linklike row-open', attrs: { type: 'button', lang } },
    label,
  );
  button.addEventListener('click', open);
  return button;
}

function commitmentItem(r: CommitmentRow, list: ListView): HTMLElement {
  const links = r.via.map((v) =>
    el(
      'li',
      { className: 'via', data: { entity: v.entity.id, kind: v.kind, rule: v.rule } },
      el('span', { className: 'via-kind' }, v.kind),
      ' ',
      el('span', { className: 'via-entity', attrs: { lang: 'zh' } }, v.entity.name),
      ' ',
      el('span', { className: 'via-rule' }, v.rule),
      v.chain.length > 0
        ? el(
            'span',
            { className: 'via-chain', attrs: { lang: 'zh' } },
            ` part of ${v.chain.slice(1).join(' ⊂ ')}`,
          )
        : null,
    ),
  );
  return el(
    'li',
    { className: 'list-row', data: { id: r.id } },
    openButton(r.text, () => list.ctx.reveal(r.id)),
    el(
      'div',
      { className: 'row-meta' },
      el('span', { className: `phase-badge phase-${r.phase}` }, r.phase),
      ` ${r.report.id} · ${r.section ? `${r.section.path} ${r.section.title} · ` : ''}characters ${r.span.start}–${r.span.end}`,
    ),
    el(
      'div',
      { className: 'row-foot' },
      links.length > 0
        ? el('ul', { className: 'via-list', attrs: { 'aria-label': 'Links' } }, ...links)
        : null,
      copyButton(list, () =>
        citation({
          reportTitle: r.report.title,
          reportId: r.report.id,
          section: r.section,
          span: r.span,
          sentence: r.text,
        }),
      ),
    ),
  );
}

function figureItem(f: FigureRow, list: ListView): HTMLElement {
  return el(
    'li',
    { className: 'list-row', data: { id: f.id, commitment: f.commitment.id } },
    el(
      'div',
      { className: 'row-meta' },
      el('span', { className: 'kind' }, f.figure),
      ` ${f.year} · ${f.jurisdiction.name} · ${amount(f)}${f.qualifier !== 'EXACT' ? ` (${qualifierWords(f.qualifier)})` : ''}`,
    ),
    openButton(f.commitment.text, () => list.ctx.reveal(f.commitment.id)),
    el(
      'div',
      { className: 'row-meta' },
      `«${f.text}» · ${f.report.id} · characters ${f.commitment.span.start}–${f.commitment.span.end}`,
    ),
    copyButton(list, () =>
      citation({
        reportTitle: f.report.title,
        reportId: f.report.id,
        section: f.commitment.section,
        span: f.commitment.span,
        sentence: f.commitment.text,
      }),
    ),
  );
}

function projectItem(p: WireProject, list: ListView): HTMLElement {
  return el(
    'li',
    { className: 'list-row', data: { id: p.id } },
    kindChip('PROJECT'),
    ' ',
    openButton(p.name, () => list.ctx.reveal(p.id)),
    p.places.length > 0
      ? el('span', { className: 'meta' }, p.places.map((x) => x.name).join(', '))
      : null,
  );
}

// ---- clipboard and download ----

/** Copies text: the Clipboard API where there is one, else a selected textarea and execCommand. */
export async function copyText(text: string): Promise<void> {
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return;
    } catch {
      // Refused (no permission, not focused): try the old way below.
    }
  }
  const area = el('textarea', {
    className: 'copy-buffer',
    attrs: { readonly: '', 'aria-hidden': 'true' },
  });
  area.value = text;
  document.body.append(area);
  area.select();
  try {
    // Deprecated but the only way without the Clipboard API (http pages, old browsers).
    if (!document.execCommand('copy')) throw new Error('the browser refused to copy');
  } finally {
    area.remove();
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- one list on screen ----

class ListView {
  readonly root: HTMLElement;
  private readonly rows = el('ol', { className: 'list-rows' });
  private readonly totalLine = el('p', { className: 'list-total' });
  private readonly footer = el('div', { className: 'list-footer' });
  private readonly status = el('p', {
    className: 'list-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  private readonly csvButton = el(
    'button',
    { className: 'list-csv', attrs: { type: 'button' } },
    'Download CSV',
  );
  private next: string | null = null;
  private total = 0;
  private shown = 0;

  constructor(
    private readonly spec: ListSpec<unknown>,
    readonly ctx: DetailContext,
    private readonly alive: () => boolean,
  ) {
    this.csvButton.disabled = true;
    this.csvButton.addEventListener('click', () => void this.downloadCsv());
    this.root = el(
      'section',
      { className: 'list' },
      el('div', { className: 'list-head' }, this.totalLine, this.csvButton),
      el('p', { className: 'list-query' }, el('code', {}, spec.query)),
      this.rows,
      this.footer,
      this.status,
    );
  }

  say(text: string, error = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('error', error);
  }

  /** Loads the first page, or the next one. */
  async more(): Promise<void> {
    const first = this.shown === 0;
    this.footer.replaceChildren(loading(first ? 'Loading the list…' : 'Loading more…'));
    let page: Page<unknown>;
    try {
      page = await this.spec.load(first ? null : this.next, PAGE);
    } catch (error) {
      if (!this.alive()) return;
      // A failure is never "0 results": say what failed and offer the same request again.
      const retry = el('button', { className: 'list-retry', attrs: { type: 'button' } }, 'Retry');
      retry.addEventListener('click', () => void this.more());
      this.footer.replaceChildren(
        el('p', { className: 'error' }, `Error: ${errorMessage(error)}`),
        retry,
      );
      return;
    }
    if (!this.alive()) return;
    this.total = page.total;
    this.next = page.next;
    this.shown += page.rows.length;
    this.rows.append(...page.rows.map((row) => this.spec.render(row, this)));
    const [one, many] = this.spec.noun;
    const more = page.total >= API_LIST_MAX && this.spec.csvPage === API_LIST_MAX ? '+' : '';
    this.totalLine.replaceChildren(
      el(
        'strong',
        { className: 'list-count' },
        `${page.total}${more} ${page.total === 1 ? one : many}`,
      ),
      ` ${this.spec.about}`,
    );
    this.csvButton.disabled = page.total === 0;
    const parts: HTMLElement[] = [];
    if (page.total === 0) parts.push(el('p', { className: 'hint' }, `No ${many}.`));
    else
      parts.push(
        el('p', { className: 'list-shown hint' }, `Showing ${this.shown} of ${page.total}`),
      );
    if (this.next !== null) {
      const button = el(
        'button',
        { className: 'list-more', attrs: { type: 'button' } },
        `Show ${Math.min(PAGE, page.total - this.shown)} more`,
      );
      button.addEventListener('click', () => void this.more());
      parts.push(button);
    }
    this.footer.replaceChildren(...parts);
  }

  /** Every page of the answer as one CSV file, however many rows are on screen. */
  private async downloadCsv(): Promise<void> {
    this.csvButton.disabled = true;
    this.say(`Preparing the CSV of ${this.total} rows…`);
    try {
      const records: Cell[][] = [];
      let after: string | null = null;
      for (;;) {
        const page: Page<unknown> = await this.spec.load(after, this.spec.csvPage);
        for (const row of page.rows) records.push(this.spec.record(row));
        if (page.next === null) break;
        after = page.next;
      }
      download(this.spec.csvName, toCsv(this.spec.header, records));
      this.say(`CSV of ${records.length} rows downloaded (${this.spec.csvName})`);
    } catch (error) {
      const retry = el('button', { className: 'list-retry', attrs: { type: 'button' } }, 'Retry');
      retry.addEventListener('click', () => void this.downloadCsv());
      this.status.replaceChildren(`CSV failed: ${errorMessage(error)} `, retry);
      this.status.classList.add('error');
    } finally {
      this.csvButton.disabled = false;
    }
  }
}

// ---- the tab ----

/**
 * The List tab of the detail panel. main.ts tells it each selection; it draws the lists only
 * while its panel shows, and hides its tab for nodes that have none.
 */
export class ListTab {
  private node: GraphNode | null = null;
  private ctx: DetailContext | null = null;
  private drawn: string | null = null;
  private token = 0;

  constructor(
    private readonly tab: HTMLButtonElement,
    private readonly panel: HTMLElement,
    private readonly showOverview: () => void,
  ) {}

  /** A new selection (null for an edge or none). */
  select(node: GraphNode | null, ctx: DetailContext | null): void {
    this.node = node;
    this.ctx = ctx;
    const has = hasList(node);
    this.tab.hidden = !has;
    if (!has) {
      this.token++;
      this.drawn = null;
      this.panel.replaceChildren();
      if (this.tab.getAttribute('aria-selected') === 'true') this.showOverview();
      return;
    }
    if (this.active()) this.draw();
  }

  active(): boolean {
    return this.tab.getAttribute('aria-selected') === 'true';
  }

  /** Called when the tab is chosen: draws the selected node's lists unless they are drawn. */
  shown(): void {
    if (this.node && this.drawn !== this.node.id) this.draw();
  }

  private draw(): void {
    const node = this.node;
    const ctx = this.ctx;
    if (!node || !ctx) return;
    const token = ++this.token;
    this.drawn = node.id;
    // Its own token, not the Overview's: retrying the Overview must not orphan these rows.
    const alive = () => token === this.token;
    const views = specsFor(node).map((spec) => new ListView(spec, ctx, alive));
    this.panel.replaceChildren(
      el(
        'header',
        { className: 'detail-header' },
        el('div', { className: 'detail-kind' }, kindChip(node.kind)),
        el('h3', { className: 'detail-label' }, node.label),
      ),
      ...views.map((v) => v.root),
    );
    for (const v of views) void v.more();
  }
}

/**
 * On a place's (or other entity's) Overview, which shows the commitments among its first
 * neighbours: how many of the API's total those are, and the way to the full list.
 */
export async function noteOverview(
  node: GraphNode,
  body: HTMLElement,
  ctx: DetailContext,
  openList: () => void,
): Promise<void> {
  const spec = specsFor(node).find((s) => s.noun[1] === 'commitments');
  if (!spec || !ctx.current()) return;
  const shown = body.querySelectorAll('.commitment-list li').length;
  const note = el('p', { className: 'list-note hint' }, 'Counting its commitments…');
  const anchor = body.querySelector('.neighbour-summary');
  if (anchor) anchor.after(note);
  else body.append(note);
  try {
    const { total } = await spec.load(null, 1);
    if (!ctx.current()) return;
    const button = el('button', { className: 'linklike', attrs: { type: 'button' } }, 'List tab');
    button.addEventListener('click', openList);
    note.replaceChildren(
      `Shows ${shown} of the ${total} commitments ${spec.about}`,
      shown < total ? ' (those among its first neighbours)' : '',
      '; the ',
      button,
      ' has them all, with their links, a CSV and citations.',
    );
  } catch (error) {
    if (!ctx.current()) return;
    note.textContent = `Shows ${shown} commitments; the total could not be counted (${errorMessage(error)}).`;
    note.classList.add('error');
  }
}
