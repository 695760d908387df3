// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core, the
// built page served from dist/ on a free loopback port, and a record of every console error,
// page error and request that leaves the origin.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS = 'target/screenshots';

/** Starts the server and the browser; `close()` stops both. */
export async function start() {
  const server = await serve('dist', 0);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Opens a page that records problems: `problems()` lists console errors, uncaught page errors
 * and requests to any other origin.
 */
export async function openPage(browser, origin, path = '/', options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request left the origin: ${url}`);
    }
  });
  await page.goto(origin + path);
  await page.waitForFunction(() => document.documentElement.dataset.ready !== undefined, null, { timeout: 20000 });
  return { page, context, problems: () => problems.slice() };
}
