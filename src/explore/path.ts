// "Path to…": the shortest path (the API's `path`) from the selected node to a second entity
// the user names, drawn into the graph and highlighted with the class `on-path`.
import { errorMessage, gql, resolveName, type ResolvedEntity, type Subgraph } from './api';
import { kindChip } from './detail';
import { el } from './dom';
import { shortLabel, type GraphView } from './graph';
import './path.css';

/** The longest path asked for, in edges (the API's default). */
export const MAX_STEPS = 4;
export const ON_PATH = 'on-path';

const PATH = `query Path($from: ID!, $to: ID!, $maxLength: Int!) {
  path(from: $from, to: $to, maxLength: $maxLength) {
    nodes { id kind label report phase }
    edges { id type source target rule evidence { start end } score }
  }
}`;

export async function shortestPath(from: string, to: string): Promise<Subgraph | null> {
  const data = await gql<{ path: Subgraph | null }>(PATH, { from, to, maxLength: MAX_STEPS });
  return data.path;
}

/** The path's nodes from `from` along its edges (the API's order when the walk cannot follow). */
export function pathOrder(path: Subgraph, from: string): Subgraph['nodes'] {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const order = [from];
  const used = new Set<string>();
  for (;;) {
    const at = order[order.length - 1]!;
    const edge = path.edges.find((e) => !used.has(e.id) && (e.source === at || e.target === at));
    if (!edge) break;
    used.add(edge.id);
    order.push(edge.source === at ? edge.target : edge.source);
  }
  const nodes = order.map((id) => byId.get(id));
  return order.length === path.nodes.length && nodes.every((n) => n)
    ? (nodes as Subgraph['nodes'])
    : path.nodes;
}

export interface PathHooks {
  graph: GraphView;
  /** Counts a request as loading in the status line. */
  track<T>(work: Promise<T>): Promise<T>;
  /** The status line's message. */
  say(text: string, error?: boolean): void;
  /** Selects a drawn node (a step of the path). */
  select(id: string): void;
  /** The path drawn now changed (null: none), for the URL. */
  changed?(path: { from: string; to: string } | null): void;
}

/** The form under the detail bar, and the path it last drew. */
export class PathControl {
  readonly root: HTMLFormElement;
  private readonly input: HTMLInputElement;
  private readonly go: HTMLButtonElement;
  private readonly output = el('div', {
    className: 'path-output',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  private from: { id: string; label: string } | null = null;
  /** Ids of the nodes and edges highlighted now. */
  private onPath = new Set<string>();
  private token = 0;

  constructor(private readonly hooks: PathHooks) {
    this.input = el('input', {
      attrs: {
        id: 'path-to',
        type: 'search',
        name: 'to',
        placeholder: 'Path to… (a name: 五大安全, Dalian)',
        autocomplete: 'off',
      },
    });
    this.go = el('button', { attrs: { type: 'submit', id: 'path-go' } }, 'Find path');
    this.root = el(
      'form',
      { attrs: { id: 'path-form', role: 'search', 'aria-label': 'Path to another entity' } },
      el('label', { className: 'visually-hidden', attrs: { for: 'path-to' } }, 'Path to'),
      el('div', { className: 'path-row' }, this.input, this.go),
      this.output,
    );
    this.root.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.find(this.input.value);
    });
    this.setSource(null);
  }

  /** The selected node the path starts from; null disables the control. */
  setSource(node: { id: string; label: string } | null): void {
    this.from = node;
    this.input.disabled = this.go.disabled = node === null;
    this.input.title = node ? `A path from ${node.label}` : 'Select a node first';
    // A new selection replaces the path, unless it is a step of the path itself.
    if (!node || !this.onPath.has(node.id)) this.clear();
  }

  /** Called when an edge is selected: the path stays if the edge is on it. */
  selectEdge(id: string): void {
    this.from = null;
    this.input.disabled = this.go.disabled = true;
    if (!this.onPath.has(id)) this.clear();
  }

  /** Takes the highlight off; `quiet` when a new path replaces it at once. */
  clear(quiet = false): void {
    this.token++;
    const had = this.onPath.size > 0;
    if (had) this.hooks.graph.cy.elements(`.${ON_PATH}`).removeClass(ON_PATH);
    this.onPath.clear();
    this.output.replaceChildren();
    if (had && !quiet) this.hooks.changed?.(null);
  }

  /** Resolves the name; one entity: its path; several: the user chooses. */
  async find(name: string): Promise<void> {
    const from = this.from;
    const text = name.trim();
    if (!from || !text) return;
    this.clear();
    const token = this.token;
    this.output.replaceChildren(el('p', { className: 'hint' }, `Looking up “${text}”…`));
    let found: ResolvedEntity[];
    try {
      found = await this.hooks.track(resolveName(text));
    } catch (error) {
      if (token === this.token) this.failed(error, () => void this.find(text));
      return;
    }
    if (token !== this.token) return;
    const others = found.filter((e) => e.id !== from.id);
    if (others.length === 0) {
      this.output.replaceChildren(
        el(
          'p',
          { className: 'hint' },
          found.length > 0
            ? `“${text}” names the selected node itself.`
            : `Nothing is named “${text}”; try another name (Chinese, English or pinyin).`,
        ),
      );
      return;
    }
    if (others.length === 1) {
      await this.draw(from, others[0]!);
      return;
    }
    this.output.replaceChildren(
      el('p', { className: 'hint' }, `“${text}” names ${others.length} entities; choose one:`),
      el(
        'ul',
        { className: 'path-choices' },
        ...others.map((e) => {
          const button = el(
            'button',
            { className: 'linklike', data: { id: e.id }, attrs: { type: 'button' } },
            e.name,
          );
          button.addEventListener('click', () => void this.draw(from, e));
          return el(
            'li',
            {},
            kindChip(e.kind),
            ' ',
            button,
            e.nameEn ? el('span', { className: 'meta' }, e.nameEn) : null,
          );
        }),
      ),
    );
  }

  private failed(error: unknown, retry: () => void): void {
    const button = el('button', { className: 'path-retry', attrs: { type: 'button' } }, 'Retry');
    button.addEventListener('click', retry);
    this.output.replaceChildren(
      el('p', { className: 'error' }, `Error: ${errorMessage(error)}`),
      button,
    );
    this.hooks.say(`Error: ${errorMessage(error)}`, true);
  }

  /** Asks the API for the path, draws its nodes and edges, and highlights them. */
  async draw(
    from: { id: string; label: string },
    to: Pick<ResolvedEntity, 'id' | 'name'>,
  ): Promise<void> {
    this.clear(true);
    const token = this.token;
    this.output.replaceChildren(
      el('p', { className: 'hint' }, `Finding a path from ${from.label} to ${to.name}…`),
    );
    let path: Subgraph | null;
    try {
      path = await this.hooks.track(shortestPath(from.id, to.id));
    } catch (error) {
      if (token === this.token) this.failed(error, () => void this.draw(from, to));
      return;
    }
    if (token !== this.token) return;
    if (!path) {
      const text = `No path within ${MAX_STEPS} steps from ${from.label} to ${to.name}`;
      this.output.replaceChildren(el('p', { className: 'path-none' }, text));
      this.hooks.say(text);
      this.hooks.changed?.(null);
      return;
    }
    const { graph } = this.hooks;
    if (graph.merge(path.nodes, path.edges, from.id) > 0) graph.relayout();
    for (const item of [...path.nodes, ...path.edges]) this.onPath.add(item.id);
    graph.cy.batch(() => {
      for (const id of this.onPath) graph.cy.getElementById(id).addClass(ON_PATH);
    });
    const steps = path.edges.length;
    const nodes = pathOrder(path, from.id);
    // Short labels: a sentence's whole text would push the end of the path out of the status line.
    const names = nodes.map((n) => shortLabel(n));
    const text = `Path of ${steps} step${steps === 1 ? '' : 's'}: ${names.join(' → ')}`;
    this.output.replaceChildren(
      el('p', { className: 'path-summary' }, `Path of ${steps} step${steps === 1 ? '' : 's'}:`),
      el(
        'ol',
        { className: 'path-steps', attrs: { lang: 'zh' } },
        ...nodes.map((n) => {
          const button = el(
            'button',
            { className: 'linklike', data: { id: n.id }, attrs: { type: 'button' } },
            n.label,
          );
          button.addEventListener('click', () => this.hooks.select(n.id));
          return el('li', {}, kindChip(n.kind), ' ', button);
        }),
      ),
    );
    this.hooks.say(text);
    this.hooks.changed?.({ from: from.id, to: to.id });
  }
}
