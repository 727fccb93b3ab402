// Splitting a red line as a planner does it: a parcel created through the API is found with the
// search box, split from its panel by drawing a line across it, and comes back as two parcels
// while the original is cancelled. Screenshots go to web-map/test-output/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  signedIn,
  mapIdle,
  screenshot,
  ground,
  rectangle,
  createParcel,
  pageCall as call,
  openParcel,
} from './support.mjs';

describe('splitting a parcel', () => {
  it('draws a line across a parcel and shows the two parcels it became', async (t) => {
    const code = `WEB-SPLIT-${Date.now()}`;
    const { west, south } = ground(50);
    const parcel = await createParcel(
      t,
      { code, name: '分割测试地块', holder: '测试公司', land_use: '工业用地' },
      rectangle(west + 0.002, south + 0.001, west + 0.003, south + 0.0018),
    );
    const { page, errors } = await signedIn(t, 'planner');

    const panel = await openParcel(page, code);
    await panel.locator('.zg-parcel-action[data-action="split"]').click();
    await mapIdle(page);

    const target = await page.locator('path.zg-split-target').boundingBox();
    assert.ok(target && target.width > 20, `the parcel is outlined (${JSON.stringify(target)})`);
    const x = target.x + target.width * 0.4;
    await page.mouse.click(x, target.y - 25);
    await page.mouse.click(x, target.y + target.height + 25);
    await page.mouse.click(x, target.y + target.height + 25);

    const pieces = page.locator('.zg-split-pieces li');
    await pieces.nth(1).waitFor();
    assert.equal(await pieces.count(), 2);
    assert.deepEqual(await pieces.evaluateAll((items) => items.map((li) => li.dataset.code)), [
      `${code}-1`,
      `${code}-2`,
    ]);
    assert.equal(await page.locator('path.zg-split-piece').count(), 2);
    await screenshot(page, 'parcel-split');

    const original = await call(page, 'GET', `/api/parcels/${parcel.id}`);
    assert.equal(original.json.properties.status, 'cancelled');
    const all = await call(page, 'GET', '/api/parcels');
    const live = all.json.features.filter((f) => f.properties.code.startsWith(`${code}-`));
    assert.equal(live.length, 2);
    // Read one by one: the official measures, as the Java tests check them.
    let sum = 0;
    for (const f of live) sum += (await call(page, 'GET', `/api/parcels/${f.id}`)).json.properties.area_m2;
    assert.ok(Math.abs(sum - parcel.properties.area_m2) < 0.01, `${sum} m² vs ${parcel.properties.area_m2} m²`);
    assert.deepEqual(errors, []);
  });
});
