/**
 * Issue 16's must-show: with a 22-deep fragment chain, 1,000 aliases of `reports { text }`
 * and 100 aliases of a deep neighbourhood sent at once, /healthz on the same server still
 * answers within 1 s (the one timing assertion: the issue asks for it), in the median of
 * three trials.
 */
import 'reflect-metadata';
import { linkReport } from '../../src/link';
import { startService } from '../../src/serve/server';
import { EmbeddedStore } from '../../src/store/embedded';
import { fragmentChain, NEIGHBOURHOODS, TEXTS } from '../support/attacks';
import { seedGraphs } from '../support/seeds';

test('/healthz answers within 1 s while three attacks are in flight (embedded store)', async () => {
  const store = new EmbeddedStore();
  for (const g of await seedGraphs()) await store.ingest(g);
  for (const g of await seedGraphs()) await linkReport(store, g.report.reportId);
  const service = await startService({ store, port: 0, host: '127.0.0.1' });
  try {
    // Three trials, judged by the median: one garbage collection of the test runner's heap
    // (service and test share the process) must not decide it.
    const took: number[] = [];
    for (let trial = 0; trial < 3; trial++) {
      const attacks = [fragmentChain(22), TEXTS, NEIGHBOURHOODS].map((query) =>
        fetch(`${service.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      );
      // Let the three requests reach the server before the probe.
      await new Promise((r) => setTimeout(r, 20));
      const started = performance.now();
      const health = await fetch(`${service.url}/healthz`);
      took.push(performance.now() - started);
      expect(health.status).toBe(200);
      // And each attack was refused, not answered.
      for (const res of await Promise.all(attacks)) expect(res.status).toBe(400);
    }
    expect(took.sort((a, b) => a - b)[1]).toBeLessThan(1000);
  } finally {
    await service.close();
  }
});
