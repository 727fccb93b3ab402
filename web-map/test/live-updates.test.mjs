// Live updates: what one person changes shows on another person's open page without a reload,
// through GET /api/events, and the bell in the header says what happened in their words.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  signedIn,
  apiAs,
  pageCall,
  screenshot,
  ground,
  rectangle,
  createParcel,
  reportWorkOrder,
  openParcel,
} from './support.mjs';

const ORDER_SLOT = 110;
const PARCEL_SLOT = 111;
const phone = { viewport: { width: 390, height: 844 } };

// Resolves once the page's event stream is open, so nothing said after it can be missed.
const liveOpen = (page) => page.waitForSelector('.zg-map[data-zg-live="open"]');

// The bell counts every notification in the tray while none has been read. Other notices (an
// order of the demo zone going overdue) may arrive during a test, so the count is checked against
// the tray, not against one.
async function unreadCounted(page) {
  const { count, items } = await page.evaluate(() => ({
    count: document.querySelector('.zg-tray-count')?.textContent,
    items: document.querySelectorAll('.zg-tray-item').length,
  }));
  assert.ok(items > 0);
  assert.equal(count, String(items));
}

describe('live updates', () => {
  it('shows an order the dispatcher assigns on the crew phone at once, and its completion on the board', async (t) => {
    const { lon, lat } = ground(ORDER_SLOT).center;
    const order = await reportWorkOrder(t, {
      kind: 'streetlight_repair',
      priority: 'high',
      description: `实时推送测试 ${Date.now()}`,
      location: { lon, lat },
    });
    const desk = await signedIn(t, 'dispatcher', { view: { lon, lat, zoom: 16 } });
    const crew = await signedIn(t, 'crew', phone);
    await Promise.all([liveOpen(desk.page), liveOpen(crew.page)]);
    await crew.page.waitForSelector('.zg-crew[data-zg-loads]');
    const { crewId } = await (await apiAs('crew')('/api/me')).json();

    await desk.page.click(`.zg-dispatch .zg-wo-row[data-order-id="${order.id}"] button`);
    await desk.page.click(
      `.zg-wo-detail[data-order-id="${order.id}"] .zg-wo-crew[data-crew-id="${crewId}"] .zg-wo-assign`,
    );
    await desk.page.waitForSelector(`.zg-wo-detail[data-order-id="${order.id}"][data-state="dispatched"]`);

    const row = crew.page.locator(`.zg-crew .zg-wo-row.zg-wo-new-order[data-order-id="${order.id}"]`);
    await row.waitFor();
    await crew.page.locator(`.zg-tray-item[data-subject-id="${order.id}"]`).waitFor({ state: 'attached' });
    await unreadCounted(crew.page);
    await crew.page.click('.zg-tray-bell');
    await screenshot(crew.page, 'live-crew-phone-tray-zh');
    await crew.page.click('.zg-tray-bell');

    for (const step of [{ to: 'in_progress' }, { to: 'completed', quantity: 1 }]) {
      const taken = await pageCall(crew.page, 'POST', `/api/workorders/${order.id}/transitions`, step);
      assert.equal(taken.status, 200, JSON.stringify(taken.json));
    }
    await desk.page.waitForSelector(`.zg-wo-detail[data-order-id="${order.id}"][data-state="completed"]`);
    await desk.page.click('.zg-tray-bell');
    const notice = desk.page.locator(
      `.zg-tray-item[data-event-type="work_order.changed"][data-subject-id="${order.id}"] .zg-tray-text`,
    );
    assert.equal(await notice.textContent(), `crew 已完成工单 ${order.code}，待验收`);
    await screenshot(desk.page, 'live-dispatch-tray-zh');
    assert.deepEqual(desk.errors, []);
    assert.deepEqual(crew.errors, []);
  });

  it("shows another planner's parcel change in the popup, the panel and the tray, in both languages", async (t) => {
    const code = `WEB-LIVE-<i>x</i>-${Date.now()}`;
    const { west, south } = ground(PARCEL_SLOT);
    const offset = (Date.now() % 40) * 0.0002;
    const parcel = await createParcel(
      t,
      { code, name: '实时同步地块', holder: '测试公司', land_use: '工业用地' },
      rectangle(west + offset, south + 0.001, west + offset + 0.001, south + 0.0018),
    );
    // The administrator works as a planner too: the second planner watching the parcel.
    const watcher = await signedIn(t, 'admin');
    const author = await signedIn(t, 'planner');
    await liveOpen(watcher.page);
    for (const { page } of [watcher, author]) {
      await openParcel(page, code);
      await page.locator('.zg-popup-body[data-version="1"]').waitFor();
    }

    // Registered before the step, whose red-line drawing may take a while on a busy machine.
    const refetched = watcher.page.waitForResponse((r) => /parcels\/.*\?v=\d+$/.test(r.url()) && r.ok(), {
      timeout: 90000,
    });
    await author.page.locator('.zg-parcel-action[data-action="red_line_issued"]').click();
    await author.page.locator('.zg-parcel-panel .zg-parcel-status[data-status="red_line_issued"]').waitFor();

    const { page } = watcher;
    await page.locator('.zg-popup-body[data-version="2"]').waitFor();
    assert.match(await page.locator('.zg-popup-body').textContent(), /已出红线/);
    await page.locator('.zg-parcel-panel .zg-parcel-status[data-status="red_line_issued"]').waitFor();
    await refetched;
    await page.locator(`.zg-tray-item[data-subject-id="${parcel.id}"]`).waitFor({ state: 'attached' });
    await unreadCounted(page);

    await page.click('.zg-tray-bell');
    const notice = page.locator(`.zg-tray-item[data-event-type="parcel.changed"][data-subject-id="${parcel.id}"]`);
    assert.equal(
      await notice.locator('.zg-tray-text').textContent(),
      `planner 将地块 ${code} 改为「已出红线」（第 2 版）`,
    );
    assert.equal(await page.locator('.zg-tray-item i').count(), 0, 'the code stays text');
    await page.waitForSelector('.zg-tray[data-unread="0"]');
    await screenshot(page, 'live-tray-zh');

    await page.click('.zg-lang-button[data-lang="en"]');
    assert.equal(
      await notice.locator('.zg-tray-text').textContent(),
      `planner changed parcel ${code} to “Red line issued” (version 2)`,
    );
    await screenshot(page, 'live-tray-en');

    await page.locator('.zg-popup-close-button, .leaflet-popup-close-button').first().click();
    await notice.locator('button').click();
    await page.locator('.zg-popup-body[data-version="2"]').waitFor();
    assert.deepEqual(watcher.errors, []);
    assert.deepEqual(author.errors, []);
  });
});
