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
  type GraphEdge,
  type ReportGraph,
  type ReportInput,
  type ReportNode,
  type SectionNode,
} from '../model';
import { ReportError } from '../read';
import { lexiconHash, lookupPlace, placeId, placeNode, places } from './lexicon';
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

  // curated entities and their hierarchy travel with every report; loading merges them
  const entities: EntityNode[] = places.map(placeNode);
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

  return { report, sections, commitments, entities, edges };
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
