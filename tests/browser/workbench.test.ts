/// <reference lib="dom" />
/**
 * The explorer as a workbench, in a real Chromium at a desk's size and a phone's (issue 17,
 * items 4-8): one pane at a time on a phone, Chinese without system fonts, the graph by
 * keyboard, Back and shared positions, failures said with a retry, light requests, and a
 * hub's sentences collapsed into counts.
 */
import 'reflect-metadata';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RunningService } from '../../src/serve/server';
import { chromiumPath, describeBrowser, launchChromium } from '../support/browser';
import { SCREENS, noSidewaysScroll, showPane, shoot } from '../support/explorer';
import { startExplorerService, type ExplorerService } from '../support/explorer-service';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeBrowser('explorer workbench', () => {
  let served: ExplorerService;
  let service: RunningService;
  let texts: Map<string, string>;
  let browser: Browser;
  // UPDATE_SCREENSHOTS=1 writes the screenshots docs/ shows.
  const shots =
    process.env.UPDATE_SCREENSHOTS === '1' ? path.join(__dirname, '..', '..', 'docs') : null;

  /** The service's own answer (an answer with errors throws). */
  const api = (query: string, variables: Json = {}): Promise<Json> =>
    served.gql<Json>(query, variables);

  beforeAll(async () => {
    served = await startExplorerService();
    ({ service, texts } = served);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  /** A fresh page at `screen`, with everything but this machine refused. */
  async function open(
    screen: (typeof SCREENS)[number],
    on: Browser = browser,
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await on.newContext({ viewport: screen.viewport });
    const page = await context.newPage();
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    return { context, page };
  }

  const nodeCount = (page: Page) => page.evaluate(() => window.explorer.cy.nodes().length);

  async function searchAndOpen(page: Page, text: string, id: string): Promise<void> {
    await showPane(page, 'search');
    await page.fill('#search', text);
    await page.press('#search', 'Enter');
    await page.click(`#search-results li[data-id="${id}"]`);
    await page.waitForFunction(
      (want) => window.explorer.cy.getElementById(want).hasClass('expanded'),
      id,
    );
  }

  describe.each(SCREENS)('at $name size', (screen) => {
    test('item 4: every pane fits the screen, the graph gets its width, nothing scrolls sideways', async () => {
      const { context, page } = await open(screen);
      await page.goto(`${service.url}/explorer/`);
      await searchAndOpen(page, 'Shenyang', 'place:沈阳');
      await showPane(page, 'graph');
      const box = (await page.locator('#graph').boundingBox())!;
      if (screen.name === 'phone') {
        // One column: the graph takes the screen's width and most of its height.
        expect(box.width).toBeGreaterThanOrEqual(screen.viewport.width - 2);
        expect(box.height).toBeGreaterThan(screen.viewport.height / 2);
        expect(await page.locator('#sidebar').isVisible()).toBe(false);
        await showPane(page, 'detail');
        expect(await page.locator('#detail').isVisible()).toBe(true);
        expect(await page.locator('#graph').isVisible()).toBe(false);
      } else {
        expect(await page.locator('#pane-tabs').isVisible()).toBe(false);
        expect(box.width).toBeGreaterThan(500);
        for (const pane of ['#sidebar', '#graph', '#detail']) {
          expect(await page.locator(pane).isVisible()).toBe(true);
        }
      }
      for (const pane of ['search', 'graph', 'detail'] as const) {
        await showPane(page, pane);
        expect(await noSidewaysScroll(page)).toBe(true);
        const right = await page.evaluate(() =>
          Math.max(
            ...['#sidebar', '#center', '#detail', '#topbar'].map((s) => {
              const r = document.querySelector(s)!.getBoundingClientRect();
              return r.width > 0 ? r.right : 0;
            }),
          ),
        );
        expect(right).toBeLessThanOrEqual(screen.viewport.width + 0.5);
      }
      if (shots && screen.name === 'phone') {
        mkdirSync(shots, { recursive: true });
        await showPane(page, 'graph');
        await shoot(page, path.join(shots, 'explorer-phone-graph.png'));
        await showPane(page, 'detail');
        await shoot(page, path.join(shots, 'explorer-phone-detail.png'));
      }
      await context.close();
    });

    test('item 5: Chinese is drawn with the shipped font in a Chromium that has no CJK font', async () => {
      // A fontconfig that knows Latin fonts only: whatever this machine has installed.
      const dir = mkdtempSync(path.join(tmpdir(), 'policy-kg-fonts-'));
      const conf = path.join(dir, 'fonts.conf');
      writeFileSync(
        conf,
        `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
          `<dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>`,
      );
      const bare = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--no-first-run',
          '--disable-background-networking',
        ],
        env: { ...process.env, FONTCONFIG_FILE: conf },
      });
      try {
        const { page } = await open(screen, bare);
        const fonts: string[] = [];
        page.on('response', (r) => {
          if (/\.(woff2?|ttf|otf)(\?|$)/.test(r.url())) fonts.push(r.url());
        });
        await page.goto(`${service.url}/explorer/`);
        // The search box's placeholder (沈阳, 核电) is drawn in the font before anything is asked.
        await page.waitForFunction(() =>
          document.fonts.check(
            '14px "Noto Sans SC"',
            document.querySelector<HTMLInputElement>('#search')!.placeholder,
          ),
        );
        await searchAndOpen(page, 'Shenyang', 'place:沈阳');
        await showPane(page, 'detail');
        await page.locator('#detail .detail-label').waitFor();
        await page.evaluate(() => document.fonts.ready);
        /** Pixels of one character drawn on a canvas in `font`. */
        const glyphs = (font: string) =>
          page.evaluate(async (f) => {
            await document.fonts.load(f, '沈阳');
            const draw = (ch: string) => {
              const canvas = document.createElement('canvas');
              canvas.width = canvas.height = 40;
              const g = canvas.getContext('2d')!;
              g.font = f;
              g.fillText(ch, 2, 32);
              return Array.from(g.getImageData(0, 0, 40, 40).data).join(',');
            };
            return [draw('沈'), draw('阳')];
          }, font);
        // The premise: the system's own fonts draw both characters as the same empty box.
        const [s1, s2] = await glyphs('32px sans-serif');
        expect(s1).toBe(s2);
        // The page's font stack draws two different characters.
        const stack = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
        const [w1, w2] = await glyphs(`32px ${stack}`);
        expect(w1).not.toBe(w2);
        expect(await page.evaluate(() => document.fonts.check('14px "Noto Sans SC"', '沈阳'))).toBe(
          true,
        );
        // Every element showing Chinese has the font in its stack (ids in monospace too).
        const without = await page.evaluate(() =>
          Array.from(document.querySelectorAll('body *'))
            .filter((e) =>
              Array.from(e.childNodes).some(
                (n) => n.nodeType === Node.TEXT_NODE && /[\u3400-\u9fff]/.test(n.textContent ?? ''),
              ),
            )
            .filter((e) => !getComputedStyle(e).fontFamily.includes('Noto Sans SC'))
            .map((e) => `${e.tagName}.${e.className}`),
        );
        expect(without).toEqual([]);
        const mono = await page.evaluate(
          () => getComputedStyle(document.querySelector('#detail .detail-id')!).fontFamily,
        );
        const [m1, m2] = await glyphs(`32px ${mono}`);
        expect(m1).not.toBe(m2);
        // Subsets, not the whole font, all from this service.
        expect(fonts.length).toBeGreaterThan(0);
        expect(fonts.length).toBeLessThan(60);
        for (const url of fonts)
          expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/explorer\/.*\.woff2$/);
      } finally {
        await bare.close();
      }
    });

    test('item 6: the graph by keyboard, a skip link, visible focus, Back, and shared positions', async () => {
      const { context, page } = await open(screen);
      await page.goto(`${service.url}/explorer/`);
      // The first Tab reaches the skip link, which is then on screen and lands on the detail.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      const skip = (await page.locator('.skip-link').boundingBox())!;
      expect(skip.y).toBeGreaterThanOrEqual(0);
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('detail');
      expect(await page.locator('#detail').isVisible()).toBe(true);

      await searchAndOpen(page, 'Shenyang', 'place:沈阳');
      const afterSearch = page.url();
      await showPane(page, 'graph');
      await page.focus('#graph');
      const outline = await page.evaluate(
        () => getComputedStyle(document.activeElement!).outlineStyle,
      );
      expect(outline).not.toBe('none');
      // Arrows move a cursor between neighbours; Enter selects the node under it.
      const seen = new Set<string>();
      for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
        await page.keyboard.press(key);
        seen.add((await page.textContent('#graph-live')) ?? '');
      }
      expect(seen.size).toBeGreaterThan(1);
      const onCursor = () => page.evaluate(() => window.explorer.cy.nodes('.cursor').first().id());
      // Off the node already selected, so that Enter makes a new step.
      for (let i = 0; i < 8 && (await onCursor()) === 'place:沈阳'; i++) {
        await page.keyboard.press(i % 2 === 0 ? 'ArrowDown' : 'ArrowRight');
      }
      const cursor = await onCursor();
      expect(cursor).toBeTruthy();
      expect(cursor).not.toBe('place:沈阳');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        (id) => new URL(location.href).searchParams.get('focus') === id,
        cursor,
      );
      const selected = page.url();
      expect(selected).not.toBe(afterSearch);
      // E expands the node under the cursor (or draws a group's sentences in its place).
      const before = await nodeCount(page);
      await page.focus('#graph');
      await page.keyboard.press('e');
      await page.waitForFunction((id) => {
        const node = window.explorer.cy.getElementById(id);
        return node.empty() || node.hasClass('expanded');
      }, cursor);
      await page.waitForFunction(() => new URL(location.href).searchParams.has('layout'));
      const expanded = page.url();
      expect(expanded).not.toBe(selected);

      // Each step is a history entry: Back returns to the selection, then to the search, in the app.
      await page.goBack();
      await page.waitForFunction((url) => location.href === url, selected);
      await page.waitForFunction((n) => window.explorer.cy.nodes().length === n, before);
      await page.goBack();
      await page.waitForFunction((url) => location.href === url, afterSearch);
      expect(new URL(page.url()).pathname).toBe('/explorer/');
      await page.waitForFunction(() =>
        window.explorer.cy.getElementById('place:沈阳').hasClass('expanded'),
      );

      // Drag a node: a shared link puts every node where it was.
      await page.evaluate(() => {
        const n = window.explorer.cy.getElementById('place:沈阳');
        n.position({ x: n.position().x + 137, y: n.position().y - 61 });
        n.emit('dragfree');
      });
      const shared = page.url();
      expect(shared).toContain('layout=');
      const positions = () =>
        window.explorer.cy
          .nodes()
          .map((n) => `${n.id()}@${Math.round(n.position().x)},${Math.round(n.position().y)}`)
          .sort();
      const here = await page.evaluate(positions);
      const again = await context.newPage();
      await again.goto(shared);
      await again.waitForFunction((n) => window.explorer.cy.nodes().length === n, here.length);
      await again.waitForFunction((want) => {
        const got = window.explorer.cy
          .nodes()
          .map((n) => `${n.id()}@${Math.round(n.position().x)},${Math.round(n.position().y)}`)
          .sort();
        return JSON.stringify(got) === JSON.stringify(want);
      }, here);
      await context.close();
    });

    test('item 7: failures say so with a Retry, a shared view survives one, requests stay light', async () => {
      const { context, page } = await open(screen);
      const bodies: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/graphql')) bodies.push(r.postData() ?? '');
      });
      const scripts: Record<string, string> = {};
      page.on('response', async (r) => {
        if (/\/explorer\/assets\/.*\.js$/.test(r.url())) {
          scripts[r.url()] = (await r.allHeaders())['content-encoding'] ?? 'identity';
        }
      });
      // The service is down for searches: the search says it failed, never "Nothing found".
      let failing = true;
      await page.route('**/graphql', (route) =>
        failing && /Search|Resolve/.test(route.request().postData() ?? '')
          ? route.fulfill({ status: 502, body: 'Bad Gateway' })
          : route.continue(),
      );
      await page.goto(`${service.url}/explorer/`);
      await showPane(page, 'search');
      await page.fill('#search', 'Shenyang');
      await page.press('#search', 'Enter');
      const empty = page.locator('#search-empty');
      await empty.locator('button.retry').waitFor();
      expect(await empty.textContent()).toMatch(/failed/);
      expect(await empty.textContent()).not.toMatch(/Nothing found/);
      failing = false;
      await empty.locator('button.retry').click();
      await page.locator('#search-results li[data-id="place:沈阳"]').waitFor();
      expect(await empty.isVisible()).toBe(false);
      expect(Object.values(scripts)).toContain('br');

      // Opening a commitment asks for it alone, not its whole report.
      await page.click('#search-results li[data-id="place:沈阳"]');
      await showPane(page, 'detail');
      const item = page.locator('#detail [data-id^="commitment:liaoning-2022:"]').first();
      const id = (await item.getAttribute('data-id'))!;
      bodies.length = 0;
      await item.click();
      await showPane(page, 'detail');
      const mark = page.locator('#detail mark.highlight');
      await mark.waitFor();
      const start = Number(id.split(':').at(-1));
      const sentence = (await mark.textContent())!;
      expect(texts.get('liaoning-2022')!.slice(start, start + sentence.length)).toBe(sentence);
      expect(bodies.some((b) => b.includes('query Commitment('))).toBe(true);
      expect(bodies.filter((b) => /report\(id|commitments\(filter: ?\{report/.test(b))).toEqual([]);

      // A shared view that cannot load keeps its URL, says why, and loads on Retry.
      const shared = page.url();
      expect(shared).toContain('expanded=');

      // Figures say their qualifier in words, not as the API's enum.
      const gdp = (
        await api(`{ targets(filter: {report: "liaoning-2022", metric: "GDP"}) {
          qualifier commitment { id } } }`)
      ).targets.find((t: Json) => t.qualifier === 'AT_LEAST');
      await page.evaluate(async (cid) => {
        await window.explorer.expand(cid);
        window.explorer.select(cid);
      }, gdp.commitment.id);
      await showPane(page, 'detail');
      const figures = page.locator('#detail .figures');
      await figures.waitFor();
      expect(await figures.textContent()).toContain('以上 / at least');
      expect(await figures.textContent()).not.toMatch(/AT_LEAST|ABOUT|AT_MOST/);

      const restored = await context.newPage();
      let down = true;
      await restored.route('**/graphql', (route) =>
        down && (route.request().postData() ?? '').includes('Neighborhood')
          ? route.abort()
          : route.continue(),
      );
      await restored.goto(shared);
      await restored.locator('#retry').waitFor({ state: 'visible' });
      expect(await restored.textContent('#status')).toMatch(/Error/);
      const kept = new URL(restored.url()).searchParams;
      expect(kept.get('expanded')).toBe(new URL(shared).searchParams.get('expanded'));
      expect(kept.get('focus')).toBe(new URL(shared).searchParams.get('focus'));
      down = false;
      await restored.click('#retry');
      await restored.waitForFunction(() =>
        window.explorer.cy.getElementById('place:沈阳').hasClass('expanded'),
      );
      await showPane(restored, 'detail');
      await restored.locator('#detail mark.highlight').waitFor();
      expect(await restored.locator('#detail mark.highlight').textContent()).toBe(sentence);
      await context.close();
    });

    test("item 8: a hub's sentences stand as counts per report, labels come on hover, kinds keep apart", async () => {
      const { context, page } = await open(screen);
      await page.goto(`${service.url}/explorer/`);
      await searchAndOpen(page, 'Shenyang', 'place:沈阳');
      const hood = (
        await api(
          `{ neighborhood(id: "place:沈阳", depth: 1, limit: 200) { nodes { id kind report } } }`,
        )
      ).neighborhood.nodes as Json[];
      const sentences = hood.filter((n) => n.kind === 'COMMITMENT');
      expect(sentences.length).toBeGreaterThan(12);
      const drawn = await page.evaluate(() =>
        window.explorer.cy.nodes().map((n) => ({
          id: n.id(),
          kind: n.data('kind') as string,
          label: n.data('label') as string,
          group: n.hasClass('group'),
          x: n.position().x,
          y: n.position().y,
        })),
      );
      // No sentence is drawn alone; each report's stand as one node with their count.
      expect(drawn.filter((n) => n.kind === 'COMMITMENT' && !n.group)).toEqual([]);
      const byReport = new Map<string, number>();
      for (const s of sentences) byReport.set(s.report, (byReport.get(s.report) ?? 0) + 1);
      const groups = drawn
        .filter((n) => n.group)
        .map((n) => n.label)
        .sort();
      expect(groups).toEqual(
        [...byReport].map(([report, n]) => `${n} commitments · ${report}`).sort(),
      );
      // Kinds keep apart: going round Shenyang, each kind is one arc.
      const center = drawn.find((n) => n.id === 'place:沈阳')!;
      const round = drawn
        .filter((n) => n.id !== center.id)
        .map((n) => ({
          kind: n.group ? 'GROUP' : n.kind,
          a: Math.atan2(n.y - center.y, n.x - center.x),
        }))
        .sort((p, q) => p.a - q.a)
        .map((n) => n.kind);
      const changes = round.filter((k, i) => i > 0 && k !== round[i - 1]).length;
      expect(changes).toBeLessThanOrEqual(new Set(round).size);

      // Opening the largest group draws its sentences one by one.
      const largest = [...byReport].sort((p, q) => q[1] - p[1])[0]!;
      const groupId = `group:place:沈阳:${largest[0]}`;
      const before = await nodeCount(page);
      await page.evaluate((id) => window.explorer.select(id), groupId);
      await showPane(page, 'detail');
      await page.click('#detail button:has-text("Draw these")');
      await page.waitForFunction(
        (n) => window.explorer.cy.nodes().length === n,
        before + largest[1] - 1,
      );
      // Past 20 nodes a sentence has no label at this zoom until hovered.
      const quiet = await page.evaluate((report) => {
        const cy = window.explorer.cy;
        const n = cy.nodes(`[kind = "COMMITMENT"][report = "${report}"]`).first();
        cy.zoom(1);
        const hidden = parseFloat(String(n.style('min-zoomed-font-size')));
        n.addClass('hover');
        const hovered = parseFloat(String(n.style('min-zoomed-font-size')));
        return {
          count: cy.nodes().length,
          hidden,
          hovered,
          fontSize: parseFloat(String(n.style('font-size'))),
        };
      }, largest[0]);
      expect(quiet.count).toBeGreaterThan(20);
      expect(quiet.hidden).toBeGreaterThan(quiet.fontSize);
      expect(quiet.hovered).toBe(0);
      if (shots && screen.name === 'desktop') {
        await shoot(page, path.join(shots, 'explorer-groups.png'));
      }
      await context.close();
    });
  });
});
