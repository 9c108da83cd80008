/**
 * Bringing the store up: apply the schema and load REPORTS_DIR, retrying while the store
 * cannot be reached (Neo4j still starting, or down). The HTTP server runs meanwhile, and
 * /healthz says what the store's state is.
 */
import type { Config } from './config';
import { ingestFolder } from './ingest';
import { log } from './log';
import type { GraphStore } from './store';

export interface StartupOptions {
  /** First wait before retrying; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Stop retrying (for tests and shutdown). */
  signal?: AbortSignal;
}

export async function prepareStore(
  store: GraphStore,
  config: Pick<Config, 'reportsDir' | 'maxReportBytes'>,
  options: StartupOptions = {},
): Promise<boolean> {
  let wait = options.retryMs ?? 1000;
  for (let attempt = 1; !options.signal?.aborted; attempt++) {
    try {
      await store.init();
      const started = Date.now();
      const outcome = await ingestFolder(store, config.reportsDir, {
        maxBytes: config.maxReportBytes,
        onReport: (file, result) =>
          result instanceof Error
            ? log('ingest', { file, status: 'skipped', error: result.message })
            : log('ingest', {
                file,
                report: result.reportId,
                status: result.status,
                nodes: result.nodes,
                edges: result.edges,
                outcomes: result.outcomes,
                continuations: result.continuations,
              }),
      });
      log('loaded', {
        store: store.kind,
        reportsDir: config.reportsDir,
        reports: outcome.results.length,
        skipped: outcome.failures.length,
        durationMs: Date.now() - started,
      });
      return true;
    } catch (e) {
      const health = await store.health().catch(() => ({ reachable: false }));
      if (health.reachable) throw e; // not a connection problem: a real error
      log('store-unreachable', {
        store: store.kind,
        attempt,
        retryInMs: wait,
        error: (e as Error).message,
      });
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, options.maxRetryMs ?? 30_000);
    }
  }
  return false;
}
