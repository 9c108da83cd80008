/**
 * Bringing the store up: apply the schema and load REPORTS_DIR, retrying while the store
 * cannot be reached (Neo4j still starting, or down). The HTTP server runs meanwhile, and
 * /healthz says what the store's state is.
 */
import type { Config } from './config';
import { ingestFolder, type IngestOptions } from './ingest';
import { log } from './log';
import type { GraphStore } from './store';

export interface StartupOptions {
  /** First wait before retrying; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** Stop retrying (for tests and shutdown). */
  signal?: AbortSignal;
  /** Kept up to date as the load goes, for /healthz. */
  progress?: StartupProgress;
}

/**
 * How far the start-up load has come: /healthz shows it, so that a client (or a script
 * waiting for the service) can tell an empty answer from one asked too early.
 */
export class StartupProgress {
  /** waiting: the store cannot be reached yet; failed: the load stopped on an error. */
  state: 'waiting' | 'loading' | 'loaded' | 'failed' = 'waiting';
  /** Report files stored (or refused) so far, of those found in reportsDir. */
  stored = 0;
  files: number | null = null;
  error: string | null = null;

  constructor(readonly reportsDir: string) {}

  /** Still on its way: the reports are not all in yet. */
  get pending(): boolean {
    return this.state === 'waiting' || this.state === 'loading';
  }

  toJSON() {
    const { state, reportsDir, stored, files, error } = this;
    return { state, reportsDir, stored, files, ...(error === null ? {} : { error }) };
  }
}

export async function prepareStore(
  store: GraphStore,
  config: Pick<Config, 'reportsDir' | 'maxReportBytes'>,
  options: StartupOptions & Pick<IngestOptions, 'lexicon'> = {},
): Promise<boolean> {
  let wait = options.retryMs ?? 1000;
  // Kept even when no one reads it, so the load below need not ask.
  const progress = options.progress ?? new StartupProgress(config.reportsDir);
  for (let attempt = 1; !options.signal?.aborted; attempt++) {
    try {
      await store.init();
      const started = Date.now();
      Object.assign(progress, { state: 'loading', stored: 0, files: null });
      const outcome = await ingestFolder(store, config.reportsDir, {
        maxBytes: config.maxReportBytes,
        lexicon: options.lexicon,
        onLoad: (_file, _result, index, total) =>
          Object.assign(progress, { stored: index, files: total }),
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
      progress.state = 'loaded';
      return true;
    } catch (e) {
      const health = await store.health().catch(() => ({ reachable: false }));
      if (health.reachable) {
        // not a connection problem: a real error
        Object.assign(progress, { state: 'failed', error: (e as Error).message });
        throw e;
      }
      progress.state = 'waiting';
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
