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
import {
  industries,
  industryId,
  knownProjects,
  lexiconHash,
  lexiconNode,
  lookupPlace,
  nameKey,
  organizationId,
  organizations,
  placeId,
  placeNode,
  places,
  planPeriods,
  projectId,
  themeId,
  themes,
} from './lexicon';
import { linkCommitments } from './link';
import { findFigures, isTargetSentence, metrics, type MetricEntry } from './figures';
import { splitReport } from './split';

/** Bump when a rule changes what is extracted; stored reports are then re-extracted. */
export const EXTRACTOR_RULES_VERSION = '0.1.0';
export const EXTRACTOR_VERSION = `${EXTRACTOR_RULES_VERSION}+${lexiconHash}`;

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
    topic: s.topic,
    item: s.item,
    sortKey: sortKey(meta.year, meta.id, s.span.start),
  }));

  // The title of the part a commitment stands in (its top-level section).
  const sectionById = new Map(sections.map((s) => [s.id, s]));
  const partTitle = (sectionId: string | null): string => {
    let s = sectionId ? sectionById.get(sectionId) : undefined;
    while (s?.parentId) s = sectionById.get(s.parentId);
    return s?.title ?? '';
  };

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

  // recognise and link: places, projects, themes, industries, organisations
  const links = linkCommitments(text, meta.id, jurisdiction.name, commitments);
  // Where the lexicon already says it (沈白高铁 LOCATED_IN 沈阳), its edge stands for the text's.
  const curated = new Set(lexiconEdges.map((e) => e.id));
  edges.push(...links.edges.filter((e) => !curated.has(e.id)));

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
    const { year, startYear } = figureYears(c, text, meta.year, partTitle(c.sectionId));
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
  const entities: EntityNode[] = [...curatedEntities, ...metricNodes.values(), ...links.entities];
  edges.push(...lexiconEdges);

  return { report, sections, commitments, figures, entities, edges };
}

const metricId = (key: string) => `metric:${key}`;

const curatedEntities: EntityNode[] = [
  ...places.map(placeNode),
  ...themes.map((t) => lexiconNode('Theme', themeId(t.name), t, `themes.json#${t.name}`)),
  ...industries.map((i) =>
    lexiconNode('Industry', industryId(i.name), i, `industries.json#${i.name}`),
  ),
  ...knownProjects.map((p) =>
    lexiconNode('Project', projectId(p.name), p, `projects.json#${p.name}`),
  ),
  ...organizations.map((o) =>
    lexiconNode('Organization', organizationId(o.name), o, `organizations.json#${o.name}`),
  ),
];

/** PART_OF between places and between industries, COMPRISES from bundles to their members. */
const lexiconEdges: GraphEdge[] = [
  ...places
    .filter((p) => p.parent)
    .map((p) =>
      lexiconEdge('PART_OF', placeId(p.name), placeId(p.parent!), `places.json#${p.name}`),
    ),
  ...industries
    .filter((i) => i.parent)
    .map((i) =>
      lexiconEdge(
        'PART_OF',
        industryId(i.name),
        industryId(i.parent!),
        `industries.json#${i.name}`,
      ),
    ),
  ...knownProjects.flatMap((p) =>
    p.places.map((place) =>
      lexiconEdge('LOCATED_IN', projectId(p.name), placeId(place), `projects.json#${p.name}`),
    ),
  ),
  ...themes.flatMap((t) =>
    (t.components ?? []).map((c) =>
      lexiconEdge('COMPRISES', themeId(t.name), themeId(c), `themes.json#${t.name}`),
    ),
  ),
];

function lexiconEdge(
  type: 'PART_OF' | 'COMPRISES' | 'LOCATED_IN',
  source: string,
  target: string,
  lexicon: string,
): GraphEdge {
  return {
    id: edgeId(type, source, target),
    type,
    source,
    target,
    rule: 'lexicon',
    evidence: null,
    lexicon,
    reportId: null,
  };
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

/** "十四五时期", "“十四五”末": a five-year plan's period named; compiled once, not per sentence. */
const periodPatterns = planPeriods.map((period) => ({
  period,
  pattern: new RegExp(`${period.name}”?(时期|期间|末)`),
}));
/** Matches where any of periodPatterns does: most sentences name no period, and one test says so. */
const anyPeriod = new RegExp(
  periodPatterns.map(({ pattern }) => `(?:${pattern.source})`).join('|'),
);

/**
 * The year a commitment's figures are for: the plan's year, or the reviewed year; a
 * sentence that names a year ("到2025年") or a five-year plan ("“十四五”时期") overrides it.
 */
function figureYears(
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
  const names = (where: string) =>
    anyPeriod.test(where)
      ? periodPatterns.filter(({ pattern }) => pattern.test(where)).map(({ period }) => period)
      : [];
  const named = [...names(c.text), ...names(partTitle)];
  const period =
    c.phase === 'PLAN'
      ? named.find((p) => p.startYear <= reportYear && reportYear <= p.endYear)
      : named.find((p) => p.endYear < reportYear);
  if (period) return { year: period.endYear, startYear: period.startYear };
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
