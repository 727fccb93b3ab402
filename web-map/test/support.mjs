// Shared set-up for the browser tests: Debian's chromium through playwright-core, a page that
// can only reach the service under test (OSM tiles fail at once, as offline), and log-in.
// The service URL comes from ZONEGIS_URL (default http://localhost:8080); a service that does not
// answer fails the tests, it never skips them.
//
// Every test stands alone: it opens its own browser (`signedIn`), creates the data it needs on
// ground no other test uses (`ground`), and waits for states the page announces, never for time:
// body[data-zg-state] for the screen, .zg-map[data-zg-map="idle"] once the map has stopped moving
// and loading.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const baseUrl = (process.env.ZONEGIS_URL || 'http://localhost:8080').replace(/\/$/, '');
export const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
export const password = (user) => `${user}2026`;

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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

// Resolves once the map has stopped moving, its tiles are drawn and no API call is pending.
export async function mapIdle(page) {
  await page.waitForSelector('.zg-map[data-zg-map="idle"]', { timeout: 30000 });
}

const viewHash = ({ lon, lat, zoom }) => `#map=${zoom}/${lat.toFixed(6)}/${lon.toFixed(6)}`;

// Logs in through the login page, optionally straight to a view { lon, lat, zoom }, and waits
// until every layer has loaded (or failed) and the map is idle.
export async function login(page, user, { secret = password(user), view = null } = {}) {
  await page.goto(`${baseUrl}/${view ? viewHash(view) : ''}`);
  await waitForState(page, 'login');
  await page.fill('input[name="username"]', user);
  await page.fill('input[name="password"]', secret);
  await page.click('.zg-login-submit');
  await waitForState(page, 'ready');
  await mapIdle(page);
}

// A browser of the test's own, closed when the test ends, signed in as `user`.
// options: view (see login), language, viewport.
export async function signedIn(t, user, { view = null, ...options } = {}) {
  const session = await launch(options);
  t.after(() => session.browser.close());
  await login(session.page, user, { view });
  return session;
}

// Moves the map to { lon, lat, zoom } through the address, as a shared link does, and waits
// until it is there and idle.
export async function showAt(page, view) {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, viewHash(view));
  const center = `${view.lat.toFixed(6)},${view.lon.toFixed(6)}`;
  await page.waitForFunction(
    ({ zoom, center }) => {
      const map = document.querySelector('.zg-map');
      return map.dataset.zoom === String(zoom) && map.dataset.center === center;
    },
    { zoom: view.zoom, center },
  );
  await mapIdle(page);
}

// The page pixel of a lon/lat on a map showing `view` (Web Mercator, 256-pixel tiles).
export async function pixelOf(page, view, lon, lat) {
  const box = await page.locator('.zg-map').boundingBox();
  const scale = 256 * 2 ** view.zoom;
  const x = (l) => ((l + 180) / 360) * scale;
  const y = (b) => (0.5 - Math.log(Math.tan(Math.PI / 4 + (b * Math.PI) / 360)) / (2 * Math.PI)) * scale;
  return [box.x + box.width / 2 + x(lon) - x(view.lon), box.y + box.height / 2 + y(lat) - y(view.lat)];
}

// Land that neither the demo zone (around 122.03–122.12 E, 37.17–37.21 N) nor any other test
// touches: slot n is a cell of 0.01° × 0.005° in the zone's empty south-west. Each test that draws
// or creates parcels takes a slot of its own, so tests run alone or in any order.
export function ground(slot) {
  const west = 121.92 + (slot % 10) * 0.02;
  const south = 37.07 + Math.floor(slot / 10) * 0.01;
  return { west, south, east: west + 0.01, north: south + 0.005, center: { lon: west + 0.005, lat: south + 0.0025 } };
}

// A closed lon/lat ring of a rectangle.
export function rectangle(west, south, east, north) {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

// fetch against the service as `user` with HTTP Basic, JSON in and out, as a script would.
export function apiAs(user) {
  const auth = `Basic ${Buffer.from(`${user}:${password(user)}`).toString('base64')}`;
  return (path, init = {}) =>
    fetch(`${baseUrl}${path}`, {
      ...init,
      headers: { Authorization: auth, 'Content-Type': 'application/json', ...init.headers },
    });
}

// Creates a parcel through the API as the planner and cancels it when the test ends, so a run on
// the same database can start again. Returns the created feature.
export async function createParcel(t, properties, ring) {
  const asPlanner = apiAs('planner');
  const response = await asPlanner('/api/parcels', {
    method: 'POST',
    body: JSON.stringify({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`POST /api/parcels: ${response.status} ${JSON.stringify(body)}`);
  t.after(() => cancelParcels(properties.code));
  return body;
}

// Creates a feature through the API as `user` and deletes it, at the version it then has, when the
// test ends, so a run on the same database can start again. Returns its Location.
export async function createFeature(t, user, path, geometry, properties) {
  const as = apiAs(user);
  const response = await as(path, {
    method: 'POST',
    body: JSON.stringify({ type: 'Feature', geometry, properties }),
  });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(body)}`);
  const location = response.headers.get('location');
  t.after(async () => {
    const current = await as(location);
    if (current.ok) await as(location, { method: 'DELETE', headers: { 'If-Match': current.headers.get('etag') } });
  });
  return location;
}

// Reports a work order through the API as the dispatcher and cancels it when the test ends (a
// no-op once the test has taken it past cancelling), so it leaves the lists. Returns the order.
export async function reportWorkOrder(t, order) {
  const asDispatcher = apiAs('dispatcher');
  const response = await asDispatcher('/api/workorders', { method: 'POST', body: JSON.stringify(order) });
  const body = await response.json();
  if (response.status !== 201) throw new Error(`POST /api/workorders: ${response.status} ${JSON.stringify(body)}`);
  t.after(() =>
    asDispatcher(`/api/workorders/${body.id}/transitions`, {
      method: 'POST',
      body: JSON.stringify({ to: 'cancelled', note: 'test done' }),
    }),
  );
  return body;
}

// Cancels every live parcel whose code starts with `prefix` (a cancelled parcel holds no ground).
export async function cancelParcels(prefix) {
  const asPlanner = apiAs('planner');
  const all = await (await asPlanner('/api/parcels')).json();
  for (const f of all.features.filter(
    (p) => p.properties.code.startsWith(prefix) && p.properties.status !== 'cancelled',
  )) {
    const current = await asPlanner(`/api/parcels/${f.id}`);
    await asPlanner(`/api/parcels/${f.id}`, { method: 'DELETE', headers: { 'If-Match': current.headers.get('etag') } });
  }
}

// Calls the API from the signed-in page, with the XSRF token the service expects on writes.
export function pageCall(page, method, path, body) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const token = decodeURIComponent(document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/)?.[1] || '');
      const headers = {
        'X-Requested-With': 'XMLHttpRequest',
        'X-XSRF-TOKEN': token,
        'Content-Type': 'application/json',
      };
      const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

export async function screenshot(page, name) {
  await mkdir(outputDir, { recursive: true });
  const path = `${outputDir}${name}.png`;
  await page.screenshot({ path });
  return path;
}

// Types `text` in the search box and picks the first result that shows it.
export async function pickSearchResult(page, text) {
  await page.fill('.zg-search-input', text);
  await page.locator('.zg-search-result', { hasText: text }).first().click();
}

// Finds the parcel by its code in the search box and opens its panel; returns the panel once it
// shows that parcel.
export async function openParcel(page, code) {
  await pickSearchResult(page, code);
  const panel = page.locator('.zg-parcel-panel');
  await panel.locator('.zg-panel-title', { hasText: code }).waitFor();
  return panel;
}

// Layer definitions as the signed-in page sees them.
export function layerDefs(page) {
  return page.evaluate(async () =>
    (await fetch('/api/layers', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json(),
  );
}

// A streetlight of the test's own in the middle of its ground slot, deleted when the test ends,
// opened in the editor by clicking it on a map centred on it.
export async function editStreetlight(t, slot) {
  const code = `TEST-LD-${slot}-${Date.now()}`;
  const { lon, lat } = ground(slot).center;
  const location = await createFeature(
    t,
    'planner',
    '/api/streetlights',
    { type: 'Point', coordinates: [lon, lat] },
    {
      code,
      circuit: 'HL-01',
      power_w: 120,
    },
  );
  const session = await signedIn(t, 'planner', { view: { lon, lat, zoom: 18 } });
  const { page } = session;
  await page.click('.zg-edit-tool[data-tool="editAsset"]');
  await page.waitForSelector('.zg-asset-editor[data-state="picking"]');
  const box = await page.locator('.zg-map').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.zg-asset-editor[data-state="editing"]');
  return { ...session, code, location };
}
