// Shared set-up for the browser tests: Debian's chromium through playwright-core, a page that
// can only reach the service under test (OSM tiles fail at once, as offline), and log-in.
// The service URL comes from ZONEGIS_URL (default http://localhost:8080).
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const baseUrl = (process.env.ZONEGIS_URL || 'http://localhost:8080').replace(/\/$/, '');
export const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
export const password = (user) => `${user}2026`;

const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// false when the service answers; otherwise the reason to skip. Under CI a missing service
// must fail the run, so there the tests go ahead and fail on their own.
export async function serviceSkip() {
  try {
    const response = await fetch(`${baseUrl}/api/config`, { signal: AbortSignal.timeout(5000) });
    if (response.ok) return false;
  } catch {
    // Fall through to the reason below.
  }
  return process.env.CI ? false : `ZoneGIS service not reachable at ${baseUrl} (set ZONEGIS_URL)`;
}

// Opens a browser and a context that aborts every request to another host. Page errors are
// collected in `errors` so a test can assert the app threw nothing.
export async function launch({ language = 'zh-CN', viewport = { width: 1440, height: 900 } } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const context = await browser.newContext({ viewport, locale: language });
  const allowed = new Set(['localhost', '127.0.0.1', new URL(baseUrl).hostname]);
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return allowed.has(hostname) ? route.fallback() : route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { browser, context, page, errors };
}

export async function waitForState(page, state) {
  await page.waitForSelector(`body[data-zg-state="${state}"]`, { timeout: 30000 });
}

// Logs in through the login page and waits until every layer has loaded (or failed).
export async function login(page, user, secret = password(user)) {
  await page.goto(`${baseUrl}/`);
  await waitForState(page, 'login');
  await page.fill('input[name="username"]', user);
  await page.fill('input[name="password"]', secret);
  await page.click('.zg-login-submit');
  await waitForState(page, 'ready');
}

export async function screenshot(page, name) {
  await mkdir(outputDir, { recursive: true });
  const path = `${outputDir}${name}.png`;
  await page.screenshot({ path });
  return path;
}

// Layer definitions as the signed-in page sees them.
export function layerDefs(page) {
  return page.evaluate(async () => (await fetch('/api/layers', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json());
}
