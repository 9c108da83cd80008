import type { Config } from '../config';
import type { GraphStore } from '.';
import { EmbeddedStore } from './embedded';
import { Neo4jStore } from './neo4j';

/** Neo4j when NEO4J_URI is set, otherwise the embedded store. */
export function openStore(config: Pick<Config, 'neo4j'>): GraphStore {
  return config.neo4j ? new Neo4jStore(config.neo4j) : new EmbeddedStore();
}
