/**
 * The pipeline for report files: read → extract → store → link across reports.
 */
import { promises as fs } from 'node:fs';
import { extractReport } from './extract';
import { linkReport, type LinkOutcome } from './link';
import { listReports, readReport, ReportError } from './read';
import type { GraphStore, IngestResult } from './store';

export type IngestOutcome = IngestResult & LinkOutcome & { file: string };

export interface IngestOptions {
  maxBytes?: number;
  /**
   * A stored report with the same id and another text: `replace` it (REPORTS_DIR is the
   * source of truth at start-up) or `refuse` (the CLI, unless --replace).
   */
  changedText?: 'replace' | 'refuse';
}

export async function ingestFile(
  store: GraphStore,
  file: string,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const input = await readReport(file, options.maxBytes); // read the text and its metadata
  const graph = extractReport(input); // split, recognise, link within the report
  if (options.changedText === 'refuse') {
    const [stored] = await store.reportsByIds([graph.report.reportId]);
    if (stored && stored.hash !== graph.report.hash) {
      throw new ReportError(
        file,
        `a report with id "${graph.report.reportId}" is already stored with a different text (use --replace to replace it)`,
        'id',
      );
    }
  }
  const result = await store.ingest(graph); // load, all or nothing
  const links =
    result.status === 'unchanged'
      ? { outcomes: 0, continuations: 0 }
      : await linkReport(store, graph.report.reportId);
  return { ...result, ...links, file };
}

/** The report files named: files as they are, folders by their reports. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) files.push(...(await listReports(p)));
    else files.push(p);
  }
  return files;
}

export interface BatchOutcome {
  results: IngestOutcome[];
  failures: { file: string; error: Error }[];
}

/** Ingests report files one by one; a bad report is reported and skipped, the rest load. */
export async function ingestFiles(
  store: GraphStore,
  files: readonly string[],
  options: IngestOptions & {
    onReport?: (file: string, outcome: IngestOutcome | Error, index: number, total: number) => void;
  } = {},
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { results: [], failures: [] };
  for (const [i, file] of files.entries()) {
    try {
      const result = await ingestFile(store, file, options);
      outcome.results.push(result);
      options.onReport?.(file, result, i + 1, files.length);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      outcome.failures.push({ file, error });
      options.onReport?.(file, error, i + 1, files.length);
    }
  }
  return outcome;
}

/** Ingests every report of a folder. */
export async function ingestFolder(
  store: GraphStore,
  dir: string,
  options: Parameters<typeof ingestFiles>[2] = {},
): Promise<BatchOutcome> {
  return ingestFiles(store, await listReports(dir), options);
}
