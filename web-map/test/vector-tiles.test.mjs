// The large layers come from /tiles as vector tiles on canvas, and still answer clicks with the
// feature's attributes, read whole from /ogc.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, screenshot, serviceSkip } from './support.mjs';

describe('vector tile layers', { skip: await serviceSkip() }, () => {
  let browser;
  let page;
  let errors;
  const requests = [];

  before(async () => {
    ({ browser, page, errors } = await launch());
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await login(page, 'planner');
  });
  after(() => browser?.close());

  it('draws parcels from vector tiles instead of loading them as GeoJSON, and clusters work orders', async () => {
    await page.waitForSelector('canvas.zg-vector-tile-parcels.zg-layer-parcels', { timeout: 10000 });
    assert.equal(await page.locator('path.zg-layer-parcels').count(), 0, 'no SVG path per parcel');
    assert.ok(requests.some((path) => /^\/tiles\/parcels\/\d+\/\d+\/\d+\.mvt$/.test(path)), 'parcel tiles requested');
    for (const layer of ['parcels', 'pipes', 'streetlights']) {
      assert.ok(!requests.includes(`/api/${layer}`), `${layer} not loaded as GeoJSON`);
    }
    assert.ok(requests.includes('/api/roads'), 'small layers stay GeoJSON');
    await page.waitForSelector('.zg-cluster-work_orders', { timeout: 10000 });
  });

  it('opens a parcel\u2019s attributes when it is clicked on its tile', async () => {
    const parcel = await page.evaluate(async () => (await (await fetch('/ogc/collections/parcels/items?limit=1&status=transferred',
      { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()).features[0]);
    // Only parcels stay on: an expansion zone drawn over a parcel would take the click, as it should.
    for (const row of await page.locator('.zg-layer-row').all()) {
      if (await row.getAttribute('data-layer-id') !== 'parcels') await row.locator('input[type=checkbox]').uncheck();
    }
    // Search brings the parcel into the middle of the map; then a click there must find it on the tile.
    await page.fill('.zg-search-input', parcel.properties.code);
    await page.locator('.zg-search-result', { hasText: parcel.properties.code }).first().click();
    await page.locator('.zg-popup .zg-popup-title').waitFor();
    await page.locator('.leaflet-popup-close-button').click();
    await page.waitForTimeout(800);
    const box = await page.locator('.zg-map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const title = page.locator('.zg-popup .zg-popup-title');
    await title.waitFor();
    assert.match(await title.textContent(), new RegExp(parcel.properties.code));
    assert.ok(await page.locator('.zg-popup td').count() > 5, 'every attribute, not only the tile\u2019s');
    await page.waitForTimeout(500);
    await screenshot(page, 'vector-tile-popup');
    assert.deepEqual(errors, []);
  });
});
