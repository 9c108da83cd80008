import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { listReports, parseMeta, readReport, ReportError } from '../../src/read';

const META = {
  id: 'test-2022',
  title: '测试报告',
  jurisdiction: '辽宁省',
  level: 'provincial',
  year: 2022,
  deliveredOn: '2022-01-20',
  committee: 'kept as an extra field',
};
const TEXT = '一、2021年工作回顾\n\n沈阳经济增长。\n';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-read-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function readError(dir: string, file = 'r.txt'): Promise<ReportError> {
  try {
    await readReport(path.join(dir, file));
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError);
    return e as ReportError;
  }
  throw new Error('expected a ReportError');
}

test('reads the text exactly and keeps unknown metadata fields', async () => {
  const dir = folder({ 'r.txt': TEXT, 'r.meta.json': JSON.stringify(META) });
  const r = await readReport(path.join(dir, 'r.txt'));
  expect(r.text).toBe(TEXT);
  expect(r.meta).toMatchObject({ id: 'test-2022', level: 'provincial', year: 2022 });
  expect(r.meta.extra).toEqual({ committee: 'kept as an extra field' });
  // Either file of the pair names the report.
  expect((await readReport(path.join(dir, 'r.meta.json'))).text).toBe(TEXT);
});

test('a missing metadata file is named', async () => {
  const e = await readError(folder({ 'r.txt': TEXT }));
  expect(e.message).toMatch(/r\.txt: has no metadata file: expected r\.meta\.json beside it/);
});

test('malformed JSON says where', async () => {
  const e = await readError(folder({ 'r.txt': TEXT, 'r.meta.json': '{"id": "x",' }));
  expect(e.message).toMatch(/r\.meta\.json: is not valid JSON/);
});

test.each([
  [{ ...META, id: undefined }, 'id', /is missing/],
  [{ ...META, year: '2022' }, 'year', /must be a whole year/],
  [{ ...META, year: 2022.5 }, 'year', /must be a whole year/],
  [{ ...META, level: 'county' }, 'level', /"county" is not one of national, provincial, municipal/],
  [{ ...META, title: 42 }, 'title', /must be a string, got number/],
  [{ ...META, id: '../etc' }, 'id', /not a valid id/],
  [{ ...META, deliveredOn: '20 January' }, 'deliveredOn', /must be a date YYYY-MM-DD/],
])('metadata field errors name the field (%#)', async (meta, field, message) => {
  const e = await readError(folder({ 'r.txt': TEXT, 'r.meta.json': JSON.stringify(meta) }));
  expect(e.field).toBe(field);
  expect(e.message).toMatch(message);
  expect(e.message).toContain('r.meta.json');
});

test('metadata that is not an object is refused', async () => {
  const e = await readError(folder({ 'r.txt': TEXT, 'r.meta.json': '[1, 2]' }));
  expect(e.message).toMatch(/must be a JSON object/);
});

test('empty, binary and non-UTF-8 texts are refused', async () => {
  const meta = JSON.stringify(META);
  expect(
    (await readError(folder({ 'r.txt': ' \n\u200b\n', 'r.meta.json': meta }))).message,
  ).toMatch(/is empty/);
  const binary = Buffer.from([0x00, 0x01, 0x02, 0x41]);
  expect((await readError(folder({ 'r.txt': binary, 'r.meta.json': meta }))).message).toMatch(
    /binary/,
  );
  // 沈阳 in GBK
  const gbk = Buffer.from([0xc9, 0xf2, 0xd1, 0xf4]);
  expect((await readError(folder({ 'r.txt': gbk, 'r.meta.json': meta }))).message).toMatch(
    /not valid UTF-8/,
  );
});

test('a report above the size limit is refused', async () => {
  const dir = folder({ 'r.txt': TEXT.repeat(100), 'r.meta.json': JSON.stringify(META) });
  await expect(readReport(path.join(dir, 'r.txt'), 100)).rejects.toThrow(/above the limit of 100/);
});

test('a folder lists one entry per report', async () => {
  const dir = folder({
    'b.txt': TEXT,
    'b.meta.json': '{}',
    'a.txt': TEXT,
    'a.meta.json': '{}',
    'notes.md': '',
  });
  expect((await listReports(dir)).map((f) => path.basename(f))).toEqual(['a.txt', 'b.txt']);
  await expect(listReports(path.join(dir, 'missing'))).rejects.toThrow(/not a readable folder/);
});

test('every missing metadata field is named at once', () => {
  expect(() => parseMeta({ id: 'x', level: 'provincial' }, 'a.meta.json')).toThrow(
    'a.meta.json: is missing the fields "title", "jurisdiction", "year"',
  );
});
