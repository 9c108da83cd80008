/// <reference lib="dom" />
/**
 * The List tab in a real Chromium, at desktop and phone size: each list is the API's full
 * answer (checked against the same query sent directly), with its total, pages, a CSV of
 * every page whose sentences are the report's text at their spans, and a citation per row.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchChromium } from '../support/browser';
import { SCREENS, noSidewaysScroll, showPane, shoot } from '../support/explorer';
import {
  localOnly,
  openSelected,
  startExplorerService,
  type ExplorerService,
} from '../support/explorer-service';

interface Link {
  kind: string;
  entity: { id: string; name: string };
}
interface Row {
  id: string;
  text: string;
  span: { start: number; end: number };
  report: { id: string; title: string };
  links: Link[];
}

describeBrowser('explorer List tab', () => {
  let api: ExplorerService;
  let browser: Browser;
  const shots =
    process.env.UPDATE_SCREENSHOTS === '1' ? path.join(__dirname, '..', '..', 'docs') : null;

  beforeAll(async () => {
    api = await startExplorerService();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.service.close();
  });

  /** Every commitment `involves` gives for a place, in the API's order, with its links. */
  async function involving(place: string): Promise<{ total: number; rows: Row[] }> {
    const data = await api.gql<{
      commitments: { totalCount: number; nodes: Row[] };
    }>(
      `query ($p: String!) { commitments(filter: {involves: [$p]}, first: 1000) {
        totalCount nodes { id text span { start end } report { id title }
          links { kind entity { id name } } } } }`,
      { p: place },
    );
    return { total: data.commitments.totalCount, rows: data.commitments.nodes };
  }

  /** The place and every place PART_OF it, transitively, by the API's Place.parts. */
  async function withParts(place: string): Promise<Set<string>> {
    const out = new Set<string>();
    const queue = [place];
    while (queue.length > 0) {
      const id = queue.pop()!;
      if (out.has(id)) continue;
      out.add(id);
      const data = await api.gql<{ resolve: { id: string; parts?: { id: string }[] }[] }>(
        'query ($id: String!) { resolve(name: $id) { id ... on Place { parts { id } } } }',
        { id },
      );
      for (const p of data.resolve.find((e) => e.id === id)?.parts ?? []) queue.push(p.id);
    }
    return out;
  }

  async function openList(page: Page, id: string): Promise<void> {
    await openSelected(page, api.service.url, id);
    await showPane(page, 'detail');
    await page.click('#detail-tab-list');
    await page.locator('#detail-list .list-count').first().waitFor();
  }

  async function showAll(page: Page): Promise<void> {
    for (;;) {
      const more = page.locator('#detail-list .list-more').first();
      if ((await more.count()) === 0) return;
      const before = await page.locator('#detail-list .list-row').count();
      await more.click();
      await page.waitForFunction(
        (n) => document.querySelectorAll('#detail-list .list-row').length > n,
        before,
      );
    }
  }

  for (const screen of SCREENS) {
    describe(screen.name, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({ viewport: screen.viewport, acceptDownloads: true });
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: api.service.url,
        });
        await localOnly(context);
        page = await context.newPage();
      });
      afterAll(async () => {
        await context?.close();
      });

      test("Shenyang's list: the API's total, and the commitment reached through a sub-place names its link", async () => {
        const { total, rows } = await involving('place:沈阳');
        expect(total).toBeGreaterThan(0);
        await openList(page, 'place:沈阳');
        const count = await page.locator('#detail-list .list-count').first().textContent();
        expect(count).toBe(`${total} commitments`);
        await showAll(page);
        const ids = await page
          .locator('#detail-list .list-row')
          .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));
        expect(ids).toEqual(rows.map((r) => r.id));

        // A commitment linked to a place inside Shenyang (浑南科技城 ⊂ 浑南区 ⊂ 沈阳): its row
        // names that link and the place it goes through.
        const parts = await withParts('place:沈阳');
        parts.delete('place:沈阳');
        const viaPart = rows.flatMap((r) =>
          r.links
            .filter((l) => l.kind === 'INVOLVES' && parts.has(l.entity.id))
            .map((l) => ({ row: r, link: l })),
        );
        expect(viaPart.length).toBeGreaterThan(0);
        for (const { row, link } of viaPart) {
          const via = page.locator(
            `#detail-list .list-row[data-id="${row.id}"] .via[data-entity="${link.entity.id}"]`,
          );
          const text = (await via.textContent()) ?? '';
          expect(text).toContain('INVOLVES');
          expect(text).toContain(link.entity.name);
          expect(text).toMatch(/part of .*沈阳/);
        }
        expect(await noSidewaysScroll(page)).toBe(true);
        if (shots && screen.name === 'desktop') {
          mkdirSync(shots, { recursive: true });
          // Taller than the test's screen, so that the row reached through 康平县 shows too.
          await page.setViewportSize({ width: screen.viewport.width, height: 1250 });
          await page.evaluate(() => document.querySelector('#detail')?.scrollTo(0, 0));
          await page.waitForTimeout(1500);
          await shoot(page, path.join(shots, 'explorer-list.png'));
          await page.setViewportSize(screen.viewport);
        }

        // The Overview says how many of that total it shows, and leads to the List tab.
        await page.click('#detail-tab-overview');
        const note = page.locator('#detail-body .list-note');
        await page.waitForFunction(() =>
          /Shows \d+ of the \d+/.test(
            document.querySelector('#detail-body .list-note')?.textContent ?? '',
          ),
        );
        const shown = await page.locator('#detail-body .commitment-list li').count();
        expect(await note.textContent()).toContain(`Shows ${shown} of the ${total} commitments`);
        await note.locator('button').click();
        expect(await page.getAttribute('#detail-tab-list', 'aria-selected')).toBe('true');
        expect(await page.isVisible('#detail-list')).toBe(true);
      });

      test('a province pages 50 at a time up to the API total; arrow keys switch the tabs', async () => {
        const { total, rows } = await involving('place:辽宁');
        expect(total).toBeGreaterThan(50);
        await openList(page, 'place:辽宁');
        expect(await page.locator('#detail-list .list-row').count()).toBe(50);
        expect(await page.textContent('#detail-list .list-shown')).toBe(`Showing 50 of ${total}`);
        await showAll(page);
        const ids = await page
          .locator('#detail-list .list-row')
          .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));
        expect(ids).toEqual(rows.map((r) => r.id));
        expect(await page.locator('#detail-list .list-more').count()).toBe(0);

        await page.focus('#detail-tab-list');
        await page.keyboard.press('ArrowLeft');
        expect(await page.getAttribute('#detail-tab-overview', 'aria-selected')).toBe('true');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail-tab-overview');
        expect(await page.isVisible('#detail-list')).toBe(false);
        await page.keyboard.press('ArrowRight');
        expect(await page.getAttribute('#detail-tab-list', 'aria-selected')).toBe('true');
        expect(await page.isVisible('#detail-body')).toBe(false);

        // A row opens its commitment: the Overview shows its sentence.
        await page.locator('#detail-list .list-row .row-open').first().click();
        await page.locator('#detail-body mark.highlight').waitFor();
        expect(await page.textContent('#detail-body mark.highlight')).toBe(rows[0]!.text);
        expect(await page.isHidden('#detail-tab-list')).toBe(true);
      });

      test("the CSV holds every row of the answer, each sentence the report's text at its span", async () => {
        const { total, rows } = await involving('place:辽宁');
        await openList(page, 'place:辽宁');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.click('#detail-list .list-csv'),
        ]);
        const file = await download.path();
        const records = parse(readFileSync(file!, 'utf8'), { columns: true, bom: true }) as Record<
          string,
          string
        >[];
        expect(records).toHaveLength(total);
        expect(records.map((r) => r.commitment_id)).toEqual(rows.map((r) => r.id));
        for (const r of records) {
          const text = api.texts.get(r.report!)!;
          expect(r.sentence).toBe(text.slice(Number(r.span_start), Number(r.span_end)));
          expect(r.report_title).toMatch(/政府工作报告/);
          expect(r.link_kind).toMatch(/^INVOLVES(; INVOLVES)*$/);
        }
        await page.locator('#detail-list .list-status', { hasText: 'CSV of' }).waitFor();
      });

      test('copy citation puts title, span and sentence on the clipboard', async () => {
        const { rows } = await involving('place:沈阳');
        await openList(page, 'place:沈阳');
        const first = rows[0]!;
        await page.click(`#detail-list .list-row[data-id="${first.id}"] .copy-citation`);
        await page.locator('#detail-list .list-status', { hasText: 'Citation copied' }).waitFor();
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toContain(first.report.title);
        expect(copied).toContain(`characters ${first.span.start}–${first.span.end}`);
        expect(copied).toContain(first.text);
        expect(api.texts.get(first.report.id)!.slice(first.span.start, first.span.end)).toBe(
          first.text,
        );
      });

      test('without navigator.clipboard, copy citation selects the text and copies it', async () => {
        const bare = await context.newPage();
        await bare.addInitScript(() => {
          Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
          document.addEventListener('copy', () => {
            (window as unknown as { copied: string }).copied = String(document.getSelection());
          });
        });
        const { rows } = await involving('place:沈阳');
        await openList(bare, 'place:沈阳');
        const first = rows[0]!;
        await bare.click(`#detail-list .list-row[data-id="${first.id}"] .copy-citation`);
        await bare.locator('#detail-list .list-status', { hasText: 'Citation copied' }).waitFor();
        const copied = await bare.evaluate(() => (window as unknown as { copied: string }).copied);
        expect(copied).toContain(first.text);
        expect(copied).toContain(first.report.title);
        await bare.close();
      });

      test("the theme 五大安全's list shows the projects serving it and its commitments", async () => {
        const data = await api.gql<{
          projects: { id: string }[];
          commitments: { totalCount: number };
        }>(`{ projects(filter: {servesTheme: "五大安全"}, first: 1000) { id }
              commitments(filter: {theme: "五大安全"}) { totalCount } }`);
        expect(data.projects.length).toBeGreaterThan(0);
        await openList(page, 'theme:五大安全');
        const lists = page.locator('#detail-list .list');
        await lists.nth(1).locator('.list-count').waitFor();
        expect(await lists.nth(0).locator('.list-count').textContent()).toBe(
          `${data.projects.length} projects`,
        );
        const projects = await lists
          .nth(0)
          .locator('.list-row')
          .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));
        expect(projects).toEqual(data.projects.map((p) => p.id));
        expect(await lists.nth(1).locator('.list-count').textContent()).toBe(
          `${data.commitments.totalCount} commitments`,
        );
        expect(await noSidewaysScroll(page)).toBe(true);
      });

      test('a metric, a project, an industry and a report each list the API answer behind them', async () => {
        const data = await api.gql<{
          targets: { id: string }[];
          results: { id: string }[];
          project: { commitments: { totalCount: number } }[];
          industry: { totalCount: number };
          report: { totalCount: number };
        }>(`{ targets(filter: {metric: "metric:gdp"}, first: 1000) { id }
              results(filter: {metric: "metric:gdp"}, first: 1000) { id }
              project: resolve(name: "project:沈白高铁") { commitments { totalCount } }
              industry: commitments(filter: {industry: "industry:制造业"}) { totalCount }
              report: commitments(filter: {report: "china-2022"}) { totalCount } }`);
        const figures = data.targets.length + data.results.length;
        expect(figures).toBeGreaterThan(0);
        const expected: [string, string][] = [
          [
            'metric:gdp',
            `${figures} ${figures === 1 ? 'target or result' : 'targets and results'}`,
          ],
          ['project:沈白高铁', `${data.project[0]!.commitments.totalCount} commitments`],
          ['industry:制造业', `${data.industry.totalCount} commitments`],
          ['report:china-2022', `${data.report.totalCount} commitments`],
        ];
        for (const [id, count] of expected) {
          await openList(page, id);
          expect(await page.textContent('#detail-list .list-count')).toBe(count);
        }
        // The metric's rows: its targets' and results' ids, each opening its sentence.
        await openList(page, 'metric:gdp');
        const ids = await page
          .locator('#detail-list .list-row')
          .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id));
        expect(ids.sort()).toEqual([...data.targets, ...data.results].map((f) => f.id).sort());
      });

      test('a failed request shows an error and Retry, never an empty list', async () => {
        let fail = true;
        await page.route('**/graphql', async (route) => {
          if (fail && (route.request().postData() ?? '').includes('ListCommitments')) {
            await route.fulfill({ status: 503, body: 'unavailable' });
          } else await route.fallback();
        });
        try {
          await openSelected(page, api.service.url, 'place:沈阳');
          await showPane(page, 'detail');
          await page.click('#detail-tab-list');
          const retry = page.locator('#detail-list .list-retry');
          await retry.waitFor();
          const text = (await page.textContent('#detail-list')) ?? '';
          expect(text).toContain('Error');
          expect(text).not.toMatch(/Nothing found|0 results|No commitments|0 commitments/);
          fail = false;
          await retry.click();
          const { total } = await involving('place:沈阳');
          await page.locator('#detail-list .list-count').waitFor();
          expect(await page.textContent('#detail-list .list-count')).toBe(`${total} commitments`);
        } finally {
          await page.unroute('**/graphql');
        }
      });
    });
  }
});
