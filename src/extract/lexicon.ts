/**
 * The curated domain knowledge in `graph/`, loaded once and indexed for the extractor and
 * for name resolution. The data is JSON so that it can be read, reviewed and cited apart
 * from the code.
 */
import { createHash } from 'node:crypto';
import figuresFile from '../../graph/figures.json';
import industriesFile from '../../graph/industries.json';
import metricsFile from '../../graph/metrics.json';
import organizationsFile from '../../graph/organizations.json';
import placesFile from '../../graph/places.json';
import projectsFile from '../../graph/projects.json';
import structureFile from '../../graph/structure.json';
import themesFile from '../../graph/themes.json';
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
  /** One-character abbreviations; `onlyIn`: trusted only inside the names it is seen in. */
  abbreviations?: { abbr: string; seenIn: string[]; onlyIn?: boolean }[];
  source: string;
}

export interface ThemeEntry {
  name: string;
  nameEn: string;
  aliases: string[];
  kind: string;
  components?: string[];
  excludeContexts?: string[];
  source: string;
}

export interface IndustryEntry {
  name: string;
  nameEn: string;
  parent: string | null;
  aliases: string[];
  excludeContexts?: string[];
  source: string;
}

export interface OrganizationEntry {
  name: string;
  nameEn: string;
  aliases: string[];
  /** Relative forms (省委, 省政府) that denote it only in its own jurisdiction's reports. */
  jurisdictionAliases?: string[];
  kind: string;
  place: string | null;
  excludeContexts?: string[];
  source: string;
}

export interface ProjectEntry {
  name: string;
  nameEn: string;
  aliases: string[];
  /** Where it is: place names of the gazetteer. */
  places: string[];
  source: string;
}

export interface PlanPeriod {
  name: string;
  nameEn: string;
  startYear: number;
  endYear: number;
  aliases: string[];
}

export interface StructureRules {
  framingCues: string[];
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
/** Words in which no place is read (辽沈银行 is a bank). */
export const placeExclusions: readonly string[] =
  (placesFile as { exclusions?: { text: string }[] }).exclusions?.map((e) => e.text) ?? [];
export const themes: readonly ThemeEntry[] = (themesFile as unknown as { themes: ThemeEntry[] })
  .themes;
export const themeStoplist: ReadonlySet<string> = new Set(
  (themesFile as unknown as { stoplist: { term: string }[] }).stoplist.map((s) => s.term),
);
export const planPeriods: readonly PlanPeriod[] = (
  themesFile as unknown as { planPeriods: PlanPeriod[] }
).planPeriods;
export const planPeriodNames: ReadonlySet<string> = new Set(
  planPeriods.flatMap((p) => [p.name, ...p.aliases]),
);
export const knownProjects: readonly ProjectEntry[] = (
  projectsFile as unknown as { known: ProjectEntry[] }
).known;
export const industries: readonly IndustryEntry[] = (
  industriesFile as unknown as { industries: IndustryEntry[] }
).industries;
export const organizations: readonly OrganizationEntry[] = (
  organizationsFile as unknown as { organizations: OrganizationEntry[] }
).organizations;
export { figuresFile, metricsFile, projectsFile };
export const structure: StructureRules = structureFile as StructureRules;

/** Changes whenever the curated data changes, so stored reports are re-extracted. */
export const lexiconHash = createHash('sha256')
  .update(
    JSON.stringify([
      placesFile,
      structureFile,
      metricsFile,
      figuresFile,
      projectsFile,
      themesFile,
      industriesFile,
      organizationsFile,
    ]),
  )
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
export const themeId = (name: string): string => `theme:${name}`;
export const industryId = (name: string): string => `industry:${name}`;
export const organizationId = (name: string): string => `organization:${name}`;
export const projectId = (name: string): string => `project:${name}`;

/** An entity node for a curated lexicon entry. */
export function lexiconNode(
  kind: EntityNode['kind'],
  id: string,
  entry: {
    name: string;
    nameEn: string;
    aliases: string[];
    pinyin?: string[];
    otherNames?: string[];
  },
  lexicon: string,
  level: string | null = null,
): EntityNode {
  const names = [
    entry.name,
    entry.nameEn,
    ...entry.aliases,
    ...(entry.pinyin ?? []),
    ...(entry.otherNames ?? []),
  ];
  return {
    kind,
    id,
    name: entry.name,
    nameEn: entry.nameEn,
    aliases: entry.aliases,
    keys: [...new Set(names.map(nameKey))].sort(),
    level,
    lexicon,
    curated: true,
    key: null,
    headlineMeasure: null,
  };
}

interface Abbreviation {
  /** The names it is trusted in (沪连 for 连), each with where it stands in them, in rule order. */
  inNames: { place: PlaceEntry; word: string; at: number }[];
  /** The one place that trusts it everywhere (沈), or null if none or several do. */
  plain: PlaceEntry | null;
}

// Built once: a report is scanned character by character for abbreviations, so the
// common case (no abbreviation) ends at one array load, and a hit costs one map probe.
// Only one-unit abbreviations can be read so.
const abbreviations = new Map<number, Abbreviation>();
const isAbbreviation = new Uint8Array(0x10000);
{
  const plain = new Map<number, PlaceEntry[]>();
  for (const place of places) {
    for (const a of place.abbreviations ?? []) {
      if (a.abbr.length !== 1) continue;
      const key = a.abbr.charCodeAt(0);
      const entry = abbreviations.get(key) ?? { inNames: [], plain: null };
      abbreviations.set(key, entry);
      if (!a.onlyIn) {
        plain.set(key, [...(plain.get(key) ?? []), place]);
        continue;
      }
      for (const word of a.seenIn)
        for (let at = word.indexOf(a.abbr); at >= 0; at = word.indexOf(a.abbr, at + 1))
          entry.inNames.push({ place, word, at });
    }
  }
  for (const [abbr, list] of plain)
    if (list.length === 1) abbreviations.get(abbr)!.plain = list[0]!;
  for (const c of abbreviations.keys()) isAbbreviation[c] = 1;
}

/**
 * The place a character abbreviates at `text[i]`: through a name it is trusted in (沪连
 * for 连 = Dalian), or, for an abbreviation trusted everywhere (沈), plainly; an
 * abbreviation two places share plainly is never read.
 */
export function abbreviationAt(
  text: string,
  i: number,
): { place: PlaceEntry; via: 'name' | 'plain' } | null {
  const c = text.charCodeAt(i);
  if (!isAbbreviation[c]) return null;
  const a = abbreviations.get(c)!;
  for (const { place, word, at } of a.inNames)
    if (text.startsWith(word, i - at)) return { place, via: 'name' };
  return a.plain ? { place: a.plain, via: 'plain' } : null;
}

export function placeNode(p: PlaceEntry): EntityNode {
  return lexiconNode('Place', placeId(p.name), p, `places.json#${p.name}`, p.level);
}

const placeByKey = new Map<string, PlaceEntry>();
for (const p of places) for (const k of placeNode(p).keys) placeByKey.set(k, p);

/** The curated place a name denotes (Chinese, alias, English or pinyin), if any. */
export function lookupPlace(name: string): PlaceEntry | undefined {
  return placeByKey.get(nameKey(name));
}
