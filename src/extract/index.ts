/**
 * Extraction: a report and a lexicon in, the report's typed graph out. Pure but for the
 * lexicon it is given: the same input always gives the same graph with the same ids.
 */
import { createHash } from 'node:crypto';
import {
  reportNodeId,
  type Level,
  type ReportGraph,
  type ReportInput,
  type ReportNode,
} from '../model';
import { ReportError } from '../read';
import { curatedFor, curatedStage } from './curated';
import { figuresStage } from './figures';
import type { Lexicon } from './lexicon';
import { mentionsStage } from './mentions';
import { outlineStage } from './outline';
import { sentencesStage } from './sentences';
import { append, type GraphPart, type Reading } from './stage';
import { extractorVersion } from './version';

export { defaultLexicon, loadLexicon, type Lexicon } from './lexicon';
export { extractorVersion } from './version';

export function extractReport(input: ReportInput, lexicon: Lexicon): ReportGraph {
  const reading = read(input, lexicon);
  const outline = outlineStage(reading); // parts and task sections
  const sentences = sentencesStage(reading, outline.outline); // commitments
  const curated = curatedStage(lexicon); // the lexicon's entities and hierarchy
  const mentions = mentionsStage(reading, sentences.commitments, curated.edgeIds);
  const figures = figuresStage(reading, sentences.commitments, outline.outline);
  // Of the gazetteer, the places the report links and their ancestors.
  const carried = curatedFor(curated, [outline, sentences, figures, mentions]);
  return assemble(reportNode(input, lexicon), [outline, sentences, carried, figures, mentions]);
}

function read(input: ReportInput, lexicon: Lexicon): Reading {
  const jurisdiction = lexicon.lookupPlace(input.meta.jurisdiction);
  if (!jurisdiction) {
    throw new ReportError(
      input.origin,
      `"${input.meta.jurisdiction}" is not a place the gazetteer knows`,
      'jurisdiction',
    );
  }
  // A city's report cannot be national: the level must be one its government reports at
  // (of any place the name denotes: 吉林 is a province and a city).
  const levels = lexicon.lookupPlaces(input.meta.jurisdiction).map((p) => reportLevel(p.level));
  if (!levels.includes(input.meta.level)) {
    throw new ReportError(
      input.origin,
      `"${input.meta.level}" does not fit ${input.meta.jurisdiction}, whose reports are ${[...new Set(levels)].join(' or ')}`,
      'level',
    );
  }
  return { input, text: input.text, lexicon, jurisdiction };
}

/** The level a place's own report has: China's national, a province's provincial, else municipal. */
export function reportLevel(placeLevel: string): Level {
  return placeLevel === 'country'
    ? 'national'
    : placeLevel === 'province'
      ? 'provincial'
      : 'municipal';
}

function assemble(report: ReportNode, parts: GraphPart[]): ReportGraph {
  const graph: ReportGraph = {
    report,
    sections: [],
    commitments: [],
    figures: [],
    entities: [],
    edges: [],
  };
  for (const part of parts) {
    append(graph.sections, part.sections ?? []);
    append(graph.commitments, part.commitments ?? []);
    append(graph.figures, part.figures ?? []);
    append(graph.entities, part.entities ?? []);
    append(graph.edges, part.edges ?? []);
  }
  return graph;
}

function reportNode({ meta, text }: ReportInput, lexicon: Lexicon): ReportNode {
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
    extractorVersion: extractorVersion(lexicon),
  };
}
