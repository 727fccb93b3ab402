// Text from the data is text: a property, a search label or a user name holding HTML must be
// shown literally and run nothing. Hostile values are injected by rewriting the service's
// responses in the browser (page.route), through the parcel API, and from an imported file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, signedIn, mapIdle, ground, rectangle, createParcel, pickSearchResult } from './support.mjs';

const HOSTILE = '<img src=x onerror=window.__xss=1>';

describe('hostile text from the data', () => {
  it('shows a hostile user name, search label and parcel property as text', async (t) => {
    const { browser, page } = await launch();
    t.after(() => browser.close());
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
      const ring = [
        [lon, lat],
        [lon + 0.001, lat],
        [lon + 0.001, lat + 0.001],
        [lon, lat + 0.001],
        [lon, lat],
      ];
      return route.fulfill({
        contentType: 'application/geo+json',
        json: {
          type: 'Feature',
          id: 99999999,
          properties: { code: 'XSS-1', name: HOSTILE, holder: HOSTILE, status: HOSTILE, land_use: HOSTILE },
          geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
        },
      });
    });
    await page.route(/\/api\/search\?/, (route) =>
      route.fulfill({
        json: [{ layer: 'parcels', id: 99999999, label: HOSTILE, lon: center[0], lat: center[1], bbox: null }],
      }),
    );

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
    assert.ok((await popup.locator('td', { hasText: HOSTILE }).count()) >= 2, 'holder and name shown as text');
    assert.equal(await page.locator('.zg-popup img, .zg-search img, .zg-user-menu img').count(), 0);
    await mapIdle(page);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  it('shows a hostile name saved through the parcel API as text', async (t) => {
    const code = `XSS-${Date.now()}`;
    const { west, south } = ground(40);
    await createParcel(
      t,
      { code, name: HOSTILE, land_use: HOSTILE },
      rectangle(west + 0.001, south + 0.001, west + 0.0015, south + 0.0015),
    );
    const { page } = await signedIn(t, 'admin');
    await pickSearchResult(page, code);
    await page.locator('.zg-popup td', { hasText: HOSTILE }).first().waitFor();
    assert.equal(await page.locator('.zg-popup img').count(), 0);
    await mapIdle(page);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  it('shows a hostile code from an imported file as text in the preview tooltip', async (t) => {
    const { west, south } = ground(40);
    const ring = rectangle(west + 0.005, south + 0.001, west + 0.006, south + 0.002);
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: HOSTILE }, geometry: { type: 'Polygon', coordinates: [ring] } },
      ],
    };
    const { page, errors } = await signedIn(t, 'planner');
    await page.click('.zg-import-open');
    await page.setInputFiles('.zg-import-file', {
      name: 'hostile.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.click('.zg-import-dry-run');
    await page.waitForSelector('.zg-import-items');
    assert.equal(await page.locator('.zg-import-item strong').textContent(), HOSTILE);
    await mapIdle(page);
    await page.locator('path.zg-import-preview-ok, path.zg-import-preview-refused').first().hover();
    const tooltip = page.locator('.leaflet-tooltip');
    await tooltip.waitFor();
    assert.equal(await tooltip.textContent(), HOSTILE);
    assert.equal(await page.locator('.leaflet-tooltip img, .zg-import img').count(), 0);
    await mapIdle(page);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.deepEqual(errors, []);
  });
});
