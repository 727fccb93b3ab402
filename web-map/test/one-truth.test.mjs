// One truth on the page: after a lifecycle step the parcel's popup shows the same state and
// version as its panel, and the history names who took each step, when and with which note;
// saving a streetlight in the asset editor fetches its tiles again.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  signedIn,
  screenshot,
  ground,
  rectangle,
  createParcel,
  apiAs,
  editStreetlight,
  openParcel,
} from './support.mjs';

const PARCEL_SLOT = 80;
const LIGHT_SLOT = 81;
const asPlanner = apiAs('planner');

describe('one truth on the page', () => {
  it('shows the new state and version in the popup and the step with who and note in the history', async (t) => {
    const code = `WEB-TRUTH-${Date.now()}`;
    const { west, south } = ground(PARCEL_SLOT);
    const offset = (Date.now() % 40) * 0.0002;
    await createParcel(
      t,
      { code, name: '状态同步地块', holder: '测试公司', land_use: '工业用地' },
      rectangle(west + offset, south + 0.001, west + offset + 0.001, south + 0.0018),
    );
    const { page, errors } = await signedIn(t, 'planner');
    const panel = await openParcel(page, code);
    await page.locator('.zg-popup-body[data-version="1"]').waitFor();
    await panel.locator('.zg-history[data-state="loaded"] .zg-history-none').waitFor();

    await panel.locator('.zg-parcel-note').fill('规划许可已批 <b>2026</b>');
    await panel.locator('.zg-parcel-action[data-action="red_line_issued"]').click();
    const popup = page.locator('.zg-popup-body[data-version="2"]');
    await popup.waitFor();
    assert.match(await popup.textContent(), /已出红线/);
    await panel.locator('.zg-parcel-status[data-status="red_line_issued"]').waitFor();

    const step = panel.locator('.zg-history[data-state="loaded"] .zg-history-event[data-to-status="red_line_issued"]');
    await step.waitFor();
    assert.match(await step.locator('.zg-history-event-step').textContent(), /规划 → 已出红线/);
    assert.match(await step.locator('.zg-history-event-meta').textContent(), /planner · 第 2 版/);
    assert.equal(await step.locator('.zg-history-event-note').textContent(), '规划许可已批 <b>2026</b>');
    assert.equal(await panel.locator('.zg-parcel-note').inputValue(), '', 'the note went with the step');
    await screenshot(page, 'one-truth-popup-and-history');

    // Switching the language redraws the history and the documents already on the panel.
    await page.click('.zg-lang-button:has-text("English")');
    await panel.locator('.zg-history h3', { hasText: 'State changes' }).waitFor();
    assert.match(await step.locator('.zg-history-event-step').textContent(), /Planned → Red line issued/);
    assert.match(await step.locator('.zg-history-event-meta').textContent(), /planner/);
    assert.equal(await panel.locator('.zg-parcel-documents h3').textContent(), 'Documents');
    await screenshot(page, 'one-truth-history-en');
    assert.deepEqual(errors, []);
  });

  it('fetches the streetlight tiles again once the asset editor saved', async (t) => {
    const { page, location, errors } = await editStreetlight(t, LIGHT_SLOT);

    await page.selectOption('.zg-asset-form select[name="state"]', 'faulty');
    const refetched = page.waitForResponse((r) => /streetlights\/.*\?v=1$/.test(r.url()) && r.status() === 200);
    await page.click('.zg-asset-save');
    await page.waitForSelector('.zg-asset-editor[data-state="saved"]');
    await refetched;
    await page.waitForSelector('canvas.zg-vector-tile-streetlights.zg-layer-streetlights');
    assert.equal((await (await asPlanner(location)).json()).properties.state, 'faulty');
    assert.deepEqual(errors, []);
  });
});
