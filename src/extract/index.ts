/**
 * Extraction: a report in, its typed graph out. Pure: no I/O, the same input always gives
 * the same graph with the same ids.
 */
import { createHash } from 'node:crypto';
import {
  edgeId,
  reportNodeId,
  sortKey,
  type CommitmentNode,
  type EntityNode,
  type FigureNode,
  type GraphEdge,
  type ReportGraph,
  type ReportInput,
  type ReportNode,
  type SectionNode,
} from '../model';
import { ReportError } from '../read';
import { lexiconHash, lookupPlace, nameKey, placeId, placeNode, places } from './lexicon';
import { findFigures, isTargetSentence, metrics, type MetricEntry } from './figures';
import { PlaceMatcher } from './recognise';
import { splitReport } from './split';

/** Bump when a rule changes what is extracted; stored reports are then re-extracted. */
export const EXTRACTOR_RULES_VERSION = '0.1.0';
export const EXTRACTOR_VERSION = `${EXTRACTOR_RULES_VERSION}+${lexiconHash}`;

const matcher = new PlaceMatcher();

export function extractReport(input: ReportInput): ReportGraph {
  const { meta, text } = input;
  const report = readReportNode(input);
  const jurisdiction = lookupPlace(meta.jurisdiction);
  if (!jurisdiction) {
    throw new ReportError(
      input.origin,
      `"${meta.jurisdiction}" is not a place the gazetteer knows`,
      'jurisdiction',
    );
  }

  // split
  const outline = splitReport(text, meta.year);
  const sectionId = (path: string) => `section:${meta.id}:${path}`;
  const sections: SectionNode[] = outline.sections.map((s) => ({
    kind: 'Section',
    id: sectionId(s.path),
    reportId: meta.id,
    title: s.title,
    path: s.path,
    ordinal: s.ordinal,
    parentId: s.parentPath ? sectionId(s.parentPath) : null,
    phase: s.phase,
    span: s.span,
  }));
  const commitments: CommitmentNode[] = outline.sentences.map((s) => ({
    kind: 'Commitment',
    id: `commitment:${meta.id}:${s.span.start}`,
    reportId: meta.id,
    sectionId: sectionId(s.sectionPath),
    text: text.slice(s.span.start, s.span.end),
    phase: s.phase,
    span: s.span,
    paragraph: s.paragraph,
    sortKey: sortKey(meta.year, meta.id, s.span.start),
  }));

  // structure edges
  const edges: GraphEdge[] = [];
  const edge = (e: Omit<GraphEdge, 'id'>, qualifier = ''): void => {
    edges.push({ id: edgeId(e.type, e.source, e.target, qualifier), ...e });
  };
  const structural = { rule: 'structure', evidence: null, lexicon: null, reportId: meta.id };
  edge({
    type: 'FOR_JURISDICTION',
    source: report.id,
    target: placeId(jurisdiction.name),
    ...structural,
    rule: 'metadata',
  });
  for (const s of sections) {
    edge({
      type: 'HAS_SECTION',
      source: s.parentId ?? report.id,
      target: s.id,
      ...structural,
      evidence: s.span,
    });
  }
  for (const c of commitments) {
    if (c.sectionId)
      edge({
        type: 'CONTAINS',
        source: c.sectionId,
        target: c.id,
        ...structural,
        evidence: c.span,
      });
  }

  // recognise and link: one INVOLVES edge per commitment and place, on its first mention
  for (const c of commitments) {
    const seen = new Set<string>();
    for (const m of matcher.find(text, c.span)) {
      const target = placeId(m.place.name);
      if (seen.has(target)) continue;
      seen.add(target);
      edge({
        type: 'INVOLVES',
        source: c.id,
        target,
        rule: m.rule,
        evidence: m.span,
        lexicon: null,
        reportId: meta.id,
      });
    }
  }

  // figures: every quantity is a Target in the plan, a Result in the review
  const figures: FigureNode[] = [];
  const metricNodes = new Map<string, EntityNode>(
    metrics.map((m) => [metricId(m.key), curatedMetricNode(m)]),
  );
  const jurisdictionId = placeId(jurisdiction.name);
  for (const c of commitments) {
    const mentions = findFigures(text, c.span, {
      targetSentence: c.phase === 'PLAN' && isTargetSentence(c.text),
    });
    const { year, startYear } = figureYears(c, text, meta.year);
    mentions.forEach((f, k) => {
      const kind = c.phase === 'PLAN' ? 'Target' : 'Result';
      const metric = f.metric
        ? metricNodes.get(metricId(f.metric.key))!
        : uncuratedMetric(metricNodes, f.metricText);
      const figure: FigureNode = {
        kind,
        id: `${kind.toLowerCase()}:${meta.id}:${f.span.start}${k > 0 && mentions[k - 1]!.span.start === f.span.start ? `.${k}` : ''}`,
        reportId: meta.id,
        commitmentId: c.id,
        jurisdiction: jurisdictionId,
        status: f.status,
        metricId: metric.id,
        metricText: f.metricText,
        measure: f.measure,
        value: f.value,
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
      edge({
        type: kind === 'Target' ? 'SETS' : 'REPORTS',
        source: c.id,
        target: figure.id,
        rule: f.rule,
        ...evidence,
      });
      edge({
        type: 'MEASURES',
        source: figure.id,
        target: metric.id,
        rule: metric.curated ? 'lexicon' : 'text',
        ...evidence,
        lexicon: metric.lexicon,
      });
    });
  }

  // curated entities and their hierarchy travel with every report; loading merges them
  const entities: EntityNode[] = [...places.map(placeNode), ...metricNodes.values()];
  for (const p of places) {
    if (!p.parent) continue;
    edge({
      type: 'PART_OF',
      source: placeId(p.name),
      target: placeId(p.parent),
      rule: 'lexicon',
      evidence: null,
      lexicon: `places.json#${p.name}`,
      reportId: null,
    });
  }

  return { report, sections, commitments, figures, entities, edges };
}

const metricId = (key: string) => `metric:${key}`;

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

/**
 * The year a commitment's figures are for: the plan's year, or the reviewed year; a
 * sentence that names a year ("到2025年") or a five-year plan ("“十四五”时期") overrides it.
 */
function figureYears(
  c: CommitmentNode,
  text: string,
  reportYear: number,
): { year: number; startYear: number | null } {
  const until = /到(\d{4})年/.exec(c.text);
  if (until) return { year: Number(until[1]), startYear: c.phase === 'PLAN' ? reportYear : null };
  const opening = text.slice(c.paragraph.start, c.paragraph.start + 8);
  if (c.phase === 'REVIEW' && /过去五年|五年来/.test(opening))
    return { year: reportYear - 1, startYear: reportYear - 5 };
  if (
    c.phase === 'PLAN' &&
    /十[一二三四五六七八九]五.{0,3}时期|十[一二三四五六七八九]五.{0,3}期间/.test(c.text)
  ) {
    return { year: reportYear + 4, startYear: reportYear };
  }
  return { year: c.phase === 'PLAN' ? reportYear : reportYear - 1, startYear: null };
}

function readReportNode({ meta, text }: ReportInput): ReportNode {
  return {
    kind: 'Report',
    id: reportNodeId(meta.id),
    reportId: meta.id,
    title: meta.title,
    jurisdiction: meta.jurisdiction,
    level: meta.level,
    year: meta.year,
    deliveredOn: meta.deliveredOn ?? null,
    speaker: meta.speaker ?? null,
    language: meta.language ?? null,
    source: meta.source ?? null,
    extra: JSON.stringify(meta.extra),
    text,
    hash: createHash('sha256').update(text).digest('hex'),
    extractorVersion: EXTRACTOR_VERSION,
  };
}
