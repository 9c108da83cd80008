/**
 * The command line: serve, ingest, export. Progress goes to stderr (a bar on a terminal,
 * a line per report otherwise); what was added goes to stdout.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readConfig, type Config } from './config';
import { defaultDir } from './extract/lexicon';
import {
  EXPORT_FORMATS,
  targetTable,
  toCSV,
  toGraphML,
  toJSONLines,
  toTargetsCSV,
  type ExportFormat,
} from './export';
import { expandPaths, ingestFiles, type IngestOutcome } from './ingest';
import type { GraphStore } from './store';
import { openStore } from './store/open';

export const HELP = `policy-kg — a knowledge graph of government work reports, served over GraphQL

Usage:
  policy-kg [serve]                 load every report in REPORTS_DIR, then serve GraphQL
  policy-kg ingest [--replace] FILE|DIR...
                                    add reports (NAME.txt beside NAME.meta.json, or folders
                                    of them), two at a time, then link them to each other
                                    and to those stored; the same report again changes
                                    nothing; a new text under a stored id is refused unless
                                    --replace
  policy-kg export [--format F] [--out PATH]
                                    write the whole graph: graphml (Gephi, NetworkX),
                                    csv (PATH is a folder: nodes.csv, edges.csv) or jsonl;
                                    or targets-csv: one row per jurisdiction, year and
                                    metric with target, result, verdict and citations
                                    (for R, pandas); default graphml to stdout
  policy-kg --help                  this text

With NEO4J_URI set, ingest and export work on Neo4j. Without it they work on the
embedded store, which keeps its reports in REPORTS_DIR: ingest copies the reports there.

Settings (environment):
  PORT                HTTP port (default 4000): /graphql (IDE in a browser), /healthz
  HOST                interface to listen on (default 127.0.0.1; 0.0.0.0 in Docker)
  REPORTS_DIR         folder of reports loaded at start (default seeds/)
  NEO4J_URI           bolt://host:7687 to use Neo4j; unset: the embedded in-process store
  NEO4J_USER          Neo4j user (default neo4j)
  NEO4J_PASSWORD      Neo4j password
  API_KEY             key for the ingestReport mutation (Authorization: Bearer <API_KEY>)
  MAX_REPORT_BYTES    largest report accepted (default 10485760)
  REQUEST_TIMEOUT_MS  longest a GraphQL request may run (default 10000)
`;

export interface Output {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Whether err is a terminal (a progress bar) or a log (a line per step). */
  tty: boolean;
}

const consoleOutput: Output = {
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(l),
  tty: Boolean(process.stderr.isTTY),
};

/** A progress reporter: `[####------] 3/10 name` redrawn on a terminal, one line each otherwise. */
export function progress(output: Output, total: number, what: string) {
  const width = 24;
  return (done: number, name: string) => {
    const filled = Math.round((width * done) / Math.max(1, total));
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${what} ${name}`;
    output.err(output.tty ? `\r${line.padEnd(100)}${done === total ? '\n' : ''}` : `${line}\n`);
  };
}

function describe(o: IngestOutcome): string {
  if (o.status === 'unchanged') return `${o.reportId}: unchanged`;
  return `${o.reportId}: ${o.status}, ${o.nodes} nodes and ${o.edges} edges new; linked with other reports: ${o.outcomes} results to their targets, ${o.continuations} commitments to the work they continue`;
}

/** Loads REPORTS_DIR into the embedded store (quietly), so new reports link to those there. */
async function loadReportsDir(store: GraphStore, config: Config): Promise<void> {
  const files = await expandPaths([config.reportsDir]).catch(() => []);
  await ingestFiles(store, files, { maxBytes: config.maxReportBytes });
}

/** --help or -h among a command's arguments: the usage, not a file or a setting to read. */
export const asksHelp = (args: readonly string[]): boolean =>
  args.some((a) => a === '--help' || a === '-h');

export async function ingestCommand(
  args: string[],
  config: Config,
  output: Output = consoleOutput,
): Promise<number> {
  if (asksHelp(args)) {
    output.out(HELP.trimEnd());
    return 0;
  }
  const replace = args.includes('--replace');
  const paths = args.filter((a) => a !== '--replace');
  if (paths.length === 0) {
    output.err('policy-kg ingest: name at least one report file or folder\n');
    return 2;
  }
  let files: string[];
  try {
    files = await expandPaths(paths);
  } catch (e) {
    output.err(`policy-kg ingest: ${(e as Error).message}\n`);
    return 2;
  }
  if (!config.neo4j && isProjectSeeds(config.reportsDir)) {
    output.err(
      `policy-kg ingest: the embedded store keeps what it ingests in REPORTS_DIR, which is the project's sample folder seeds/ unless set; set REPORTS_DIR to a folder of your own (REPORTS_DIR=./my-reports policy-kg ingest ${paths.join(' ')})\n`,
    );
    return 2;
  }
  const store = openStore(config);
  try {
    await store.init();
    if (store.kind === 'embedded') await loadReportsDir(store, config);
    const loading = progress(output, files.length, 'stored');
    const linking = progress(output, files.length, 'linked');
    const { results, failures } = await ingestFiles(store, files, {
      maxBytes: config.maxReportBytes,
      changedText: replace ? 'replace' : 'refuse',
      onLoad: (file, _o, i) => loading(i, path.basename(file)),
      onReport: (file, _o, i) => linking(i, path.basename(file)),
    });
    for (const r of results) {
      output.out(describe(r));
      if (store.kind === 'embedded' && r.status !== 'unchanged')
        await copyInto(config.reportsDir, r.file);
    }
    for (const f of failures) output.out(`skipped ${f.file}: ${f.error.message}`);
    const counts = await store.counts();
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    output.out(
      `${results.length} report(s) ingested, ${failures.length} skipped; the ${store.kind === 'neo4j' ? 'Neo4j' : 'embedded'} graph holds ${sum(counts.nodes)} nodes and ${sum(counts.edges)} edges`,
    );
    return failures.length ? 1 : 0;
  } finally {
    await store.close();
  }
}

/** The project's own seeds/ (tracked in git), which a trial must not write into. */
export function isProjectSeeds(dir: string): boolean {
  // The project's root is where graph/ is found, from src/ under ts-jest and dist/src built.
  return path.resolve(dir) === path.join(path.dirname(defaultDir()), 'seeds');
}

/** The embedded store keeps its reports as files: a new one joins REPORTS_DIR. */
async function copyInto(dir: string, file: string): Promise<void> {
  const base = file.replace(/\.(txt|meta\.json)$/, '');
  await fs.mkdir(dir, { recursive: true });
  for (const ext of ['.txt', '.meta.json']) {
    const target = path.join(dir, path.basename(base) + ext);
    if (path.resolve(base + ext) !== path.resolve(target)) await fs.copyFile(base + ext, target);
  }
}

export async function exportCommand(
  args: string[],
  config: Config,
  output: Output = consoleOutput,
): Promise<number> {
  if (asksHelp(args)) {
    output.out(HELP.trimEnd());
    return 0;
  }
  let format: ExportFormat = 'graphml';
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if ((a === '--format' || a === '-f') && !args[i + 1]) {
      output.err(`policy-kg export: ${a} needs a value\n`);
      return 2;
    }
    if (a === '--format' || a === '-f') format = args[++i] as ExportFormat;
    else if (a.startsWith('--format=')) format = a.slice('--format='.length) as ExportFormat;
    else if (a === '--out' || a === '-o') {
      const value = args[++i];
      // Without a value it would write to stdout, not where it was asked to.
      if (value === undefined || value === '' || value.startsWith('-')) {
        output.err(`policy-kg export: ${a} needs a path\n`);
        return 2;
      }
      out = value;
    } else if (a.startsWith('--out=')) {
      out = a.slice('--out='.length);
      if (!out) {
        output.err('policy-kg export: --out= needs a path\n');
        return 2;
      }
    } else {
      output.err(`policy-kg export: unknown argument "${a}"\n`);
      return 2;
    }
  }
  if (!EXPORT_FORMATS.includes(format)) {
    output.err(
      `policy-kg export: --format must be one of ${EXPORT_FORMATS.join(', ')}, got "${format}"\n`,
    );
    return 2;
  }
  if (format === 'csv' && !out) {
    output.err('policy-kg export: csv writes two files: give a folder with --out\n');
    return 2;
  }
  // Checked before the graph is loaded, and said plainly rather than as a stack trace.
  // (csv makes its folder.)
  const folder = out && format !== 'csv' ? path.dirname(out) : null;
  if (folder && !(await fs.stat(folder).catch(() => null))?.isDirectory()) {
    output.err(`policy-kg export: cannot write to ${out}: the folder ${folder} does not exist\n`);
    return 2;
  }
  const store = openStore(config);
  try {
    await store.init();
    if (store.kind === 'embedded') await loadReportsDir(store, config);
    const { nodes, edges } = await store.snapshot();
    try {
      if (format === 'csv') {
        await fs.mkdir(out!, { recursive: true });
        for (const [name, content] of Object.entries(toCSV(nodes, edges)))
          await fs.writeFile(path.join(out!, name), content);
      } else {
        const content =
          format === 'graphml'
            ? toGraphML(nodes, edges)
            : format === 'targets-csv'
              ? toTargetsCSV(targetTable(nodes))
              : toJSONLines(nodes, edges);
        if (out) await fs.writeFile(out, content);
        else process.stdout.write(content);
      }
    } catch (e) {
      // EACCES, EISDIR, ENOSPC: the reason, not a stack.
      output.err(`policy-kg export: cannot write ${out}: ${(e as Error).message}\n`);
      return 1;
    }
    output.err(
      `exported ${nodes.length} nodes and ${edges.length} edges as ${format}${out ? ` to ${out}` : ''}\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export { readConfig };
