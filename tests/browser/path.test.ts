/// <reference lib="dom" />
/**
 * "Path to…" in a real Chromium, at desktop and phone size: the explorer draws and
 * highlights exactly the nodes and edges of the API's `path`, says how many steps it has or
 * that there is none, and drops the highlight when another selection replaces it.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchChromium } from '../support/browser';
import { SCREENS, noSidewaysScroll, showPane, shoot } from '../support/explorer';
import {
  localOnly,
  openSelected,
  startExplorerService,
  type ExplorerService,
} from '../support/explorer-service';

interface Path {
  nodes: { id: string; label: string }[];
  edges: { id: string }[];
}

const FROM = 'place:沈阳';

describeBrowser('explorer Path to…', () => {
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

  async function apiPath(from: string, to: string): Promise<Path | null> {
    const data = await api.gql<{ path: Path | null }>(
      'query ($f: ID!, $t: ID!) { path(from: $f, to: $t, maxLength: 4) { nodes { id label } edges { id } } }',
      { f: from, t: to },
    );
    return data.path;
  }

  const highlighted = (page: Page) =>
    page.evaluate(() => ({
      nodes: window.explorer.cy.nodes('.on-path').map((n) => n.id()),
      edges: window.explorer.cy.edges('.on-path').map((e) => e.id()),
    }));

  async function pathTo(page: Page, name: string): Promise<void> {
    await showPane(page, 'detail');
    await page.fill('#path-to', name);
    await page.click('#path-go');
  }

  for (const screen of SCREENS) {
    describe(screen.name, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({ viewport: screen.viewport });
        await localOnly(context);
        page = await context.newPage();
      });
      afterAll(async () => {
        await context?.close();
      });

      test('a path from Shenyang to the theme 五大安全 highlights exactly the API path', async () => {
        const expected = await apiPath(FROM, 'theme:五大安全');
        expect(expected).not.toBeNull();
        await openSelected(page, api.service.url, FROM);
        await pathTo(page, '五大安全');
        await page.locator('#path-form .path-summary').waitFor({ state: 'attached' });
        const steps = expected!.edges.length;
        const on = await highlighted(page);
        expect(on.nodes.sort()).toEqual(expected!.nodes.map((n) => n.id).sort());
        expect(on.edges.sort()).toEqual(expected!.edges.map((e) => e.id).sort());
        const status = (await page.textContent('#status')) ?? '';
        expect(status).toContain(`Path of ${steps} step${steps === 1 ? '' : 's'}: 沈阳 → `);
        expect(status).toMatch(/→ 五大安全$/);
        const listed = await page
          .locator('#path-form .path-steps button')
          .evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id));
        expect(listed).toHaveLength(expected!.nodes.length);
        expect(listed[0]).toBe(FROM);
        expect(listed.at(-1)).toBe('theme:五大安全');
        expect(await noSidewaysScroll(page)).toBe(true);
        if (shots && screen.name === 'desktop') {
          mkdirSync(shots, { recursive: true });
          await page.waitForTimeout(1500);
          await shoot(page, path.join(shots, 'explorer-path.png'));
        }

        // The path is a step of the view: a shared link draws it again, Back takes it off.
        await page.waitForFunction(() => new URL(location.href).searchParams.has('path'));
        const shared = page.url();
        const again = await context.newPage();
        await again.goto(shared);
        await again.waitForFunction(
          (n) => window.explorer.cy.nodes('.on-path').length === n,
          expected!.nodes.length,
        );
        const onAgain = await highlighted(again);
        expect(onAgain.nodes.sort()).toEqual(expected!.nodes.map((n) => n.id).sort());
        expect(onAgain.edges.sort()).toEqual(expected!.edges.map((e) => e.id).sort());
        await again.close();
        await page.goBack();
        await page.waitForFunction(() => !new URL(location.href).searchParams.has('path'));
        await page.waitForFunction(() => window.explorer.cy.nodes('.on-path').length === 0);
        await page.goForward();
        await page.waitForFunction(
          (n) => window.explorer.cy.nodes('.on-path').length === n,
          expected!.nodes.length,
        );

        // Selecting a step keeps the path; selecting a node off it clears the highlight.
        await page.evaluate((id) => window.explorer.select(id), expected!.nodes[1]!.id);
        expect((await highlighted(page)).nodes).toHaveLength(expected!.nodes.length);
        const off = await page.evaluate(
          (ids) =>
            window.explorer.cy
              .nodes()
              .map((n) => n.id())
              .find((id) => !ids.includes(id)),
          expected!.nodes.map((n) => n.id),
        );
        expect(off).toBeDefined();
        await page.evaluate((id) => window.explorer.select(id), off!);
        expect(await highlighted(page)).toEqual({ nodes: [], edges: [] });
      });

      test('a new path replaces the old one; no path within 4 steps is said so', async () => {
        await openSelected(page, api.service.url, FROM);
        const toDalian = await apiPath(FROM, 'place:大连');
        expect(toDalian).not.toBeNull();
        await pathTo(page, '大连');
        await page.locator('#path-form .path-summary').waitFor({ state: 'attached' });
        expect((await highlighted(page)).nodes.sort()).toEqual(
          toDalian!.nodes.map((n) => n.id).sort(),
        );

        // A name that denotes several entities: the user chooses among the API's answers.
        const named = await api.gql<{ resolve: { id: string }[] }>(
          '{ resolve(name: "朝阳") { id } }',
        );
        expect(named.resolve.length).toBeGreaterThan(1);
        await pathTo(page, '朝阳');
        const choices = page.locator('#path-form .path-choices button');
        await choices.first().waitFor({ state: 'attached' });
        expect(
          await choices.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.id)),
        ).toEqual(named.resolve.map((e) => e.id));
        const toChaoyang = await apiPath(FROM, 'place:朝阳');
        expect(toChaoyang).not.toBeNull();
        await page.click('#path-form .path-choices button[data-id="place:朝阳"]');
        await page.locator('#path-form .path-summary').waitFor({ state: 'attached' });
        expect((await highlighted(page)).nodes.sort()).toEqual(
          toChaoyang!.nodes.map((n) => n.id).sort(),
        );

        // The GDP metric is more than 4 steps from Shenyang in the seeds (the API says so).
        expect(await apiPath(FROM, 'metric:gdp')).toBeNull();
        await pathTo(page, 'metric:gdp');
        await page.locator('#path-form .path-none').waitFor({ state: 'attached' });
        expect(await page.textContent('#path-form .path-none')).toContain(
          'No path within 4 steps from 沈阳',
        );
        expect(await highlighted(page)).toEqual({ nodes: [], edges: [] });
      });

      test('a failed path request says so with Retry', async () => {
        let fail = true;
        await page.route('**/graphql', async (route) => {
          if (fail && (route.request().postData() ?? '').includes('query Path')) {
            await route.fulfill({ status: 502, body: 'bad gateway' });
          } else await route.fallback();
        });
        try {
          await openSelected(page, api.service.url, FROM);
          await pathTo(page, '五大安全');
          const retry = page.locator('#path-form .path-retry');
          await retry.waitFor({ state: 'attached' });
          expect(await page.textContent('#path-form')).toContain('Error');
          fail = false;
          await retry.click();
          await page.locator('#path-form .path-summary').waitFor({ state: 'attached' });
          const expected = await apiPath(FROM, 'theme:五大安全');
          expect((await highlighted(page)).nodes).toHaveLength(expected!.nodes.length);
        } finally {
          await page.unroute('**/graphql');
        }
      });
    });
  }
});
