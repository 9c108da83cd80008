/**
 * Was a target met? A result judged against the target it is the OUTCOME_OF, by the
 * target's qualifier and the side of the metric that is better (graph/verdicts.json).
 * Pure: the verdict follows from the two figures and the rules, so it is worked out when
 * asked, not stored, and a changed tolerance needs no reload.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { defaultDir } from '../extract/lexicon';
import type { FigureNode } from '../model';

export type VerdictValue = 'MET' | 'MISSED' | 'NOT_COMPARABLE';

export interface Verdict {
  value: VerdictValue;
  /** The rule that judged it: at-least, about-floor, range-ceiling, units-differ, … */
  rule: string;
  /** How far an ABOUT target may be missed and still be met; null for other qualifiers. */
  tolerance: number | null;
  /** The comparison in words, for a citation. */
  explanation: string;
}

export interface VerdictRules {
  aboutTolerance: { percentagePoints: number; relative: number };
  percentUnits: string[];
  /** What a unit's leading multiplier multiplies by (万: 10000), from figures.json. */
  unitMultipliers: Record<string, number>;
  better: { higher: string[]; lower: string[]; neither: string[] };
}

let standard: VerdictRules | null = null;

/**
 * The project's rules (graph/verdicts.json), with the unit multipliers of figures.json (the
 * one table of them the extraction reads too), read once.
 */
export function verdictRules(): VerdictRules {
  const read = (file: string): unknown =>
    JSON.parse(readFileSync(path.join(defaultDir(), file), 'utf8'));
  return (standard ??= {
    ...(read('verdicts.json') as Omit<VerdictRules, 'unitMultipliers'>),
    unitMultipliers: (read('figures.json') as { unitMultipliers: Record<string, number> })
      .unitMultipliers,
  });
}

type Scaled = Pick<FigureNode, 'value' | 'low' | 'high' | 'unit'>;

/**
 * `f` in `unit`: the same base unit under another multiplier (1.3万亿元 is 13000亿元), or
 * `f` itself when the units are the same; null when the base units differ (亿元, 万人).
 */
export function inUnit<F extends Scaled>(
  f: F,
  unit: string | null,
  rules: VerdictRules = verdictRules(),
): F | null {
  if ((f.unit ?? '') === (unit ?? '')) return f;
  const multipliers = Object.keys(rules.unitMultipliers).sort((a, b) => b.length - a.length);
  const split = (u: string): [number, string] => {
    const m = multipliers.find((x) => u.startsWith(x) && u.length > x.length);
    return m ? [rules.unitMultipliers[m]!, u.slice(m.length)] : [1, u];
  };
  const [from, fromBase] = split(f.unit ?? '');
  const [to, toBase] = split(unit ?? '');
  if (fromBase !== toBase) return null;
  const x = (n: number | null) => (n === null ? null : Math.round(((n * from) / to) * 1e6) / 1e6);
  return { ...f, value: x(f.value), low: x(f.low), high: x(f.high), unit };
}

type Judged = Pick<
  FigureNode,
  'status' | 'value' | 'low' | 'high' | 'unit' | 'qualifier' | 'direction' | 'measure'
>;

/** Which side of the target's stated number is the good one. */
type Sense = 'floor' | 'ceiling' | 'two-sided';

const EPSILON = 1e-9;
const show = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * The verdict on `result` for `target`; `metricKey` is the curated key (gdp, cpi), or null
 * for a metric read from the text.
 */
export function judge(
  target: Judged,
  result: Judged,
  metricKey: string | null,
  rules: VerdictRules = verdictRules(),
): Verdict {
  const notComparable = (rule: string, explanation: string): Verdict => ({
    value: 'NOT_COMPARABLE',
    rule,
    tolerance: null,
    explanation,
  });
  if (target.status !== 'SET' || target.value === null)
    return notComparable('no-target-number', `the target sets no number (${target.status})`);
  if (result.status !== 'SET' || result.value === null)
    return notComparable('no-result-number', 'the result states no number');
  if (target.measure !== result.measure)
    return notComparable('measures-differ', `${target.measure} against ${result.measure}`);
  // The result in the target's unit: 1.3万亿元 against 8000多亿元 is 13000亿元.
  const scaled = inUnit(result, target.unit, rules);
  if (!scaled || scaled.value === null)
    return notComparable(
      'units-differ',
      `${target.unit ?? 'no unit'} against ${result.unit ?? 'no unit'}`,
    );
  if (result.qualifier === 'RANGE')
    return notComparable('result-range', 'the result is itself a range');

  const stated = target.direction ?? 'UP';
  // The result in the target's direction: 下降2.5% is 2.5 of a 降低3% target, 增长1% is -1.
  const r = (result.direction ?? 'UP') === stated ? scaled.value : -scaled.value;
  const read =
    scaled === result
      ? ''
      : ` (${show(result.value)}${result.unit ?? ''} read as ${show(scaled.value)}${scaled.unit ?? ''})`;
  const v = target.value;
  // Unlisted metrics and those read from the text are quotas: more of what is stated meets them.
  const listed = (list: string[]) => metricKey !== null && list.includes(metricKey);
  const better = listed(rules.better.neither)
    ? null
    : listed(rules.better.lower)
      ? 'lower'
      : listed(rules.better.higher) || stated === 'UP'
        ? 'higher'
        : 'lower';
  const sense: Sense =
    better === null
      ? 'two-sided'
      : (better === 'higher') === (stated === 'UP')
        ? 'floor'
        : 'ceiling';
  const verdict = (
    met: boolean,
    rule: string,
    against: string,
    tolerance: number | null = null,
  ) => ({
    value: met ? ('MET' as const) : ('MISSED' as const),
    rule,
    tolerance,
    explanation: `${show(r)} against ${against}: ${met ? 'met' : 'missed'}` + read,
  });

  switch (target.qualifier) {
    case 'AT_LEAST':
      return verdict(r >= v - EPSILON, 'at-least', `at least ${show(v)}`);
    case 'MORE_THAN':
      return verdict(r > v + EPSILON, 'more-than', `more than ${show(v)}`);
    case 'AT_MOST':
      return verdict(r <= v + EPSILON, 'at-most', `at most ${show(v)}`);
    case 'RANGE': {
      const low = target.low ?? v;
      const high = target.high ?? v;
      const inside = r >= low - EPSILON && r <= high + EPSILON;
      // Beyond the range on the better side is met too: growth above 6.5% meets 6–6.5%.
      const beyond = (sense === 'floor' && r > high) || (sense === 'ceiling' && r < low);
      return verdict(inside || beyond, `range-${sense}`, `${show(low)}–${show(high)}`);
    }
    case 'ABOUT':
    case 'NEARLY': {
      const percent = rules.percentUnits.includes(target.unit ?? '');
      const tolerance = percent
        ? rules.aboutTolerance.percentagePoints
        : Math.abs(v) * rules.aboutTolerance.relative;
      const met =
        sense === 'floor'
          ? r >= v - tolerance - EPSILON
          : sense === 'ceiling'
            ? r <= v + tolerance + EPSILON
            : Math.abs(r - v) <= tolerance + EPSILON;
      return verdict(
        met,
        `about-${sense}`,
        `about ${show(v)} (±${show(tolerance)}, ${sense})`,
        tolerance,
      );
    }
    case 'EXACT': {
      const met =
        sense === 'floor'
          ? r >= v - EPSILON
          : sense === 'ceiling'
            ? r <= v + EPSILON
            : Math.abs(r - v) <= EPSILON;
      return verdict(met, `exact-${sense}`, `${show(v)} (${sense})`);
    }
  }
}

export type Relation = 'ABOVE' | 'BELOW' | 'LEVEL' | 'NOT_COMPARABLE';

type Compared = Pick<FigureNode, 'status' | 'value' | 'low' | 'high' | 'unit' | 'direction'>;

/**
 * A target against another (a province's against the country's): ABOVE or BELOW when the
 * ranges they allow do not meet (5.5%左右 against 5%左右; a RANGE is its low to its high),
 * LEVEL when they do; `difference` between their middles, in the target's unit (a reference
 * in another multiple of it, 亿元 against 万亿元, is read in it).
 */
export function relativeTo(
  target: Compared,
  written: Compared,
  rules: VerdictRules = verdictRules(),
): { relation: Relation; difference: number | null } {
  // The reference in the target's unit (48000亿元 against 5万亿元), if it can be.
  const reference = inUnit(written, target.unit, rules);
  const span = (f: Compared): [number, number] | null => {
    if (f.status !== 'SET' || f.value === null) return null;
    const sign = f.direction === 'DOWN' ? -1 : 1; // 降低3% is -3
    const [a, b] = [(f.low ?? f.value) * sign, (f.high ?? f.value) * sign];
    return a <= b ? [a, b] : [b, a];
  };
  const t = span(target);
  const r = reference && span(reference);
  if (!t || !r) return { relation: 'NOT_COMPARABLE', difference: null };
  const difference = Math.round(((t[0] + t[1]) / 2 - (r[0] + r[1]) / 2) * 1e6) / 1e6;
  const relation = t[0] > r[1] + EPSILON ? 'ABOVE' : t[1] < r[0] - EPSILON ? 'BELOW' : 'LEVEL';
  return { relation, difference };
}
