/**
 * The pipeline, read → extract → store, for one report file or a folder of them.
 */
import { extractReport } from './extract';
import { linkReport } from './link';
import { listReports, readReport } from './read';
import type { GraphStore, IngestResult } from './store';

export async function ingestFile(
  store: GraphStore,
  file: string,
  maxBytes?: number,
): Promise<IngestResult> {
  const input = await readReport(file, maxBytes); // read the text and its metadata
  const graph = extractReport(input); // split, recognise, link
  const result = await store.ingest(graph); // load, all or nothing
  if (result.status !== 'unchanged') await linkReport(store, graph.report.reportId); // across reports
  return result;
}

export interface FolderOutcome {
  results: IngestResult[];
  failures: { file: string; error: Error }[];
}

/** Ingests every report of a folder; a bad report is reported and skipped, the rest load. */
export async function ingestFolder(
  store: GraphStore,
  dir: string,
  options: {
    maxBytes?: number;
    onReport?: (file: string, outcome: IngestResult | Error, index: number, total: number) => void;
  } = {},
): Promise<FolderOutcome> {
  const files = await listReports(dir);
  const outcome: FolderOutcome = { results: [], failures: [] };
  for (const [i, file] of files.entries()) {
    try {
      const result = await ingestFile(store, file, options.maxBytes);
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
