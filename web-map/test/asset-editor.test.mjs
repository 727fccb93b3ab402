// The planner's asset editor: pick a streetlight on the map, change it in a form built from the
// kind's columns, and be told when someone else saved first or a value is refused.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, apiAs, editStreetlight } from './support.mjs';

const asPlanner = apiAs('planner');

describe('the asset editor', () => {
  it('opens the clicked streetlight in a form with its allowed states', async (t) => {
    const { page, code, errors } = await editStreetlight(t, 20);
    assert.match(await page.locator('.zg-asset-title').textContent(), new RegExp(code));
    assert.equal(await page.inputValue('.zg-asset-form [name="power_w"]'), '120');
    const states = await page
      .locator('.zg-asset-form select[name="state"] option')
      .evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual(states, ['normal', 'faulty', 'under_repair', 'off']);
    assert.deepEqual(errors, []);
  });

  it('saves a change with the version it read', async (t) => {
    const { page, location, errors } = await editStreetlight(t, 21);
    await page.fill('.zg-asset-form [name="power_w"]', '150');
    await page.selectOption('.zg-asset-form select[name="state"]', 'faulty');
    await page.click('.zg-asset-save');
    await page.waitForSelector('.zg-asset-editor[data-state="saved"]');
    const stored = await (await asPlanner(location)).json();
    assert.equal(stored.properties.power_w, 150);
    assert.equal(stored.properties.state, 'faulty');
    assert.equal(stored.properties.version, 2);
    await screenshot(page, 'asset-editor-saved');
    assert.deepEqual(errors, []);
  });

  it('reloads and says so when someone else saved first', async (t) => {
    const { page, location, errors } = await editStreetlight(t, 22);
    const current = await (await asPlanner(location)).json();
    current.properties.lamp_type = 'solar';
    const other = await asPlanner(location, {
      method: 'PUT',
      headers: { 'If-Match': '"1"' },
      body: JSON.stringify(current),
    });
    assert.equal(other.status, 200, await other.text());
    await page.fill('.zg-asset-form [name="power_w"]', '90');
    await page.click('.zg-asset-save');
    await page.waitForFunction(() =>
      /他人已先保存/.test(document.querySelector('.zg-asset-message')?.textContent || ''),
    );
    assert.match(await page.locator('.zg-asset-title').textContent(), /第 2 版/);
    assert.equal(await page.inputValue('.zg-asset-form select[name="lamp_type"]'), 'solar');
    assert.equal((await (await asPlanner(location)).json()).properties.power_w, 120);
    assert.deepEqual(errors, []);
  });

  it('marks a refused value and keeps the stored one', async (t) => {
    const { page, location, errors } = await editStreetlight(t, 23);
    await page.fill('.zg-asset-form [name="power_w"]', '-5');
    await page.click('.zg-asset-save');
    await page.waitForSelector('.zg-asset-editor[data-state="refused"]');
    assert.equal(await page.locator('.zg-asset-field-invalid[data-column="power_w"]').count(), 1);
    assert.equal(await page.inputValue('.zg-asset-form [name="power_w"]'), '-5');
    assert.equal((await (await asPlanner(location)).json()).properties.power_w, 120);
    await screenshot(page, 'asset-editor-refused');
    assert.deepEqual(errors, []);
  });
});
