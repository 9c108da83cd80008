/**
 * Browser suites run when Chromium is installed (Debian's, /usr/bin/chromium, or
 * CHROMIUM_PATH) and otherwise skip with a visible notice; with REQUIRE_BROWSER=1 (.ci/run)
 * a missing Chromium is a failure. Tests carry "[browser]" in their names.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function describeBrowser(name: string, body: () => void): void {
  const title = `[browser] ${name}`;
  if (existsSync(chromiumPath)) describe(title, body);
  else if (process.env.REQUIRE_BROWSER === '1') {
    describe(title, () => {
      test('needs Chromium', () => {
        throw new Error(
          `REQUIRE_BROWSER=1 but ${chromiumPath} is missing: apt-get install chromium`,
        );
      });
    });
  } else {
    console.warn(`SKIPPED ${title}: no Chromium at ${chromiumPath} (apt-get install chromium)`);
    describe.skip(title, body);
  }
}

/** Debian's Chromium, headless, as root, on a machine with no outside network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ], // Playwright gives each launch a new, empty profile of its own.
  });
}
