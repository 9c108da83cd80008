/**
 * Extraction against hand-made gold annotations (tests/gold/*.json, annotated from the
 * report text without the extractor): figures of the main-targets paragraph and of the
 * review's opening results for all three reports, and every Liaoning sentence that
 * involves Dalian. Prints precision and recall; main targets must be exact.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractReport } from '../../src/extract';
import { lexicon } from '../support/lexicon';
import type { FigureNode, ReportGraph } from '../../src/model';
import { SEED_IDS, seedInput } from '../support/seeds';

interface GoldFigure {
  text: string;
  metric: string | null;
  metricText: string;
  measure: string;
  value: number | null;
  unit: string | null;
  qualifier: string;
  direction: string | null;
  status: string;
  year: number;
}
interface GoldScope {
  name: string;
  kind: 'Target' | 'Result';
  paragraphStart?: string;
  paragraphStarts?: string[];
  figures: GoldFigure[];
}
interface Gold {
  report: string;
  figureScopes: GoldScope[];
  involvesDalian?: { sentence: string; how: string; place: string }[];
}

const gold = (id: string): Gold =>
  JSON.parse(readFileSync(path.join(__dirname, '..', 'gold', `${id}.json`), 'utf8')) as Gold;

const rows: string[] = [];
afterAll(() => {
  console.log(`gold: precision and recall\n${rows.join('\n')}`);
});

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);
function record(
  what: string,
  tp: number,
  extracted: number,
  expected: number,
): { precision: number; recall: number } {
  rows.push(
    `  ${what.padEnd(48)} precision ${pct(tp, extracted).padStart(6)} (${tp}/${extracted})  recall ${pct(tp, expected).padStart(6)} (${tp}/${expected})`,
  );
  return { precision: extracted ? tp / extracted : 1, recall: expected ? tp / expected : 1 };
}

/** Figures extracted inside the paragraphs a gold scope covers. */
function scopeFigures(g: ReportGraph, text: string, scope: GoldScope): FigureNode[] {
  const starts = scope.paragraphStarts ?? [scope.paragraphStart!];
  const paragraphs = starts.map((s) => {
    const at = text.indexOf(s);
    expect(at).toBeGreaterThanOrEqual(0);
    const c = g.commitments.find((c) => c.paragraph.start <= at && at < c.paragraph.end);
    expect(c).toBeDefined();
    return c!.paragraph;
  });
  return g.figures.filter((f) =>
    paragraphs.some((p) => p.start <= f.span.start && f.span.end <= p.end),
  );
}

type Key = (f: {
  value: number | null;
  unit: string | null;
  qualifier: string;
  status: string;
}) => string;
const exactKey: Key = (f) => `${f.status} ${f.value} ${f.unit} ${f.qualifier}`;

/** Pairs gold and extracted figures on a key; the count of pairs. */
function matches<T>(goldItems: T[], extracted: T[], same: (g: T, e: T) => boolean): number {
  const used = new Set<number>();
  let tp = 0;
  for (const gItem of goldItems) {
    const k = extracted.findIndex((e, i) => !used.has(i) && same(gItem, e));
    if (k >= 0) {
      used.add(k);
      tp++;
    }
  }
  return tp;
}

const metricKeyOf = (g: ReportGraph, f: FigureNode) =>
  g.entities.find((e) => e.id === f.metricId)?.key ?? null;

describe.each(SEED_IDS)('gold figures: %s', (id) => {
  test.each(gold(id).figureScopes.map((s) => [s.name, s] as const))('%s', async (_name, scope) => {
    const input = await seedInput(id);
    const g = extractReport(input, lexicon);
    const found = scopeFigures(g, input.text, scope);
    expect(found.every((f) => f.kind === scope.kind)).toBe(true);

    // Strict: value, unit, qualifier, status, measure, year, direction (of figures with a
    // number; gold leaves it null for qualitative ones) and, where gold names one, metric.
    const strict = matches(
      scope.figures,
      found.map((f) => ({ ...f, metric: metricKeyOf(g, f) })),
      (a, b) =>
        exactKey(a) === exactKey(b) &&
        a.measure === b.measure &&
        (a.status !== 'SET' || a.direction === b.direction) &&
        a.year === b.year &&
        (a.metric === null || a.metric === b.metric),
    );
    const scores = record(
      `${id} ${scope.name} (all fields)`,
      strict,
      found.length,
      scope.figures.length,
    );

    if (scope.name === 'main targets') {
      // Main targets are exact on value, unit and qualifier, both ways.
      const goldSet = scope.figures.map(exactKey).sort();
      expect(found.map(exactKey).sort()).toEqual(goldSet);
      expect(scores.recall).toBe(1);
    } else {
      expect(scores.recall).toBeGreaterThanOrEqual(0.6);
      expect(scores.precision).toBeGreaterThanOrEqual(0.6);
    }
  });
});

test('gold: every Liaoning sentence that involves Dalian', async () => {
  const input = await seedInput('liaoning-2022');
  const g = extractReport(input, lexicon);
  const expected = gold('liaoning-2022').involvesDalian!.map((d) => d.sentence);
  // Dalian and everything PART_OF it, as the involves filter reads it.
  const inDalian = new Set(['place:大连']);
  for (let grew = true; grew;) {
    grew = false;
    for (const e of g.edges) {
      if (e.type === 'PART_OF' && inDalian.has(e.target) && !inDalian.has(e.source)) {
        inDalian.add(e.source);
        grew = true;
      }
    }
  }
  const ids = new Set(
    g.edges.filter((e) => e.type === 'INVOLVES' && inDalian.has(e.target)).map((e) => e.source),
  );
  const found = g.commitments.filter((c) => ids.has(c.id)).map((c) => c.text);
  const tp = found.filter((t) => expected.includes(t)).length;
  const { precision, recall } = record(
    'liaoning-2022 sentences involving Dalian',
    tp,
    found.length,
    expected.length,
  );
  expect(precision).toBeGreaterThanOrEqual(0.9);
  expect(recall).toBeGreaterThanOrEqual(0.8);
});
