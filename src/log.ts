/**
 * Structured logs: one JSON object per line on stderr (a line per request, per ingest,
 * per start-up step), so they can be searched and counted.
 */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

export function log(event: string, fields: LogFields = {}): void {
  sink(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
}

/** Sends log lines elsewhere (tests); returns the previous sink. */
export function setLogSink(next: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = next;
  return previous;
}
