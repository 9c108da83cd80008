/**
 * Stage 2, sentences: every sentence of the report's body is a Commitment, contained in
 * the section it stands in, with its paragraph, topic sentence and enumeration item.
 */
import { sortKey, type CommitmentNode } from '../model';
import { sectionId } from './outline';
import type { Outline } from './split';
import { makeEdge, type GraphPart, type Reading } from './stage';

export interface SentencesPart extends GraphPart {
  commitments: CommitmentNode[];
}

export function sentencesStage({ input, text }: Reading, outline: Outline): SentencesPart {
  const { meta } = input;
  const commitments: CommitmentNode[] = outline.sentences.map((s) => ({
    kind: 'Commitment',
    id: `commitment:${meta.id}:${s.span.start}`,
    reportId: meta.id,
    sectionId: sectionId(meta.id, s.sectionPath),
    text: text.slice(s.span.start, s.span.end),
    phase: s.phase,
    span: s.span,
    paragraph: s.paragraph,
    topic: s.topic,
    item: s.item,
    sortKey: sortKey(meta.year, meta.id, s.span.start),
  }));
  const edges = commitments.map((c) =>
    makeEdge({
      type: 'CONTAINS',
      source: c.sectionId!,
      target: c.id,
      rule: 'structure',
      evidence: c.span,
      lexicon: null,
      reportId: meta.id,
    }),
  );
  return { commitments, edges };
}
