/// <reference lib="dom" />
/**
 * The metric view (issue 17 item 1) and the tidy table's download (issue 18) in a real Chromium,
 * at desktop and phone size, over the 29 reports of corpus/: China's GDP 2014–2022 drawn target
 * by target against the same service's answers, every table cell opening its sentence, one year
 * across jurisdictions against the national target, the CSV, a restored URL, a failed request.
 */
import 'reflect-metadata';
import { parse } from 'csv-parse/sync';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { extractReport } from '../../src/extract';
import { qualifierWords } from '../../src/explore/qualifiers';
import { linkReport } from '../../src/link';
import { listReports, readReport } from '../../src/read';
import { explorerDir } from '../../src/serve/explorer';
import { startService, type RunningService } from '../../src/serve/server';
import { EmbeddedStore } from '../../src/store/embedded';
import { describeBrowser, launchChromium } from '../support/browser';
import { SCREENS, noSidewaysScroll, showPane, shoot } from '../support/explorer';
import { lexicon } from '../support/lexicon';

const CORPUS = path.resolve(__dirname, '../../corpus');

interface Fig {
  year: number;
  value: number | null;
  qualifier: string;
  status: string;
  text: string;
  unit: string | null;
  report: { id: string; title: string };
}
interface Point {
  year: number;
  jurisdiction: { id: string };
  target: Fig | null;
  result: Fig | null;
  verdict: { value: string } | null;
}

describeBrowser('metric view', () => {
  let service: RunningService;
  let browser: Browser;
  const texts = new Map<string, string>();
  const titles = new Map<string, string>();
  // UPDATE_SCREENSHOTS=1 writes the screenshots docs/ shows.
  const shots =
    process.env.UPDATE_SCREENSHOTS === '1' ? path.join(__dirname, '..', '..', 'docs') : null;

  /** Asks the service the page talks to, as a researcher would. */
  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  const chinaGdp = async () =>
    (
      await gql<{ metricSeries: Point[] }>(
        `{ metricSeries(metric: "gdp", jurisdiction: "中国") {
          year jurisdiction { id } verdict { value }
          target { year value qualifier status text unit report { id title } }
          result { year value qualifier status text unit report { id title } }
        } }`,
      )
    ).metricSeries;

  beforeAll(async () => {
    if (!existsSync(path.join(explorerDir(), 'index.html'))) {
      throw new Error(`the explorer is not built (${explorerDir()}): run npm run build:explorer`);
    }
    // As `policy-kg ingest corpus/` stores a folder: read, extract, store; then link each report.
    const store = new EmbeddedStore();
    for (const file of await listReports(CORPUS)) {
      const input = await readReport(file);
      await store.ingest(extractReport(input, lexicon));
      texts.set(input.meta.id, input.text);
      titles.set(input.meta.id, input.meta.title);
    }
    expect(texts.size).toBe(29);
    for (const id of texts.keys()) await linkReport(store, id);
    service = await startService({ store, port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  describe.each(SCREENS)('on a $name screen', (screen) => {
    let page: Page;
    const external: string[] = [];

    async function newPage(): Promise<Page> {
      const p = await browser.newPage({ viewport: screen.viewport, acceptDownloads: true });
      // Nothing may come from outside this machine.
      await p.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
      p.on('request', (r) => {
        if (!r.url().startsWith('http://127.0.0.1')) external.push(r.url());
      });
      return p;
    }

    /** Searches a metric by name and opens it from the results, as a user does. */
    async function openFromSearch(p: Page, words: string, id: string): Promise<void> {
      await p.goto(`${service.url}/explorer/`);
      await showPane(p, 'search');
      await p.fill('#search', words);
      await p.press('#search', 'Enter');
      await p.click(`#search-results li[data-id="${id}"]`);
      await p.locator('#metric-view .metric-chart svg').waitFor();
    }

    const row = (p: Page, year: number) => p.locator(`#metric-table tr[data-year="${year}"]`);
    const cellText = async (p: Page, year: number, column: string) =>
      ((await row(p, year).locator(`td[data-column="${column}"]`).textContent()) ?? '').trim();

    beforeAll(async () => {
      page = await newPage();
    });
    afterAll(async () => {
      await page?.close();
      expect(external).toEqual([]);
    });

    test('searching "GDP" opens China’s chart: a target mark each year 2014–2022, every result, the API’s verdicts', async () => {
      await openFromSearch(page, 'GDP', 'metric:gdp');
      expect(await page.locator('#graph').isVisible()).toBe(false);
      expect(await page.locator('#metric-back').isVisible()).toBe(true);
      expect(await page.textContent('#metric-title')).toContain('地区生产总值');
      expect(await page.inputValue('#metric-jurisdiction')).toBe('place:中国');

      const series = await chinaGdp();
      const targetYears = series.filter((p) => p.target).map((p) => p.year);
      expect(targetYears).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
      const svg = page.locator('#metric-view .metric-chart svg');
      for (const year of targetYears) {
        // One mark per target: a band, a bound, a tick, or the word for a target with no number.
        expect(await svg.locator(`[aria-label^="target ${year}:"]`).count()).toBe(1);
      }
      expect(await svg.locator('[aria-label^="target "]').count()).toBe(targetYears.length);
      // 2020's target was deferred (not set): marked as such, not left out.
      expect(
        await svg.locator('[aria-label^="target 2020:"]').getAttribute('aria-label'),
      ).toContain('deferred');
      // A result point for each result, with the API's verdict.
      const withResult = series.filter((p) => p.result?.value != null);
      expect(await svg.locator('[aria-label^="result "]').count()).toBe(withResult.length);
      for (const p of withResult) {
        const label = await svg
          .locator(`[aria-label^="result ${p.year}:"]`)
          .getAttribute('aria-label');
        expect(label).toContain(String(p.result!.value));
        if (p.verdict) expect(label).toContain(p.verdict.value);
      }

      // The table: one row per year; 2021 reads target 6, at least, result 8.1, MET.
      expect(await page.locator('#metric-table tbody tr').count()).toBe(series.length);
      const y2021 = series.find((p) => p.year === 2021)!;
      expect([y2021.target!.value, y2021.target!.qualifier, y2021.result!.value]).toEqual([
        6,
        'AT_LEAST',
        8.1,
      ]);
      expect(await cellText(page, 2021, 'target')).toBe(`${y2021.target!.value}%`);
      expect(await cellText(page, 2021, 'qualifier')).toBe(qualifierWords(y2021.target!.qualifier));
      expect(await cellText(page, 2021, 'qualifier')).toBe('以上 / at least');
      expect(await cellText(page, 2021, 'result')).toBe(`${y2021.result!.value}%`);
      expect(await cellText(page, 2021, 'verdict')).toBe(y2021.verdict!.value);
      expect(y2021.verdict!.value).toBe('MET');
      // Each row's verdict is the API's; a year without a verdict shows none.
      for (const p of series) {
        const shown = await cellText(page, p.year, 'verdict');
        if (p.verdict) expect(shown).toBe(p.verdict.value);
        else expect(shown).not.toMatch(/MET|MISSED|NOT_COMPARABLE/);
      }

      // The chart fits the screen: no sideways scrolling, on a phone too.
      const box = (await svg.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(screen.viewport.width + 0.5);
      expect(await noSidewaysScroll(page)).toBe(true);

      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.waitForTimeout(500); // the web font's subsets
        const file =
          screen.name === 'desktop' ? 'explorer-metric-gdp.png' : 'explorer-metric-phone.png';
        await shoot(page, path.join(shots, file));
      }
    });

    test('every cell of the table opens the sentence it comes from, exactly the report’s text at its span', async () => {
      await page.goto(`${service.url}/explorer/?view=metric&metric=gdp&jurisdiction=China`);
      await page.locator('#metric-table').waitFor();
      const cells = page.locator('#metric-table .cell-source');
      const n = await cells.count();
      expect(n).toBeGreaterThan(30);
      for (let i = 0; i < n; i++) {
        await cells.nth(i).click();
        const quotes = page.locator('#metric-source blockquote.metric-sentence');
        expect(await quotes.count()).toBeGreaterThan(0);
        for (const quote of await quotes.all()) {
          const report = (await quote.getAttribute('data-report'))!;
          const start = Number(await quote.getAttribute('data-start'));
          const end = Number(await quote.getAttribute('data-end'));
          expect(await quote.textContent()).toBe(texts.get(report)!.slice(start, end));
        }
      }

      // 2021's target: the sentence of the 2021 report, its figure marked, cited by title.
      const y2021 = (await chinaGdp()).find((p) => p.year === 2021)!;
      await row(page, 2021).locator('td[data-column="target"] button').click();
      const source = page.locator('#metric-source');
      expect(await source.locator('mark.highlight').textContent()).toBe(y2021.target!.text);
      expect(await source.locator('blockquote').getAttribute('data-report')).toBe('china-2021');
      expect(await source.locator('.cite').textContent()).toContain(titles.get('china-2021'));
      // Its result comes from the next year's report.
      await row(page, 2021).locator('td[data-column="result"] button').click();
      expect(await source.locator('blockquote').getAttribute('data-report')).toBe(
        y2021.result!.report.id,
      );
      expect(await source.locator('mark.highlight').textContent()).toBe(y2021.result!.text);
      // The verdict cell shows how it was judged, with both sentences.
      await row(page, 2021).locator('td[data-column="verdict"] button').click();
      expect(await source.locator('blockquote').count()).toBe(2);
      expect(await source.locator('.verdict-line').textContent()).toContain('8.1');

      // "Show in graph" opens the target's commitment in the graph and the detail panel.
      await row(page, 2021).locator('td[data-column="target"] button').click();
      const sentence = await source.locator('blockquote').textContent();
      await source.locator('.citation button', { hasText: 'Show in graph' }).click();
      expect(await page.locator('#metric-view').isVisible()).toBe(false);
      expect(new URL(page.url()).searchParams.get('view')).toBeNull();
      await showPane(page, 'detail');
      const mark = page.locator('#detail mark.highlight');
      await mark.waitFor();
      expect(await mark.textContent()).toBe(sentence);
    });

    test('one year across jurisdictions: the jurisdictions targetComparison returns, the national target as a reference line', async () => {
      await page.goto(`${service.url}/explorer/?view=metric&metric=gdp`);
      await page.locator('#metric-table').waitFor();
      await page.click('#metric-view .metric-modes button[data-mode="compare"]');
      await page.locator('[data-chart="comparison"] svg').waitFor();
      await page.selectOption('#metric-year', '2022');
      await page.waitForFunction(() =>
        document.querySelector('.metric-caption')?.textContent?.includes('2022'),
      );
      await page.locator('[data-chart="comparison"] svg').waitFor();

      const api = await gql<{
        targetComparison: { jurisdiction: { id: string } }[];
        compareTargets: { jurisdiction: { id: string }; relation: string }[];
      }>(`{ targetComparison(metric: "gdp", year: 2022) { jurisdiction { id } }
            compareTargets(metric: "gdp", year: 2022) { jurisdiction { id } relation } }`);
      const rows = page.locator('#comparison-table tbody tr');
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => tr.getAttribute('data-jurisdiction')),
      );
      expect(new Set(shown)).toEqual(new Set(api.targetComparison.map((t) => t.jurisdiction.id)));
      expect(shown).toHaveLength(api.targetComparison.length);
      expect(shown).toEqual(expect.arrayContaining(['place:中国', 'place:广东', 'place:辽宁']));
      const svg = page.locator('[data-chart="comparison"] svg');
      expect(await svg.locator('[aria-label="national reference"]').count()).toBe(1);
      expect(await svg.locator('[aria-label^="target "]').count()).toBe(
        api.targetComparison.length,
      );
      // Each province against the country, as compareTargets says.
      for (const c of api.compareTargets) {
        const text = await page
          .locator(
            `#comparison-table tr[data-jurisdiction="${c.jurisdiction.id}"] td[data-column="national"]`,
          )
          .textContent();
        expect(text?.toUpperCase()).toContain(c.relation);
      }
      expect(await noSidewaysScroll(page)).toBe(true);

      // 2026: eighteen provinces, no national report loaded for it, and it says so.
      await page.selectOption('#metric-year', '2026');
      await page.waitForFunction(() =>
        document.querySelector('.metric-caption')?.textContent?.includes('2026'),
      );
      await page.locator('[data-chart="comparison"] svg').waitFor();
      const y2026 = await gql<{ targetComparison: unknown[] }>(
        '{ targetComparison(metric: "gdp", year: 2026) { id } }',
      );
      expect(await rows.count()).toBe(y2026.targetComparison.length);
      expect(y2026.targetComparison.length).toBeGreaterThan(10);
      expect(await page.textContent('.metric-legend')).toContain('No national target for 2026');
      const box = (await svg.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(screen.viewport.width + 0.5);
      expect(await noSidewaysScroll(page)).toBe(true);
      if (shots && screen.name === 'desktop') {
        await page.waitForTimeout(500);
        await shoot(page, path.join(shots, 'explorer-comparison.png'));
      }

      // A jurisdiction's name leads to its own years.
      await page.click('#comparison-table tr[data-jurisdiction="place:广东"] .cell-place');
      await page.locator('[data-chart="series"] svg').waitFor();
      expect(await page.inputValue('#metric-jurisdiction')).toBe('place:广东');
    });

    test('"Download CSV" saves the tidy table: as many rows as targetTable’s totalCount', async () => {
      await page.goto(`${service.url}/explorer/?view=metric&metric=gdp&jurisdiction=China`);
      await page.locator('#metric-table').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#metric-download'),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      const api = await gql<{ targetTable: { totalCount: number; csv: string } }>(
        '{ targetTable(metric: "metric:gdp", jurisdiction: "place:中国") { totalCount csv } }',
      );
      expect(rows).toHaveLength(api.targetTable.totalCount);
      expect(csv).toBe(api.targetTable.csv);
      expect(new Set(rows.map((r) => r.jurisdiction))).toEqual(new Set(['中国']));
      const growth2021 = rows.find((r) => r.year === '2021' && r.measure === 'GROWTH')!;
      expect([
        growth2021.target_value,
        growth2021.target_qualifier,
        growth2021.result_value,
      ]).toEqual(['6', 'AT_LEAST', '8.1']);
      expect(growth2021.verdict).toBe('MET');
      expect(await page.textContent('.metric-download-status')).toContain(
        `${api.targetTable.totalCount} rows`,
      );
    });

    test('the URL restores the view; each step is a history entry; "Back to graph" returns to the graph', async () => {
      await page.goto(`${service.url}/explorer/?view=metric&metric=gdp`);
      await page.locator('[data-chart="series"] svg').waitFor();
      await page.click('#metric-view .metric-modes button[data-mode="compare"]');
      await page.locator('[data-chart="comparison"] svg').waitFor();
      await page.selectOption('#metric-year', '2022');
      await page.waitForFunction(() => /year=2022/.test(location.search));
      const compareUrl = page.url();
      expect(new URL(compareUrl).searchParams.get('view')).toBe('compare');
      expect(new URL(compareUrl).searchParams.get('metric')).toBe('metric:gdp');

      // Each step is a history entry: Back undoes the year, then the switch to the comparison;
      // Back after "Back to graph" brings the view back.
      const caption = (year: string) =>
        page.waitForFunction(
          (y) => document.querySelector('.metric-caption')?.textContent?.includes(y),
          year,
        );
      await page.goBack();
      await caption('2026');
      expect(await page.inputValue('#metric-year')).toBe('2026');
      await page.goBack();
      await page.locator('[data-chart="series"] svg').waitFor();
      expect(new URL(page.url()).searchParams.get('view')).toBe('metric');
      await page.goForward();
      await page.locator('[data-chart="comparison"] svg').waitFor();
      await page.click('#metric-back');
      expect(await page.locator('#graph').isVisible()).toBe(true);
      await page.goBack();
      await page.locator('#metric-view [data-chart="comparison"] svg').waitFor();
      expect(await page.locator('#metric-view').isVisible()).toBe(true);

      const again = await newPage();
      await again.goto(compareUrl);
      await again.locator('[data-chart="comparison"] svg').waitFor();
      expect(await again.inputValue('#metric-year')).toBe('2022');
      expect(await again.locator('#comparison-table tbody tr').count()).toBe(3);
      expect(await again.locator('#graph').isVisible()).toBe(false);

      // A series URL, as the page writes it, restores the jurisdiction.
      await again.click('#comparison-table tr[data-jurisdiction="place:辽宁"] .cell-place');
      await again.waitForFunction(() => /view=metric/.test(location.search));
      const seriesUrl = again.url();
      expect(new URL(seriesUrl).searchParams.get('jurisdiction')).toBe('place:辽宁');
      await again.goto(seriesUrl);
      await again.locator('[data-chart="series"] svg').waitFor();
      expect(await again.inputValue('#metric-jurisdiction')).toBe('place:辽宁');
      expect(await again.locator('#metric-table tr[data-year="2022"]').count()).toBe(1);
      // A province's years are set against the country's target of each year, as compareTargets says.
      const liaoning = await gql<{
        compareTargets: { year: number; relation: string; national: { value: number } | null }[];
      }>(
        '{ compareTargets(metric: "gdp", jurisdiction: "辽宁") { year relation national { value } } }',
      );
      expect(liaoning.compareTargets.length).toBeGreaterThan(0);
      for (const c of liaoning.compareTargets) {
        const shown = await again
          .locator(`#metric-table tr[data-year="${c.year}"] td[data-column="national"]`)
          .textContent();
        expect(shown?.toUpperCase()).toContain(c.relation);
        expect(shown).toContain(String(c.national!.value));
        expect(
          await again
            .locator(`[data-chart="series"] svg [aria-label^="national target ${c.year}:"]`)
            .count(),
        ).toBe(1);
      }

      await again.click('#metric-back');
      expect(await again.locator('#metric-view').isVisible()).toBe(false);
      expect(await again.locator('#graph').isVisible()).toBe(true);
      expect(new URL(again.url()).searchParams.get('view')).toBeNull();
      await again.close();
    });

    test('a metric node’s detail has "Open chart"; searching 城镇新增就业 opens its chart', async () => {
      await openFromSearch(page, '城镇新增就业', 'metric:urban_new_jobs');
      expect(await page.textContent('#metric-title')).toContain('城镇新增就业');
      await page.click('#metric-back');
      // The graph drawn meanwhile is laid out and centred in the canvas, not fitted to a 0 × 0 box.
      const drawn = await page.evaluate(() => {
        const { cy } = (window as unknown as { explorer: { cy: import('cytoscape').Core } })
          .explorer;
        const box = cy.nodes().renderedBoundingBox();
        return {
          x: (box.x1 + box.x2) / 2 / cy.width(),
          y: (box.y1 + box.y2) / 2 / cy.height(),
          size: Math.min(box.w, box.h),
        };
      });
      expect(drawn.size).toBeGreaterThan(100);
      expect(drawn.x).toBeGreaterThan(0.3);
      expect(drawn.x).toBeLessThan(0.7);
      expect(drawn.y).toBeGreaterThan(0.3);
      expect(drawn.y).toBeLessThan(0.7);
      await showPane(page, 'detail');
      const button = page.locator('#detail .open-chart[data-id="metric:urban_new_jobs"]');
      await button.waitFor();
      await button.click();
      await page.locator('#metric-view .metric-chart svg').waitFor();
      expect(await page.locator('#metric-view').isVisible()).toBe(true);
      // Its AT_LEAST targets read as words, in the chart's labels too.
      expect(
        await page
          .locator('#metric-view svg [aria-label^="target 2021:"]')
          .getAttribute('aria-label'),
      ).toContain('以上 / at least');
    });

    test('a failed request shows an error with Retry, not "no data"; Retry loads the chart', async () => {
      const p = await newPage();
      let failing = true;
      await p.route('**/graphql', async (route) => {
        if (failing && (route.request().postData() ?? '').includes('MetricSeries')) {
          await route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' });
        } else await route.continue();
      });
      await p.goto(`${service.url}/explorer/?view=metric&metric=gdp`);
      const error = p.locator('#metric-view .metric-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('503');
      expect(await p.locator('#metric-view').textContent()).not.toMatch(
        /no target|no data|nothing/i,
      );
      // The failed view keeps its URL, to be tried again.
      expect(new URL(p.url()).searchParams.get('view')).toBe('metric');
      failing = false;
      await error.locator('button.retry').click();
      await p.locator('#metric-view .metric-chart svg').waitFor();
      expect(await p.locator('#metric-view .metric-error').count()).toBe(0);
      await p.close();
    });
  });
});
