/// <reference lib="dom" />
/**
 * The explorer in a real Chromium: load the page, search "Shenyang", expand it, open one of
 * its commitments and see its sentence highlighted inside its paragraph.
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RunningService } from '../../src/serve/server';
import { describeBrowser, launchChromium } from '../support/browser';
import { shoot } from '../support/explorer';
import { startExplorerService } from '../support/explorer-service';

describeBrowser('graph explorer', () => {
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  let texts: Map<string, string>;
  // UPDATE_SCREENSHOTS=1 writes the screenshots docs/ shows.
  const shots =
    process.env.UPDATE_SCREENSHOTS === '1' ? path.join(__dirname, '..', '..', 'docs') : null;

  beforeAll(async () => {
    ({ service, texts } = await startExplorerService());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Nothing may come from outside this machine.
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  });
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  test('search Shenyang, expand it, open a commitment: its sentence is highlighted in its paragraph', async () => {
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('http://127.0.0.1')) external.push(r.url());
    });
    await page.goto(`${service.url}/explorer/`);
    await page.fill('#search', 'Shenyang');
    await page.press('#search', 'Enter');
    await page.click('#search-results li[data-id="place:沈阳"]');
    await page.waitForFunction(
      () =>
        /\d+ nodes/.test(document.querySelector('#status')?.textContent ?? '') &&
        !/^0 nodes/.test(document.querySelector('#status')!.textContent!),
    );
    const status = await page.textContent('#status');
    expect(Number(/(\d+) nodes/.exec(status!)![1])).toBeGreaterThan(10);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.waitForTimeout(1500);
      await shoot(page, path.join(shots, 'explorer-shenyang.png'));
    }

    // The place's detail lists its commitments by report; open one.
    const item = page.locator('#detail [data-id^="commitment:liaoning-2022:"]').first();
    const id = await item.getAttribute('data-id');
    await item.click();
    const mark = page.locator('#detail mark.highlight');
    await mark.waitFor();
    const start = Number(id!.split(':').at(-1));
    const sentence = (await mark.textContent())!;
    expect(texts.get('liaoning-2022')!.slice(start, start + sentence.length)).toBe(sentence);
    expect(sentence.length).toBeGreaterThan(5);
    if (shots) await shoot(page, path.join(shots, 'explorer-commitment.png'));

    // The view has a URL that can be shared: loading it again shows the same commitment.
    const shared = page.url();
    expect(shared).toContain('focus=');
    const again = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await again.goto(shared);
    await again.locator('#detail mark.highlight').waitFor();
    expect(await again.locator('#detail mark.highlight').textContent()).toBe(sentence);
    await again.close();
    expect(external).toEqual([]);
  });

  test('the search box takes the English names a researcher types for a theme', async () => {
    await page.goto(`${service.url}/explorer/`);
    await page.fill('#search', 'five securities');
    await page.press('#search', 'Enter');
    const hit = page.locator('#search-results li[data-id="theme:五大安全"]');
    await hit.waitFor();
    expect(await hit.textContent()).toContain('五大安全');
  });
});
