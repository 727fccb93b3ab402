// The dispatcher's narrow board: a new order takes the list's place with a way back, is ringed on
// the map and marked new in the list; a refused description is said beside the field, in the
// person's words, and the form keeps everything typed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, apiAs, screenshot, ground, pixelOf } from './support.mjs';

const SLOT = 82;
const asDispatcher = apiAs('dispatcher');

// The board at the slot's centre, the new-order form opened by a click there.
async function draftAtSlot(t, options = {}) {
  const view = { ...ground(SLOT).center, zoom: 17 };
  const desk = await signedIn(t, 'dispatcher', { view, ...options });
  const { page } = desk;
  await page.waitForSelector('.zg-dispatch[data-view="list"]');
  await page.click('.zg-wo-new');
  const [x, y] = await pixelOf(page, view, view.lon, view.lat);
  await page.mouse.click(x, y);
  await page.waitForSelector('.zg-dispatch[data-view="draft"] .zg-wo-form');
  assert.equal(await page.locator('.zg-dispatch .zg-wo-list').count(), 0, 'the form replaces the list');
  if (await page.locator('.zg-wo-on-asset').count()) await page.uncheck('.zg-wo-on-asset');
  return { ...desk, view, at: [x, y] };
}

describe('the dispatch board', () => {
  it('shows a new order in place of the list, rings it on the map and marks it new in the list', async (t) => {
    const description = `调度台测试 ${Date.now()}`;
    const { page, errors, at } = await draftAtSlot(t);
    await page.selectOption('.zg-wo-form select[name="kind"]', 'road_repair');
    await page.fill('.zg-wo-form textarea[name="description"]', description);
    await page.click('.zg-wo-create');
    const detail = page.locator('.zg-dispatch[data-view="order"] .zg-wo-detail[data-created="true"]');
    await detail.waitFor();
    const id = await detail.getAttribute('data-order-id');
    t.after(() =>
      asDispatcher(`/api/workorders/${id}/transitions`, {
        method: 'POST',
        body: JSON.stringify({ to: 'cancelled', note: 'test done' }),
      }),
    );
    const code = await detail.locator('.zg-wo-subtitle').first().textContent();
    assert.equal(await detail.locator('.zg-wo-created').textContent(), `已创建工单 ${code}，地图上已圈出`);
    assert.equal(await page.locator('.zg-dispatch .zg-wo-list').count(), 0, 'no list to scroll past');
    const board = await page.locator('.zg-dispatch').boundingBox();
    const suggestions = await detail.locator('.zg-wo-suggestions').boundingBox();
    assert.ok(suggestions.y + 40 < board.y + board.height, 'the crews to dispatch to are in sight');

    const ring = page.locator(`path.zg-wo-highlight[data-order-id="${id}"]`);
    await ring.waitFor();
    const box = await ring.boundingBox();
    assert.ok(Math.abs(box.x + box.width / 2 - at[0]) < 3 && Math.abs(box.y + box.height / 2 - at[1]) < 3);
    await screenshot(page, 'dispatch-new-order-ringed');

    await page.click('.zg-wo-back');
    const row = page.locator(`.zg-dispatch[data-view="list"] .zg-wo-row.zg-wo-new-order[data-order-id="${id}"]`);
    await row.waitFor();
    assert.ok(await row.isVisible());
    await screenshot(page, 'dispatch-back-to-list');
    assert.deepEqual(errors, []);
  });

  it('says beside the description that it is too long and keeps the form as typed', async (t) => {
    const { page, errors } = await draftAtSlot(t, { language: 'zh-CN' });
    const before = (await (await asDispatcher('/api/workorders?state=new')).json()).features.length;
    const long = '路'.repeat(4001);
    await page.selectOption('.zg-wo-form select[name="priority"]', 'urgent');
    await page.fill('.zg-wo-form textarea[name="description"]', long);
    await page.click('.zg-wo-create');
    const message = page.locator('.zg-wo-form .zg-field-message[data-field="description"]');
    await message.waitFor();
    assert.equal(await message.textContent(), '问题描述：内容过长，请删减');
    assert.equal(await page.locator('.zg-dispatch .zg-wo-error').count(), 0, 'said once, beside the field');
    const textarea = page.locator('.zg-wo-form textarea[name="description"]');
    assert.equal(await textarea.getAttribute('aria-invalid'), 'true');
    assert.equal(await textarea.inputValue(), long);
    assert.equal(await page.inputValue('.zg-wo-form select[name="priority"]'), 'urgent');
    await screenshot(page, 'dispatch-refused-description');
    const after = (await (await asDispatcher('/api/workorders?state=new')).json()).features.length;
    assert.equal(after, before, 'nothing stored');
    assert.deepEqual(errors, []);
  });
});
