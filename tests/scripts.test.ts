/**
 * The bench scripts' command lines: a long run that rewrites docs/benchmarks.md does not
 * start on --help, on a typo, or on --neo4j with no database named.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const script = (name: string, ...argv: string[]) =>
  spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', name), ...argv], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: '' },
    timeout: 20000,
  });

test('--help prints the usage from the header and runs nothing', () => {
  const bench = script('bench.js', '--help');
  expect(bench.status).toBe(0);
  expect(bench.stdout).toMatch(/^npm run bench \[-- --quick\] \[-- --neo4j\] \[-- --rewrite\]\n/);
  expect(bench.stderr).toBe('');
  const load = script('load.js', '-h');
  expect(load.status).toBe(0);
  expect(load.stdout).toMatch(/^npm run bench:load /);
});

test('an unknown flag is refused with what was wrong, then the usage', () => {
  const r = script('bench.js', '--quikc');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^unknown argument "--quikc"\n\nnpm run bench /);
  expect(r.stdout).toBe('');
});

test('a number flag needs a positive number after it', () => {
  expect(script('load.js', '--clients').stderr).toMatch(
    /^--clients takes a positive number, not ""/,
  );
  expect(script('load.js', '--seconds', 'ten').stderr).toMatch(
    /^--seconds takes a positive number, not "ten"/,
  );
  expect(script('load.js', '--clients', '0').status).toBe(2);
});

test('--neo4j without NEO4J_URI is refused rather than measuring the embedded store alone', () => {
  const r = script('bench.js', '--quick', '--neo4j');
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^--neo4j needs NEO4J_URI/);
});
