/**
 * The curated domain knowledge in `graph/`, loaded once and indexed for the extractor and
 * for name resolution. The data is JSON so that it can be read, reviewed and cited apart
 * from the code.
 */
import { createHash } from 'node:crypto';
import figuresFile from '../../graph/figures.json';
import metricsFile from '../../graph/metrics.json';
import placesFile from '../../graph/places.json';
import structureFile from '../../graph/structure.json';
import type { EntityNode } from '../model';

export interface PlaceEntry {
  name: string;
  nameEn: string;
  level: string;
  parent: string | null;
  aliases: string[];
  pinyin?: string[];
  otherNames?: string[];
  excludeContexts?: string[];
  source: string;
}

export interface StructureRules {
  reviewHeadingWords: string[];
  planHeadingWords: string[];
  reviewParagraphOpeners: string[];
  salutations: string[];
  closingMarkers: string[];
  trailerMarkers: string[];
  sentenceEnds: string;
  closingPunctuation: string;
}

export const places: readonly PlaceEntry[] = placesFile.places as PlaceEntry[];
export { figuresFile, metricsFile };
export const structure: StructureRules = structureFile as StructureRules;

/** Changes whenever the curated data changes, so stored reports are re-extracted. */
export const lexiconHash = createHash('sha256')
  .update(JSON.stringify([placesFile, structureFile, metricsFile, figuresFile]))
  .digest('hex')
  .slice(0, 12);

/** How user-typed names are compared: case, accents, spaces and hyphens do not matter. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s\-_'’.·]/g, '');
}

export const placeId = (name: string): string => `place:${name}`;

export function placeNode(p: PlaceEntry): EntityNode {
  const names = [p.name, p.nameEn, ...p.aliases, ...(p.pinyin ?? []), ...(p.otherNames ?? [])];
  return {
    kind: 'Place',
    id: placeId(p.name),
    name: p.name,
    nameEn: p.nameEn,
    aliases: p.aliases,
    keys: [...new Set(names.map(nameKey))].sort(),
    level: p.level,
    lexicon: `places.json#${p.name}`,
    curated: true,
    key: null,
    headlineMeasure: null,
  };
}

const placeByKey = new Map<string, PlaceEntry>();
for (const p of places) for (const k of placeNode(p).keys) placeByKey.set(k, p);

/** The curated place a name denotes (Chinese, alias, English or pinyin), if any. */
export function lookupPlace(name: string): PlaceEntry | undefined {
  return placeByKey.get(nameKey(name));
}
