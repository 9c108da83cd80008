/**
 * The national GDP growth series over the State Council's reports in corpus/ (2014–2022):
 * every year's target from its own report, and its result from the next year's, as
 * `metricSeries` picks them (the standing figure of each year).
 */
import * as path from 'node:path';
import { extractReport } from '../../src/extract';
import { standingFigures, type FigureNode } from '../../src/model';
import { listReports, readReport } from '../../src/read';
import { lexicon } from '../support/lexicon';

const CORPUS = path.resolve(__dirname, '../../corpus');

let figures: FigureNode[];
beforeAll(async () => {
  const files = (await listReports(CORPUS)).filter((f) => /[/\\]china-\d{4}\.txt$/.test(f));
  expect(files).toHaveLength(9);
  figures = [];
  for (const file of files) {
    const g = extractReport(await readReport(file), lexicon);
    figures.push(...g.figures.filter((f) => f.metricId === 'metric:gdp' && f.measure === 'GROWTH'));
  }
  figures.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
});

const series = (kind: FigureNode['kind']) =>
  [
    ...standingFigures(
      figures.filter((f) => f.kind === kind),
      (f) => String(f.year),
    ).values(),
  ]
    .sort((a, b) => a.year - b.year)
    .map((f) => [f.year, f.reportId, f.status, f.value, f.low, f.high, f.qualifier]);

test('targets 2014–2022: ranges with low and high, 2020 deferred', () => {
  expect(series('Target')).toEqual([
    [2014, 'china-2014', 'SET', 7.5, null, null, 'ABOUT'],
    [2015, 'china-2015', 'SET', 7, null, null, 'ABOUT'],
    [2016, 'china-2016', 'SET', 6.5, 6.5, 7, 'RANGE'],
    [2017, 'china-2017', 'SET', 6.5, null, null, 'ABOUT'],
    [2018, 'china-2018', 'SET', 6.5, null, null, 'ABOUT'],
    [2019, 'china-2019', 'SET', 6, 6, 6.5, 'RANGE'],
    [2020, 'china-2020', 'DEFERRED', null, null, null, 'EXACT'],
    [2021, 'china-2021', 'SET', 6, null, null, 'AT_LEAST'],
    [2022, 'china-2022', 'SET', 5.5, null, null, 'ABOUT'],
  ]);
});

test('results 2013–2021, each from the next year’s report', () => {
  expect(series('Result').map(([year, report, , value]) => [year, report, value])).toEqual([
    [2013, 'china-2014', 7.7],
    [2014, 'china-2015', 7.4],
    [2015, 'china-2016', 6.9],
    [2016, 'china-2017', 6.7],
    [2017, 'china-2018', 6.9],
    [2018, 'china-2019', 6.6],
    [2019, 'china-2020', 6.1],
    [2020, 'china-2021', 2.3],
    [2021, 'china-2022', 8.1],
  ]);
});
