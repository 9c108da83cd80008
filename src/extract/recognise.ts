/**
 * Recognising the gazetteer's places in a sentence: the longest name or alias at each
 * position wins (辽宁省 over 辽宁), and names inside an excluded context (朝阳产业, a sunrise
 * industry) are not places.
 */
import type { Span } from '../model';
import { places as gazetteer, type PlaceEntry } from './lexicon';

export interface PlaceMention {
  place: PlaceEntry;
  /** `explicit` for the place's own name, `alias` for another written form. */
  rule: 'explicit' | 'alias';
  span: Span;
}

interface Surface {
  text: string;
  place: PlaceEntry;
  rule: 'explicit' | 'alias';
}

export class PlaceMatcher {
  private readonly byFirstChar = new Map<string, Surface[]>();

  constructor(entries: readonly PlaceEntry[] = gazetteer) {
    for (const place of entries) {
      const surfaces: Surface[] = [
        { text: place.name, place, rule: 'explicit' },
        ...place.aliases.map((a) => ({ text: a, place, rule: 'alias' as const })),
      ];
      for (const s of surfaces) {
        const list = this.byFirstChar.get(s.text[0]!) ?? [];
        list.push(s);
        this.byFirstChar.set(s.text[0]!, list);
      }
    }
    for (const list of this.byFirstChar.values())
      list.sort((a, b) => b.text.length - a.text.length);
  }

  /** Mentions in `text.slice(span.start, span.end)`, with spans into `text`. */
  find(text: string, span: Span): PlaceMention[] {
    const out: PlaceMention[] = [];
    for (let i = span.start; i < span.end;) {
      const hit = this.matchAt(text, i, span.end);
      if (hit) {
        out.push({
          place: hit.place,
          rule: hit.rule,
          span: { start: i, end: i + hit.text.length },
        });
        i += hit.text.length;
      } else i++;
    }
    return out;
  }

  private matchAt(text: string, i: number, end: number): Surface | undefined {
    for (const s of this.byFirstChar.get(text[i]!) ?? []) {
      if (i + s.text.length > end || !text.startsWith(s.text, i)) continue;
      if (this.excluded(text, i, s)) continue;
      return s;
    }
    return undefined;
  }

  private excluded(text: string, i: number, s: Surface): boolean {
    for (const ctx of s.place.excludeContexts ?? []) {
      const k = ctx.indexOf(s.text);
      if (k >= 0 && text.startsWith(ctx, i - k)) return true;
    }
    return false;
  }
}
