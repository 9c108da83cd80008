/**
 * The exports keep a figure's numbers: GraphML as typed keys (value, low and high as
 * doubles), CSV and JSON Lines in the node's properties.
 */
import { extractReport } from '../src/extract';
import { toCSV, toGraphML, toJSONLines } from '../src/export';
import { targetTable } from '../src/export/targets';
import { RANGE_REPORT } from './support/range-report';
import { lexicon } from './support/lexicon';
import { ningxiaReport } from './support/made-up';

const g = extractReport(RANGE_REPORT, lexicon);
const nodes = [g.report, ...g.sections, ...g.commitments, ...g.figures];
const gdp = g.figures.find((f) => f.kind === 'Target' && f.metricId === 'metric:gdp')!;
const jobs = g.figures.find((f) => f.kind === 'Target' && f.qualifier === 'ABOUT')!;

test('GraphML: figure numbers are typed keys; a RANGE has low and high, other figures not', () => {
  const xml = toGraphML(nodes, g.edges);
  for (const [key, type] of [
    ['value', 'double'],
    ['low', 'double'],
    ['high', 'double'],
    ['year', 'int'],
    ['startYear', 'int'],
  ])
    expect(xml).toContain(`<key id="n_${key}" for="node" attr.name="${key}" attr.type="${type}"/>`);
  const node = (id: string) => new RegExp(`<node id="${id}">.*</node>`).exec(xml)![0];
  expect(node(gdp.id)).toContain(
    '<data key="n_value">4.5</data><data key="n_low">4.5</data><data key="n_high">5</data><data key="n_year">2026</data>',
  );
  expect(node(jobs.id)).toContain('<data key="n_value">5.5</data><data key="n_year">2026</data>');
  expect(node(jobs.id)).not.toContain('n_low');
  expect(node(g.commitments[0]!.id)).not.toContain('n_value');
});

test('CSV and JSON Lines: low and high among the properties of a RANGE', () => {
  const csv = toCSV(nodes, g.edges)['nodes.csv'];
  const row = csv.split('\n').find((l) => l.startsWith(gdp.id))!;
  expect(row).toContain('""low"":4.5,""high"":5');
  const record = toJSONLines(nodes, g.edges)
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as { id?: string; properties?: Record<string, unknown> })
    .find((r) => r.id === gdp.id)!;
  expect(record.properties).toMatchObject({ value: 4.5, low: 4.5, high: 5, qualifier: 'RANGE' });
});

test('GraphML types edge spans and scores as numbers; JSON Lines names edge fields as nodes and CSV do', () => {
  const xml = toGraphML(nodes, g.edges);
  expect(xml).toContain(
    '<key id="e_evidenceStart" for="edge" attr.name="evidenceStart" attr.type="int"/>',
  );
  expect(xml).toContain('<key id="e_score" for="edge" attr.name="score" attr.type="double"/>');
  const records = toJSONLines(nodes, g.edges)
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const edge = records.find((r) => r.element === 'edge' && r.evidenceStart !== null)!;
  expect(Object.keys(edge)).toEqual([
    'element',
    'id',
    'type',
    'source',
    'target',
    'rule',
    'evidenceStart',
    'evidenceEnd',
    'score',
    'lexicon',
    'report',
  ]);
  expect(typeof edge.evidenceStart).toBe('number');
  expect(edge.report).toBe(g.report.reportId);
  expect(records.find((r) => r.element === 'node')).toHaveProperty('report');
});

test('the targets table pairs figures as linking does: an indicator hardly named is in no row', () => {
  const report = ningxiaReport;
  const plan = report(
    2021,
    '一、2020年工作回顾\n\n全区经济平稳。\n\n二、2021年工作安排\n\n地区生产总值增长7%左右。从就业看，6.5%左右的增速可以实现比较充分的就业。\n',
  );
  const review = report(
    2022,
    '一、2021年工作回顾\n\n地区生产总值增长6.7%，95%以上的行政村通光纤。\n\n二、2022年工作安排\n\n推动制造业高质量发展。\n',
  );
  const graphs = [plan, review];
  const rows = targetTable(
    graphs.flatMap((x) => [x.report, ...x.commitments, ...x.figures, ...x.entities]),
  );
  // The GDP target and result pair; the unnamed 6.5%左右 and 95%以上 are in no row.
  expect(rows.map((r) => [r.year, r.metric, r.target_value, r.result_value])).toEqual([
    [2021, 'gdp', 7, 6.7],
  ]);
});
