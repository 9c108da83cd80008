#!/usr/bin/env node
/**
 * policy-kg: loads the reports in REPORTS_DIR into the configured store and serves them.
 */
import 'reflect-metadata';
import { asksHelp, exportCommand, HELP, ingestCommand, isProjectSeeds } from './cli';
import { ConfigError, readConfig } from './config';
import { loadLexicon } from './extract/lexicon';
import { log } from './log';
import { startService } from './serve/server';
import { prepareStore, StartupProgress } from './startup';
import { openStore } from './store/open';

async function serve(): Promise<void> {
  const config = readConfig();
  const store = openStore(config);
  const lexicon = loadLexicon(); // graph/: the curated knowledge every report is read with
  log('starting', {
    store: store.kind,
    neo4j: config.neo4j?.uri ?? null,
    host: config.host,
    port: config.port,
  });
  const progress = new StartupProgress(config.reportsDir);
  const service = await startService({
    startup: progress,
    store,
    port: config.port,
    host: config.host,
    requestTimeoutMs: config.requestTimeoutMs,
    settings: {
      apiKey: config.apiKey,
      // The embedded store keeps nothing itself: reports added at run time go to REPORTS_DIR,
      // but never into the project's tracked seeds/ (there they last until a restart).
      reportsDir:
        store.kind === 'embedded' && !isProjectSeeds(config.reportsDir) ? config.reportsDir : null,
      maxReportBytes: config.maxReportBytes,
      lexicon,
    },
  });
  log('listening', {
    url: `http://localhost:${service.port}/graphql`,
    health: '/healthz',
    explorer: '/explorer/',
  });
  // Serve at once; load the reports as soon as the store answers (it may still be starting).
  const abort = new AbortController();
  void prepareStore(store, config, { signal: abort.signal, progress, lexicon }).catch(
    (e: unknown) => {
      log('load-failed', { error: (e as Error).message });
    },
  );
  const stop = async () => {
    abort.abort();
    await service.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(HELP);
      return;
    case 'serve':
      if (asksHelp(rest)) process.stdout.write(HELP);
      else await serve();
      return;
    case 'ingest':
      process.exitCode = await ingestCommand(rest, readConfig());
      return;
    case 'export':
      process.exitCode = await exportCommand(rest, readConfig());
      return;
    default:
      process.stderr.write(`policy-kg: unknown command "${command}"\n\n${HELP}`);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const message =
    e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  console.error(`policy-kg: ${message}`);
  process.exit(1);
});
