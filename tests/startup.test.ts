/**
 * The start-up load as /healthz shows it: 503 "loading" with the files stored so far
 * until every report is in, then 200 "ok"; a load that stops on an error says so.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setLogSink } from '../src/log';
import { startService, type RunningService } from '../src/serve/server';
import { prepareStore, StartupProgress } from '../src/startup';
import type { GraphStore } from '../src/store';
import { EmbeddedStore } from '../src/store/embedded';
import { SEEDS } from './support/seeds';

let restoreLog: (line: string) => void;
beforeAll(() => (restoreLog = setLogSink(() => undefined)));
afterAll(() => setLogSink(restoreLog));

const health = async (service: RunningService) => {
  const res = await fetch(`${service.url}/healthz`);
  return { code: res.status, body: (await res.json()) as Record<string, unknown> };
};

/**
 * The Dockerfile's HEALTHCHECK command, run as Docker runs it (a shell in the container,
 * PORT set): its exit code, 0 for healthy.
 */
const dockerHealthcheck = (port: number): Promise<number> => {
  const dockerfile = readFileSync(path.join(__dirname, '..', 'Dockerfile'), 'utf8');
  const command = /^HEALTHCHECK[^\n]*\\\n\s*CMD (.+)$/m.exec(dockerfile)?.[1];
  if (!command) throw new Error('no HEALTHCHECK … CMD in the Dockerfile');
  return new Promise((resolve) => {
    execFile('sh', ['-c', command], { env: { ...process.env, PORT: String(port) } }, (err) =>
      resolve(err ? Number(err.code ?? 1) : 0),
    );
  });
};

test('/healthz says "loading" until the reports in REPORTS_DIR are all in', async () => {
  // Each report waits to be stored until the test lets those waiting through.
  const waiting: (() => void)[] = [];
  const letThrough = () => waiting.splice(0).forEach((go) => go());
  class GatedStore extends EmbeddedStore {
    override async ingest(graph: Parameters<GraphStore['ingest']>[0]) {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return super.ingest(graph);
    }
  }
  const gated = new GatedStore();
  const progress = new StartupProgress(SEEDS);
  const service = await startService({
    store: gated,
    port: 0,
    host: '127.0.0.1',
    startup: progress,
  });
  try {
    const loading = prepareStore(
      gated,
      { reportsDir: SEEDS, maxReportBytes: 10_000_000 },
      { progress },
    );
    await new Promise((r) => setTimeout(r, 50));
    let now = await health(service);
    expect(now.code).toBe(503);
    expect(now.body).toMatchObject({
      status: 'loading',
      reachable: true,
      reports: 0,
      startup: { state: 'loading', stored: 0, files: null },
    });
    // Where the reports are read from is nobody else's business.
    expect(JSON.stringify(now.body)).not.toContain(SEEDS);
    // Docker's health check fails meanwhile, so compose and orchestrators wait for the load.
    const port = Number(new URL(service.url).port);
    expect(await dockerHealthcheck(port)).toBe(1);

    while (progress.pending) {
      letThrough();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await loading).toBe(true);
    now = await health(service);
    expect(now.code).toBe(200);
    expect(now.body).toMatchObject({
      status: 'ok',
      reports: 3,
      startup: { state: 'loaded', stored: 3, files: 3 },
    });
    expect(await dockerHealthcheck(port)).toBe(0);
  } finally {
    await service.close();
  }
});

test('a start-up load that stops on an error: /healthz answers, and says what stopped it', async () => {
  const store = new EmbeddedStore();
  const missing = path.join(mkdtempSync(path.join(tmpdir(), 'policy-kg-')), 'no-such-folder');
  const progress = new StartupProgress(missing);
  const service = await startService({ store, port: 0, host: '127.0.0.1', startup: progress });
  try {
    await expect(
      prepareStore(store, { reportsDir: missing, maxReportBytes: 10_000_000 }, { progress }),
    ).rejects.toThrow(/no-such-folder/);
    const now = await health(service);
    expect(now.code).toBe(200); // the service answers, with what the store holds
    expect(now.body).toMatchObject({
      status: 'ok',
      reports: 0,
      startup: {
        state: 'failed',
        error: expect.stringMatching(/no-such-folder/),
      },
    });
    // The error names the folder, not where it is.
    expect(JSON.stringify(now.body)).not.toContain(path.dirname(missing));
  } finally {
    await service.close();
  }
});
