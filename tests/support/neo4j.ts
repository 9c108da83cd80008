/**
 * Neo4j suites run when NEO4J_URI is set (`npm run neo4j:start` prints the settings) and
 * otherwise skip with a visible notice; with REQUIRE_NEO4J=1 a missing Neo4j is a failure.
 * Every test in them carries "[neo4j]" in its name, which the summary reporter counts.
 */
import { Neo4jStore } from '../../src/store/neo4j';

export const neo4jConfig = process.env.NEO4J_URI
  ? {
      uri: process.env.NEO4J_URI,
      user: process.env.NEO4J_USER || 'neo4j',
      password: process.env.NEO4J_PASSWORD || '',
    }
  : null;

export function describeNeo4j(name: string, body: () => void): void {
  const title = `[neo4j] ${name}`;
  if (neo4jConfig) {
    describe(title, body);
  } else if (process.env.REQUIRE_NEO4J === '1') {
    describe(title, () => {
      test('needs NEO4J_URI', () => {
        throw new Error(
          'REQUIRE_NEO4J=1 but NEO4J_URI is not set: start Neo4j with `npm run neo4j:start`',
        );
      });
    });
  } else {
    console.warn(
      `SKIPPED ${title}: NEO4J_URI is not set (start Neo4j with \`npm run neo4j:start\`)`,
    );
    describe.skip(title, body);
  }
}

/** A Neo4j store on an emptied database; Neo4j suites run in band and clear after themselves. */
export async function freshNeo4jStore(batchSize?: number): Promise<Neo4jStore> {
  if (!neo4jConfig) throw new Error('NEO4J_URI is not set');
  const store = new Neo4jStore({ ...neo4jConfig, batchSize });
  await store.init();
  await store.clear();
  // Closing leaves the shared database empty for the next suite.
  const close = store.close.bind(store);
  store.close = async () => {
    await store.clear();
    await close();
  };
  return store;
}
