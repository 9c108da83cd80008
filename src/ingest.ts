/**
 * The pipeline for report files: read → extract → store → link across reports.
 */
import { promises as fs } from 'node:fs';
import { defaultLexicon, extractReport, type Lexicon } from './extract';
import { linkReport, reportLinker, type LinkOutcome } from './link';
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
  /** What the reports are extracted with (default: the project's graph/). */
  lexicon?: Lexicon;
}

export async function ingestFile(
  store: GraphStore,
  file: string,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const result = await loadFile(store, await extractFile(file, options), options);
  return { ...result, ...(await linkLoaded(store, result)), file };
}

/** Read and extracted, not stored yet. */
interface Extracted {
  file: string;
  graph: ReturnType<typeof extractReport>;
}

async function extractFile(file: string, options: IngestOptions): Promise<Extracted> {
  const input = await readReport(file, options.maxBytes); // read the text and its metadata
  const graph = extractReport(input, options.lexicon ?? defaultLexicon()); // split, recognise, link
  return { file, graph };
}

/** Stores one report, all or nothing; a changed text is refused unless it may replace. */
async function loadFile(
  store: GraphStore,
  { file, graph }: Extracted,
  options: IngestOptions,
): Promise<IngestResult> {
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
  return store.ingest(graph);
}

/** Links a report just stored to the others; one stored unchanged is linked already. */
async function linkLoaded(
  store: GraphStore,
  result: IngestResult,
  link: (reportId: string) => Promise<LinkOutcome> = (id) => linkReport(store, id),
): Promise<LinkOutcome> {
  return result.status === 'unchanged' ? { outcomes: 0, continuations: 0 } : link(result.reportId);
}

/** The report files named: files as they are, folders by their reports. */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const absent: string[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) files.push(...(await listReports(p)));
    // NAME.meta.json or NAME names the report as well as NAME.txt does.
    else if (stat || (await reportExists(p))) files.push(p);
    else absent.push(p);
  }
  if (absent.length) {
    throw new Error(
      `${absent.map((p) => JSON.stringify(p)).join(', ')}: no such file or folder (a report is NAME.txt beside NAME.meta.json)`,
    );
  }
  return files;
}

async function reportExists(p: string): Promise<boolean> {
  const base = p.replace(/\.meta\.json$/, '').replace(/\.txt$/, '');
  const found = await Promise.all(
    [`${base}.txt`, `${base}.meta.json`].map((f) =>
      fs.stat(f).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.some(Boolean);
}

export interface BatchOutcome {
  results: IngestOutcome[];
  failures: { file: string; error: Error }[];
}

/**
 * How many reports are stored at once. Neo4j runs each transaction on one core; with two,
 * the server works on both of this machine's (24,053 vs 21,377 elements/s, medians of
 * alternating loads; docs/decisions.md).
 */
export const LOAD_WIDTH = 2;

/**
 * Runs `work` over the items, `width` at a time, and gives each item's answer or error in
 * the items' order.
 */
export async function inPool<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<(R | Error)[]> {
  const answers: (R | Error)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) {
      try {
        answers[i] = await work(items[i]!, i);
      } catch (e) {
        answers[i] = e instanceof Error ? e : new Error(String(e));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return answers;
}

/**
 * Ingests report files: each is read, extracted and stored, LOAD_WIDTH at a time, and then
 * the reports stored are linked to each other, a jurisdiction at a time (two reports stored
 * side by side do not see each other, so links wait until all are in). A bad report is
 * reported and skipped, the rest load. Two files with the same report id are never stored
 * at once: the later waits for the earlier, as if one by one.
 */
export async function ingestFiles(
  store: GraphStore,
  files: readonly string[],
  options: IngestOptions & {
    /** After a report is stored, before any is linked. */
    onLoad?: (file: string, outcome: IngestResult | Error, index: number, total: number) => void;
    /** After a report is linked (or has failed): its outcome. */
    onReport?: (file: string, outcome: IngestOutcome | Error, index: number, total: number) => void;
  } = {},
): Promise<BatchOutcome> {
  // Per file: its report id once read, and when it is stored or has failed.
  const ids: Promise<string | null>[] = [];
  const jurisdictions: string[] = [];
  const settled: Promise<void>[] = [];
  let loaded = 0;
  const loads = await inPool(files, LOAD_WIDTH, async (file, i) => {
    let finish = () => {};
    settled[i] = new Promise((resolve) => (finish = resolve));
    const reading = extractFile(file, options);
    ids[i] = reading.then(
      (x) => x.graph.report.reportId,
      () => null,
    );
    try {
      const extracted = await reading;
      const id = extracted.graph.report.reportId;
      jurisdictions[i] = extracted.graph.report.jurisdiction;
      for (let j = 0; j < i; j++) if ((await ids[j]) === id) await settled[j];
      const result = await loadFile(store, extracted, options);
      options.onLoad?.(file, result, ++loaded, files.length);
      return result;
    } catch (e) {
      options.onLoad?.(file, e instanceof Error ? e : new Error(String(e)), ++loaded, files.length);
      throw e;
    } finally {
      finish();
    }
  });
  // Linked a jurisdiction at a time (its reports compare with each other), in the files'
  // order within it; the edges do not depend on the order, and the outcomes come in the
  // files' order.
  const link = reportLinker(store);
  const byJurisdiction = files
    .map((_, i) => i)
    .sort((a, b) => {
      const [x, y] = [jurisdictions[a] ?? '', jurisdictions[b] ?? ''];
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  const outcomes: (IngestOutcome | Error)[] = [];
  let linked = 0;
  for (const i of byJurisdiction) {
    const file = files[i]!;
    const load = loads[i]!;
    try {
      if (load instanceof Error) throw load;
      outcomes[i] = { ...load, ...(await linkLoaded(store, load, link)), file };
    } catch (e) {
      outcomes[i] = e instanceof Error ? e : new Error(String(e));
    }
    options.onReport?.(file, outcomes[i]!, ++linked, files.length);
  }
  const outcome: BatchOutcome = { results: [], failures: [] };
  for (const [i, file] of files.entries()) {
    const o = outcomes[i]!;
    if (o instanceof Error) outcome.failures.push({ file, error: o });
    else outcome.results.push(o);
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
