/** The Cypher the service runs, read once from the `.cypher` files in `cypher/`. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

function cypherRoot(): string {
  // src/store/neo4j under ts-jest, dist/src/store/neo4j when built: walk up to the package.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'cypher');
    if (existsSync(path.join(candidate, 'schema.cypher'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`cypher/ not found above ${__dirname}`);
  }
}

const root = cypherRoot();
const cache = new Map<string, string>();

/** The text of `cypher/NAME.cypher`. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(path.join(root, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** The statements of a file of several, split on the `;` that ends a line. */
export function cypherStatements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
