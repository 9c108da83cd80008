/**
 * Recognising curated terms (places, themes, industries, organisations) in a sentence:
 * the longest name or alias at each position wins (辽宁省 over 辽宁), names inside an
 * excluded context (朝阳产业, a sunrise industry) do not count, and words listed as
 * exclusions (辽沈银行, a bank) are skipped whole.
 */
import type { Span } from '../model';
import type { PlaceEntry } from './lexicon';

export interface TermEntry {
  name: string;
  aliases: string[];
  excludeContexts?: string[];
}

export interface Mention<T> {
  entry: T;
  /**
   * `explicit` for the entry's own name, `alias` for another written form, `nearest` for a
   * form several places share, read as the one nearest the report's jurisdiction.
   */
  rule: 'explicit' | 'alias' | 'nearest';
  span: Span;
}

export interface Surface<T> {
  text: string;
  entry: T;
  rule: 'explicit' | 'alias';
  /** Read only where the caller admits it (a county's short form, in its own province). */
  local?: boolean;
}

/** Every entry a written form may denote, at one place of the text. */
export interface Candidates<T> {
  span: Span;
  surfaces: Surface<T>[];
}

const NONE: readonly string[] = [];

/** The slot of a pair of code units in a 64K table (see TermMatcher's `pairs`). */
const pairKey = (a: number, b: number): number => (a * 31 + b) & 0xffff;

/** A trie over UTF-16 code units; `surfaces` are those spelt exactly by the path here. */
interface TrieNode<T> {
  next: Map<number, TrieNode<T>>;
  surfaces: Surface<T>[];
}

export class TermMatcher<T extends TermEntry> {
  // One walk down the trie finds every surface at a position, where trying each surface
  // sharing the first character cost a comparison apiece (中 starts 47 organisations).
  private readonly root: TrieNode<T> = { next: new Map(), surfaces: [] };
  /** The exclusions by their first code unit, each list in the order given (the first wins). */
  private readonly exclusionsByFirstChar = new Map<number, string[]>();
  /**
   * Filters in front of the trie's map lookups, which most positions need not reach:
   * `starts` is 1 for a code unit some surface or exclusion starts with, 2 if one of them is
   * that unit alone; `pairs` (hashed, so it may say yes wrongly but never no) holds the
   * first two units of the longer ones. 国 starts many names; 国家 starts fewer.
   */
  private readonly starts = new Uint8Array(0x10000);
  private readonly pairs = new Uint8Array(0x10000);

  constructor(entries: readonly T[], exclusions: readonly string[] = []) {
    for (const entry of entries) for (const s of this.surfacesOf(entry)) if (s.text) this.add(s);
    for (const x of exclusions) {
      if (!x) continue;
      push(this.exclusionsByFirstChar, x.charCodeAt(0), x);
      this.letThrough(x);
    }
  }

  /** The written forms of an entry: its name, then its aliases. */
  protected surfacesOf(entry: T): Surface<T>[] {
    return [
      { text: entry.name, entry, rule: 'explicit' },
      ...entry.aliases.map((a) => ({ text: a, entry, rule: 'alias' as const })),
    ];
  }

  private letThrough(word: string): void {
    const c = word.charCodeAt(0);
    if (word.length === 1) this.starts[c] = 2;
    else {
      this.starts[c] ||= 1;
      this.pairs[pairKey(c, word.charCodeAt(1))] = 1;
    }
  }

  private add(s: Surface<T>): void {
    let node = this.root;
    for (let k = 0; k < s.text.length; k++) {
      const c = s.text.charCodeAt(k);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map(), surfaces: [] }));
      node = child;
    }
    node.surfaces.push(s);
    this.letThrough(s.text);
  }

  /**
   * Mentions in `text.slice(span.start, span.end)`, with spans into `text`: at each place,
   * the first of the forms `findAll` gives (of one spelling, in the order given).
   */
  find(text: string, span: Span): Mention<T>[] {
    return this.findAll(text, span, this.readAnywhere).map((c) => ({
      entry: c.surfaces[0]!.entry,
      rule: c.surfaces[0]!.rule,
      span: c.span,
    }));
  }

  /** The forms `find` reads: every one here; PlaceMatcher leaves local forms out. */
  protected readonly readAnywhere: (s: Surface<T>) => boolean = () => true;

  /**
   * Every entry a written form may denote, leftmost-longest: at each place the
   * longest form with a surface `admit` lets through, with all such surfaces of that form
   * (朝阳: the city of Liaoning, and Beijing's district where its short form is admitted).
   */
  findAll(text: string, span: Span, admit: (s: Surface<T>) => boolean): Candidates<T>[] {
    const out: Candidates<T>[] = [];
    for (let i = span.start; i < span.end;) {
      const c = text.charCodeAt(i);
      const starts = this.starts[c];
      // At the text's end charCodeAt gives NaN, which hashes to some slot: a false yes at most.
      if (starts === 0 || (starts === 1 && !this.pairs[pairKey(c, text.charCodeAt(i + 1))])) {
        i++;
        continue;
      }
      const first = this.root.next.get(c);
      const hit = first && this.allAt(text, i, span.end, first, i + 1, admit);
      // An exclusion (东北虎, the tiger) hides the forms inside it, not a longer name that
      // opens with it (东北虎豹国家公园): leftmost-longest, as among the names.
      const skip = this.exclusionAt(text, i, c);
      if (skip && (!hit || hit[0]!.text.length <= skip.length)) {
        i += skip.length;
        continue;
      }
      if (hit) {
        out.push({ span: { start: i, end: i + hit[0]!.text.length }, surfaces: hit });
        i += hit[0]!.text.length;
      } else i++;
    }
    return out;
  }

  private allAt(
    text: string,
    i: number,
    end: number,
    node: TrieNode<T>,
    k: number,
    admit: (s: Surface<T>) => boolean,
  ): Surface<T>[] | undefined {
    const child = k < end ? node.next.get(text.charCodeAt(k)) : undefined;
    const longer = child && this.allAt(text, i, end, child, k + 1, admit);
    if (longer) return longer;
    // Most nodes on the way back spell no surface: no array for them.
    if (node.surfaces.length === 0) return undefined;
    const here = node.surfaces.filter((s) => admit(s) && !this.excluded(text, i, s));
    return here.length > 0 ? here : undefined;
  }

  /** The first exclusion written at `i`, if any (no closure: this runs at most positions). */
  private exclusionAt(text: string, i: number, c: number): string | undefined {
    for (const x of this.exclusionsByFirstChar.get(c) ?? NONE) if (text.startsWith(x, i)) return x;
    return undefined;
  }

  protected excluded(text: string, i: number, s: Surface<T>): boolean {
    for (const ctx of s.entry.excludeContexts ?? NONE) {
      const k = ctx.indexOf(s.text);
      if (k >= 0 && text.startsWith(ctx, i - k)) return true;
    }
    return false;
  }
}

/** The gazetteer's places, with the forms read only locally (a county's short form). */
export class PlaceMatcher extends TermMatcher<PlaceEntry> {
  constructor(entries: readonly PlaceEntry[], exclusions: readonly string[] = []) {
    super(entries, exclusions);
  }

  protected override surfacesOf(entry: PlaceEntry): Surface<PlaceEntry>[] {
    return [
      ...super
        .surfacesOf(entry)
        .map((s) => (entry.localName && s.rule === 'explicit' ? { ...s, local: true } : s)),
      ...(entry.localAliases ?? []).map((a) => ({
        text: a,
        entry,
        rule: 'alias' as const,
        local: true,
      })),
    ];
  }

  /** Read in any report: not the forms read only in the place's own province. */
  protected override readonly readAnywhere = (s: Surface<PlaceEntry>): boolean => !s.local;

  /**
   * A name ending in 区 before 域 or 位 is not that district: 区域 (region) and 区位
   * (location) are words, so 西安区域科技创新中心 is Xi'an's, not the 西安区 of Liaoyuan.
   */
  protected override excluded(text: string, i: number, s: Surface<PlaceEntry>): boolean {
    const end = i + s.text.length;
    if (s.text.endsWith('区') && AFTER_DISTRICT_WORD.test(text.charAt(end))) return true;
    return super.excluded(text, i, s);
  }
}

/** Characters that make a word with a district name's last 区: 区域, 区位. */
const AFTER_DISTRICT_WORD = /[域位]/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
