/**
 * The command line: ingest (idempotent, linking to what is stored, atomic per report) and
 * export (GraphML, CSV, JSON Lines), on the embedded store and on Neo4j.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { exportCommand, ingestCommand, type Output } from '../src/cli';
import { TARGET_COLUMNS } from '../src/export';
import { readConfig, type Config } from '../src/config';
import { Neo4jStore } from '../src/store/neo4j';
import { describeNeo4j, neo4jConfig } from './support/neo4j';
import { SEEDS } from './support/seeds';

function capture(): Output & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: () => undefined, tty: false };
}

const folder = (...ids: string[]) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-cli-'));
  for (const id of ids)
    for (const ext of ['.txt', '.meta.json'])
      copyFileSync(path.join(SEEDS, id + ext), path.join(dir, id + ext));
  return dir;
};

const graphSize = (lines: string[]) => {
  const m = /holds (\d+) nodes and (\d+) edges/.exec(lines.at(-1)!);
  return { nodes: Number(m![1]), edges: Number(m![2]) };
};

function cliSuite(config: () => Config, kind: string): void {
  test(`${kind}: ingest adds, links to what is there, and again changes nothing`, async () => {
    const first = capture();
    expect(await ingestCommand([folder('china-2021', 'liaoning-2022')], config(), first)).toBe(0);
    const later = capture();
    expect(await ingestCommand([path.join(SEEDS, 'china-2022.txt')], config(), later)).toBe(0);
    expect(later.lines[0]).toMatch(
      /^china-2022: added, \d+ nodes and \d+ edges new; linked with other reports: ([1-9]\d*) results to their targets, ([1-9]\d*) commitments to the work they continue$/,
    );
    const before = graphSize(later.lines);
    const again = capture();
    expect(await ingestCommand([SEEDS], config(), again)).toBe(0);
    expect(again.lines.slice(0, 3)).toEqual([
      'china-2021: unchanged',
      'china-2022: unchanged',
      'liaoning-2022: unchanged',
    ]);
    expect(graphSize(again.lines)).toEqual(before);
  });

  test(`${kind}: a bad report is skipped with its reason; the others load`, async () => {
    const dir = folder('liaoning-2022');
    writeFileSync(path.join(dir, 'broken.txt'), '一、2022年工作安排\n\n加快发展。\n');
    writeFileSync(
      path.join(dir, 'broken.meta.json'),
      '{"id": "broken", "title": "x", "jurisdiction": "辽宁省", "level": "provincial", "year": "2022"}',
    );
    const out = capture();
    expect(await ingestCommand([dir], config(), out)).toBe(1);
    expect(out.lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^skipped .*broken\.txt: .*broken\.meta\.json: field "year": must be a whole year/,
        ),
      ]),
    );
  });

  test(`${kind}: export as GraphML, CSV and JSON Lines holds every node and edge`, async () => {
    const size = graphSize((await run(ingestCommand, [SEEDS])).lines);
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-export-'));
    const graphml = path.join(dir, 'g.graphml');
    expect(
      await exportCommand(['--format', 'graphml', '--out', graphml], config(), capture()),
    ).toBe(0);
    const xml = readFileSync(graphml, 'utf8');
    expect(xml.match(/<node id=/g)).toHaveLength(size.nodes);
    expect(xml.match(/<edge id=/g)).toHaveLength(size.edges);
    expect(xml).toContain('<data key="e_rule">abbreviation</data>');
    const jsonl = path.join(dir, 'g.jsonl');
    expect(await exportCommand([`--format=jsonl`, `--out=${jsonl}`], config(), capture())).toBe(0);
    const records = readFileSync(jsonl, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { element: string });
    expect(records.filter((r) => r.element === 'node')).toHaveLength(size.nodes);
    expect(records.filter((r) => r.element === 'edge')).toHaveLength(size.edges);
    const csvDir = path.join(dir, 'csv');
    expect(await exportCommand(['--format', 'csv', '--out', csvDir], config(), capture())).toBe(0);
    expect(readdirSync(csvDir).sort()).toEqual(['edges.csv', 'nodes.csv']);
    expect(readFileSync(path.join(csvDir, 'edges.csv'), 'utf8').split('\n')[0]).toBe(
      'id,type,source,target,rule,evidenceStart,evidenceEnd,score,lexicon,report',
    );
    expect(await exportCommand(['--format', 'pdf'], config(), capture())).toBe(2);
  });

  test(`${kind}: export targets-csv is a tidy table a CSV parser reads, rows citing their text`, async () => {
    await run(ingestCommand, [SEEDS]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'policy-kg-export-')), 't.csv');
    expect(
      await exportCommand(['--format', 'targets-csv', '--out', file], config(), capture()),
    ).toBe(0);
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...TARGET_COLUMNS]);
    // The national GDP growth of 2021: planned at least 6 %, reported 8.1 % a year later.
    expect(
      rows.find(
        (r) =>
          r.jurisdiction === '中国' &&
          r.year === '2021' &&
          r.metric === 'gdp' &&
          r.measure === 'GROWTH',
      ),
    ).toMatchObject({
      jurisdiction_en: 'China',
      target_value: '6',
      target_qualifier: 'AT_LEAST',
      result_value: '8.1',
      verdict: 'MET',
      verdict_rule: 'at-least',
      target_report: 'china-2021',
      result_report: 'china-2022',
    });
    // One row per jurisdiction, year, metric and measure; every citation slices back to its words.
    const keys = rows.map((r) => [r.jurisdiction, r.year, r.metric, r.measure].join(' '));
    expect(new Set(keys).size).toBe(rows.length);
    const texts = new Map(
      ['china-2021', 'china-2022', 'liaoning-2022'].map((id) => [
        id,
        readFileSync(path.join(SEEDS, `${id}.txt`), 'utf8'),
      ]),
    );
    let cited = 0;
    for (const r of rows) {
      for (const side of ['target', 'result'] as const) {
        if (!r[`${side}_report`]) continue;
        const text = texts.get(r[`${side}_report`]!)!;
        expect(text.slice(Number(r[`${side}_start`]), Number(r[`${side}_end`]))).toBe(
          r[`${side}_text`],
        );
        expect(text).toContain(r[`${side}_sentence`]);
        cited++;
      }
      expect(r.verdict === '').toBe(!(r.target_report && r.result_report));
    }
    expect(cited).toBeGreaterThan(rows.length);
  });

  const run = async (cmd: typeof ingestCommand, args: string[]) => {
    const out = capture();
    await cmd(args, config(), out);
    return out;
  };
}

describe('CLI on the embedded store', () => {
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-reportsdir-'));
  cliSuite(() => ({ ...readConfig({}), reportsDir }), 'embedded');
  test('embedded: ingested reports are kept in REPORTS_DIR', () => {
    expect(
      readdirSync(reportsDir)
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    ).toEqual(['china-2021.txt', 'china-2022.txt', 'liaoning-2022.txt']);
  });
});

describe('CLI on bad paths says what is wrong', () => {
  const reportsDir = mkdtempSync(path.join(tmpdir(), 'policy-kg-reportsdir-'));
  const config = () => ({ ...readConfig({}), reportsDir });
  const both = () => {
    const lines: string[] = [];
    const output: Output = { out: (l) => lines.push(l), err: (l) => lines.push(l), tty: false };
    return { lines, output };
  };

  test('--help after a command prints the usage and reads nothing', async () => {
    for (const [command, args] of [
      [ingestCommand, ['--help']],
      [ingestCommand, ['--replace', '-h', 'no-such-file.txt']],
      [exportCommand, ['--format', 'targets-csv', '--help']],
    ] as const) {
      const { lines, output } = both();
      expect(await command([...args], config(), output)).toBe(0);
      expect(lines.join('\n')).toContain('policy-kg export [--format F] [--out PATH]');
      expect(lines.join('\n')).not.toMatch(/skipped|exported|unknown argument/);
    }
    expect(readdirSync(config().reportsDir)).toEqual([]);
  });

  test('ingest of a file or a folder that does not exist', async () => {
    const { lines, output } = both();
    const nowhere = path.join(tmpdir(), 'policy-kg-nowhere');
    expect(
      await ingestCommand([`${nowhere}/missing.txt`, `${nowhere}/nodir/`], config(), output),
    ).toBe(1);
    expect(lines.filter((l) => l.startsWith('skipped'))).toEqual([
      `skipped ${nowhere}/missing.txt: ${nowhere}/missing.txt: does not exist (no such file or folder)`,
      `skipped ${nowhere}/nodir/: ${nowhere}/nodir/: does not exist (no such folder)`,
    ]);
  });

  test('every missing metadata field is named', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-cli-'));
    writeFileSync(path.join(dir, 'r.txt'), '一、2022年工作安排\n\n加快发展。\n');
    writeFileSync(path.join(dir, 'r.meta.json'), '{"id": "r", "level": "provincial"}');
    const { lines, output } = both();
    expect(await ingestCommand([dir], config(), output)).toBe(1);
    expect(lines).toContain(
      `skipped ${path.join(dir, 'r.txt')}: ${path.join(dir, 'r.meta.json')}: is missing the fields "title", "jurisdiction", "year"`,
    );
  });

  test('export --out into a folder that does not exist, and --out without a path, are refused', async () => {
    const nowhere = path.join(tmpdir(), 'policy-kg-nowhere', 'g.graphml');
    for (const [args, message] of [
      [
        ['--out', nowhere],
        `policy-kg export: cannot write to ${nowhere}: the folder ${path.dirname(nowhere)} does not exist\n`,
      ],
      [['--out'], 'policy-kg export: --out needs a path\n'],
      [['--out', '--format', 'jsonl'], 'policy-kg export: --out needs a path\n'],
      [['--out='], 'policy-kg export: --out= needs a path\n'],
    ] as const) {
      const { lines, output } = both();
      expect(await exportCommand([...args], config(), output)).toBe(2);
      expect(lines).toEqual([message]);
    }
  });
});

describeNeo4j('CLI on Neo4j', () => {
  const config = () => ({ ...readConfig({}), neo4j: neo4jConfig });
  beforeAll(async () => {
    const store = new Neo4jStore(neo4jConfig!);
    await store.init();
    await store.clear();
    await store.close();
  });
  afterAll(async () => {
    const store = new Neo4jStore(neo4jConfig!);
    await store.clear();
    await store.close();
  });
  cliSuite(config, 'neo4j');
});

describe('CLI on the embedded store with the default REPORTS_DIR', () => {
  const run = async (cmd: typeof ingestCommand, args: string[], reportsDir?: string) => {
    const lines: string[] = [];
    const output: Output = { out: (l) => lines.push(l), err: (l) => lines.push(l), tty: false };
    const base = readConfig({});
    const code = await cmd(args, { ...base, reportsDir: reportsDir ?? base.reportsDir }, output);
    return { code, text: lines.join('') };
  };
  test('ingest on the embedded store does not write into the project’s seeds/', async () => {
    const before = readdirSync(SEEDS).sort();
    const r = await run(ingestCommand, [folder('china-2021')], 'seeds');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/set REPORTS_DIR to a folder of your own/);
    expect(readdirSync(SEEDS).sort()).toEqual(before);
  });
});
