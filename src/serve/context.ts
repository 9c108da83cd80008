/**
 * Per-request context: the store and DataLoaders over its batched methods, so a page of
 * commitments costs one store call per field kind, not one per commitment.
 */
import DataLoader from 'dataloader';
import type {
  CommitmentNode,
  EntityNode,
  FigureNode,
  GraphEdge,
  GraphNode,
  ReportNode,
  SectionNode,
} from '../model';
import { defaultLexicon, type Lexicon } from '../extract/lexicon';
import { DEFAULT_MAX_REPORT_BYTES } from '../read';
import { ENTITY_LINK_TYPES, type CommitmentLink, type GraphStore } from '../store';

export interface Loaders {
  report: DataLoader<string, ReportNode | null>;
  section: DataLoader<string, SectionNode | null>;
  sectionsOfReport: DataLoader<string, SectionNode[]>;
  entity: DataLoader<string, EntityNode | null>;
  links: DataLoader<string, CommitmentLink[]>;
  commitment: DataLoader<string, CommitmentNode | null>;
  figures: DataLoader<string, FigureNode[]>;
  /** Places a place is PART_OF, and the places PART_OF it. */
  wholes: DataLoader<string, EntityNode[]>;
  parts: DataLoader<string, EntityNode[]>;
  located: DataLoader<string, EntityNode[]>;
  components: DataLoader<string, EntityNode[]>;
  projectThemes: DataLoader<string, EntityNode[]>;
  /** Every edge at a node, either direction. */
  around: DataLoader<string, GraphEdge[]>;
  node: DataLoader<string, GraphNode | null>;
}

/** What mutations need to know about the running service. */
export interface Settings {
  /** Mutations need `Authorization: Bearer <apiKey>`; null refuses them all. */
  apiKey: string | null;
  /** Where the embedded store keeps reports added at run time (so they survive a restart). */
  reportsDir: string | null;
  maxReportBytes: number;
  /** The lexicon reports added at run time are extracted with (default: graph/). */
  lexicon?: Lexicon;
}

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  settings: Settings;
  /** The lexicon of the running service: extraction, and the gazetteer's names. */
  lexicon: Lexicon;
  /** The request's Authorization header, if any. */
  authorization: string | null;
}

export function createContext(
  store: GraphStore,
  settings: Settings = { apiKey: null, reportsDir: null, maxReportBytes: DEFAULT_MAX_REPORT_BYTES },
  authorization: string | null = null,
): Context {
  return {
    store,
    settings,
    lexicon: settings.lexicon ?? defaultLexicon(),
    authorization,
    loaders: {
      report: new DataLoader((ids) => store.reportsByIds(ids)),
      section: new DataLoader((ids) => store.sectionsByIds(ids)),
      sectionsOfReport: new DataLoader((ids) => store.sectionsOfReports(ids)),
      entity: new DataLoader((ids) => store.entitiesByIds(ids)),
      links: new DataLoader((ids) => store.linksOfCommitments(ids, ENTITY_LINK_TYPES)),
      commitment: new DataLoader((ids) => store.commitmentsByIds(ids)),
      figures: new DataLoader((ids) => store.figuresOfCommitments(ids)),
      wholes: new DataLoader((ids) => store.entityNeighbours(ids, 'PART_OF', 'out')),
      parts: new DataLoader((ids) => store.entityNeighbours(ids, 'PART_OF', 'in')),
      located: new DataLoader((ids) => store.entityNeighbours(ids, 'LOCATED_IN', 'out')),
      components: new DataLoader((ids) => store.entityNeighbours(ids, 'COMPRISES', 'out')),
      projectThemes: new DataLoader((ids) => store.projectThemes(ids)),
      around: new DataLoader(async (ids) => {
        const edges = await store.edgesAround(ids);
        return ids.map((id) => edges.filter((e) => e.source === id || e.target === id));
      }),
      node: new DataLoader((ids) => store.nodesByIds(ids)),
    },
  };
}
