// The closed loop in the browser: the dispatcher reports an order by clicking the map and
// dispatches it to a suggested crew, the crew member completes it on a phone-sized screen with a
// quantity, a note and a photo, and the dispatcher verifies and closes it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, apiAs, screenshot } from './support.mjs';

// A 1×1 PNG, as a phone camera's photo would be uploaded.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const asDispatcher = apiAs('dispatcher');
const read = async (path) => (await asDispatcher(path)).json();

// The dispatcher's board on a desktop screen, its list loaded.
async function dispatchBoard(t, options = {}) {
  const desk = await signedIn(t, 'dispatcher', options);
  await desk.page.waitForSelector('.zg-dispatch .zg-wo-row');
  return desk;
}

describe('work orders from report to close', () => {
  it('shows the dispatcher the open orders with the overdue ones standing out', async (t) => {
    const { page: board, errors } = await dispatchBoard(t);
    assert.ok((await board.locator('.zg-dispatch .zg-wo-row').count()) > 0);
    assert.ok((await board.locator('.zg-dispatch .zg-wo-row.zg-wo-overdue').count()) > 0);
    assert.equal(await board.locator('.zg-crew').count(), 0);
    await screenshot(board, 'workorder-1-dispatch-board');
    assert.deepEqual(errors, []);
  });

  it('keeps the list in step with the map view', async (t) => {
    const { page: board } = await dispatchBoard(t);
    const reload = board.waitForRequest((r) => r.url().includes('/api/workorders?') && r.url().includes('bbox='));
    await board.click('.leaflet-control-zoom-in');
    await reload;
    await board.click('.leaflet-control-zoom-out');
  });

  // One journey across two people: each step needs the one before it.
  it('closes the loop: the dispatcher reports and dispatches, the crew completes on a phone, the dispatcher verifies and closes', async (t) => {
    const description = `浏览器测试 路面坑槽 ${Date.now()}`;
    const desk = await dispatchBoard(t);
    const board = desk.page;
    await board.click('.zg-wo-new');
    const box = await board.locator('.zg-map').boundingBox();
    await board.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.55);
    await board.waitForSelector('.zg-wo-form');
    // The click that placed the order opened nothing else.
    assert.equal(await board.locator('.leaflet-popup').count(), 0);
    assert.equal(await board.locator('.zg-parcel-panel').isVisible(), false);
    if (await board.locator('.zg-wo-on-asset').count()) await board.uncheck('.zg-wo-on-asset');
    await board.selectOption('.zg-wo-form select[name="kind"]', 'road_repair');
    await board.selectOption('.zg-wo-form select[name="priority"]', 'high');
    await board.fill('.zg-wo-form textarea[name="description"]', description);
    await board.click('.zg-wo-create');
    await board.waitForSelector('.zg-wo-detail[data-state="new"] .zg-wo-suggestions .zg-wo-crew');
    const orderId = await board.getAttribute('.zg-wo-detail', 'data-order-id');
    assert.match(await board.locator('.zg-wo-suggestions .zg-wo-hint').textContent(), /直线/);
    await screenshot(board, 'workorder-2-new-order-suggestions');

    const { crewId } = await (await apiAs('crew')('/api/me')).json();
    await board.fill('.zg-wo-note', '请今天处理');
    await board.click(`.zg-wo-crew[data-crew-id="${crewId}"] .zg-wo-assign`);
    await board.waitForSelector(`.zg-wo-detail[data-order-id="${orderId}"][data-state="dispatched"]`);
    assert.equal(await board.locator('.zg-wo-event').count(), 2);
    await screenshot(board, 'workorder-3-dispatched');

    // The crew member starts and completes it on a phone with quantity, note and photo.
    const phone = await signedIn(t, 'crew', { viewport: { width: 390, height: 844 } });
    const page = phone.page;
    await page.waitForSelector(`.zg-crew .zg-wo-row[data-order-id="${orderId}"]`);
    assert.equal(await page.locator('.zg-dispatch').count(), 0);
    await screenshot(page, 'workorder-4-crew-list');
    await page.click(`.zg-crew .zg-wo-row[data-order-id="${orderId}"] button`);
    await page.click('.zg-crew-start');
    await page.waitForSelector('.zg-crew .zg-wo-detail[data-state="in_progress"]');
    await page.fill('.zg-crew input[name="quantity"]', '12.5');
    await page.fill('.zg-crew .zg-wo-note', '已修补，已压实');
    await page.setInputFiles('.zg-crew input[name="photo"]', {
      name: '现场.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    await screenshot(page, 'workorder-5-crew-complete-form');
    await page.click('.zg-crew-done');
    await page.waitForSelector('.zg-crew .zg-wo-detail[data-state="completed"]');
    assert.equal(await page.locator('.zg-crew .zg-wo-photo').count(), 1);
    // The sheet re-renders when the list reloads: find the photo afresh inside the page.
    await page.$eval('.zg-crew .zg-wo-photo', (img) => img.scrollIntoView());
    assert.match(await page.locator('.zg-crew .zg-wo-facts').textContent(), /12\.5/);
    await screenshot(page, 'workorder-6-crew-completed');

    // The dispatcher goes back from the order to the list, then verifies and closes it, with the
    // whole timeline.
    await board.click('.zg-wo-back');
    await board.selectOption('.zg-wo-filter-state', 'completed');
    await board.click(`.zg-dispatch .zg-wo-row[data-order-id="${orderId}"] button`);
    await board.waitForSelector(`.zg-wo-detail[data-order-id="${orderId}"][data-state="completed"]`);
    await board.click('.zg-wo-step-verified');
    await board.waitForSelector(`.zg-wo-detail[data-order-id="${orderId}"][data-state="verified"]`);
    await board.click('.zg-wo-step-closed');
    await board.waitForSelector(`.zg-wo-detail[data-order-id="${orderId}"][data-state="closed"]`);
    const steps = await board.locator('.zg-wo-event').evaluateAll((events) => events.map((e) => e.dataset.toState));
    assert.deepEqual(steps, ['new', 'dispatched', 'in_progress', 'completed', 'verified', 'closed']);
    assert.equal(await board.locator('.zg-wo-detail .zg-wo-photo').count(), 1);
    await board.$eval('.zg-wo-detail .zg-wo-photo', (img) => img.scrollIntoView());
    await screenshot(board, 'workorder-7-closed-timeline');
    assert.deepEqual(desk.errors, []);
    assert.deepEqual(phone.errors, []);
  });

  it('reports a streetlight faulty from the board and orders its repair', async (t) => {
    const light = (await read('/api/search?q=LD-0300')).find(
      (hit) => hit.layer === 'streetlights' && hit.label === 'LD-0300',
    );
    const desk = await dispatchBoard(t, { view: { lon: light.lon, lat: light.lat, zoom: 18 } });
    const board = desk.page;
    await board.click('.zg-wo-new');
    const box = await board.locator('.zg-map').boundingBox();
    await board.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await board.waitForSelector('.zg-wo-form .zg-wo-asset');
    await screenshot(board, 'workorder-8-asset-choice');
    await board.selectOption('.zg-wo-asset', { label: 'LD-0300 · 路灯' });
    await board.check('.zg-wo-fault');
    await board.fill('.zg-wo-form textarea[name="description"]', '灯不亮');
    await screenshot(board, 'workorder-9-fault-draft');
    await board.click('.zg-wo-create');
    await board.waitForSelector('.zg-wo-detail[data-state="new"]');
    const id = await board.getAttribute('.zg-wo-detail', 'data-order-id');
    const order = await read(`/api/workorders/${id}`);
    assert.equal(order.kind, 'streetlight_repair');
    assert.equal(order.assetType, 'streetlight');
    const stored = await read(`/api/assets/streetlights/${order.assetId}`);
    assert.equal(stored.properties.code, 'LD-0300');
    assert.equal(stored.properties.state, 'faulty');
    await screenshot(board, 'workorder-10-fault-order');
    assert.deepEqual(desk.errors, []);
  });
});
