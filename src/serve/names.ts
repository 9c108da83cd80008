/**
 * Errors with their codes, and names resolved to entities (with near-miss suggestions when
 * a name denotes nothing): shared by every resolver.
 */
import { GraphQLError } from 'graphql';
import { nameKey, placeId, placeNode } from '../extract/lexicon';
import type { EntityNode } from '../model';
import type { Context } from './context';
import { MAX_NAME_LENGTH } from './types';

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * A name argument, refused above MAX_NAME_LENGTH: no name is that long, and an unknown
 * name is compared with every entity's (edit distance, quadratic in its length).
 */
export function boundedName(argument: string, name: string): string {
  if (name.length > MAX_NAME_LENGTH)
    throw badInput(`${argument} is longer than ${MAX_NAME_LENGTH} characters`);
  return name;
}

export function notFound(message: string, suggestions: string[] = []): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', suggestions } });
}

/** Edit distance, for near-miss suggestions. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length]!;
}

/** Up to five names close to one that resolved to nothing (Shenyan → 沈阳 Shenyang). */
export async function suggest(
  ctx: Context,
  name: string,
  kind?: EntityNode['kind'],
): Promise<string[]> {
  const key = nameKey(name);
  // Callers bound names; this keeps a long one from ever reaching the quadratic distance.
  if (!key || key.length > MAX_NAME_LENGTH) return [];
  const allowed = Math.max(1, Math.floor(key.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const e of await ctx.store.entityKeys()) {
    if (kind && !e.id.startsWith(`${kind.toLowerCase()}:`)) continue;
    let d = Infinity;
    for (const k of e.keys)
      d = Math.min(
        d,
        k.includes(key) || key.includes(k) ? Math.abs(k.length - key.length) : distance(key, k),
      );
    if (d <= allowed) scored.push({ name: e.name, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1));
  return [...new Set(scored.map((s) => s.name))].slice(0, 5);
}

/**
 * Entities a name denotes: what the store holds, or, for a place no stored report names,
 * the gazetteer's (长春 resolves before a Jilin report is loaded, and involves nothing yet
 * rather than being unknown).
 */
export async function resolveName(ctx: Context, name: string): Promise<EntityNode[]> {
  const stored = await ctx.store.resolve(name);
  if (stored.some((e) => e.kind === 'Place')) return stored;
  const id = name.startsWith('place:') ? name.slice('place:'.length) : name;
  const places = ctx.lexicon.lookupPlaces(id).map(placeNode);
  return [...stored, ...places.filter((p) => !stored.some((e) => e.id === p.id))];
}

/** The gazetteer's parent of a place the store has no PART_OF edge for. */
export function gazetteerParent(ctx: Context, place: EntityNode): EntityNode | null {
  const entry = ctx.lexicon.lookupPlaces(place.name).find((p) => placeId(p.name) === place.id);
  const parent = entry?.parent ? ctx.lexicon.lookupPlaces(entry.parent)[0] : undefined;
  return parent ? placeNode(parent) : null;
}

/** Entities of the given kind a name resolves to; none is NOT_FOUND. */
export async function resolveEntities(
  ctx: Context,
  name: string,
  kind: EntityNode['kind'],
  what: string,
): Promise<EntityNode[]> {
  const found = (await resolveName(ctx, name)).filter((e) => e.kind === kind);
  if (found.length === 0)
    throw notFound(`no ${what} is named ${JSON.stringify(name)}`, await suggest(ctx, name, kind));
  return found;
}

/** Entity ids of the given kind a name resolves to; none is NOT_FOUND. */
export async function resolveKind(
  ctx: Context,
  name: string,
  kind: EntityNode['kind'],
  what: string,
): Promise<string[]> {
  return (await resolveEntities(ctx, name, kind, what)).map((e) => e.id);
}
