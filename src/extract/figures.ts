/**
 * Stage 4, figures: every quantity a commitment states (quantities.ts) is a Target in the
 * plan or a Result in the review, measuring a Metric (curated, or created from its words),
 * for the year the sentence or its part names.
 */
import { sortKey, type CommitmentNode, type EntityNode, type FigureNode } from '../model';
import {
  compiled,
  metricId,
  nameKey,
  placeId,
  type Lexicon,
  type MetricEntry,
  type PlanPeriod,
} from './lexicon';
import { findFigures, isTargetSentence } from './quantities';
import type { Outline } from './split';
import { makeEdge, type GraphPart, type Reading } from './stage';

export function figuresStage(
  { input, text, lexicon, jurisdiction }: Reading,
  commitments: readonly CommitmentNode[],
  outline: Outline,
): GraphPart {
  const { meta } = input;
  const figures: FigureNode[] = [];
  const edges: GraphPart['edges'] & object = [];
  const metricNodes = new Map<string, EntityNode>(
    lexicon.metrics.map((m) => [metricId(m.key), curatedMetricNode(m)]),
  );
  const jurisdictionId = placeId(jurisdiction.name);
  // The title of the part a commitment stands in (its top-level section).
  const partTitles = new Map<string, string>();
  for (const s of outline.sections)
    partTitles.set(s.path, s.parentPath ? partTitles.get(s.parentPath)! : s.title);
  for (const c of commitments) {
    const mentions = findFigures(lexicon, text, c.span, {
      targetSentence: c.phase === 'PLAN' && isTargetSentence(lexicon, c.text),
      plan: c.phase === 'PLAN',
    });
    if (mentions.length === 0) continue;
    const path = c.sectionId!.slice(`section:${meta.id}:`.length);
    const { year, startYear } = figureYears(
      lexicon,
      c,
      text,
      meta.year,
      partTitles.get(path) ?? '',
    );
    mentions.forEach((f, k) => {
      const kind = c.phase === 'PLAN' ? 'Target' : 'Result';
      const metric = f.metric
        ? metricNodes.get(metricId(f.metric.key))!
        : uncuratedMetric(metricNodes, f.metricText);
      const repeated = k > 0 && mentions[k - 1]!.span.start === f.span.start;
      const figure: FigureNode = {
        kind,
        id: `${kind.toLowerCase()}:${meta.id}:${f.span.start}${repeated ? `.${k}` : ''}`,
        reportId: meta.id,
        commitmentId: c.id,
        jurisdiction: jurisdictionId,
        status: f.status,
        metricId: metric.id,
        metricText: f.metricText,
        measure: f.measure,
        value: f.value,
        low: f.low,
        high: f.high,
        unit: f.unit,
        qualifier: f.qualifier,
        direction: f.direction,
        year,
        startYear,
        text: text.slice(f.span.start, f.span.end),
        span: f.span,
        rule: f.rule,
        sortKey: sortKey(meta.year, meta.id, f.span.start),
      };
      figures.push(figure);
      const evidence = { evidence: f.span, lexicon: null, reportId: meta.id };
      edges.push(
        makeEdge({
          type: kind === 'Target' ? 'SETS' : 'REPORTS',
          source: c.id,
          target: figure.id,
          rule: f.rule,
          ...evidence,
        }),
        makeEdge({
          type: 'MEASURES',
          source: figure.id,
          target: metric.id,
          rule: metric.curated ? 'lexicon' : 'text',
          ...evidence,
          lexicon: metric.lexicon,
        }),
      );
    });
  }
  return { figures, entities: [...metricNodes.values()], edges };
}

function curatedMetricNode(m: MetricEntry): EntityNode {
  return {
    kind: 'Metric',
    id: metricId(m.key),
    name: m.name,
    nameEn: m.nameEn,
    aliases: m.aliases,
    keys: [...new Set([m.key, m.name, m.nameEn, ...m.aliases].map(nameKey))].sort(),
    level: null,
    lexicon: `metrics.json#${m.key}`,
    curated: true,
    key: m.key,
    headlineMeasure: m.headlineMeasure,
  };
}

/** An indicator no lexicon names, created from its words and shared by every report using them. */
function uncuratedMetric(nodes: Map<string, EntityNode>, metricText: string): EntityNode {
  const text = metricText.replace(/[\s\u200b]/g, '') || '(unnamed)';
  const id = metricId(`text:${text}`);
  let node = nodes.get(id);
  if (!node) {
    node = {
      kind: 'Metric',
      id,
      name: text,
      nameEn: null,
      aliases: [],
      keys: [nameKey(text)],
      level: null,
      lexicon: null,
      curated: false,
      key: `text:${text}`,
      headlineMeasure: null,
    };
    nodes.set(id, node);
  }
  return node;
}

interface Periods {
  /** "十四五时期", "“十四五”末": a five-year plan's period named. */
  patterns: { period: PlanPeriod; pattern: RegExp }[];
  /** Matches where any of the patterns does: most sentences name no period, and one test says so. */
  any: RegExp;
}

function buildPeriods(lexicon: Lexicon): Periods {
  const patterns = lexicon.planPeriods.map((period) => ({
    period,
    pattern: new RegExp(`${period.name}”?(时期|期间|末)`),
  }));
  return {
    patterns,
    any: new RegExp(patterns.map(({ pattern }) => `(?:${pattern.source})`).join('|')),
  };
}

/**
 * The year a commitment's figures are for: the plan's year, or the reviewed year; a
 * sentence that names a year ("到2025年") or a five-year plan ("“十四五”时期") overrides it.
 */
function figureYears(
  lexicon: Lexicon,
  c: CommitmentNode,
  text: string,
  reportYear: number,
  partTitle: string,
): { year: number; startYear: number | null } {
  const until = /到(\d{4})年/.exec(c.text);
  if (until) return { year: Number(until[1]), startYear: c.phase === 'PLAN' ? reportYear : null };
  const opening = text.slice(c.paragraph.start, c.paragraph.start + 8);
  if (c.phase === 'REVIEW' && /过去五年|五年来/.test(opening))
    return { year: reportYear - 1, startYear: reportYear - 5 };
  // A sentence, or the part it stands in, about a five-year plan's period ("“十四五”时期…")
  // states figures for the whole period: the plan's ahead, the review's behind.
  const periods = compiled(lexicon, 'periods', buildPeriods);
  const names = (where: string) =>
    periods.any.test(where)
      ? periods.patterns.filter(({ pattern }) => pattern.test(where)).map(({ period }) => period)
      : [];
  const named = [...names(c.text), ...names(partTitle)];
  const period =
    c.phase === 'PLAN'
      ? named.find((p) => p.startYear <= reportYear && reportYear <= p.endYear)
      : named.find((p) => p.endYear < reportYear);
  if (period) return { year: period.endYear, startYear: period.startYear };
  return { year: c.phase === 'PLAN' ? reportYear : reportYear - 1, startYear: null };
}
