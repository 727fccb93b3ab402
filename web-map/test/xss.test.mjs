// Text from the data is text: a property, a search label or a user name holding HTML must be
// shown literally and run nothing. Hostile values are injected by rewriting the service's
// responses in the browser (page.route), plus through the parcel API once it exists.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, serviceSkip } from './support.mjs';

const HOSTILE = '<img src=x onerror=window.__xss=1>';

describe('hostile text from the data', { skip: await serviceSkip() }, () => {
  let browser;
  let page;

  before(async () => {
    ({ browser, page } = await launch());
  });
  after(() => browser?.close());

  it('shows a hostile user name, search label and parcel property as text', async () => {
    let center = [122.05, 37.19];
    await page.route(/\/api\/login$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), displayName: HOSTILE } });
    });
    await page.route(/\/api\/config$/, async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      center = json.center || center;
      await route.fulfill({ response, json });
    });
    // Parcels are drawn from vector tiles; search reads the found parcel whole from /ogc.
    await page.route(/\/ogc\/collections\/parcels\/items\/99999999$/, (route) => {
      const [lon, lat] = center;
      const ring = [[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.001], [lon, lat + 0.001], [lon, lat]];
      return route.fulfill({
        contentType: 'application/geo+json',
        json: {
          type: 'Feature', id: 99999999,
          properties: { code: 'XSS-1', name: HOSTILE, holder: HOSTILE, status: HOSTILE, land_use: HOSTILE },
          geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
        },
      });
    });
    await page.route(/\/api\/search\?/, (route) => route.fulfill({
      json: [{ layer: 'parcels', id: 99999999, label: HOSTILE, lon: center[0], lat: center[1], bbox: null }],
    }));

    await login(page, 'admin');
    assert.equal(await page.locator('.zg-user-name').textContent(), HOSTILE);

    await page.fill('.zg-search-input', 'xss');
    const label = page.locator('.zg-search-label').first();
    await label.waitFor();
    assert.equal(await label.textContent(), HOSTILE);
    await page.locator('.zg-search-result').first().click();

    const popup = page.locator('.zg-popup');
    await popup.locator('.zg-popup-title').waitFor();
    assert.match(await popup.locator('.zg-popup-title').textContent(), /<img src=x onerror=window.__xss=1>/);
    assert.ok(await popup.locator('td', { hasText: HOSTILE }).count() >= 2, 'holder and name shown as text');
    assert.equal(await page.locator('.zg-popup img, .zg-search img, .zg-user-menu img').count(), 0);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  it('shows a hostile name saved through the parcel API as text', async () => {
    const code = `XSS-${Date.now()}`;
    const created = await page.evaluate(async ({ name, code }) => {
      const token = decodeURIComponent(document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/)?.[1] || '');
      const config = await (await fetch('/api/config')).json();
      // A corner of the zone extent that the demo parcels leave empty, so no red line is overlapped.
      const [lon, lat] = [config.extent[0] + 0.002 + Math.random() * 0.05, config.extent[1] + 0.002];
      const ring = [[lon, lat], [lon + 0.0005, lat], [lon + 0.0005, lat + 0.0005], [lon, lat + 0.0005], [lon, lat]];
      const response = await fetch('/api/parcels', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': token },
        body: JSON.stringify({
          type: 'Feature',
          properties: { code, name, land_use: name, status: 'planned' },
          geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
        }),
      });
      return { status: response.status, body: await response.text() };
    }, { name: HOSTILE, code });
    assert.ok(created.status < 300, `POST /api/parcels: ${created.status} ${created.body}`);
    await page.reload();
    await page.waitForSelector('body[data-zg-state="ready"]');
    await page.fill('.zg-search-input', code);
    const result = page.locator('.zg-search-result', { hasText: code }).first();
    await result.waitFor();
    await result.click();
    await page.locator('.zg-popup td', { hasText: HOSTILE }).first().waitFor();
    assert.equal(await page.locator('.zg-popup img').count(), 0);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });
});
