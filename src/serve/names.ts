/**
 * Errors with their codes, and names resolved to entities (with near-miss suggestions when
 * a name denotes nothing): shared by every resolver.
 */
import { GraphQLError } from 'graphql';
import { compiled, nameKey, placeId, placeNode, type PlaceEntry } from '../extract/lexicon';
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
  const stored = await ctx.store.entityKeys();
  const storedIds = new Set(stored.map((e) => e.id));
  const places = gazetteerKeys(ctx).filter((p) => !storedIds.has(p.id));
  for (const e of [...stored, ...places]) {
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
 * Entities a name denotes: what the store holds and, for a place no stored report names,
 * the gazetteer's (长春 resolves before a Jilin report is loaded, and involves nothing yet
 * rather than being unknown).
 */
export async function resolveName(ctx: Context, name: string): Promise<EntityNode[]> {
  const stored = await ctx.store.resolve(name);
  const id = name.startsWith('place:') ? name.slice('place:'.length) : name;
  // A report carries only the places it links: 吉林 the province may be stored and 吉林
  // the city not. Both are what the name denotes, by id as the store orders them.
  const places = ctx.lexicon
    .lookupPlaces(id)
    .map(gazetteerNode)
    .filter((p) => !stored.some((e) => e.id === p.id));
  if (places.length === 0) return stored;
  return [...stored, ...places].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const gazetteerNodes = new WeakMap<PlaceEntry, EntityNode>();

/** A gazetteer entry's node, made once: names are resolved on every question. */
function gazetteerNode(entry: PlaceEntry): EntityNode {
  let node = gazetteerNodes.get(entry);
  if (!node) gazetteerNodes.set(entry, (node = placeNode(entry)));
  return node;
}

/** The gazetteer's parent of a place the store has no PART_OF edge for. */
export function gazetteerParent(ctx: Context, place: EntityNode): EntityNode | null {
  const entry = ctx.lexicon.lookupPlaces(place.name).find((p) => placeId(p.name) === place.id);
  const parent = entry?.parent ? ctx.lexicon.lookupPlaces(entry.parent)[0] : undefined;
  return parent ? gazetteerNode(parent) : null;
}

/**
 * The gazetteer's parts of a place (its divisions), as nodes: a report's graph carries only
 * the places it links, so the store holds the parts some report names.
 */
export function gazetteerParts(ctx: Context, place: EntityNode): EntityNode[] {
  const children = compiled(ctx.lexicon, 'placeChildren', (lexicon) => {
    const byParent = new Map<string, EntityNode[]>();
    for (const p of lexicon.places) {
      if (!p.parent) continue;
      const parent = placeId(p.parent);
      const list = byParent.get(parent);
      if (list) list.push(placeNode(p));
      else byParent.set(parent, [placeNode(p)]);
    }
    return byParent;
  });
  return children.get(place.id) ?? [];
}

/** Every gazetteer place's name keys, for suggestions: the store holds only places some report names. */
function gazetteerKeys(ctx: Context): { id: string; name: string; keys: string[] }[] {
  return compiled(ctx.lexicon, 'placeKeys', (lexicon) =>
    lexicon.places.map(placeNode).map((p) => ({ id: p.id, name: p.name, keys: p.keys })),
  );
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
