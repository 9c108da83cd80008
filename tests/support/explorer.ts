/// <reference lib="dom" />
/**
 * What every explorer test in Chromium shares: the two screen sizes each item is tested at, and
 * the way to reach a pane on either (on a phone one pane shows at a time, behind a tab).
 */
import type { Page } from 'playwright-core';

export const SCREENS = [
  { name: 'desktop', viewport: { width: 1400, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

export type Screen = (typeof SCREENS)[number];
export type Pane = 'search' | 'graph' | 'detail';

/** Brings `pane` into view: clicks its tab where tabs show (phone), does nothing on a desk. */
export async function showPane(page: Page, pane: Pane): Promise<void> {
  const tab = page.locator(`#pane-tabs button[data-pane="${pane}"]`);
  if (await tab.isVisible()) await tab.click();
}

/**
 * A screenshot for docs/ once the page's fonts have arrived: the CJK web font comes in subsets,
 * and a picture taken while one is in flight shows boxes where it will show characters.
 */
export async function shoot(page: Page, file: string): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.placeholders === 'drawn');
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await page.screenshot({ path: file });
}

/** True when no element makes the page wider than its viewport (no sideways scrolling). */
export function noSidewaysScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

declare global {
  interface Window {
    /** What src/explore/main.ts hands tests and the console. */
    explorer: {
      cy: import('cytoscape').Core;
      expand: (id: string) => Promise<boolean>;
      select: (id: string) => void;
      search: (text: string) => Promise<void>;
    };
  }
}
