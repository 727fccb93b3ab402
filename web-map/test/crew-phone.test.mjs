// The crew member's phone (390×844): only the crew's layers and orders, no land office tools; a
// newly dispatched order appears without a reload; an order links to the phone's map app.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, apiAs, screenshot, ground } from './support.mjs';

const SLOT = 83;
const asDispatcher = apiAs('dispatcher');
const phone = { viewport: { width: 390, height: 844 } };

async function post(path, body) {
  const response = await asDispatcher(path, { method: 'POST', body: JSON.stringify(body) });
  const json = await response.json();
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

describe('the crew on a phone', () => {
  it('shows only the crew layers and no land office tools', async (t) => {
    const { page, errors } = await signedIn(t, 'crew', phone);
    await page.waitForSelector('.zg-crew');
    assert.equal(await page.locator('.zg-register-toggle').count(), 0);
    assert.equal(await page.locator('.zg-layer-row[data-layer-id="parcels"]').count(), 0);
    assert.equal(await page.locator('canvas.zg-vector-tile-parcels').count(), 0);
    assert.equal(await page.locator('.zg-as-of').count(), 0);
    assert.ok((await page.locator('.zg-layer-row[data-layer-id="pipes"]').count()) === 1);
    assert.deepEqual(errors, []);
  });

  it('sees a newly dispatched order without a reload and can navigate to it', async (t) => {
    const { page, errors } = await signedIn(t, 'crew', phone);
    await page.waitForSelector('.zg-crew[data-zg-loads]');
    const { crewId } = await (await apiAs('crew')('/api/me')).json();
    const { lon, lat } = ground(SLOT).center;
    const order = await post('/api/workorders', {
      kind: 'road_repair',
      priority: 'high',
      description: `班组手机测试 ${Date.now()}`,
      location: { lon, lat },
    });
    t.after(() => post(`/api/workorders/${order.id}/transitions`, { to: 'cancelled', note: 'test done' }));
    await post(`/api/workorders/${order.id}/dispatch`, { crewId, note: '请尽快处理' });

    const row = page.locator(`.zg-crew .zg-wo-row.zg-wo-new-order[data-order-id="${order.id}"]`);
    await row.waitFor({ timeout: 30000 });
    assert.equal(await row.locator('.zg-crew-fresh').textContent(), '新');
    await screenshot(page, 'crew-phone-new-order');
    await row.locator('button').click();
    const link = page.locator('.zg-crew .zg-crew-navigate');
    await link.waitFor();
    const at = `${lat.toFixed(6)},${lon.toFixed(6)}`;
    assert.equal(await link.getAttribute('href'), `geo:${at}?q=${at}(${encodeURIComponent(order.code)})`);
    assert.match(await page.locator('.zg-crew-coords').textContent(), /N \d+\.\d{3} {2}E \d+\.\d{3} \(EPSG:\d+\)/);
    await screenshot(page, 'crew-phone-navigate');
    assert.deepEqual(errors, []);
  });
});
