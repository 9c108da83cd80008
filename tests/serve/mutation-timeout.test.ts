import 'reflect-metadata';
import { EmbeddedStore } from '../../src/store/embedded';
import { startService } from '../../src/serve/server';

test('a mutation past the time limit is not said to be stopped: the answer says it goes on, and it is stored', async () => {
  // A store whose ingest waits until the client has its answer.
  const store = new EmbeddedStore();
  const ingest = store.ingest.bind(store);
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  let stored: Promise<unknown> = Promise.resolve();
  store.ingest = (graph, options) => {
    const done = released.then(() => ingest(graph, options));
    stored = done;
    return done;
  };
  const service = await startService({
    store,
    port: 0,
    host: '127.0.0.1',
    requestTimeoutMs: 50,
    settings: { apiKey: 'key', reportsDir: null, maxReportBytes: 1_000_000 },
  });
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer key' },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        data?: { report: { id: string } | null };
        errors?: { message: string; extensions: { code: string; continues?: boolean } }[];
      },
    };
  };
  try {
    const input = {
      id: 'shenyang-2022',
      title: '2022年沈阳市政府工作报告',
      jurisdiction: '沈阳市',
      year: 2022,
      text: '一、2021年工作回顾\n\n全市地区生产总值增长7%。\n\n二、2022年工作安排\n\n地区生产总值增长6%以上。\n',
    };
    const answer = await gql(
      'mutation($input: ReportInput!) { ingestReport(input: $input) { id } }',
      { input },
    );
    expect(answer.status).toBe(503);
    expect(answer.body.errors).toEqual([
      {
        message:
          'the request took longer than 50 ms; the ingest of shenyang-2022 goes on: query report(id) to see when it is stored (whole, or not at all if it fails)',
        extensions: { code: 'TIMEOUT', continues: true },
      },
    ]);
    release();
    await stored;
    const report = await gql('{ report(id: "shenyang-2022") { id } }');
    expect(report.body.data!.report).toEqual({ id: 'shenyang-2022' });
  } finally {
    release();
    await service.close();
  }
});
