/**
 * A store whose name resolution is remembered for a while. Every researcher question
 * starts by resolving names (沈阳, GDP, 五大安全) to entity ids; against Neo4j that is a
 * round trip before the question itself. Entities are shared, curated and only ever added
 * or renamed by a lexicon change, so a resolved name is kept for `ttlMs`, forgotten when
 * this process stores anything, and a name that resolves to nothing is never kept (a
 * report another process adds is found at once).
 */
import type { EntityNode } from '../model';
import type { GraphStore } from '.';

export const NAME_TTL_MS = 60_000;
const MAX_NAMES = 10_000;

export function rememberingNames(store: GraphStore, ttlMs = NAME_TTL_MS): GraphStore {
  const names = new Map<string, { at: number; entities: Promise<EntityNode[]> }>();
  const forgetting =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await f(...args);
      } finally {
        names.clear();
      }
    };
  const overrides: Partial<GraphStore> = {
    resolve(name: string): Promise<EntityNode[]> {
      const kept = names.get(name);
      if (kept && Date.now() - kept.at < ttlMs) return kept.entities;
      const entities = store.resolve(name);
      if (names.size >= MAX_NAMES) names.clear(); // a client asking for endless names
      names.set(name, { at: Date.now(), entities });
      // Failures and empty answers are not kept.
      entities.then(
        (found) => found.length === 0 && names.delete(name),
        () => names.delete(name),
      );
      return entities;
    },
    ingest: forgetting((graph, options) => store.ingest(graph, options)),
    mergeEdges: forgetting((edges) => store.mergeEdges(edges)),
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop in overrides) return overrides[prop as keyof GraphStore];
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
