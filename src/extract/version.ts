/**
 * The extractor's version: a hash of the extraction code and of the lexicon it runs with.
 * A stored report carries the version it was extracted with, and is extracted again when
 * either changes, so a rule change never leaves stale links behind.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Lexicon } from './lexicon';

let rules: string | null = null;

/**
 * A hash of the code in this folder (the TypeScript sources under ts-jest, the compiled
 * JavaScript in dist/): it moves with any change to a rule, however small.
 */
export function rulesVersion(): string {
  return (rules ??= sourcesHash(__dirname));
}

/** A hash of the names and contents of the code files (.ts, .js) in `dir`. */
export function sourcesHash(dir: string): string {
  const hash = createHash('sha256');
  const code = readdirSync(dir)
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
  for (const file of code)
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(dir, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 12);
}

/** What a stored report's `extractorVersion` is compared with. */
export function extractorVersion(lexicon: Lexicon): string {
  return `${rulesVersion()}+${lexicon.hash}`;
}
