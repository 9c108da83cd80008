/**
 * Stage 5, curated edges: the lexicon's own entities and hierarchy (PART_OF between places
 * and between industries, COMPRISES from bundles to their members, LOCATED_IN of known
 * projects) travel with every report, so a report's graph is complete on its own and
 * names resolve before any report uses them; loading merges them.
 */
import type { EntityNode, GraphEdge } from '../model';
import {
  compiled,
  industryId,
  lexiconNode,
  organizationId,
  placeId,
  placeNode,
  projectId,
  themeId,
  type Lexicon,
} from './lexicon';
import { makeEdge } from './stage';

export interface CuratedPart {
  entities: EntityNode[];
  edges: GraphEdge[];
  /** The ids of `edges`, for the text's edges they stand for. */
  edgeIds: ReadonlySet<string>;
}

/** The same value for every report of a lexicon: built once. */
export function curatedStage(lexicon: Lexicon): CuratedPart {
  return compiled(lexicon, 'curated', buildCurated);
}

function buildCurated(lexicon: Lexicon): CuratedPart {
  const entities: EntityNode[] = [
    ...lexicon.places.map(placeNode),
    ...lexicon.themes.map((t) => lexiconNode('Theme', themeId(t.name), t, `themes.json#${t.name}`)),
    ...lexicon.industries.map((i) =>
      lexiconNode('Industry', industryId(i.name), i, `industries.json#${i.name}`),
    ),
    ...lexicon.knownProjects.map((p) =>
      lexiconNode('Project', projectId(p.name), p, `projects.json#${p.name}`),
    ),
    ...lexicon.organizations.map((o) =>
      lexiconNode('Organization', organizationId(o.name), o, `organizations.json#${o.name}`),
    ),
  ];
  const edges: GraphEdge[] = [
    ...lexicon.places
      .filter((p) => p.parent)
      .map((p) =>
        lexiconEdge('PART_OF', placeId(p.name), placeId(p.parent!), `places.json#${p.name}`),
      ),
    ...lexicon.industries
      .filter((i) => i.parent)
      .map((i) =>
        lexiconEdge(
          'PART_OF',
          industryId(i.name),
          industryId(i.parent!),
          `industries.json#${i.name}`,
        ),
      ),
    ...lexicon.knownProjects.flatMap((p) =>
      p.places.map((place) =>
        lexiconEdge('LOCATED_IN', projectId(p.name), placeId(place), `projects.json#${p.name}`),
      ),
    ),
    ...lexicon.themes.flatMap((t) =>
      (t.components ?? []).map((c) =>
        lexiconEdge('COMPRISES', themeId(t.name), themeId(c), `themes.json#${t.name}`),
      ),
    ),
  ];
  return { entities, edges, edgeIds: new Set(edges.map((e) => e.id)) };
}

function lexiconEdge(
  type: 'PART_OF' | 'COMPRISES' | 'LOCATED_IN',
  source: string,
  target: string,
  lexicon: string,
): GraphEdge {
  return makeEdge({
    type,
    source,
    target,
    rule: 'lexicon',
    evidence: null,
    lexicon,
    reportId: null,
  });
}
