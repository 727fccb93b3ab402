// The main screen as a planner sees it: every layer listed and drawn, the language switch,
// pointer coordinates and search. Screenshots go to web-map/test-output/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, screenshot, layerDefs, waitForState, mapIdle, pickSearchResult } from './support.mjs';
import { gaussKruger } from '../src/gauss-kruger.js';

const zoom = async (page) => Number(await page.getAttribute('.zg-map', 'data-zoom'));

// Zooms with the map's own buttons, one animated step at a time.
async function zoomBy(page, steps) {
  for (let i = 0; i < Math.abs(steps); i++) {
    const before = await zoom(page);
    await page.click(steps > 0 ? '.leaflet-control-zoom-in' : '.leaflet-control-zoom-out');
    await page.waitForFunction((z) => Number(document.querySelector('.zg-map').dataset.zoom) !== z, before);
  }
}

describe('the main map', () => {
  it('lists every layer of /api/layers in the layer panel, loaded and not empty', async (t) => {
    const { page } = await signedIn(t, 'planner');
    const defs = await layerDefs(page);
    assert.ok(defs.length >= 12, `only ${defs.length} layers`);
    for (const def of defs) {
      const row = page.locator(`.zg-layer-row[data-layer-id="${def.id}"]`);
      assert.equal(await row.getAttribute('data-state'), 'loaded', `${def.id} did not load`);
      assert.ok(Number(await row.getAttribute('data-count')) > 0, `${def.id} has no features`);
      assert.equal((await row.locator('.zg-layer-title').textContent()).trim(), def.titleZh);
    }
  });

  it('draws every layer on the map, the dense ones once zoomed in', async (t) => {
    const { page, errors } = await signedIn(t, 'planner');
    const defs = await layerDefs(page);
    // Once the map is idle every tile in view is drawn.
    const drawn = async (id) => {
      await mapIdle(page);
      return page.evaluate((layer) => document.querySelector(`.zg-layer-${layer}, .zg-cluster-${layer}`) !== null, id);
    };
    const start = await zoom(page);
    let deepest = start;
    for (const def of defs) {
      const minZoom = Number(
        await page.locator(`.zg-layer-row[data-layer-id="${def.id}"]`).getAttribute('data-min-zoom'),
      );
      if (minZoom <= start) assert.ok(await drawn(def.id), `${def.id}: nothing drawn`);
      deepest = Math.max(deepest, minZoom);
    }
    await zoomBy(page, deepest - start);
    for (const def of defs) assert.ok(await drawn(def.id), `${def.id}: nothing drawn at zoom ${deepest}`);
    assert.ok(
      (await page.locator('.zg-flow-arrow, .zg-vector-tile[data-flow-arrows]').count()) > 0,
      'pipes show their flow',
    );
    await screenshot(page, 'street-level-tiles');
    assert.deepEqual(errors, []);
  });

  it('shows the map without network access and without script errors', async (t) => {
    const { page, errors } = await signedIn(t, 'planner');
    assert.equal(await page.locator('.leaflet-control-scale').count(), 1);
    await screenshot(page, 'main-zh');
    assert.deepEqual(errors, []);
  });

  it('shows the pointer position as lon/lat and as N/E in the measuring CRS', async (t) => {
    const { page } = await signedIn(t, 'planner');
    const config = await page.evaluate(async () => (await fetch('/api/config')).json());
    const box = await page.locator('.zg-map').boundingBox();
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    const lonLat = await page.locator('.zg-coords-lonlat').textContent();
    const plane = await page.locator('.zg-coords-plane').textContent();
    const [lon, lat] = lonLat.match(/-?\d+\.\d+/g).map(Number);
    const match = plane.match(/^N (\d+\.\d{3})\s+E (\d+\.\d{3})$/);
    assert.ok(match, `plane coordinates shown as "${plane}"`);
    const expected = gaussKruger(config.measureProj4)(lon, lat);
    // lon/lat are shown to 6 decimals (~0.1 m), so allow half a metre.
    assert.ok(Math.abs(Number(match[1]) - expected.northing) < 0.5, `N ${match[1]} vs ${expected.northing}`);
    assert.ok(Math.abs(Number(match[2]) - expected.easting) < 0.5, `E ${match[2]} vs ${expected.easting}`);
  });

  it('switches to English, keeps it after a reload, and switches back', async (t) => {
    const { page } = await signedIn(t, 'planner');
    const defs = await layerDefs(page);
    await page.click('.zg-lang-button[data-lang="en"]');
    assert.equal(await page.locator('.zg-layers .zg-panel-title').textContent(), 'Layers');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    for (const def of defs) {
      const title = await page.locator(`.zg-layer-row[data-layer-id="${def.id}"] .zg-layer-title`).textContent();
      assert.equal(title.trim(), def.titleEn);
    }
    assert.ok((await page.locator('.zg-legend-label', { hasText: 'Red line' }).count()) > 0, 'legend in English');
    assert.equal(await page.locator('.zg-lang-button[aria-pressed="true"]').getAttribute('data-lang'), 'en');
    await screenshot(page, 'main-en');

    await page.reload();
    await waitForState(page, 'ready');
    assert.equal(await page.locator('.zg-layers .zg-panel-title').textContent(), 'Layers');
    await page.click('.zg-lang-button[data-lang="zh"]');
    assert.equal(await page.locator('.zg-layers .zg-panel-title').textContent(), '图层');
  });
  it('opens the view a colleague shared by its address', async (t) => {
    const view = { lon: 122.05, lat: 37.19, zoom: 17 };
    const { page } = await signedIn(t, 'viewer', { view });
    assert.equal(await zoom(page), 17);
    assert.equal(await page.getAttribute('.zg-map', 'data-center'), '37.190000,122.050000');
    await page.click('.leaflet-control-zoom-out');
    await page.waitForFunction(() => document.querySelector('.zg-map').dataset.zoom === '16');
    await mapIdle(page);
    assert.match(await page.evaluate(() => location.hash), /^#map=16\/37\.19\d*\/122\.05\d*$/);
  });

  it('finds a parcel by its code and opens its attributes', async (t) => {
    const { page } = await signedIn(t, 'planner');
    const parcels = await page.evaluate(async () =>
      (await fetch('/api/parcels', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json(),
    );
    const code = parcels.features.find((f) => f.properties.code).properties.code;
    await pickSearchResult(page, code);
    const title = page.locator('.zg-popup .zg-popup-title');
    await title.waitFor();
    assert.match(await title.textContent(), new RegExp(code));
    assert.equal(await page.locator('.zg-search-result').count(), 0, 'the result list closes');
    // The popup must survive the zoom to the parcel and the click that picked the result.
    await mapIdle(page);
    assert.equal(await page.locator('.zg-popup').count(), 1, 'the popup stays open');
    await screenshot(page, 'popup-zh');
  });
});
