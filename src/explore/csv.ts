// Pure text builders of the List tab (no DOM), so that node tests can check them directly.

export type Cell = string | number | null | undefined;

/** One field as RFC 4180 writes it: quoted when it holds a quote, comma, CR or LF. */
export function csvField(value: Cell): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A CSV document: the header, then one record per row, each line ended by CRLF (RFC 4180).
 * A UTF-8 byte-order mark goes first so that spreadsheet programs read the Chinese as UTF-8.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}

export interface CitationParts {
  reportTitle: string;
  reportId: string;
  section: { path: string; title: string } | null;
  span: { start: number; end: number };
  sentence: string;
}

/** A citation a researcher can paste: report title and id, section, character span, sentence. */
export function citation(c: CitationParts): string {
  const section = c.section ? `, ${c.section.path} ${c.section.title}` : '';
  return `${c.reportTitle} (${c.reportId})${section}, characters ${c.span.start}–${c.span.end}: “${c.sentence}”`;
}

/** A file name from an entity's name, kept to characters every file system takes. */
export function fileName(name: string, what: string): string {
  const safe = name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 60) || 'list';
  return `${safe}-${what}.csv`;
}
