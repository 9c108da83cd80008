/**
 * A page of commitments with their places, themes and targets costs a small fixed number
 * of round trips to Neo4j, whatever the page size: the resolvers batch through DataLoaders.
 */
import 'reflect-metadata';
import { startService, type RunningService } from '../../src/serve/server';
import type { Neo4jStore } from '../../src/store/neo4j';
import { describeNeo4j, freshNeo4jStore } from '../support/neo4j';
import { seedGraphs } from '../support/seeds';

describeNeo4j('round trips to Neo4j', () => {
  let store: Neo4jStore;
  let service: RunningService;
  beforeAll(async () => {
    store = await freshNeo4jStore();
    for (const g of await seedGraphs()) await store.ingest(g);
    service = await startService({ store, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await service.close();
    await store.close();
  });

  async function roundTrips(
    first: number,
  ): Promise<{ trips: number; nodes: number; targets: number }> {
    const before = store.roundTrips;
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($first: Int) { commitments(filter: {phase: PLAN}, first: $first) { nodes { id text
          places { name } themes { name } targets { value unit metric { key } } } } }`,
        variables: { first },
      }),
    });
    const body = (await res.json()) as {
      data: { commitments: { nodes: { targets: unknown[] }[] } };
    };
    const nodes = body.data.commitments.nodes;
    return {
      trips: store.roundTrips - before,
      nodes: nodes.length,
      targets: nodes.flatMap((n) => n.targets).length,
    };
  }

  test('a page of 100 commitments with places, themes and targets', async () => {
    const hundred = await roundTrips(100);
    const ten = await roundTrips(10);
    console.log(
      `round trips to Neo4j: ${hundred.trips} for a page of ${hundred.nodes} commitments ` +
        `(${hundred.targets} targets), ${ten.trips} for ${ten.nodes} (${ten.targets} targets)`,
    );
    expect(hundred.nodes).toBe(100);
    expect(hundred.targets).toBeGreaterThan(0);
    // The page (1), links of all its commitments (1), their figures (1), the figures' metrics (1).
    expect(hundred.trips).toBeLessThanOrEqual(4);
    expect(hundred.trips).toBe(ten.trips);
  });
});
