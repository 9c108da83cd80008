/**
 * Stage 5, curated edges: the lexicon's own entities and hierarchy (PART_OF between places
 * and between industries, COMPRISES from bundles to their members, LOCATED_IN of known
 * projects) travel with every report, so a report's graph is complete on its own and
 * names resolve before any report uses them; loading merges them. Of the gazetteer's
 * places a report carries only those it links (and the lexicon's edges touch) with their
 * ancestors: the whole gazetteer is 3,200 places and as many PART_OF edges, which every
 * load compared again (docs/decisions.md, "A report carries the places it links").
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
import { makeEdge, type GraphPart } from './stage';

export interface CuratedPart {
  entities: EntityNode[];
  edges: GraphEdge[];
  /** The ids of `edges`, for the text's edges they stand for. */
  edgeIds: ReadonlySet<string>;
  /** Every curated place's id, with its parent's (null for a root such as 中国). */
  placeParents: ReadonlyMap<string, string | null>;
  /** What curatedFor needs, indexed once per lexicon rather than scanned per report. */
  carry: {
    /** Curated entities other than places, and edges other than places' PART_OF. */
    always: GraphPart;
    /** Each place's node and its PART_OF edge (if any), in gazetteer order. */
    places: ReadonlyMap<string, { index: number; node: EntityNode; partOf: GraphEdge | null }>;
    /** The places the curated edges other than PART_OF touch (projects' places): always carried. */
    touched: readonly string[];
  };
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
      lexiconNode(
        'Organization',
        organizationId(o.name),
        o,
        `organizations.json#${o.madeFrom ?? o.name}`,
      ),
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
  const placeParents = new Map(
    lexicon.places.map((p) => [placeId(p.name), p.parent ? placeId(p.parent) : null]),
  );
  const isPlacePartOf = (e: GraphEdge) => e.type === 'PART_OF' && placeParents.has(e.source);
  const partOf = new Map(edges.filter(isPlacePartOf).map((e) => [e.source, e]));
  const places = new Map(
    entities
      .filter((n) => n.kind === 'Place')
      .map((node, index) => [node.id, { index, node, partOf: partOf.get(node.id) ?? null }]),
  );
  const others = edges.filter((e) => e.type !== 'PART_OF');
  return {
    entities,
    edges,
    edgeIds: new Set(edges.map((e) => e.id)),
    placeParents,
    carry: {
      always: {
        entities: entities.filter((n) => n.kind !== 'Place'),
        edges: edges.filter((e) => !isPlacePartOf(e)),
      },
      places,
      touched: others.flatMap((e) => [e.source, e.target]).filter((id) => placeParents.has(id)),
    },
  };
}

/**
 * The curated part one report carries: every curated entity but places, and of the places
 * those an edge of the report's other parts or a curated edge other than PART_OF touches
 * (its jurisdiction, the places its sentences involve, where its projects are), with every
 * ancestor and the PART_OF edges between them. So `involves` still reaches a district
 * through its city (the district's PART_OF chain comes with the report that links it), and
 * a place no stored report names is the gazetteer's, not the store's (resolve, parent and
 * parts fall back to the gazetteer in src/serve/names.ts).
 */
export function curatedFor(curated: CuratedPart, parts: readonly GraphPart[]): GraphPart {
  const { always, places, touched } = curated.carry;
  const carried = new Set<string>();
  const reach = (id: string) => {
    for (
      let p: string | null | undefined = id;
      p && !carried.has(p) && curated.placeParents.has(p);
      p = curated.placeParents.get(p)
    )
      carried.add(p);
  };
  for (const id of touched) reach(id);
  for (const part of parts)
    for (const e of part.edges ?? []) {
      reach(e.source);
      reach(e.target);
    }
  // In gazetteer order, as the whole gazetteer was, so that graphs stay byte-for-byte stable.
  const chosen = [...carried]
    .map((id) => places.get(id))
    .filter((p) => p !== undefined)
    .sort((x, y) => x.index - y.index);
  return {
    entities: [...chosen.map((p) => p.node), ...(always.entities ?? [])],
    edges: [...chosen.flatMap((p) => (p.partOf ? [p.partOf] : [])), ...(always.edges ?? [])],
  };
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
