import 'reflect-metadata';
import { EmbeddedStore } from '../../src/store/embedded';
import { startService } from '../../src/serve/server';

test('a request running past the time limit is answered with TIMEOUT', async () => {
  // A store that answers slowly, to make the request outlast a short limit.
  const store = new EmbeddedStore();
  const slow = store.reports.bind(store);
  store.reports = async () => {
    await new Promise((r) => setTimeout(r, 400));
    return slow();
  };
  const service = await startService({ store, port: 0, host: '127.0.0.1', requestTimeoutMs: 50 });
  try {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ reports { id } }' }),
    });
    expect(res.status).toBe(503);
    const body = (await res.json()) as {
      errors: { message: string; extensions: { code: string } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('TIMEOUT');
    expect(body.errors[0]!.message).toMatch(/longer than 50 ms/);
  } finally {
    await new Promise((r) => setTimeout(r, 450));
    await service.close();
  }
});
