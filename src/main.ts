#!/usr/bin/env node
/**
 * policy-kg: loads the reports in REPORTS_DIR into the configured store and serves them.
 */
import 'reflect-metadata';
import { exportCommand, HELP, ingestCommand } from './cli';
import { ConfigError, readConfig } from './config';
import { ingestFolder } from './ingest';
import { startService } from './serve/server';
import { openStore } from './store/open';

async function serve(): Promise<void> {
  const config = readConfig();
  const store = openStore(config);
  const where = config.neo4j ? `Neo4j at ${config.neo4j.uri}` : 'the embedded store';
  console.error(`policy-kg: using ${where}`);
  await store.init();

  const started = Date.now();
  const outcome = await ingestFolder(store, config.reportsDir, {
    maxBytes: config.maxReportBytes,
    onReport: (file, result, i, total) => {
      const what =
        result instanceof Error
          ? `skipped: ${result.message}`
          : `${result.status}${result.status === 'unchanged' ? '' : ` (${result.nodes} nodes, ${result.edges} edges)`}`;
      console.error(`policy-kg: [${i}/${total}] ${file}: ${what}`);
    },
  });
  console.error(
    `policy-kg: ${outcome.results.length} report(s) loaded from ${config.reportsDir} in ${Date.now() - started} ms` +
      (outcome.failures.length ? `, ${outcome.failures.length} skipped` : ''),
  );

  const service = await startService({
    store,
    port: config.port,
    requestTimeoutMs: config.requestTimeoutMs,
    settings: {
      apiKey: config.apiKey,
      // The embedded store keeps nothing itself: reports added at run time go to REPORTS_DIR.
      reportsDir: store.kind === 'embedded' ? config.reportsDir : null,
      maxReportBytes: config.maxReportBytes,
    },
  });
  console.error(
    `policy-kg: GraphQL at http://localhost:${service.port}/graphql, health at /healthz`,
  );
  const stop = async () => {
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
      return serve();
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
