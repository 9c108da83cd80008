/**
 * Extraction against hand-made gold annotations (tests/gold/<report>.json, annotated from
 * the report text without the extractor), for every report with a gold file: the phase of
 * each part, the figures of the main-targets paragraph, of the plan's tasks and of the
 * review's opening results, every (sentence, place) a report involves, and every Liaoning
 * sentence that involves Dalian. Prints precision and recall; main targets must be exact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { extractReport } from '../../src/extract';
import { lexicon } from '../support/lexicon';
import type { FigureNode, ReportGraph, ReportInput } from '../../src/model';
import { readReport } from '../../src/read';

/** The three reports the extractor was first built on: held to exact main targets. */
const SEED_IDS = ['china-2021', 'china-2022', 'liaoning-2022'];

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
  low?: number | null;
  high?: number | null;
  startYear?: number | null;
}
interface GoldScope {
  name: string;
  kind: 'Target' | 'Result';
  paragraphStart?: string;
  paragraphStarts?: string[];
  figures: GoldFigure[];
}
interface GoldPlace {
  /** The sentence's first characters (25), the words read, the place's name and code. */
  sentence: string;
  evidence: string;
  place: string;
  code: string | null;
  how: string;
}
interface Gold {
  report: string;
  parts?: { heading: string; phase: string }[];
  figureScopes: GoldScope[];
  places?: GoldPlace[];
  involvesDalian?: { sentence: string; how: string; place: string }[];
}

const GOLD = path.join(__dirname, '..', 'gold');
const CORPUS = path.join(__dirname, '..', '..', 'corpus');
const gold = (id: string): Gold =>
  JSON.parse(readFileSync(path.join(GOLD, `${id}.json`), 'utf8')) as Gold;
/** Every report with a gold file (headline-targets.json is the structure tests' table). */
const GOLD_IDS = readdirSync(GOLD)
  .filter((f) => f.endsWith('.json') && f !== 'headline-targets.json')
  .map((f) => f.replace(/\.json$/, ''));

const graphs = new Map<string, Promise<{ input: ReportInput; g: ReportGraph }>>();
function extracted(id: string): Promise<{ input: ReportInput; g: ReportGraph }> {
  let p = graphs.get(id);
  if (!p)
    graphs.set(
      id,
      (p = readReport(path.join(CORPUS, `${id}.txt`)).then((input) => ({
        input,
        g: extractReport(input, lexicon),
      }))),
    );
  return p;
}

const rows: string[] = [];
/** Below this, a report's places have got worse: the floors sit under today's figures. */
const PLACES_FLOOR = { precision: 0.9, recall: 0.55 };
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
const rangeKey = (f: { low?: number | null; high?: number | null }) =>
  `${f.low ?? null} ${f.high ?? null}`;

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

describe.each(GOLD_IDS)('gold figures: %s', (id) => {
  test.each(gold(id).figureScopes.map((s) => [s.name, s] as const))('%s', async (_name, scope) => {
    const { input, g } = await extracted(id);
    const found = scopeFigures(g, input.text, scope);
    expect(found.every((f) => f.kind === scope.kind)).toBe(true);

    // Strict: value, unit, qualifier, status, measure, year and first year, direction (of figures with a
    // number; gold leaves it null for qualitative ones) and, where gold names one, metric.
    const strict = matches(
      scope.figures,
      found.map((f) => ({ ...f, metric: metricKeyOf(g, f) })),
      (a, b) =>
        exactKey(a) === exactKey(b) &&
        rangeKey(a) === rangeKey(b) &&
        a.measure === b.measure &&
        (a.status !== 'SET' || a.direction === b.direction) &&
        a.year === b.year &&
        (a.startYear ?? null) === (b.startYear ?? null) &&
        (a.metric === null || a.metric === b.metric),
    );
    const scores = record(
      `${id} ${scope.name} (all fields)`,
      strict,
      found.length,
      scope.figures.length,
    );

    // The seeds' main targets are exact; on the other reports, the numbered ones nearly so
    // (qualitative targets, such as 国际收支基本平衡, are counted in the line printed above).
    const key = (f: GoldFigure | FigureNode) => `${exactKey(f)} ${rangeKey(f)}`;
    const numbered = <T extends { value: number | null }>(list: T[]) =>
      list.filter((f) => f.value !== null);
    if (scope.name === 'main targets' && SEED_IDS.includes(id)) {
      expect(found.map(key).sort()).toEqual(scope.figures.map(key).sort());
      expect(scores.recall).toBe(1);
    } else if (scope.name === 'main targets') {
      const tp = matches<GoldFigure | FigureNode>(
        numbered(scope.figures),
        numbered(found),
        (a, b) => key(a) === key(b),
      );
      const n = record(
        `${id} ${scope.name} (with a number)`,
        tp,
        numbered(found).length,
        numbered(scope.figures).length,
      );
      expect(n.recall).toBeGreaterThanOrEqual(0.85);
      expect(n.precision).toBeGreaterThanOrEqual(0.85);
    } else if (numbered(scope.figures).length > 0) {
      expect(scores.recall).toBeGreaterThanOrEqual(0.35);
      expect(scores.precision).toBeGreaterThanOrEqual(0.5);
    }
  });
});

const withParts = GOLD_IDS.filter((id) => gold(id).parts);
test.each(withParts)('gold parts: %s, each part with its phase', async (id) => {
  const { g } = await extracted(id);
  const parts = g.sections.filter((s) => s.parentId === null);
  const found = gold(id).parts!.map((p) => ({
    heading: p.heading,
    phase: parts.find((s) => s.title === p.heading || p.heading.endsWith(s.title))?.phase,
  }));
  expect(found).toEqual(gold(id).parts!.map((p) => ({ heading: p.heading, phase: p.phase })));
});

/** The division a gold place names, by its code; other places by name. */
function goldPlaceId(p: GoldPlace): string {
  const byCode = p.code ? lexicon.places.find((e) => e.code === p.code) : undefined;
  const entry = byCode ?? lexicon.lookupPlace(p.place);
  return `place:${entry?.name ?? p.place}`;
}

const withPlaces = GOLD_IDS.filter((id) => gold(id).places);
test.each(withPlaces)('gold places: %s, every (sentence, place) it involves', async (id) => {
  const { input, g } = await extracted(id);
  const text = input.text;
  // Each gold sentence located in the text, up to its end.
  let from = 0;
  const expected = gold(id).places!.map((p) => {
    let at = text.indexOf(p.sentence, from);
    if (at < 0) at = text.indexOf(p.sentence);
    expect({ sentence: p.sentence, at }).toEqual({ sentence: p.sentence, at: expect.any(Number) });
    expect(at).toBeGreaterThanOrEqual(0);
    from = at;
    const end = at + p.sentence.length + text.slice(at + p.sentence.length).search(/[。！？\n]|$/);
    return { id: goldPlaceId(p), start: at, end: end + 1 };
  });
  const commitments = new Map(g.commitments.map((c) => [c.id, c]));
  const pairs = new Map<string, { id: string; start: number; end: number }>();
  for (const e of g.edges) {
    const c = commitments.get(e.source);
    if (e.type !== 'INVOLVES' || !c) continue;
    pairs.set(`${c.id} ${e.target}`, { id: e.target, start: c.span.start, end: c.span.end });
  }
  const found = [...pairs.values()];
  const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end;
  const same = (a: { id: string; start: number; end: number }, b: typeof a) =>
    a.id === b.id && overlap(a, b);
  const recalled = expected.filter((x) => found.some((f) => same(x, f))).length;
  const precise = found.filter((f) => expected.some((x) => same(x, f))).length;
  const precision = record(`${id} places`, precise, found.length, expected.length).precision;
  const recall = recalled / expected.length;
  rows[rows.length - 1] = rows[rows.length - 1]!.replace(
    /recall .*$/,
    `recall ${pct(recalled, expected.length).padStart(6)} (${recalled}/${expected.length})`,
  );
  expect(precision).toBeGreaterThanOrEqual(PLACES_FLOOR.precision);
  expect(recall).toBeGreaterThanOrEqual(PLACES_FLOOR.recall);
});

test('gold: every Liaoning sentence that involves Dalian', async () => {
  const { g } = await extracted('liaoning-2022');
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

interface HeadlineTarget {
  metric: string;
  text: string;
  status: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string;
}
const HEADLINES = (
  JSON.parse(readFileSync(path.join(GOLD, 'headline-targets.json'), 'utf8')) as {
    reports: { report: string; year: number; targets: HeadlineTarget[] }[];
  }
).reports;

test.each(HEADLINES.map((r) => [r.report, r] as const))(
  'headline targets of %s: a PLAN target each, with its qualifier (ranges as RANGE)',
  async (_id, report) => {
    const { g } = await extracted(report.report);
    const targets = g.figures
      .filter((f) => f.kind === 'Target')
      .map((f) => ({
        metric: metricKeyOf(g, f),
        status: f.status,
        value: f.value,
        low: f.low,
        high: f.high,
        unit: f.unit,
        qualifier: f.qualifier,
      }));
    for (const t of report.targets) {
      const want = { ...t };
      delete (want as { text?: string }).text;
      delete (want as { note?: string }).note;
      expect({
        text: t.text,
        found:
          targets.find(
            (f) => f.metric === t.metric && f.value === t.value && f.qualifier === t.qualifier,
          ) ?? targets.filter((f) => f.metric === t.metric),
      }).toEqual({ text: t.text, found: want });
    }
  },
);
