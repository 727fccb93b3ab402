// Splitting a red line as a planner does it: a parcel created through the API is found with the
// search box, split from its panel by drawing a line across it, and comes back as two parcels
// while the original is cancelled. Screenshots go to web-map/test-output/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, screenshot, serviceSkip } from './support.mjs';

// Calls the API from the signed-in page, with the XSRF token the service expects on writes.
function call(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1]);
    const headers = { 'X-Requested-With': 'XMLHttpRequest', 'X-XSRF-TOKEN': token, 'Content-Type': 'application/json' };
    const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    return { status: response.status, json: await response.json() };
  }, { method, path, body });
}

describe('splitting a parcel', { skip: await serviceSkip() }, () => {
  let browser;
  let page;
  let errors;
  const code = `WEB-SPLIT-${Date.now()}`;
  // A strip along the zone's southern edge that no other test and no demo parcel uses; the
  // offset keeps runs on the same database apart.
  const lon = 121.902 + (Date.now() % 97) * 0.0015;
  const lat = 37.0506;

  before(async () => {
    ({ browser, page, errors } = await launch());
    await login(page, 'planner');
  });

  after(async () => {
    const all = await call(page, 'GET', '/api/parcels');
    for (const f of all.json.features.filter((p) => p.properties.code.startsWith(code) && p.properties.status !== 'cancelled')) {
      await call(page, 'DELETE', `/api/parcels/${f.id}`);
    }
    await browser?.close();
  });

  it('draws a line across a parcel and shows the two parcels it became', async () => {
    const ring = [[lon, lat], [lon + 0.001, lat], [lon + 0.001, lat + 0.0008], [lon, lat + 0.0008], [lon, lat]];
    const created = await call(page, 'POST', '/api/parcels', {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [ring] },
      properties: { code, name: '分割测试地块', holder: '测试公司', land_use: '工业用地' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));

    await page.fill('.zg-search-input', code);
    await page.locator('.zg-search-result').first().click();
    const panel = page.locator('.zg-parcel-panel');
    await panel.locator('.zg-panel-title', { hasText: code }).waitFor();
    await panel.locator('.zg-parcel-action[data-action="split"]').click();

    const target = await page.locator('path.zg-split-target').boundingBox();
    assert.ok(target && target.width > 20, `the parcel is outlined (${JSON.stringify(target)})`);
    const x = target.x + target.width * 0.4;
    await page.mouse.click(x, target.y - 25);
    await page.mouse.click(x, target.y + target.height + 25);
    await page.mouse.click(x, target.y + target.height + 25);

    const pieces = page.locator('.zg-split-pieces li');
    await pieces.nth(1).waitFor();
    assert.equal(await pieces.count(), 2);
    assert.deepEqual(await pieces.evaluateAll((items) => items.map((li) => li.dataset.code)), [`${code}-1`, `${code}-2`]);
    assert.equal(await page.locator('path.zg-split-piece').count(), 2);
    await screenshot(page, 'parcel-split');

    const original = await call(page, 'GET', `/api/parcels/${created.json.id}`);
    assert.equal(original.json.properties.status, 'cancelled');
    const all = await call(page, 'GET', '/api/parcels');
    const live = all.json.features.filter((f) => f.properties.code.startsWith(`${code}-`));
    assert.equal(live.length, 2);
    // Read one by one: the official measures, as the Java tests check them.
    let sum = 0;
    for (const f of live) sum += (await call(page, 'GET', `/api/parcels/${f.id}`)).json.properties.area_m2;
    assert.ok(Math.abs(sum - created.json.properties.area_m2) < 0.01, `${sum} m² vs ${created.json.properties.area_m2} m²`);
    assert.deepEqual(errors, []);
  });
});
