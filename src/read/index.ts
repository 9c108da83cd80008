/**
 * Reading a report: `NAME.txt` (UTF-8, as published) beside `NAME.meta.json`.
 * Every problem is a ReportError naming the file and, where it applies, the field.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { LEVELS, type Level, type ReportInput, type ReportMeta } from '../model';

export const DEFAULT_MAX_REPORT_BYTES = 10 * 1024 * 1024;

export class ReportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly field?: string,
  ) {
    super(`${file}: ${field ? `field "${field}": ` : ''}${problem}`);
    this.name = 'ReportError';
  }
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED_FIELDS = ['id', 'title', 'jurisdiction', 'level', 'year'] as const;
const KNOWN_FIELDS = new Set([
  'id',
  'title',
  'jurisdiction',
  'level',
  'year',
  'deliveredOn',
  'speaker',
  'language',
  'source',
]);

/** YYYY-MM-DD naming a day that exists (2022-02-29 and 2022-13-45 do not). */
function isCalendarDate(s: string): boolean {
  if (!DATE_PATTERN.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Checks a parsed metadata object; `file` is only used in messages. */
export function parseMeta(raw: unknown, file: string): ReportMeta {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ReportError(file, 'metadata must be a JSON object');
  }
  const obj = raw as Record<string, unknown>;
  // Every missing field at once: a writer fixing them one by one would come back five times.
  const missing = REQUIRED_FIELDS.filter((f) => obj[f] === undefined || obj[f] === null);
  if (missing.length > 1) {
    throw new ReportError(file, `is missing the fields ${missing.map((f) => `"${f}"`).join(', ')}`);
  }
  const requireString = (field: string): string => {
    const v = obj[field];
    if (v === undefined || v === null) throw new ReportError(file, 'is missing', field);
    if (typeof v !== 'string')
      throw new ReportError(file, `must be a string, got ${typeof v}`, field);
    if (v.trim() === '') throw new ReportError(file, 'must not be empty', field);
    return v;
  };
  const optionalString = (field: string): string | undefined => {
    const v = obj[field];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string')
      throw new ReportError(file, `must be a string, got ${typeof v}`, field);
    return v;
  };

  const id = requireString('id');
  if (!ID_PATTERN.test(id)) {
    throw new ReportError(
      file,
      `"${id}" is not a valid id (letters, digits, ".", "_" and "-", starting with a letter or digit)`,
      'id',
    );
  }
  const level = requireString('level');
  if (!(LEVELS as readonly string[]).includes(level)) {
    throw new ReportError(file, `"${level}" is not one of ${LEVELS.join(', ')}`, 'level');
  }
  const year = obj.year;
  if (year === undefined || year === null) throw new ReportError(file, 'is missing', 'year');
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1949 || year > 2100) {
    throw new ReportError(
      file,
      `must be a whole year between 1949 and 2100, got ${JSON.stringify(year)}`,
      'year',
    );
  }
  const deliveredOn = optionalString('deliveredOn');
  if (deliveredOn !== undefined && !isCalendarDate(deliveredOn)) {
    throw new ReportError(file, `must be a date YYYY-MM-DD, got "${deliveredOn}"`, 'deliveredOn');
  }
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (!KNOWN_FIELDS.has(k)) extra[k] = v;

  return {
    id,
    title: requireString('title'),
    jurisdiction: requireString('jurisdiction'),
    level: level as Level,
    year,
    deliveredOn,
    speaker: optionalString('speaker'),
    language: optionalString('language'),
    source: optionalString('source'),
    extra,
  };
}

/** Decodes report bytes as strict UTF-8 and checks the size and content. */
export function decodeText(
  bytes: Uint8Array,
  file: string,
  maxBytes = DEFAULT_MAX_REPORT_BYTES,
): string {
  if (bytes.byteLength > maxBytes) {
    throw new ReportError(
      file,
      `is ${bytes.byteLength} bytes, above the limit of ${maxBytes} (MAX_REPORT_BYTES)`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportError(file, 'is not valid UTF-8 (was it saved as GBK or another encoding?)');
  }
  return checkText(text, file);
}

export function checkText(text: string, file: string): string {
  if (text.trim().replace(/[\u200b\ufeff]/g, '') === '') throw new ReportError(file, 'is empty');
  if (text.includes('\u0000'))
    throw new ReportError(file, 'contains NUL bytes: it looks like a binary file');
  return text;
}

/** Reads one report given its `.txt` or `.meta.json` path. */
export async function readReport(
  file: string,
  maxBytes = DEFAULT_MAX_REPORT_BYTES,
): Promise<ReportInput> {
  const base = file.replace(/\.meta\.json$/, '').replace(/\.txt$/, '');
  const textFile = `${base}.txt`;
  const metaFile = `${base}.meta.json`;

  let metaRaw: string;
  try {
    metaRaw = await fs.readFile(metaFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      // Neither half is there: the path named is wrong, not a report half-written.
      if (!(await exists(textFile))) {
        throw new ReportError(
          file,
          /[\\/]$/.test(file)
            ? 'does not exist (no such folder)'
            : 'does not exist (no such file or folder)',
        );
      }
      throw new ReportError(
        textFile,
        `has no metadata file: expected ${path.basename(metaFile)} beside it`,
      );
    }
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(metaRaw);
  } catch (e) {
    throw new ReportError(metaFile, `is not valid JSON: ${(e as Error).message}`);
  }
  const meta = parseMeta(parsed, metaFile);

  let stat;
  try {
    stat = await fs.stat(textFile);
  } catch {
    throw new ReportError(
      metaFile,
      `has no report text: expected ${path.basename(textFile)} beside it`,
    );
  }
  if (stat.size > maxBytes) {
    throw new ReportError(
      textFile,
      `is ${stat.size} bytes, above the limit of ${maxBytes} (MAX_REPORT_BYTES)`,
    );
  }
  const text = decodeText(await fs.readFile(textFile), textFile, maxBytes);
  return { meta, text, origin: textFile };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Lists the reports in a folder (one per `.meta.json`), sorted by file name. */
export async function listReports(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    throw new ReportError(dir, 'is not a readable folder of reports');
  }
  const bases = new Set<string>();
  for (const e of entries) {
    if (e.endsWith('.meta.json')) bases.add(e.slice(0, -'.meta.json'.length));
    else if (e.endsWith('.txt')) bases.add(e.slice(0, -'.txt'.length));
  }
  return [...bases].sort().map((b) => path.join(dir, `${b}.txt`));
}
