#!/usr/bin/env node
/**
 * policy-kg: loads the reports in REPORTS_DIR into the configured store and serves them.
 */
import 'reflect-metadata';
import { ConfigError, readConfig } from './config';
import { ingestFolder } from './ingest';
import { startService } from './serve/server';
import { openStore } from './store/open';

const HELP = `policy-kg — a knowledge graph of government work reports, served over GraphQL

Usage:
  policy-kg [serve]      load every report in REPORTS_DIR, then serve
  policy-kg --help       this text

Settings (environment):
  PORT              HTTP port (default 4000): /graphql, /healthz
  REPORTS_DIR       folder of NAME.txt + NAME.meta.json reports (default seeds/)
  NEO4J_URI         bolt://host:7687 to use Neo4j; unset: the embedded in-process store
  NEO4J_USER        Neo4j user (default neo4j)
  NEO4J_PASSWORD    Neo4j password
  API_KEY           key for mutations (Authorization: Bearer <API_KEY>)
  MAX_REPORT_BYTES  largest report accepted (default 10485760)
  REQUEST_TIMEOUT_MS  longest a GraphQL request may run (default 10000)
`;

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
  const command = argv[0] ?? 'serve';
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(HELP);
    return;
  }
  if (command !== 'serve') {
    process.stderr.write(`policy-kg: unknown command "${command}"\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  await serve();
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const message =
    e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e);
  console.error(`policy-kg: ${message}`);
  process.exit(1);
});
