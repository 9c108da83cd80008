// The metric view (issue 17 item 1): a metric's targets and results over the years for one
// jurisdiction, or one year's targets across jurisdictions against the country's, as a chart
// (metric-chart.ts, loaded on first use) and a table whose every cell opens the sentence it
// comes from; and the tidy table as CSV (issue 18). It takes #center's place of the graph.
// main.ts calls it through a few marked hooks: initMetric, openMetric/closeMetric,
// metricParams (writeUrl), restoreMetric (restore) and addChartButton (the detail panel).
import './metric.css';
import { aboutTolerance, percentUnits } from '../../graph/verdicts.json';
import { cached, errorMessage, type GraphNode } from './api';
import type { DetailContext } from './detail';
import { append, byId, el, marked, onActivate } from './dom';
import type { ChartInput, ResultDot, ShapeKind, TargetShape } from './metric-chart';
import {
  againstNational,
  comparison,
  metricInfo,
  metricSeries,
  targetTableCsv,
  type AgainstNational,
  type Comparison,
  type Fig,
  type MetricInfo,
  type PlaceRef,
  type SeriesPoint,
  type Verdict,
} from './metric-api';
import { amountWords, figureWords, formatNumber, qualifierWords } from './qualifiers';

export type MetricMode = 'metric' | 'compare';

export interface MetricHooks {
  /** Writes the explorer's state, this view's included (metricParams), into the URL. */
  writeUrl(): void;
  /** Makes the next URL change a history entry of its own: a user's step, which Back undoes. */
  markStep(): void;
  /** Selects a node in the graph, fetching it first if it is not drawn. */
  reveal(id: string): void;
  /** Brings the center column into view (the Graph tab on a phone) and sizes the canvas. */
  showCenter(): void;
}

interface View {
  open: boolean;
  mode: MetricMode;
  /** As given (a name or an id) until the service resolves it, then the metric's id. */
  metric: string;
  /** A place id or name; null: the default (the country, else the best covered). */
  jurisdiction: string | null;
  year: number | null;
}

const NATIONAL = 'place:中国';

const state: View = { open: false, mode: 'metric', metric: '', jurisdiction: null, year: null };
let hooks: MetricHooks = {
  writeUrl: () => undefined,
  markStep: () => undefined,
  reveal: () => undefined,
  showCenter: () => undefined,
};
/** Bumped by every load, so that an answer to a replaced request is dropped. */
let token = 0;
/** What the chart shows, to draw it again at a new width. */
let drawn: { kind: 'series' | 'comparison'; input: Omit<ChartInput, 'width'> } | null = null;

// ---- the DOM, built once ----

const section = byId('metric-view');
const center = byId('center');
const title = el('h2', { attrs: { id: 'metric-title' } });
const back = el('button', { attrs: { type: 'button', id: 'metric-back' } }, '← Back to graph');
const modeButtons = (['metric', 'compare'] as const).map((mode) =>
  el(
    'button',
    { data: { mode }, attrs: { type: 'button', 'aria-pressed': 'false' } },
    mode === 'metric' ? 'Over years' : 'Across jurisdictions',
  ),
);
const jurisdictionSelect = el('select', { attrs: { id: 'metric-jurisdiction' } });
const yearSelect = el('select', { attrs: { id: 'metric-year' } });
const jurisdictionLabel = el(
  'label',
  { className: 'metric-control' },
  'Jurisdiction ',
  jurisdictionSelect,
);
const yearLabel = el('label', { className: 'metric-control' }, 'Year ', yearSelect);
const download = el('button', { attrs: { type: 'button', id: 'metric-download' } }, 'Download CSV');
const downloadStatus = el('span', {
  className: 'metric-download-status',
  attrs: { role: 'status' },
});
const body = el('div', { attrs: { id: 'metric-body' } });
const source = el('section', {
  attrs: { id: 'metric-source', 'aria-live': 'polite', 'aria-label': 'Source of the cell' },
});

section.append(
  el(
    'div',
    { className: 'metric-bar' },
    back,
    title,
    el(
      'div',
      { className: 'metric-modes', attrs: { role: 'group', 'aria-label': 'Chart' } },
      ...modeButtons,
    ),
  ),
  el(
    'div',
    { className: 'metric-controls' },
    jurisdictionLabel,
    yearLabel,
    download,
    downloadStatus,
  ),
  body,
  source,
);

/** A user's step inside the view: a history entry, then the view drawn for it. */
function step(change: () => void): void {
  change();
  hooks.markStep();
  hooks.writeUrl();
  void load();
}

back.addEventListener('click', () => closeMetric({ step: true }));
for (const b of modeButtons) {
  b.addEventListener('click', () => {
    if (state.mode !== b.dataset.mode) step(() => (state.mode = b.dataset.mode as MetricMode));
  });
}
jurisdictionSelect.addEventListener('change', () => {
  step(() => (state.jurisdiction = jurisdictionSelect.value));
});
yearSelect.addEventListener('change', () => {
  step(() => (state.year = Number(yearSelect.value)));
});
download.addEventListener('click', () => void downloadCsv());

let resizeFrame = 0;
new ResizeObserver(() => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => void redraw());
}).observe(body);

// ---- the hooks main.ts calls ----

export function initMetric(h: MetricHooks): void {
  hooks = h;
}

export function isMetricOpen(): boolean {
  return state.open;
}

/**
 * Shows the metric view of `metric` (a name or an id) in place of the graph; `step`: as a
 * history entry of its own (not when the caller has marked one, nor when restoring).
 */
export function openMetric(
  metric: string,
  options: {
    mode?: MetricMode;
    jurisdiction?: string | null;
    year?: number | null;
    step?: boolean;
  } = {},
): Promise<void> {
  const same = state.open && state.metric === metric;
  state.open = true;
  state.metric = metric;
  state.mode = options.mode ?? (same ? state.mode : 'metric');
  state.jurisdiction = options.jurisdiction ?? (same ? state.jurisdiction : null);
  state.year = options.year ?? (same ? state.year : null);
  section.hidden = false;
  center.classList.add('metric-open');
  if (!same) source.replaceChildren();
  hooks.showCenter();
  if (options.step) hooks.markStep();
  hooks.writeUrl();
  return load();
}

/** Back to the graph; `step` as for openMetric. */
export function closeMetric(options: { step?: boolean } = {}): void {
  if (!state.open) return;
  token++;
  state.open = false;
  section.hidden = true;
  center.classList.remove('metric-open');
  hooks.showCenter();
  if (options.step) hooks.markStep();
  hooks.writeUrl();
}

/** The view's part of a shareable URL: view=metric|compare&metric=&jurisdiction=&year=. */
export function metricParams(params: URLSearchParams): void {
  if (!state.open) return;
  params.set('view', state.mode);
  params.set('metric', state.metric);
  if (state.mode === 'metric' && state.jurisdiction) params.set('jurisdiction', state.jurisdiction);
  if (state.mode === 'compare' && state.year !== null) params.set('year', String(state.year));
}

/** Opens the view a URL names; a URL that names none (Back to a graph view) closes it. */
export function restoreMetric(params: URLSearchParams): Promise<void> {
  const view = params.get('view');
  const metric = params.get('metric');
  if ((view !== 'metric' && view !== 'compare') || !metric) {
    closeMetric();
    return Promise.resolve();
  }
  const year = Number(params.get('year'));
  return openMetric(metric, {
    mode: view,
    jurisdiction: params.get('jurisdiction'),
    year: Number.isInteger(year) && year > 0 ? year : null,
  });
}

/** The detail panel's "Open chart" for a metric, put under its heading once the panel is drawn. */
export function addChartButton(node: GraphNode, detail: HTMLElement, ctx: DetailContext): void {
  if (node.kind !== 'METRIC' || !ctx.current()) return;
  const button = el(
    'button',
    { className: 'open-chart', data: { id: node.id }, attrs: { type: 'button' } },
    'Open chart',
  );
  button.addEventListener('click', () => void openMetric(node.id, { step: true }));
  const header = detail.querySelector('.detail-header');
  if (header) header.after(button);
  else detail.prepend(button);
}

// ---- data, cached per metric (a failed load is forgotten, so Retry asks again) ----

const infoOf = cached(metricInfo);
const seriesOf = cached(metricSeries);
const comparisonOf = cached((key: string) => {
  const [metric, year] = JSON.parse(key) as [string, number];
  return comparison(metric, year);
});
const againstOf = cached((key: string) => {
  const [metric, jurisdiction] = JSON.parse(key) as [string, string];
  return againstNational(metric, jurisdiction);
});
const chartModule = cached(() => import('./metric-chart'));

// ---- loading and drawing ----

function showError(error: unknown, retry: () => void): void {
  drawn = null;
  const button = el('button', { className: 'retry', attrs: { type: 'button' } }, 'Retry');
  button.addEventListener('click', retry);
  body.replaceChildren(
    el(
      'div',
      { className: 'metric-error', attrs: { role: 'alert' } },
      el('p', { className: 'error' }, `Could not load the chart: ${errorMessage(error)}`),
      button,
    ),
  );
}

async function load(): Promise<void> {
  const mine = ++token;
  const current = () => mine === token && state.open;
  modeButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === state.mode)));
  jurisdictionLabel.hidden = state.mode !== 'metric';
  yearLabel.hidden = state.mode !== 'compare';
  downloadStatus.replaceChildren();
  body.replaceChildren(el('p', { className: 'hint loading' }, 'Loading the chart…'));
  body.setAttribute('aria-busy', 'true');
  try {
    const info = await infoOf(state.metric);
    if (!current()) return;
    if (!info) throw new Error(`NOT_FOUND: no metric is named “${state.metric}”`);
    state.metric = info.id;
    title.replaceChildren();
    append(
      title,
      info.name,
      info.nameEn ? el('span', { className: 'meta' }, info.nameEn) : null,
      info.headlineMeasure
        ? el('span', { className: 'meta' }, measureWords(info.headlineMeasure))
        : null,
    );
    const series = await seriesOf(info.id);
    if (!current()) return;
    fillControls(series);
    if (state.mode === 'metric') {
      // A province or city is set against the country's target of each year.
      const against =
        state.jurisdiction && state.jurisdiction !== NATIONAL
          ? await againstOf(JSON.stringify([info.id, state.jurisdiction]))
          : [];
      if (!current()) return;
      await drawSeries(info, series, against, current);
    } else {
      const cmp =
        state.year === null ? null : await comparisonOf(JSON.stringify([info.id, state.year]));
      if (!current()) return;
      await drawComparison(info, series, cmp, current);
    }
    if (current()) hooks.writeUrl();
  } catch (error) {
    if (current()) showError(error, () => void load());
  } finally {
    if (mine === token) body.removeAttribute('aria-busy');
  }
}

function measureWords(measure: string): string {
  const words: Record<string, string> = {
    GROWTH: 'growth rate',
    LEVEL: 'level',
    CHANGE: 'change',
    SHARE: 'share',
  };
  return words[measure] ?? measure;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function placeName(p: PlaceRef): string {
  return p.nameEn && p.nameEn !== p.name ? `${p.name} ${p.nameEn}` : p.name;
}

/** The jurisdictions and years of the series into the selects, the state's choice resolved. */
function fillControls(series: SeriesPoint[]): void {
  const places = new Map<string, { place: PlaceRef; n: number }>();
  for (const p of series) {
    const entry = places.get(p.jurisdiction.id) ?? { place: p.jurisdiction, n: 0 };
    entry.n++;
    places.set(p.jurisdiction.id, entry);
  }
  // The country first, then the best covered.
  const ordered = [...places.values()].sort(
    (a, b) =>
      Number(b.place.id === NATIONAL) - Number(a.place.id === NATIONAL) ||
      b.n - a.n ||
      a.place.name.localeCompare(b.place.name, 'zh'),
  );
  jurisdictionSelect.replaceChildren(
    ...ordered.map(({ place, n }) =>
      el('option', { attrs: { value: place.id } }, `${placeName(place)} (${n} years)`),
    ),
  );
  const wanted = state.jurisdiction;
  const chosen =
    ordered.find(
      ({ place }) => wanted !== null && [place.id, place.name, place.nameEn].includes(wanted),
    ) ?? ordered[0];
  if (chosen) {
    state.jurisdiction = chosen.place.id;
    jurisdictionSelect.value = chosen.place.id;
  }

  const targetsByYear = new Map<number, number>();
  for (const p of series)
    if (p.target) targetsByYear.set(p.year, (targetsByYear.get(p.year) ?? 0) + 1);
  const years = [...targetsByYear.keys()].sort((a, b) => b - a);
  yearSelect.replaceChildren(
    ...years.map((y) => {
      const n = targetsByYear.get(y) ?? 0;
      return el(
        'option',
        { attrs: { value: String(y) } },
        `${y} (${n} jurisdiction${n === 1 ? '' : 's'})`,
      );
    }),
  );
  if (state.year === null || !targetsByYear.has(state.year)) {
    // The year most jurisdictions set a target for, the latest of those.
    let best: number | null = null;
    for (const y of years)
      if (best === null || (targetsByYear.get(y) ?? 0) > (targetsByYear.get(best) ?? 0)) best = y;
    state.year = best;
  }
  if (state.year !== null) yearSelect.value = String(state.year);
}

// ---- targets as shapes (how each qualifier is drawn) ----

/** How far an ABOUT target may be missed: the verdict's, else the rule graph/verdicts.json states. */
function toleranceOf(f: Fig, verdict: Verdict | null): number {
  if (verdict?.tolerance != null) return verdict.tolerance;
  if (percentUnits.includes(f.unit ?? '')) return aboutTolerance.percentagePoints;
  return Math.abs(f.value ?? 0) * aboutTolerance.relative;
}

const signed = (f: Fig, n: number) => (f.direction === 'DOWN' ? -n : n);

function targetShape(key: string, f: Fig, verdict: Verdict | null): TargetShape {
  const label = (extra = '') => `target ${key}: ${figureWords(f)}${extra}`;
  if (f.status !== 'SET' || f.value === null) {
    const kind: ShapeKind = f.status === 'QUALITATIVE' ? 'qualitative' : 'deferred';
    return { key, kind, value: null, lo: null, hi: null, label: label() };
  }
  const value = signed(f, f.value);
  // A stated reduction turns a floor on the reduction into a ceiling on the signed value.
  const down = f.direction === 'DOWN';
  switch (f.qualifier) {
    case 'RANGE': {
      const a = signed(f, f.low ?? f.value);
      const b = signed(f, f.high ?? f.value);
      return {
        key,
        kind: 'band',
        value: null,
        lo: Math.min(a, b),
        hi: Math.max(a, b),
        label: label(),
      };
    }
    case 'ABOUT':
    case 'NEARLY': {
      const tolerance = toleranceOf(f, verdict);
      // 近 (nearly) falls short of its number; 左右 (about) lies either side.
      const lo = f.qualifier === 'NEARLY' ? value - (down ? 0 : tolerance) : value - tolerance;
      const hi = f.qualifier === 'NEARLY' ? value + (down ? tolerance : 0) : value + tolerance;
      return { key, kind: 'band', value, lo, hi, label: label(` (±${formatNumber(tolerance)})`) };
    }
    case 'AT_LEAST':
    case 'MORE_THAN':
      return { key, kind: down ? 'ceiling' : 'floor', value, lo: null, hi: null, label: label() };
    case 'AT_MOST':
      return { key, kind: down ? 'floor' : 'ceiling', value, lo: null, hi: null, label: label() };
    default:
      return { key, kind: 'tick', value, lo: null, hi: null, label: label() };
  }
}

function resultDot(key: string, f: Fig, verdict: Verdict | null): ResultDot | null {
  if (f.value === null) return null;
  return {
    key,
    value: signed(f, f.value),
    verdict: verdict?.value ?? null,
    text: formatNumber(signed(f, f.value)),
    label: `result ${key}: ${amountWords(f)}${verdict ? ` — ${verdict.value}` : ''}`,
  };
}

function unitOf(figs: (Fig | null)[]): string {
  const units = new Set(
    figs.filter((f): f is Fig => f !== null && f.unit !== null).map((f) => f.unit),
  );
  return [...units].join(' / ');
}

// ---- over years ----

async function drawSeries(
  info: MetricInfo,
  series: SeriesPoint[],
  against: AgainstNational[],
  current: () => boolean,
): Promise<void> {
  const points = series.filter((p) => p.jurisdiction.id === state.jurisdiction);
  const place = points[0]?.jurisdiction;
  if (!place) {
    drawn = null;
    body.replaceChildren(
      el('p', { className: 'hint' }, `${info.name}: no target or result is stated.`),
    );
    return;
  }
  // Every year from the first to the last, so that a gap shows as one.
  const years: string[] = [];
  const first = points[0]?.year ?? 0;
  const last = points[points.length - 1]?.year ?? first;
  for (let y = first; y <= last; y++) years.push(String(y));
  const input: Omit<ChartInput, 'width'> = {
    keys: years,
    targets: points.flatMap((p) =>
      p.target ? [targetShape(String(p.year), p.target, p.verdict)] : [],
    ),
    results: points.flatMap((p) => {
      const dot = p.result ? resultDot(String(p.year), p.result, p.verdict) : null;
      return dot ? [dot] : [];
    }),
    unit: unitOf(points.flatMap((p) => [p.target, p.result])),
    nationals: against.flatMap((a) =>
      a.national
        ? [
            {
              ...targetShape(String(a.year), a.national, null),
              label: `national target ${a.year}: ${figureWords(a.national)}`,
            },
          ]
        : [],
    ),
  };
  const caption = el(
    'p',
    { className: 'metric-caption' },
    `${info.name} · ${placeName(place)} · ${first}–${last}: `,
    `${count(input.targets.length, 'target')}, ${count(input.results.length, 'result')}`,
  );
  const chartBox = el('div', { className: 'metric-chart', data: { chart: 'series' } });
  const comparing = place.id !== NATIONAL;
  body.replaceChildren(
    caption,
    chartBox,
    legend(comparing),
    seriesTable(points, comparing ? new Map(against.map((a) => [a.year, a])) : null),
  );
  drawn = { kind: 'series', input };
  await redraw(current);
}

/** `against`: the country's target by year, for a province or city; null for the country. */
function seriesTable(
  points: SeriesPoint[],
  against: Map<number, AgainstNational> | null,
): HTMLElement {
  const rows = points.map((p) => {
    const year = String(p.year);
    const t = p.target;
    const r = p.result;
    const figs = (...fs: [string, Fig | null][]) =>
      fs.filter((x): x is [string, Fig] => x[1] !== null).map(([role, fig]) => ({ role, fig }));
    return el(
      'tr',
      { data: { year, jurisdiction: p.jurisdiction.id } },
      cell('year', year, `${year} · ${p.jurisdiction.name}`, figs(['Target', t], ['Result', r])),
      cell('target', t ? figureAmount(t) : '—', `Target ${year}`, figs(['Target', t])),
      cell('qualifier', t ? qualifierCell(t) : '—', `Target ${year}`, figs(['Target', t])),
      against
        ? nationalCell(p.year, t, against.get(p.year), `${p.jurisdiction.name} against the country`)
        : null,
      cell('result', r ? amountWords(r) : '—', `Result ${year}`, figs(['Result', r])),
      cell(
        'verdict',
        p.verdict
          ? verdictBadge(p.verdict)
          : el('span', { className: 'hint' }, t && !r ? 'awaiting result' : '—'),
        `Verdict ${year}`,
        figs(['Target', t], ['Result', r]),
        p.verdict,
      ),
    );
  });
  const headings = ['Year', 'Target', 'Qualifier', 'Result', 'Verdict'];
  if (against) headings.splice(3, 0, 'Against national');
  return table(headings, rows, 'metric-table');
}

/** The country's target beside a jurisdiction's, and how they compare; opens both sentences. */
function nationalCell(
  year: number,
  target: Fig | null,
  a: AgainstNational | undefined,
  heading: string,
): HTMLTableCellElement {
  if (!target || !a?.national) return cell('national', '—', heading, []);
  const words = relationWords(a, target);
  return cell('national', `${figureWords(a.national)} · ${words}`, `${heading}, ${year}`, [
    { role: 'Target', fig: target },
    { role: 'National target', fig: a.national },
  ]);
}

function figureAmount(f: Fig): string {
  if (f.status === 'DEFERRED') return '未设定 / deferred';
  if (f.status === 'QUALITATIVE') return '定性 / qualitative';
  return amountWords(f);
}

function qualifierCell(f: Fig): string {
  return f.status === 'SET' ? qualifierWords(f.qualifier) : '—';
}

function verdictBadge(v: Verdict): HTMLElement {
  return el('span', { className: `verdict verdict-${v.value}`, title: v.explanation }, v.value);
}

/** A table cell that opens the sentences its figures come from (none: plain text). */
function cell(
  column: string,
  content: string | Node,
  heading: string,
  figs: { role: string; fig: Fig }[],
  verdict: Verdict | null = null,
): HTMLTableCellElement {
  if (figs.length === 0) return el('td', { data: { column } }, content);
  const button = el('button', { className: 'cell-source', attrs: { type: 'button' } }, content);
  button.addEventListener('click', () => showSource(heading, figs, verdict));
  return el('td', { data: { column } }, button);
}

function table(headings: string[], rows: HTMLElement[], id: string): HTMLElement {
  return el(
    'div',
    { className: 'metric-table-wrap' },
    el(
      'table',
      { className: 'metric-table', attrs: { id } },
      el(
        'thead',
        {},
        el('tr', {}, ...headings.map((h) => el('th', { attrs: { scope: 'col' } }, h))),
      ),
      el('tbody', {}, ...rows),
    ),
  );
}

function legend(comparing: boolean, note: string | null = null): HTMLElement {
  const swatch = (className: string) => el('span', { className: `legend-mark ${className}` });
  return el(
    'p',
    { className: 'metric-legend' },
    el('span', {}, swatch('band'), '约 about ± tolerance, 区间 range'),
    el('span', {}, swatch('floor'), '以上 at least (floor)'),
    el('span', {}, swatch('ceiling'), '以下 at most (ceiling)'),
    el('span', {}, swatch('tick'), 'exact'),
    el('span', {}, swatch('dot met'), 'result met'),
    el('span', {}, swatch('dot missed'), 'missed'),
    el('span', {}, swatch('dot nc'), 'not comparable'),
    el('span', {}, swatch('dot none'), 'no verdict'),
    el('span', {}, '未设定 deferred, 定性 qualitative'),
    comparing ? el('span', {}, swatch('national'), 'national target') : null,
    note ? el('span', { className: 'hint' }, note) : null,
  );
}

// ---- across jurisdictions ----

async function drawComparison(
  info: MetricInfo,
  series: SeriesPoint[],
  cmp: Comparison | null,
  current: () => boolean,
): Promise<void> {
  if (!cmp || state.year === null || cmp.targets.length === 0) {
    drawn = null;
    body.replaceChildren(
      el(
        'p',
        { className: 'hint' },
        `${info.name}: no jurisdiction states a target for ${state.year ?? 'any year'}.`,
      ),
    );
    return;
  }
  const year = state.year;
  const against = new Map<string, AgainstNational>(cmp.against.map((a) => [a.jurisdiction.id, a]));
  const national =
    cmp.against.find((a) => a.national)?.national ??
    cmp.targets.find((t) => t.jurisdiction.id === NATIONAL) ??
    null;
  const outcome = new Map(
    series.filter((p) => p.year === year).map((p) => [p.jurisdiction.id, p] as const),
  );
  // The country first, then by name.
  const targets = [...cmp.targets].sort(
    (a, b) =>
      Number(b.jurisdiction.id === NATIONAL) - Number(a.jurisdiction.id === NATIONAL) ||
      a.jurisdiction.name.localeCompare(b.jurisdiction.name, 'zh'),
  );
  const keyOf = (f: Fig) => f.jurisdiction.name;
  const input: Omit<ChartInput, 'width'> = {
    keys: targets.map(keyOf),
    targets: targets.map((t) =>
      targetShape(keyOf(t), t, outcome.get(t.jurisdiction.id)?.verdict ?? null),
    ),
    results: targets.flatMap((t) => {
      const p = outcome.get(t.jurisdiction.id);
      const dot = p?.result ? resultDot(keyOf(t), p.result, p.verdict) : null;
      return dot ? [dot] : [];
    }),
    national: national
      ? { ...targetShape('national', national, null), label: 'national reference' }
      : null,
    unit: unitOf(targets),
  };
  const caption = el(
    'p',
    { className: 'metric-caption' },
    `${info.name} · ${year} · ${targets.length} jurisdictions`,
    national ? ` · national target ${figureWords(national)}` : '',
  );
  const chartBox = el('div', { className: 'metric-chart', data: { chart: 'comparison' } });
  const note = national ? null : `No national target for ${year} among the loaded reports.`;
  body.replaceChildren(
    caption,
    chartBox,
    legend(true, note),
    comparisonTable(targets, against, outcome, national),
  );
  drawn = { kind: 'comparison', input };
  await redraw(current);
}

function relationWords(a: AgainstNational | undefined, f: Fig): string {
  if (f.jurisdiction.id === NATIONAL) return 'national reference';
  if (!a || a.relation === 'NOT_COMPARABLE') return '—';
  const diff =
    a.difference === null ? '' : ` (${a.difference > 0 ? '+' : ''}${formatNumber(a.difference)})`;
  const words = { ABOVE: 'above 高于', BELOW: 'below 低于', LEVEL: 'level 持平' } as const;
  return `${words[a.relation]}${diff}`;
}

function comparisonTable(
  targets: Fig[],
  against: Map<string, AgainstNational>,
  outcome: Map<string, SeriesPoint>,
  national: Fig | null,
): HTMLElement {
  const rows = targets.map((t) => {
    const place = t.jurisdiction;
    const p = outcome.get(place.id);
    const name = el(
      'button',
      { className: 'cell-place', attrs: { type: 'button' } },
      placeName(place),
    );
    name.title = `${place.name} over the years`;
    onActivate(name, () =>
      step(() => {
        state.mode = 'metric';
        state.jurisdiction = place.id;
      }),
    );
    const rel = relationWords(against.get(place.id), t);
    const both =
      national && place.id !== NATIONAL
        ? [
            { role: 'Target', fig: t },
            { role: 'National target', fig: national },
          ]
        : [{ role: 'Target', fig: t }];
    return el(
      'tr',
      { data: { jurisdiction: place.id }, className: place.id === NATIONAL ? 'national' : '' },
      el('td', { data: { column: 'jurisdiction' } }, name),
      cell('target', figureAmount(t), `Target · ${place.name}`, [{ role: 'Target', fig: t }]),
      cell('qualifier', qualifierCell(t), `Target · ${place.name}`, [{ role: 'Target', fig: t }]),
      cell('national', rel, `${place.name} against the country`, both),
      cell(
        'result',
        p?.result ? amountWords(p.result) : '—',
        `Result · ${place.name}`,
        p?.result ? [{ role: 'Result', fig: p.result }] : [],
      ),
      cell(
        'verdict',
        p?.verdict ? verdictBadge(p.verdict) : '—',
        `Verdict · ${place.name}`,
        p?.verdict && p.result
          ? [
              { role: 'Target', fig: t },
              { role: 'Result', fig: p.result },
            ]
          : [],
        p?.verdict ?? null,
      ),
    );
  });
  return table(
    ['Jurisdiction', 'Target', 'Qualifier', 'Against national', 'Result', 'Verdict'],
    rows,
    'comparison-table',
  );
}

// ---- the chart ----

async function redraw(current: () => boolean = () => state.open): Promise<void> {
  const box = body.querySelector<HTMLElement>('.metric-chart');
  if (!drawn || !box) return;
  const { kind, input } = drawn;
  const charts = await chartModule('');
  if (!current() || !box.isConnected) return;
  const width = Math.max(260, Math.floor(box.clientWidth));
  if (box.dataset.width === String(width) && box.firstChild) return;
  box.dataset.width = String(width);
  const chart =
    kind === 'series'
      ? charts.seriesChart({ ...input, width })
      : charts.comparisonChart({ ...input, width });
  box.replaceChildren(chart);
}

// ---- the sentence behind a cell ----

function showSource(
  heading: string,
  figs: { role: string; fig: Fig }[],
  verdict: Verdict | null,
): void {
  const parts: Node[] = [el('h3', {}, heading)];
  if (verdict) {
    parts.push(
      el(
        'p',
        { className: 'verdict-line' },
        verdictBadge(verdict),
        ` ${verdict.explanation}`,
        el('span', { className: 'meta' }, `rule ${verdict.rule}`),
      ),
    );
  }
  for (const { role, fig } of figs) parts.push(citation(role, fig));
  source.replaceChildren(...parts);
  source.scrollIntoView({ block: 'nearest' });
}

function citation(role: string, f: Fig): HTMLElement {
  const c = f.commitment;
  const reveal = el(
    'button',
    { className: 'linklike', attrs: { type: 'button' } },
    'Show in graph',
  );
  reveal.addEventListener('click', () => {
    closeMetric({ step: true });
    hooks.reveal(c.id);
  });
  return el(
    'div',
    { className: 'citation', data: { figure: f.id } },
    el('h4', {}, `${role} ${f.year} · ${f.jurisdiction.name}: ${figureWords(f)}`),
    el(
      'blockquote',
      {
        className: 'metric-sentence',
        data: { report: f.report.id, start: String(c.span.start), end: String(c.span.end) },
        attrs: { lang: 'zh' },
      },
      marked(c.text, f.span.start, f.span.end, 'highlight', c.span.start),
    ),
    el(
      'p',
      { className: 'cite' },
      el('span', { className: 'cite-report' }, f.report.title),
      c.section ? ` · ${c.section.path} ${c.section.title}` : '',
      ` · characters ${c.span.start}–${c.span.end} of ${f.report.id} `,
      reveal,
    ),
  );
}

// ---- the tidy table as CSV ----

async function downloadCsv(): Promise<void> {
  const jurisdiction = state.mode === 'metric' ? state.jurisdiction : null;
  download.disabled = true;
  downloadStatus.replaceChildren('Preparing the CSV…');
  try {
    const info = await infoOf(state.metric);
    if (!info) throw new Error(`NOT_FOUND: no metric is named “${state.metric}”`);
    const { csv, totalCount } = await targetTableCsv(info.id, jurisdiction);
    const place = jurisdiction
      ? jurisdictionSelect.selectedOptions[0]?.value.replace(/^place:/, '')
      : null;
    const name = `targets-${info.key.replace(/[^\p{L}\p{N}_-]+/gu, '_')}${place ? `-${place}` : ''}.csv`;
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = el('a', { attrs: { href: url, download: name } });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    downloadStatus.replaceChildren(`${totalCount} rows (every measure) · ${name}`);
  } catch (error) {
    const retry = el('button', { className: 'retry', attrs: { type: 'button' } }, 'Retry');
    retry.addEventListener('click', () => void downloadCsv());
    downloadStatus.replaceChildren(
      el('span', { className: 'error' }, `Download failed: ${errorMessage(error)} `),
      retry,
    );
  } finally {
    download.disabled = false;
  }
}
