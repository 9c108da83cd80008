/** CSV as RFC 4180 reads it: a header, quoted cells where needed, empty for null. */
const cell = (v: unknown) => {
  const s = String(v ?? '');
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csv = (rows: readonly Record<string, unknown>[], header: string[]): string =>
  [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n') + '\n';
