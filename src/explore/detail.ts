// The detail panel: a commitment in its paragraph, an edge with its evidence, or the commitments
// around an entity, grouped by report. Report text only ever enters the page as text nodes.
import {
  commitmentDetail,
  neighborhood,
  reportText,
  type CommitmentDetail,
  type Passage,
  type Figure,
  type GraphEdge,
  type GraphNode,
  type NodeKind,
  type Span,
} from './api';
import { el, marked, onActivate } from './dom';
import { qualifierWords } from './qualifiers';
import { KIND_COLORS } from './graph';

export interface DetailContext {
  /** A node drawn on the canvas, if it is. */
  node(id: string): GraphNode | undefined;
  /** Draws `node` (with those of `edges` that reach drawn nodes) and selects it. */
  openNode(node: GraphNode, edges: GraphEdge[], anchor: string): void;
  /** Selects a node, fetching and drawing it first if it is not drawn. */
  reveal(id: string): void;
  /** False once another selection has replaced the one being rendered. */
  current(): boolean;
}

export function kindChip(kind: NodeKind | string): HTMLSpanElement {
  const chip = el('span', { className: 'kind' }, kind);
  const color = (KIND_COLORS as Record<string, string>)[kind];
  if (color) chip.style.setProperty('--kind-color', color);
  return chip;
}

export function loading(text = 'Loading…'): HTMLElement {
  return el('p', { className: 'hint loading' }, text);
}

function heading(kind: string, label: string, id: string, extra: (string | null)[] = []) {
  return el(
    'header',
    { className: 'detail-header' },
    el('div', { className: 'detail-kind' }, kindChip(kind), ...extra.filter(Boolean).map(meta)),
    el('h3', { className: 'detail-label' }, label),
    el('code', { className: 'detail-id' }, id),
  );
}

function meta(text: string | null): HTMLElement {
  return el('span', { className: 'meta' }, text);
}

/** The report of a report-owned id: commitment:liaoning-2022:6385 → liaoning-2022. */
export function reportOfId(id: string): string | null {
  const parts = id.split(':');
  return parts.length >= 3 ? (parts[1] ?? null) : null;
}

function offsetOfId(id: string): number {
  const n = Number(id.slice(id.lastIndexOf(':') + 1));
  return Number.isFinite(n) ? n : 0;
}

function words(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** The words of `span` when the passage holds it. */
function passageWords(p: Passage, span: Span): string | null {
  if (span.start < p.start || span.end > p.end) return null;
  return p.text.slice(span.start - p.start, span.end - p.start);
}

function figureLine(kind: 'Target' | 'Result', f: Figure): HTMLElement {
  const number = f.low != null && f.high != null ? `${f.low}–${f.high}` : f.value;
  const amount = number == null ? null : `${number}${f.unit ?? ''}`;
  const qualifier = f.qualifier && f.qualifier !== 'EXACT' ? f.qualifier : null;
  return el(
    'li',
    { className: `figure figure-${kind.toLowerCase()}` },
    el('span', { className: 'figure-kind' }, kind),
    ' ',
    el('span', { className: 'figure-text' }, f.text),
    amount ? el('span', { className: 'figure-value' }, ` ${amount}`) : null,
    qualifier ? el('span', { className: 'meta' }, qualifierWords(qualifier)) : null,
  );
}

export async function showCommitment(
  node: GraphNode,
  body: HTMLElement,
  ctx: DetailContext,
): Promise<void> {
  const report = node.report ?? reportOfId(node.id);
  body.replaceChildren(
    heading('COMMITMENT', node.label, node.id, [report, node.phase]),
    loading('Loading the sentence in its report…'),
  );
  if (!report) throw new Error(`no report known for ${node.id}`);
  // The sentence in its paragraph: one small request, not the report's whole text.
  const c = await commitmentDetail(node.id);
  if (!ctx.current()) return;
  const p = c.passage;
  const section = c.section
    ? el(
        'p',
        { className: 'section' },
        el('span', { className: 'section-path' }, c.section.path),
        ' ',
        el('span', { className: 'section-title' }, c.section.title),
      )
    : el('p', { className: 'section hint' }, 'No section');

  const parts: HTMLElement[] = [
    heading('COMMITMENT', node.label, c.id, [report]),
    section,
    el(
      'p',
      { className: 'phase' },
      el('span', { className: `phase-badge phase-${c.phase}` }, c.phase),
      c.phase === 'PLAN' ? ' planned work' : ' review of past work',
    ),
    el('h4', {}, 'Paragraph'),
    el(
      'blockquote',
      { className: 'paragraph', attrs: { lang: 'zh' } },
      marked(p.text, c.span.start, c.span.end, 'highlight', p.start),
    ),
    el(
      'p',
      { className: 'meta' },
      `${c.report.title}, characters ${c.span.start}–${c.span.end} of ${report}`,
    ),
  ];

  if (c.targets.length + c.results.length > 0) {
    parts.push(
      el('h4', {}, 'Figures'),
      el(
        'ul',
        { className: 'figures' },
        ...c.targets.map((f) => figureLine('Target', f)),
        ...c.results.map((f) => figureLine('Result', f)),
      ),
    );
  }

  parts.push(el('h4', {}, `Links (${c.links.length})`));
  if (c.links.length === 0) parts.push(el('p', { className: 'hint' }, 'No links.'));
  else parts.push(linksTable(c, ctx));
  body.replaceChildren(...parts);
}

function linksTable(c: CommitmentDetail, ctx: DetailContext): HTMLElement {
  const rows = c.links.map((link) => {
    const entity = el(
      'button',
      { className: 'linklike', data: { id: link.entity.id }, attrs: { type: 'button' } },
      link.entity.name,
    );
    entity.addEventListener('click', () => ctx.reveal(link.entity.id));
    return el(
      'tr',
      { className: 'link' },
      el('td', { className: 'link-kind' }, link.kind),
      el('td', { className: 'link-entity' }, entity),
      el('td', { className: 'link-rule' }, link.rule),
      el(
        'td',
        { className: 'link-evidence', attrs: { lang: 'zh' } },
        link.evidence ? `«${passageWords(c.passage, link.evidence) ?? '…'}»` : '—',
      ),
    );
  });
  return el(
    'table',
    { className: 'links' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', {}, 'kind'),
        el('th', {}, 'entity'),
        el('th', {}, 'rule'),
        el('th', {}, 'evidence'),
      ),
    ),
    el('tbody', {}, ...rows),
  );
}

/** The line of the text around `span` (a heading, say), cut to 120 characters each side. */
function lineAround(text: string, span: Span): Span {
  const before = text.lastIndexOf('\n', span.start - 1);
  const after = text.indexOf('\n', span.end);
  return {
    start: Math.max(before + 1, span.start - 120),
    end: Math.min(after === -1 ? text.length : after, span.end + 120),
  };
}

export async function showEdge(
  edge: GraphEdge,
  body: HTMLElement,
  ctx: DetailContext,
): Promise<void> {
  const source = ctx.node(edge.source);
  const target = ctx.node(edge.target);
  const end = (id: string, node: GraphNode | undefined) => {
    const button = el(
      'button',
      { className: 'linklike', data: { id }, attrs: { type: 'button' } },
      node ? node.label : id,
    );
    button.addEventListener('click', () => ctx.reveal(id));
    return el('span', {}, node ? kindChip(node.kind) : null, ' ', button);
  };
  const rows: [string, Node | string][] = [
    ['type', edge.type],
    ['rule', edge.rule ?? '—'],
    ['source', end(edge.source, source)],
    ['target', end(edge.target, target)],
  ];
  if (edge.score != null) rows.push(['score', edge.score.toFixed(3)]);
  if (edge.evidence)
    rows.push(['evidence', `characters ${edge.evidence.start}–${edge.evidence.end}`]);
  const list = el(
    'dl',
    { className: 'edge-facts' },
    ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]),
  );
  const header = el(
    'header',
    { className: 'detail-header' },
    el('div', { className: 'detail-kind' }, kindChip('EDGE'), meta(edge.type)),
    el(
      'h3',
      { className: 'detail-label' },
      `${source?.label ?? edge.source} → ${target?.label ?? edge.target}`,
    ),
    el('code', { className: 'detail-id' }, edge.id),
  );
  body.replaceChildren(header, list);

  const evidence = edge.evidence;
  // Evidence offsets index into the report of the edge's source (a sentence, a figure), else its target.
  const report =
    source?.report ?? reportOfId(edge.source) ?? target?.report ?? reportOfId(edge.target);
  if (!evidence || !report) return;
  body.append(loading('Loading the evidence…'));
  // Evidence lies in a sentence: that of the commitment at either end, read with its paragraph.
  const sentence = [source, target].find((n) => n?.kind === 'COMMITMENT');
  const holder = sentence ? await commitmentDetail(sentence.id) : null;
  if (!ctx.current()) return;
  let shown: { words: string; context: Passage; inSentence: boolean };
  const inHolder = holder ? passageWords(holder.passage, evidence) : null;
  if (holder && inHolder !== null) {
    const s = holder.span;
    const within = s.start <= evidence.start && evidence.end <= s.end;
    const context = within
      ? {
          ...s,
          text: holder.passage.text.slice(
            s.start - holder.passage.start,
            s.end - holder.passage.start,
          ),
        }
      : holder.passage;
    shown = { words: inHolder, context, inSentence: within };
  } else {
    // No sentence at either end (a figure's edge, say): the line of the report around it.
    const text = await reportText(report);
    if (!ctx.current()) return;
    const line = lineAround(text, evidence);
    shown = {
      words: words(text, evidence),
      context: { ...line, text: words(text, line) },
      inSentence: false,
    };
  }
  body.replaceChildren(
    header,
    list,
    el('h4', {}, 'Evidence'),
    el('p', { className: 'evidence-words', attrs: { lang: 'zh' } }, `«${shown.words}»`),
    el(
      'h4',
      {},
      shown.inSentence ? 'In the sentence' : 'In the text',
      ' ',
      el('span', { className: 'meta' }, report),
    ),
    el(
      'blockquote',
      { className: 'sentence', attrs: { lang: 'zh' } },
      marked(shown.context.text, evidence.start, evidence.end, 'evidence', shown.context.start),
    ),
  );
}

export async function showNeighbours(
  node: GraphNode,
  body: HTMLElement,
  ctx: DetailContext,
): Promise<void> {
  const header = heading(node.kind, node.label, node.id, [node.report, node.phase]);
  body.replaceChildren(header, loading('Loading its neighbours…'));
  const sub = await neighborhood(node.id, 500);
  if (!ctx.current()) return;

  const others = sub.nodes.filter((n) => n.id !== node.id);
  const byKind = new Map<string, number>();
  for (const n of others) byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
  const summary = el(
    'p',
    { className: 'neighbour-summary' },
    `${others.length}${others.length + 1 >= 500 ? '+' : ''} neighbours`,
    byKind.size > 0 ? ': ' : '',
    ...[...byKind].map(([kind, n]) => el('span', { className: 'meta' }, `${n} ${kind}`)),
  );

  const groups = new Map<string, GraphNode[]>();
  for (const n of others) {
    if (n.kind !== 'COMMITMENT') continue;
    const report = n.report ?? reportOfId(n.id) ?? '(no report)';
    const group = groups.get(report) ?? [];
    group.push(n);
    groups.set(report, group);
  }
  const sections = [...groups.keys()].sort().map((report) => {
    const items = (groups.get(report) ?? []).sort((a, b) => offsetOfId(a.id) - offsetOfId(b.id));
    return el(
      'section',
      { className: 'report-group', data: { report } },
      el('h4', {}, report, ' ', el('span', { className: 'meta' }, String(items.length))),
      el(
        'ul',
        { className: 'commitment-list' },
        ...items.map((c) => {
          const li = el(
            'li',
            { data: { id: c.id }, attrs: { tabindex: '0', role: 'button', lang: 'zh' } },
            c.phase ? el('span', { className: `phase-badge phase-${c.phase}` }, c.phase) : null,
            ' ',
            c.label,
          );
          const open = () =>
            ctx.openNode(
              c,
              sub.edges.filter((e) => e.source === c.id || e.target === c.id),
              node.id,
            );
          onActivate(li, open);
          return li;
        }),
      ),
    );
  });
  body.replaceChildren(
    header,
    summary,
    el('h4', {}, 'Commitments by report'),
    ...(sections.length > 0
      ? sections
      : [el('p', { className: 'hint' }, 'No commitments among its neighbours.')]),
  );
}
