/**
 * Stage 3, mentions: the places, themes, industries, projects and organisations each
 * commitment names (link.ts), as INVOLVES, SERVES, CONCERNS, MENTIONS and LOCATED_IN edges
 * with the rule and the words they rest on.
 */
import type { CommitmentNode } from '../model';
import { linkCommitments } from './link';
import type { GraphPart, Reading } from './stage';

export function mentionsStage(
  { input, text, lexicon, jurisdiction }: Reading,
  commitments: readonly CommitmentNode[],
  /** Edges the lexicon states itself: where it already says it (沈白高铁 LOCATED_IN 沈阳), its edge stands for the text's. */
  curatedEdgeIds: ReadonlySet<string>,
): GraphPart {
  const links = linkCommitments(
    lexicon,
    text,
    input.meta.id,
    jurisdiction.name,
    commitments,
    input.meta.year,
  );
  return {
    entities: links.entities,
    edges: links.edges.filter((e) => !curatedEdgeIds.has(e.id)),
  };
}
