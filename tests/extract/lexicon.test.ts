/**
 * The lexicon is a value: two lexicons run side by side in one process, and the extractor
 * version moves with the data and with the code.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extractReport, extractorVersion } from '../../src/extract';
import { LEXICON_FILES, lexiconFromFiles, loadLexicon } from '../../src/extract/lexicon';
import { sourcesHash } from '../../src/extract/version';
import { lexicon } from '../support/lexicon';
import { seedInput } from '../support/seeds';

const GRAPH = path.resolve(__dirname, '../../graph');

function files(): Record<string, unknown> {
  return Object.fromEntries(
    LEXICON_FILES.map((f) => [f, JSON.parse(readFileSync(path.join(GRAPH, f), 'utf8'))]),
  );
}

test('two lexicons extract side by side: a theme taken out of one is unknown to it alone', async () => {
  const input = await seedInput('liaoning-2022');
  const data = files() as { 'themes.json': { themes: { name: string; components?: string[] }[] } };
  const themes = data['themes.json'].themes
    .filter((t) => t.name !== '五大安全')
    .map((t) => ({ ...t, components: (t.components ?? []).filter((c) => c !== '五大安全') }));
  const without = lexiconFromFiles({ ...data, 'themes.json': { ...data['themes.json'], themes } });

  const full = extractReport(input, lexicon);
  const cut = extractReport(input, without);
  const serves = (g: typeof full) =>
    g.edges.filter((e) => e.type === 'SERVES' && e.target === 'theme:五大安全').length;
  expect(serves(full)).toBeGreaterThan(5);
  // Read as a quoted slogan, at most: never by the lexicon's rules.
  expect(
    cut.edges.filter(
      (e) => e.target === 'theme:五大安全' && ['explicit', 'component'].includes(e.rule),
    ),
  ).toEqual([]);
  // The first lexicon is untouched by the second.
  expect(extractReport(input, lexicon)).toEqual(full);
  expect(extractorVersion(without)).not.toBe(extractorVersion(lexicon));
  expect(cut.report.extractorVersion).toBe(extractorVersion(without));
});

test('loadLexicon reads a folder and names a missing or broken file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-'));
  cpSync(GRAPH, dir, { recursive: true });
  expect(loadLexicon(dir).hash).toBe(lexicon.hash);
  writeFileSync(path.join(dir, 'themes.json'), '{ "themes": [');
  expect(() => loadLexicon(dir)).toThrow(/themes\.json/);
});

test('a metric entry that names a metric there is not is refused with its key', () => {
  const broken = files() as { 'metrics.json': { metrics: { key: string; ratioOf?: object }[] } };
  const ratio = broken['metrics.json'].metrics.find((m) => m.ratioOf)!;
  ratio.ratioOf = { part: 'rd_expenditure', whole: 'gdpp' };
  expect(() => lexiconFromFiles(broken)).toThrow(
    `lexicon metrics.json: ${ratio.key}'s ratioOf.whole names no metric ("gdpp")`,
  );
  const twice = files() as { 'metrics.json': { metrics: { key: string }[] } };
  twice['metrics.json'].metrics.push({ ...twice['metrics.json'].metrics[0]! });
  expect(() => lexiconFromFiles(twice)).toThrow('the key "gdp" is given twice');
});

test('the rules version is a hash of the extraction code: any edit moves it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rules-'));
  const src = path.resolve(__dirname, '../../src/extract');
  cpSync(src, dir, { recursive: true });
  const before = sourcesHash(dir);
  expect(before).toBe(sourcesHash(src));
  const file = path.join(dir, 'quantities.ts');
  writeFileSync(file, readFileSync(file, 'utf8').replace('以上', '以 上'));
  expect(sourcesHash(dir)).not.toBe(before);
});
