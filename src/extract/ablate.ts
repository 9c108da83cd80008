/**
 * Lexicon ablation, for the hold-out experiment (`scripts/holdout.js`): the curated
 * lexicons of `graph/` as a curator would have had them having read some reports only.
 * An entry whose written forms occur in the held-out text and in none of the kept texts is
 * removed; so are stoplist terms, exclusion words and excluded contexts seen only in the
 * held-out text. Entries no report names (public knowledge, standards) stay.
 *
 * Pure: lexicon files and texts in, new lexicon files and a record of every change out.
 * It imports nothing that loads the lexicon, so a script can use it before the product's
 * modules are loaded with the ablated data.
 */

/** Parsed lexicon files by file name (`places.json`). */
export type LexiconFiles = Record<string, Record<string, unknown>>;

export interface AblationOptions {
  /** The text of the report held out. */
  heldOut: string;
  /** The texts of the reports the lexicon is built from. */
  kept: readonly string[];
  /**
   * Place names as report metadata writes them (辽宁省): these places and their ancestors
   * stay, since a report whose jurisdiction the gazetteer does not know is refused whole.
   */
  jurisdictions?: readonly string[];
  /** Files left as they are: rules rather than vocabulary. */
  untouched?: readonly string[];
  /**
   * Also take from the entries that stay the forms only the held-out text writes (aliases,
   * otherNames, jurisdictionAliases, the words abbreviations are seen in); an entry's name
   * stays, being its identity. Without it those forms stay with their entry (a `note`).
   */
  strict?: boolean;
}

export interface Removal {
  file: string;
  /** The list it was in: `places`, `stoplist`, `exclusions`, `places[].excludeContexts`. */
  list: string;
  kind: 'entry' | 'form' | 'stoplist' | 'exclusion' | 'excludeContext';
  /** The entry's name, or the term or form removed. */
  name: string;
  /** Metrics: the canonical key. Forms and excluded contexts: the entry they belonged to. */
  key: string | null;
  /** Its forms written in the held-out text. */
  forms: string[];
  why: string;
}

export interface Adjustment {
  file: string;
  list: string;
  name: string;
  change: string;
}

export interface Note {
  file: string;
  list: string;
  name: string;
  kind: 'jurisdiction' | 'form-only-in-held-out';
  detail: string;
}

export interface Ablation {
  files: LexiconFiles;
  removed: Removal[];
  /** Changes that keep the data consistent (a parent or component that was removed). */
  adjusted: Adjustment[];
  /** What stays although the held-out text taught it: kept on purpose, or kept with its entry. */
  notes: Note[];
}

type Entry = Record<string, unknown> & { name: string; aliases: string[] };

// Line breaks and zero-width spaces inside words are not words (the wiki texts carry them).
const squeeze = (s: string) => s.replace(/[\s\u3000\u200b]/g, '');
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

const isEntry = (v: unknown): v is Entry =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Entry).name === 'string' &&
  Array.isArray((v as Entry).aliases);

/** The written forms of an entry: not its English name or pinyin, which no report writes. */
export function surfaceForms(entry: Entry): string[] {
  const abbreviations = Array.isArray(entry.abbreviations) ? entry.abbreviations : [];
  return [
    ...new Set([
      entry.name,
      ...strings(entry.aliases),
      ...strings(entry.otherNames),
      ...strings(entry.jurisdictionAliases),
      ...abbreviations.flatMap((a) => strings((a as { seenIn?: unknown }).seenIn)),
    ]),
  ].filter((f) => f.length > 0);
}

/** Takes out of an entry its forms but its name that `drop` says, and abbreviations left with no word. */
function stripForms(
  entry: Entry,
  drop: (form: string) => boolean,
): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [];
  for (const field of ['aliases', 'otherNames', 'jurisdictionAliases']) {
    const forms = strings(entry[field]);
    const gone = forms.filter((f) => f !== entry.name && drop(f));
    if (gone.length === 0) continue;
    entry[field] = forms.filter((f) => !gone.includes(f));
    for (const text of gone) out.push({ field, text });
  }
  if (Array.isArray(entry.abbreviations)) {
    entry.abbreviations = entry.abbreviations.filter((a: { seenIn?: unknown }) => {
      const words = strings(a.seenIn);
      const gone = words.filter(drop);
      if (gone.length === 0) return true;
      for (const text of gone) out.push({ field: 'abbreviations[].seenIn', text });
      a.seenIn = words.filter((w) => !gone.includes(w));
      return gone.length < words.length;
    });
  }
  return out;
}

/** References between entries, repaired when their target is removed. */
const REFERENCES: {
  file: string;
  list: string;
  field: string;
  to: [string, string];
  /** `ancestor`: point to the nearest kept ancestor; `drop`: leave the name out. */
  mode: 'ancestor' | 'drop';
}[] = [
  {
    file: 'places.json',
    list: 'places',
    field: 'parent',
    to: ['places.json', 'places'],
    mode: 'ancestor',
  },
  {
    file: 'industries.json',
    list: 'industries',
    field: 'parent',
    to: ['industries.json', 'industries'],
    mode: 'ancestor',
  },
  {
    file: 'organizations.json',
    list: 'organizations',
    field: 'place',
    to: ['places.json', 'places'],
    mode: 'ancestor',
  },
  {
    file: 'projects.json',
    list: 'known',
    field: 'places',
    to: ['places.json', 'places'],
    mode: 'drop',
  },
  {
    file: 'themes.json',
    list: 'themes',
    field: 'components',
    to: ['themes.json', 'themes'],
    mode: 'drop',
  },
];

export function ablateLexicons(files: LexiconFiles, options: AblationOptions): Ablation {
  const heldOut = squeeze(options.heldOut);
  const kept = options.kept.map(squeeze);
  const untouched = new Set(options.untouched ?? ['figures.json', 'structure.json']);
  const inHeldOut = (form: string) => heldOut.includes(squeeze(form));
  const inKept = (form: string) => kept.some((t) => t.includes(squeeze(form)));
  const onlyInHeldOut = (form: string) => inHeldOut(form) && !inKept(form);

  const out: LexiconFiles = structuredClone(files);
  const removed: Removal[] = [];
  const adjusted: Adjustment[] = [];
  const notes: Note[] = [];

  // The jurisdictions' places and their ancestors, which stay.
  const protectedPlaces = new Set<string>();
  const places = ((files['places.json']?.places as unknown[]) ?? []).filter(isEntry);
  const placeByName = new Map(places.map((p) => [p.name, p]));
  for (const written of options.jurisdictions ?? []) {
    let p = places.find((e) => e.name === written || e.aliases.includes(written));
    while (p && !protectedPlaces.has(p.name)) {
      protectedPlaces.add(p.name);
      p = typeof p.parent === 'string' ? placeByName.get(p.parent) : undefined;
    }
  }

  const removedNames = new Map<string, Set<string>>(); // "file#list" → names
  for (const [file, content] of Object.entries(out)) {
    if (untouched.has(file)) continue;
    for (const [list, value] of Object.entries(content)) {
      if (!Array.isArray(value)) continue;
      if (value.some(isEntry)) {
        const gone = new Set<string>();
        const stay: unknown[] = [];
        for (const entry of value) {
          if (!isEntry(entry)) {
            stay.push(entry);
            continue;
          }
          const forms = surfaceForms(entry);
          const heldForms = forms.filter(inHeldOut);
          const keptForms = forms.filter(inKept);
          const isProtected = file === 'places.json' && protectedPlaces.has(entry.name);
          if (heldForms.length > 0 && keptForms.length === 0 && !isProtected) {
            gone.add(entry.name);
            removed.push({
              file,
              list,
              kind: 'entry',
              name: entry.name,
              key: typeof entry.key === 'string' ? entry.key : null,
              forms: heldForms,
              why: `written only in the held-out text (${heldForms.join(', ')})`,
            });
            continue;
          }
          if (isProtected && heldForms.length > 0 && keptForms.length === 0) {
            notes.push({
              file,
              list,
              name: entry.name,
              kind: 'jurisdiction',
              detail: `written only in the held-out text (${heldForms.join(', ')}), kept: a report's jurisdiction (or its ancestor) must be known for the report to load`,
            });
          } else if (keptForms.length > 0 && options.strict) {
            for (const form of stripForms(entry, onlyInHeldOut)) {
              removed.push({
                file,
                list: `${list}[].${form.field}`,
                kind: 'form',
                name: form.text,
                key: entry.name,
                forms: [form.text],
                why: `a form of ${entry.name} written only in the held-out text`,
              });
            }
          } else if (keptForms.length > 0) {
            const only = heldForms.filter((f) => !inKept(f));
            if (only.length > 0) {
              notes.push({
                file,
                list,
                name: entry.name,
                kind: 'form-only-in-held-out',
                detail: only.join(', '),
              });
            }
          }
          const contexts = strings(entry.excludeContexts);
          const dropped = contexts.filter(onlyInHeldOut);
          if (dropped.length > 0) {
            entry.excludeContexts = contexts.filter((c) => !dropped.includes(c));
            for (const c of dropped) {
              removed.push({
                file,
                list: `${list}[].excludeContexts`,
                kind: 'excludeContext',
                name: c,
                key: entry.name,
                forms: [c],
                why: `excluded context of ${entry.name} written only in the held-out text`,
              });
            }
          }
          stay.push(entry);
        }
        content[list] = stay;
        removedNames.set(`${file}#${list}`, gone);
      } else if (list === 'stoplist' || list === 'exclusions') {
        // Stoplist terms are quoted words (“稳”); exclusion words are read anywhere (辽沈银行).
        const field = list === 'stoplist' ? 'term' : 'text';
        content[list] = value.filter((item) => {
          const term = (item as Record<string, unknown>)[field];
          if (typeof term !== 'string') return true;
          const written = list === 'stoplist' ? `“${term}”` : term;
          if (!onlyInHeldOut(written)) return true;
          removed.push({
            file,
            list,
            kind: list === 'stoplist' ? 'stoplist' : 'exclusion',
            name: term,
            key: null,
            forms: [written],
            why: `written only in the held-out text (${written})`,
          });
          return false;
        });
      }
    }
  }

  // Keep the data consistent: no parent, place or component names a removed entry.
  for (const ref of REFERENCES) {
    const gone = removedNames.get(`${ref.to[0]}#${ref.to[1]}`);
    const list = out[ref.file]?.[ref.list];
    if (!gone?.size || !Array.isArray(list)) continue;
    const originals = ((files[ref.to[0]]?.[ref.to[1]] as unknown[]) ?? []).filter(isEntry);
    const parentOf = new Map(originals.map((e) => [e.name, e.parent]));
    const keptAncestor = (name: string): string | null => {
      let at: unknown = name;
      while (typeof at === 'string' && gone.has(at)) at = parentOf.get(at);
      return typeof at === 'string' ? at : null;
    };
    for (const entry of list.filter(isEntry)) {
      const value = entry[ref.field];
      if (ref.mode === 'ancestor' && typeof value === 'string' && gone.has(value)) {
        const to = keptAncestor(value);
        entry[ref.field] = to;
        adjusted.push({
          file: ref.file,
          list: ref.list,
          name: entry.name,
          change: `${ref.field} ${value} (removed) → ${to ?? 'null'}`,
        });
      } else if (ref.mode === 'drop' && Array.isArray(value)) {
        const dropped = strings(value).filter((v) => gone.has(v));
        if (dropped.length === 0) continue;
        entry[ref.field] = value.filter((v) => !dropped.includes(v as string));
        adjusted.push({
          file: ref.file,
          list: ref.list,
          name: entry.name,
          change: `${ref.field} without ${dropped.join(', ')} (removed)`,
        });
      }
    }
  }
  return { files: out, removed, adjusted, notes };
}
