/**
 * Stage 1, outline: the report's parts and task sections (from their headings) as Section
 * nodes under the report, and the report's jurisdiction.
 */
import type { SectionNode } from '../model';
import { placeId } from './lexicon';
import { splitReport, type Outline } from './split';
import { makeEdge, type GraphPart, type Reading } from './stage';

export const sectionId = (reportId: string, path: string): string => `section:${reportId}:${path}`;

export interface OutlinePart extends GraphPart {
  sections: SectionNode[];
  /** The split text: sections, and the sentences the next stage makes commitments of. */
  outline: Outline;
}

export function outlineStage({ input, text, lexicon, jurisdiction }: Reading): OutlinePart {
  const { meta } = input;
  const outline = splitReport(text, meta.year, lexicon.structure, lexicon.planPeriods);
  const sections: SectionNode[] = outline.sections.map((s) => ({
    kind: 'Section',
    id: sectionId(meta.id, s.path),
    reportId: meta.id,
    title: s.title,
    path: s.path,
    ordinal: s.ordinal,
    parentId: s.parentPath ? sectionId(meta.id, s.parentPath) : null,
    phase: s.phase,
    span: s.span,
  }));
  const report = `report:${meta.id}`;
  const edges = [
    makeEdge({
      type: 'FOR_JURISDICTION',
      source: report,
      target: placeId(jurisdiction.name),
      rule: 'metadata',
      evidence: null,
      lexicon: null,
      reportId: meta.id,
    }),
    ...sections.map((s) =>
      makeEdge({
        type: 'HAS_SECTION',
        source: s.parentId ?? report,
        target: s.id,
        rule: 'structure',
        evidence: s.span,
        lexicon: null,
        reportId: meta.id,
      }),
    ),
  ];
  return { outline, sections, edges };
}
