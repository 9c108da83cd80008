// The metric view's charts, drawn with Observable Plot (SVG). This module is loaded with a
// dynamic import() (metric.ts), so Plot and the parts of d3 it uses stay out of the main bundle
// for users who never open a chart.
import * as Plot from '@observablehq/plot';

/** How a target is drawn, by its qualifier (metric.ts decides, from the figure). */
export type ShapeKind = 'band' | 'floor' | 'ceiling' | 'tick' | 'deferred' | 'qualitative';

export interface TargetShape {
  /** The category it stands at: a year, or a jurisdiction's name. */
  key: string;
  kind: ShapeKind;
  /** The stated number, signed (a stated reduction is negative); null without one. */
  value: number | null;
  /** A band's ends (ABOUT ± tolerance, RANGE low–high); null otherwise. */
  lo: number | null;
  hi: number | null;
  /** For screen readers, tests and the tooltip: "target 2021: 6% 以上 / at least". */
  label: string;
}

export interface ResultDot {
  key: string;
  value: number;
  verdict: 'MET' | 'MISSED' | 'NOT_COMPARABLE' | null;
  /** The number shown beside the dot. */
  text: string;
  label: string;
}

export interface ChartInput {
  /** Every category, in order (years, or jurisdictions). */
  keys: string[];
  targets: TargetShape[];
  results: ResultDot[];
  /** The country's target, drawn as a reference line across every jurisdiction. */
  national?: TargetShape | null;
  /** Over years for a province or city: the country's target of each year, to set it against. */
  nationals?: TargetShape[];
  unit: string;
  width: number;
}

export const VERDICT_COLORS = {
  MET: '#1a7f37',
  MISSED: '#cf222e',
  NOT_COMPARABLE: '#8c959f',
  none: '#24292f',
} as const;

const TARGET = '#1f6feb';
const NATIONAL = '#bf5700';

const dotColor = (d: ResultDot) => VERDICT_COLORS[d.verdict ?? 'none'];
const label = (d: { label: string }) => d.label;
const has = (kind: ShapeKind) => (s: TargetShape) => s.kind === kind;

/** Every number drawn, so that the scale shows all of them with a little room. */
function domain(input: ChartInput): [number, number] | undefined {
  const values: number[] = [];
  const shapes = [...input.targets, ...(input.nationals ?? [])];
  if (input.national) shapes.push(input.national);
  for (const s of shapes) for (const v of [s.value, s.lo, s.hi]) if (v !== null) values.push(v);
  for (const r of input.results) values.push(r.value);
  if (values.length === 0) return undefined;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.12 || Math.abs(hi) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

/** Markers of targets without a number: written at the foot of their category. */
function unnumbered(input: ChartInput): TargetShape[] {
  return input.targets.filter((s) => s.kind === 'deferred' || s.kind === 'qualitative');
}

/** Years along x, values up y: one column per year. */
export function seriesChart(input: ChartInput): SVGSVGElement | HTMLElement {
  const narrow = input.width < 520;
  const t = input.targets;
  return Plot.plot({
    width: input.width,
    height: narrow ? 280 : 340,
    marginLeft: 44,
    marginBottom: 34,
    x: {
      type: 'band',
      domain: input.keys,
      padding: 0.25,
      label: null,
      // A phone has about 30 px a year: '14 rather than 2014.
      tickFormat: (k: string) => (narrow && /^\d{4}$/.test(k) ? `’${k.slice(2)}` : k),
    },
    y: { domain: domain(input), grid: true, label: input.unit || null, nice: true },
    marks: [
      // The country's target of the same year, behind the jurisdiction's: an outline.
      Plot.barY((input.nationals ?? []).filter(has('band')), {
        x: 'key',
        y1: 'lo',
        y2: 'hi',
        fill: 'none',
        stroke: NATIONAL,
        strokeDasharray: '3,2',
        inset: -3,
        ariaLabel: label,
        title: label,
      }),
      Plot.tickY(
        (input.nationals ?? []).filter((s) => s.kind !== 'band' && s.value !== null),
        {
          x: 'key',
          y: 'value',
          stroke: NATIONAL,
          strokeWidth: 2,
          strokeDasharray: '3,2',
          inset: -3,
          ariaLabel: label,
          title: label,
        },
      ),
      Plot.barY(t.filter(has('band')), {
        x: 'key',
        y1: 'lo',
        y2: 'hi',
        fill: TARGET,
        fillOpacity: 0.2,
        stroke: TARGET,
        strokeOpacity: 0.5,
        ariaLabel: label,
        title: label,
      }),
      // The stated number of a band (约 7.5%) dashed inside it; a bound or an exact figure solid.
      Plot.tickY(
        t.filter((s) => s.kind === 'band' && s.value !== null),
        {
          x: 'key',
          y: 'value',
          stroke: TARGET,
          strokeWidth: 1.5,
          strokeDasharray: '4,3',
          ariaHidden: 'true',
        },
      ),
      Plot.tickY(
        t.filter((s) => s.kind !== 'band' && s.value !== null),
        {
          x: 'key',
          y: 'value',
          stroke: TARGET,
          strokeWidth: 3,
          ariaLabel: label,
          title: label,
        },
      ),
      Plot.dot(t.filter(has('floor')), {
        x: 'key',
        y: 'value',
        symbol: 'triangle',
        r: 4,
        dy: -7,
        fill: TARGET,
        ariaHidden: 'true',
      }),
      Plot.dot(t.filter(has('ceiling')), {
        x: 'key',
        y: 'value',
        symbol: 'triangle',
        rotate: 180,
        r: 4,
        dy: 7,
        fill: TARGET,
        ariaHidden: 'true',
      }),
      Plot.text(unnumbered(input), {
        x: 'key',
        frameAnchor: 'bottom',
        dy: -6,
        text: (s: TargetShape) => (s.kind === 'deferred' ? '未设定' : '定性'),
        rotate: narrow ? -90 : 0,
        textAnchor: narrow ? 'start' : 'middle',
        fill: TARGET,
        fontStyle: 'italic',
        ariaLabel: label,
        title: label,
      }),
      Plot.dot(input.results, {
        x: 'key',
        y: 'value',
        r: 5,
        fill: dotColor,
        stroke: '#fff',
        ariaLabel: label,
        title: label,
      }),
      Plot.text(input.results, {
        x: 'key',
        y: 'value',
        text: 'text',
        dx: 10,
        textAnchor: 'start',
        fontSize: narrow ? 9 : 11,
        fill: dotColor,
        ariaHidden: 'true',
      }),
    ],
  });
}

/** Jurisdictions down y, values along x; the country's target as a reference line. */
export function comparisonChart(input: ChartInput): SVGSVGElement | HTMLElement {
  const t = input.targets;
  const n = input.national ?? null;
  const longest = Math.max(2, ...input.keys.map((k) => k.length));
  return Plot.plot({
    width: input.width,
    height: 50 + 26 * input.keys.length,
    marginLeft: Math.min(120, 16 + 13 * longest),
    marginTop: 34,
    marginRight: 24,
    y: { type: 'band', domain: input.keys, padding: 0.25, label: null },
    x: { domain: domain(input), grid: true, label: input.unit || null, nice: true },
    marks: [
      n && n.lo !== null && n.hi !== null
        ? Plot.rectX([n], {
            x1: 'lo',
            x2: 'hi',
            fill: NATIONAL,
            fillOpacity: 0.1,
            ariaHidden: 'true',
          })
        : null,
      n && n.value !== null
        ? Plot.ruleX([n], {
            x: 'value',
            stroke: NATIONAL,
            strokeWidth: 2,
            strokeDasharray: '6,4',
            ariaLabel: () => 'national reference',
            title: label,
          })
        : null,
      n && n.value !== null
        ? Plot.text([n], {
            x: 'value',
            frameAnchor: 'top',
            dy: -22,
            text: () => 'national · 全国',
            fill: NATIONAL,
            fontWeight: 'bold',
            ariaHidden: 'true',
          })
        : null,
      Plot.barX(t.filter(has('band')), {
        y: 'key',
        x1: 'lo',
        x2: 'hi',
        fill: TARGET,
        fillOpacity: 0.2,
        stroke: TARGET,
        strokeOpacity: 0.5,
        ariaLabel: label,
        title: label,
      }),
      // The stated number of a band (约 7.5%) dashed inside it; a bound or an exact figure solid.
      Plot.tickX(
        t.filter((s) => s.kind === 'band' && s.value !== null),
        {
          y: 'key',
          x: 'value',
          stroke: TARGET,
          strokeWidth: 1.5,
          strokeDasharray: '4,3',
          ariaHidden: 'true',
        },
      ),
      Plot.tickX(
        t.filter((s) => s.kind !== 'band' && s.value !== null),
        {
          y: 'key',
          x: 'value',
          stroke: TARGET,
          strokeWidth: 3,
          ariaLabel: label,
          title: label,
        },
      ),
      Plot.dot(t.filter(has('floor')), {
        y: 'key',
        x: 'value',
        symbol: 'triangle',
        rotate: 90,
        r: 4,
        dx: 7,
        fill: TARGET,
        ariaHidden: 'true',
      }),
      Plot.dot(t.filter(has('ceiling')), {
        y: 'key',
        x: 'value',
        symbol: 'triangle',
        rotate: -90,
        r: 4,
        dx: -7,
        fill: TARGET,
        ariaHidden: 'true',
      }),
      Plot.text(unnumbered(input), {
        y: 'key',
        frameAnchor: 'left',
        dx: 6,
        textAnchor: 'start',
        text: (s: TargetShape) => (s.kind === 'deferred' ? '未设定 deferred' : '定性 qualitative'),
        fill: TARGET,
        fontStyle: 'italic',
        ariaLabel: label,
        title: label,
      }),
      Plot.dot(input.results, {
        y: 'key',
        x: 'value',
        r: 5,
        fill: dotColor,
        stroke: '#fff',
        ariaLabel: label,
        title: label,
      }),
    ],
  });
}
