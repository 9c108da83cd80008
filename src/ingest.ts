/**
 * The pipeline for report files: read → extract → store → link across reports.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { defaultLexicon, extractReport, type Lexicon } from './extract';
import { linkReport, reportLinker, type LinkOutcome } from './link';
import type { ReportGraph, ReportNode } from './model';
import { listReports, readReport, ReportError } from './read';
import { mayStore, ReportConflictError, type GraphStore, type IngestResult } from './store';
import { KeyedQueue } from './store/lock';

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
  try {
    // The store checks and stores as one step, one ingest of an id at a time.
    return await store.ingest(graph, { changed: options.changedText ?? 'replace' });
  } catch (e) {
    if (e instanceof ReportConflictError)
      throw new ReportError(file, `${e.message} (use --replace to replace it)`, 'id');
    throw e;
  }
}

/** Reports being added at run time in this process, one at a time per id. */
const adding = new KeyedQueue();

/**
 * Adds one report at run time (the ingestReport mutation): a report stored under its id
 * with another text or other metadata is refused (ReportConflictError), the same one is
 * `unchanged`. With `reportsDir` (the embedded store) the files are written there first,
 * never over a file already there, and removed again if the store fails. One ingest of an
 * id at a time: parallel requests for one id get the same answers as one after the other.
 */
export async function addReport(
  store: GraphStore,
  graph: ReportGraph,
  reportsDir: string | null,
): Promise<IngestResult & LinkOutcome> {
  return adding.run(graph.report.reportId, async () => {
    const [stored] = await store.reportsByIds([graph.report.reportId]);
    if (mayStore(stored, graph.report, { changed: 'refuse' }) === null) {
      return {
        reportId: graph.report.reportId,
        status: 'unchanged' as const,
        nodes: 0,
        edges: 0,
        outcomes: 0,
        continuations: 0,
      };
    }
    const files = reportsDir ? await writeReport(reportsDir, graph.report) : null;
    let result: IngestResult;
    try {
      result = await store.ingest(graph, { changed: 'refuse' });
    } catch (e) {
      await files?.undo();
      throw e;
    }
    return { ...result, ...(await linkLoaded(store, result)) };
  });
}

/** REPORTS_DIR holds another file under the report's name: it is not written over. */
export class ReportFileConflictError extends Error {}

/**
 * Writes NAME.txt and NAME.meta.json, each whole or not at all: written to a temporary
 * file of its own (parallel writers do not share one) and linked into place, which fails
 * where a file is already there. That file is left as it is: kept when it holds the same
 * content, refused otherwise. `undo` removes the files this call created.
 */
async function writeReport(
  dir: string,
  report: ReportNode,
): Promise<{ undo: () => Promise<void> }> {
  const meta = {
    id: report.reportId,
    title: report.title,
    jurisdiction: report.jurisdiction,
    level: report.level,
    year: report.year,
    deliveredOn: report.deliveredOn,
    speaker: report.speaker,
    language: report.language,
    source: report.source,
    ...(JSON.parse(report.extra || '{}') as Record<string, unknown>),
  };
  const created: string[] = [];
  const undo = async () => void (await Promise.all(created.map((f) => fs.rm(f, { force: true }))));
  const write = async (name: string, content: string) => {
    const file = path.join(dir, name);
    const temporary = path.join(dir, `.${name}.${randomUUID()}.tmp`);
    try {
      await fs.writeFile(temporary, content, { encoding: 'utf8', flag: 'wx' });
      try {
        await fs.link(temporary, file);
        created.push(file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const there = await fs.readFile(file, 'utf8').catch(() => null);
        if (there !== content) {
          throw new ReportFileConflictError(
            `REPORTS_DIR already holds ${name} with other content; it is not written over`,
          );
        }
      }
    } catch (e) {
      if (e instanceof ReportFileConflictError) throw e;
      // The cause without the folder's path, which a client has no business seeing.
      throw new Error(
        `could not write ${name} into REPORTS_DIR (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    } finally {
      await fs.rm(temporary, { force: true });
    }
  };
  try {
    await write(`${report.reportId}.txt`, report.text);
    await write(
      `${report.reportId}.meta.json`,
      `${JSON.stringify(Object.fromEntries(Object.entries(meta).filter(([, v]) => v != null)), null, 2)}\n`,
    );
  } catch (e) {
    await undo();
    throw e;
  }
  return { undo };
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
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (stat?.isDirectory()) for (const f of await listReports(p)) files.push(f);
    else files.push(p);
  }
  return files;
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
