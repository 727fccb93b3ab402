// What the map shows after it moves, now that moves do as little as they can: the per-view work
// orders leave the map when a zoom starts and come back for the new zoom, and the layer panel
// counts what the new view holds although it is redrawn only when something in it changes.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, ground, showAt, mapIdle, screenshot, reportWorkOrder } from './support.mjs';

const pane = '.leaflet-zg-pane-work_orders-pane';
const row = '.zg-layer-row[data-layer-id="work_orders"]';

async function shown(page) {
  return page.evaluate(
    ({ pane, row }) => ({
      paneCount: document.querySelector(pane)?.dataset.zgCount,
      rowCount: document.querySelector(row)?.dataset.count,
    }),
    { pane, row },
  );
}

describe('the map after a move', () => {
  it('shows the work orders of the new zoom and counts the new view in the layer panel', async (t) => {
    const { center } = ground(124);
    const description = `缩放后工单测试 ${Date.now()}`;
    await reportWorkOrder(t, { kind: 'other', description, location: center });
    const { page, errors } = await signedIn(t, 'viewer', { view: { ...center, zoom: 16 } });
    const before = await shown(page);
    assert.ok(Number(before.paneCount) >= 1, 'the new order is in the view');
    assert.equal(before.rowCount, before.paneCount, 'the panel counts the view');

    await page.click('.leaflet-control-zoom-in');
    await page.waitForFunction(() => document.querySelector('.zg-map').dataset.zoom === '17');
    await mapIdle(page);
    // Visible, not only there.
    await page.locator('.leaflet-marker-pane .zg-layer-work_orders, .zg-cluster-work_orders').first().waitFor();
    const zoomed = await shown(page);
    assert.ok(Number(zoomed.paneCount) >= 1);
    assert.equal(zoomed.rowCount, zoomed.paneCount);
    await screenshot(page, 'work-orders-after-zoom');

    // Far away (another empty slot of ground): the panel follows the view's count.
    const away = ground(125).center;
    await showAt(page, { ...away, lon: away.lon + 0.05, zoom: 17 });
    const moved = await shown(page);
    assert.equal(moved.rowCount, moved.paneCount, 'the panel counts the new view');
    assert.notEqual(moved.paneCount, undefined);
    assert.deepEqual(errors, []);
  });
});
