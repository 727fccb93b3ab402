// The crew's phone without network: the installed app (service worker) opens the crew's orders,
// a completion taken offline waits as 待同步 and reaches the service once, in order, when the
// network returns; a change the dispatcher made meanwhile is a conflict the crew member sees.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, apiAs, screenshot, ground, waitForState, login } from './support.mjs';

const SLOTS = { completion: 115, conflict: 116, lostReply: 117, office: 118 };
const asDispatcher = apiAs('dispatcher');
const asCrew = apiAs('crew');
const phone = { viewport: { width: 390, height: 844 } };

async function call(as, path, body) {
  const response = await as(path, body ? { method: 'POST', body: JSON.stringify(body) } : {});
  const json = await response.json();
  assert.ok(response.ok, `${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

// A road repair dispatched to the demo crew and started by it; when the test ends it leaves the
// crew's list (cancelled, or verified once completed).
async function orderInProgress(t, slot) {
  const { crewId } = await call(asCrew, '/api/me');
  const order = await call(asDispatcher, '/api/workorders', {
    kind: 'road_repair',
    priority: 'high',
    description: `离线测试 ${slot} ${Date.now()}`,
    location: ground(slot).center,
  });
  t.after(async () => {
    const { state } = await call(asDispatcher, `/api/workorders/${order.id}`);
    const to = { in_progress: 'cancelled', completed: 'verified' }[state];
    if (to) await call(asDispatcher, `/api/workorders/${order.id}/transitions`, { to, note: 'test done' });
  });
  await call(asDispatcher, `/api/workorders/${order.id}/dispatch`, { crewId, note: '今天处理' });
  await call(asCrew, `/api/workorders/${order.id}/transitions`, { to: 'in_progress' });
  return order;
}

// Signs the crew member in on a phone and waits until the app works offline: the service worker
// controls the page and holds the crew's orders.
async function crewReadyOffline(t, order) {
  const session = await signedIn(t, 'crew', phone);
  const { page } = session;
  await page.waitForSelector('html[data-zg-service-worker="active"]', { timeout: 30000 });
  await page.locator(`.zg-crew .zg-wo-row[data-order-id="${order.id}"]`).waitFor();
  await page.waitForSelector('.zg-crew[data-zg-offline-ready="true"]', { timeout: 30000 });
  return session;
}

// Cuts the network and opens the crew page again: it comes from the service worker.
async function reopenOffline({ context, page }) {
  await context.setOffline(true);
  await page.reload();
  await waitForState(page, 'ready');
  await page.locator('.zg-crew .zg-crew-offline').waitFor();
}

async function completeOffline(page, order, note) {
  await page.locator(`.zg-crew .zg-wo-row[data-order-id="${order.id}"] button`).click();
  const detail = page.locator(`.zg-crew .zg-wo-detail[data-order-id="${order.id}"]`);
  await detail.waitFor();
  await detail.locator('.zg-wo-note').fill(note);
  await detail.locator('input[name="quantity"]').fill('12.5');
  await detail.locator('.zg-crew-done').click();
  await detail.locator('.zg-crew-step-pending[data-step="completed"]').waitFor();
  return detail;
}

const events = async (order) => (await call(asDispatcher, `/api/workorders/${order.id}`)).events;

describe('the crew without network', () => {
  it('opens the orders offline, keeps a completion as pending and sends it once when back', async (t) => {
    const order = await orderInProgress(t, SLOTS.completion);
    const session = await crewReadyOffline(t, order);
    const { page, context, errors } = session;
    await reopenOffline(session);
    await screenshot(page, 'crew-offline-list-zh');

    const note = `路面已修补 ${Date.now()}`;
    const detail = await completeOffline(page, order, note);
    assert.equal(await page.locator('.zg-crew').getAttribute('data-zg-queue'), '1');
    assert.equal(await detail.locator('.zg-crew-done').count(), 0, 'no second completion while one waits');
    assert.equal((await call(asDispatcher, `/api/workorders/${order.id}`)).state, 'in_progress');
    await screenshot(page, 'crew-offline-pending-zh');
    await detail.locator('.zg-crew-back').click();
    const row = page.locator(`.zg-crew .zg-wo-row[data-order-id="${order.id}"]`);
    assert.equal(await row.locator('.zg-crew-pending').textContent(), '待同步');
    await page.click('.zg-lang-button:has-text("English")');
    await page.waitForSelector('html[lang="en"]');
    assert.equal(await row.locator('.zg-crew-pending').textContent(), 'pending sync');
    await row.scrollIntoViewIfNeeded();
    await screenshot(page, 'crew-offline-pending-en');

    await context.setOffline(false);
    await page.waitForSelector('.zg-crew[data-zg-queue="0"]', { timeout: 30000 });
    await page.locator(`.zg-crew .zg-wo-row[data-order-id="${order.id}"][data-state="completed"]`).waitFor();
    assert.equal(await row.locator('.zg-crew-pending').count(), 0);
    await screenshot(page, 'crew-offline-synced-en');

    const completed = (await events(order)).filter((e) => e.toState === 'completed');
    assert.equal(completed.length, 1, 'completed exactly once');
    assert.equal(completed[0].note, note);
    assert.equal(completed[0].by, 'crew');
    assert.deepEqual(errors, []);
  });

  it('shows a change the dispatcher made meanwhile as a conflict and keeps the step', async (t) => {
    const order = await orderInProgress(t, SLOTS.conflict);
    const session = await crewReadyOffline(t, order);
    const { page, context, errors } = session;
    await reopenOffline(session);
    const detail = await completeOffline(page, order, '离线完工');

    const reason = `另一班组已处理 ${Date.now()}`;
    await call(asDispatcher, `/api/workorders/${order.id}/transitions`, { to: 'cancelled', note: reason });
    await context.setOffline(false);
    const conflict = detail.locator('.zg-crew-step-problem.zg-crew-step-conflict');
    await conflict.waitFor({ timeout: 30000 });
    const text = await conflict.textContent();
    assert.match(text, /没有提交/);
    assert.match(text, /dispatcher 改为「已取消」/);
    assert.ok(text.includes(reason), text);
    assert.equal(await page.locator('.zg-crew').getAttribute('data-zg-queue-problems'), '1');
    await screenshot(page, 'crew-offline-conflict-zh');
    await page.click('.zg-lang-button:has-text("English")');
    await page.waitForSelector('html[lang="en"]');
    assert.match(await conflict.textContent(), /someone changed this order while you were offline/);
    await screenshot(page, 'crew-offline-conflict-en');

    const after = await call(asDispatcher, `/api/workorders/${order.id}`);
    assert.equal(after.state, 'cancelled', 'the dispatcher’s change stands');
    assert.equal(after.events.filter((e) => e.toState === 'completed').length, 0);

    // A cancelled order cannot be completed: the crew member may only drop the step, which
    // leaves the queue only now.
    assert.equal(await conflict.locator('.zg-crew-step-resend').count(), 0);
    await conflict.locator('.zg-crew-step-discard').click();
    await page.waitForSelector('.zg-crew[data-zg-queue="0"]');
    assert.deepEqual(errors, []);
  });

  it('does not send a step again when the reply to it was lost', async (t) => {
    const order = await orderInProgress(t, SLOTS.lostReply);
    const { page, context, errors } = await crewReadyOffline(t, order);
    // The service stores the completion, but its answer never reaches the phone.
    let replyLost;
    const lost = new Promise((resolve) => {
      replyLost = resolve;
    });
    await context.route('**/api/workorders/*/transitions', async (route) => {
      if (!replyLost) return route.fallback();
      const resolve = replyLost;
      replyLost = null;
      await route.fetch();
      await route.abort('connectionreset');
      resolve();
    });
    await completeOffline(page, order, '回执丢失');
    await lost;
    assert.equal((await events(order)).filter((e) => e.toState === 'completed').length, 1);

    // Back online, the queue finds its step already stored instead of reporting a conflict.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForSelector('.zg-crew[data-zg-queue="0"]', { timeout: 30000 });
    await page.locator(`.zg-crew .zg-wo-detail[data-order-id="${order.id}"][data-state="completed"]`).waitFor();
    assert.equal(await page.locator('.zg-crew-step-problem').count(), 0);
    assert.equal((await events(order)).filter((e) => e.toState === 'completed').length, 1, 'stored once');
    assert.deepEqual(errors, []);
  });

  it('leaves the office map without a service worker, also on a browser a crew member used', async (t) => {
    const order = await orderInProgress(t, SLOTS.office);
    const { page, errors } = await crewReadyOffline(t, order);
    await page.click('.zg-user-name');
    await page.click('.zg-logout');
    await waitForState(page, 'login');
    await login(page, 'planner');
    await page.waitForSelector('html[data-zg-service-worker="none"]');
    const left = await page.evaluate(async () => ({
      workers: (await navigator.serviceWorker.getRegistrations()).length,
      crewCaches: (await caches.keys()).filter((name) => name.startsWith('zg-crew-')),
    }));
    assert.deepEqual(left, { workers: 0, crewCaches: [] });
    assert.deepEqual(errors, []);
  });
});
