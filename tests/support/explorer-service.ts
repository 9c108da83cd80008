/// <reference lib="dom" />
/**
 * The service the explorer's Chromium suites run against: the seed reports in the embedded
 * store (linked across reports), on a free port of 127.0.0.1; and a GraphQL client for the
 * same service, so that a test checks the page against the API's own answer.
 */
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { linkReport } from '../../src/link';
import { explorerDir } from '../../src/serve/explorer';
import { startService, type RunningService } from '../../src/serve/server';
import { EmbeddedStore } from '../../src/store/embedded';
import { seedGraphs } from './seeds';

export interface ExplorerService {
  service: RunningService;
  /** Report texts by id: every span indexes into one. */
  texts: Map<string, string>;
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export async function startExplorerService(): Promise<ExplorerService> {
  if (!existsSync(path.join(explorerDir(), 'index.html'))) {
    throw new Error(`the explorer is not built (${explorerDir()}): run npm run build:explorer`);
  }
  const store = new EmbeddedStore();
  const texts = new Map<string, string>();
  for (const g of await seedGraphs()) {
    await store.ingest(g);
    texts.set(g.report.reportId, g.report.text);
  }
  for (const id of texts.keys()) await linkReport(store, id);
  const service = await startService({ store, port: 0, host: '127.0.0.1' });
  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data as T;
  };
  return { service, texts, gql };
}

/** Nothing may come from outside this machine: every other request is aborted. */
export async function localOnly(context: BrowserContext): Promise<void> {
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
}

/** Opens the explorer with `id` drawn and selected (as a search result click would). */
export async function openSelected(page: Page, url: string, id: string): Promise<void> {
  await page.goto(`${url}/explorer/`);
  await page.waitForFunction(() => window.explorer !== undefined);
  await page.evaluate(async (node) => {
    await window.explorer.expand(node);
    window.explorer.select(node);
  }, id);
  // Attached, not visible: on a phone the Detail pane hides behind its tab.
  await page.locator('#detail-body .detail-header').waitFor({ state: 'attached' });
}
