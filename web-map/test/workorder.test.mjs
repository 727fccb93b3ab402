// The closed loop in the browser: the dispatcher reports an order by clicking the map and
// dispatches it to a suggested crew, the crew member completes it on a phone-sized screen with a
// quantity, a note and a photo, and the dispatcher verifies and closes it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, serviceSkip, baseUrl, password, screenshot } from './support.mjs';

// A 1×1 PNG, as a phone camera's photo would be uploaded.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function crewIdOf(user) {
  const response = await fetch(`${baseUrl}/api/me`, {
    headers: { Authorization: `Basic ${Buffer.from(`${user}:${password(user)}`).toString('base64')}` },
  });
  return (await response.json()).crewId;
}

describe('work orders from report to close', { skip: await serviceSkip() }, () => {
  const description = `浏览器测试 路面坑槽 ${Date.now()}`;
  let desk;
  let phone;
  let board;
  let orderId;

  before(async () => {
    desk = await launch();
    phone = await launch({ viewport: { width: 390, height: 844 } });
    board = desk.page;
    await login(board, 'dispatcher');
    await board.waitForSelector('.zg-dispatch .zg-wo-row');
  });
  after(async () => {
    await desk?.browser.close();
    await phone?.browser.close();
  });

  it('shows the dispatcher the open orders with the overdue ones standing out', async () => {
    assert.ok(await board.locator('.zg-dispatch .zg-wo-row').count() > 0);
    assert.ok(await board.locator('.zg-dispatch .zg-wo-row.zg-wo-overdue').count() > 0);
    assert.equal(await board.locator('.zg-crew').count(), 0);
    await screenshot(board, 'workorder-1-dispatch-board');
  });

  it('keeps the list in step with the map view', async () => {
    const reload = board.waitForRequest((r) => r.url().includes('/api/workorders?') && r.url().includes('bbox='));
    await board.click('.leaflet-control-zoom-in');
    await reload;
    await board.click('.leaflet-control-zoom-out');
  });

  it('creates an order where the dispatcher clicks the map and dispatches it to a suggested crew', async () => {
    await board.click('.zg-wo-new');
    const box = await board.locator('.zg-map').boundingBox();
    await board.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.55);
    await board.waitForSelector('.zg-wo-form');
    if (await board.locator('.zg-wo-on-asset').count()) await board.uncheck('.zg-wo-on-asset');
    await board.selectOption('.zg-wo-form select[name="kind"]', 'road_repair');
    await board.selectOption('.zg-wo-form select[name="priority"]', 'high');
    await board.fill('.zg-wo-form textarea[name="description"]', description);
    await board.click('.zg-wo-create');
    await board.waitForSelector('.zg-wo-detail[data-state="new"] .zg-wo-suggestions .zg-wo-crew');
    orderId = await board.getAttribute('.zg-wo-detail', 'data-order-id');
    assert.match(await board.locator('.zg-wo-suggestions .zg-wo-hint').textContent(), /直线/);
    await screenshot(board, 'workorder-2-new-order-suggestions');

    const crewId = await crewIdOf('crew');
    await board.fill('.zg-wo-note', '请今天处理');
    await board.click(`.zg-wo-crew[data-crew-id="${crewId}"] .zg-wo-assign`);
    await board.waitForSelector(`.zg-wo-detail[data-order-id="${orderId}"][data-state="dispatched"]`);
    assert.equal(await board.locator('.zg-wo-event').count(), 2);
    await screenshot(board, 'workorder-3-dispatched');
  });

  it('lets the crew member start and complete it on a phone with quantity, note and photo', async () => {
    const page = phone.page;
    await login(page, 'crew');
    await page.waitForSelector(`.zg-crew .zg-wo-row[data-order-id="${orderId}"]`);
    assert.equal(await page.locator('.zg-dispatch').count(), 0);
    await screenshot(page, 'workorder-4-crew-list');
    await page.click(`.zg-crew .zg-wo-row[data-order-id="${orderId}"] button`);
    await page.click('.zg-crew-start');
    await page.waitForSelector('.zg-crew .zg-wo-detail[data-state="in_progress"]');
    await page.fill('.zg-crew input[name="quantity"]', '12.5');
    await page.fill('.zg-crew .zg-wo-note', '已修补，已压实');
    await page.setInputFiles('.zg-crew input[name="photo"]', { name: '现场.png', mimeType: 'image/png', buffer: PHOTO });
    await screenshot(page, 'workorder-5-crew-complete-form');
    await page.click('.zg-crew-done');
    await page.waitForSelector('.zg-crew .zg-wo-detail[data-state="completed"]');
    assert.equal(await page.locator('.zg-crew .zg-wo-photo').count(), 1);
    // The sheet re-renders when the list reloads: find the photo afresh inside the page.
    await page.$eval('.zg-crew .zg-wo-photo', (img) => img.scrollIntoView());
    assert.match(await page.locator('.zg-crew .zg-wo-facts').textContent(), /12\.5/);
    await screenshot(page, 'workorder-6-crew-completed');
  });

  it('lets the dispatcher verify and close it, with the whole timeline', async () => {
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
  });

  it('reports a streetlight faulty from the board and orders its repair', async () => {
    await board.fill('.zg-search-input', 'LD-0300');
    await board.click('.zg-search-result:has-text("LD-0300"):has-text("路灯")');
    // The popup's tip points at the light: once the map stops moving, click there.
    await board.waitForSelector('.leaflet-popup-content:has-text("LD-0300")');
    let tip = null;
    for (let last = null; ; last = tip) {
      await board.waitForTimeout(200);
      tip = await board.locator('.leaflet-popup-tip').boundingBox();
      if (last && last.x === tip.x && last.y === tip.y) break;
    }
    await board.click('.zg-wo-new');
    await board.mouse.click(tip.x + tip.width / 2, tip.y + tip.height + 6);
    await board.waitForSelector('.zg-wo-form .zg-wo-asset');
    await screenshot(board, 'workorder-8-asset-choice');
    await board.selectOption('.zg-wo-asset', { label: 'LD-0300 · 路灯' });
    await board.check('.zg-wo-fault');
    await board.fill('.zg-wo-form textarea[name="description"]', '灯不亮');
    await screenshot(board, 'workorder-9-fault-draft');
    await board.click('.zg-wo-create');
    await board.waitForSelector('.zg-wo-detail[data-state="new"]');
    const id = await board.getAttribute('.zg-wo-detail', 'data-order-id');
    const auth = { Authorization: `Basic ${Buffer.from(`dispatcher:${password('dispatcher')}`).toString('base64')}` };
    const order = await (await fetch(`${baseUrl}/api/workorders/${id}`, { headers: auth })).json();
    assert.equal(order.kind, 'streetlight_repair');
    assert.equal(order.assetType, 'streetlight');
    const light = await (await fetch(`${baseUrl}/api/assets/streetlights/${order.assetId}`, { headers: auth })).json();
    assert.equal(light.properties.code, 'LD-0300');
    assert.equal(light.properties.state, 'faulty');
    await screenshot(board, 'workorder-10-fault-order');
    assert.deepEqual(desk.errors, []);
    assert.deepEqual(phone.errors, []);
  });
});
