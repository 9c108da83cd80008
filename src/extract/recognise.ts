/**
 * Recognising curated terms (places, themes, industries, organisations) in a sentence:
 * the longest name or alias at each position wins (辽宁省 over 辽宁), names inside an
 * excluded context (朝阳产业, a sunrise industry) do not count, and words listed as
 * exclusions (辽沈银行, a bank) are skipped whole.
 */
import type { Span } from '../model';
import { places as gazetteer, type PlaceEntry } from './lexicon';

export interface TermEntry {
  name: string;
  aliases: string[];
  excludeContexts?: string[];
}

export interface Mention<T> {
  entry: T;
  /** `explicit` for the entry's own name, `alias` for another written form. */
  rule: 'explicit' | 'alias';
  span: Span;
}

interface Surface<T> {
  text: string;
  entry: T;
  rule: 'explicit' | 'alias';
}

export class TermMatcher<T extends TermEntry> {
  // Keyed by UTF-16 code unit: a number key spares a one-character string per position.
  private readonly byFirstChar = new Map<number, Surface<T>[]>();
  /** The exclusions by their first code unit, each list in the order given (the first wins). */
  private readonly exclusionsByFirstChar = new Map<number, string[]>();
  /** Non-zero for a code unit some surface or exclusion starts with: most positions start none. */
  private readonly starts = new Uint8Array(0x10000);

  constructor(entries: readonly T[], exclusions: readonly string[] = []) {
    for (const entry of entries) {
      const surfaces: Surface<T>[] = [
        { text: entry.name, entry, rule: 'explicit' },
        ...entry.aliases.map((a) => ({ text: a, entry, rule: 'alias' as const })),
      ];
      for (const s of surfaces) if (s.text) push(this.byFirstChar, s.text.charCodeAt(0), s);
    }
    for (const list of this.byFirstChar.values())
      list.sort((a, b) => b.text.length - a.text.length);
    for (const x of exclusions) if (x) push(this.exclusionsByFirstChar, x.charCodeAt(0), x);
    for (const c of [...this.byFirstChar.keys(), ...this.exclusionsByFirstChar.keys()])
      this.starts[c] = 1;
  }

  /** Mentions in `text.slice(span.start, span.end)`, with spans into `text`. */
  find(text: string, span: Span): Mention<T>[] {
    const out: Mention<T>[] = [];
    for (let i = span.start; i < span.end;) {
      const c = text.charCodeAt(i);
      if (this.starts[c] === 0) {
        i++;
        continue;
      }
      const skip = this.exclusionsByFirstChar.get(c)?.find((x) => text.startsWith(x, i));
      if (skip) {
        i += skip.length;
        continue;
      }
      const hit = this.matchAt(text, i, span.end, c);
      if (hit) {
        out.push({
          entry: hit.entry,
          rule: hit.rule,
          span: { start: i, end: i + hit.text.length },
        });
        i += hit.text.length;
      } else i++;
    }
    return out;
  }

  private matchAt(text: string, i: number, end: number, c: number): Surface<T> | undefined {
    for (const s of this.byFirstChar.get(c) ?? []) {
      if (i + s.text.length > end || !text.startsWith(s.text, i)) continue;
      if (this.excluded(text, i, s)) continue;
      return s;
    }
    return undefined;
  }

  private excluded(text: string, i: number, s: Surface<T>): boolean {
    for (const ctx of s.entry.excludeContexts ?? []) {
      const k = ctx.indexOf(s.text);
      if (k >= 0 && text.startsWith(ctx, i - k)) return true;
    }
    return false;
  }
}

/** The gazetteer's places. */
export class PlaceMatcher extends TermMatcher<PlaceEntry> {
  constructor(entries: readonly PlaceEntry[] = gazetteer, exclusions: readonly string[] = []) {
    super(entries, exclusions);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
