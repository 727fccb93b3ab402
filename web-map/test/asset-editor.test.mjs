// The planner's asset editor: pick a streetlight on the map, change it in a form built from the
// kind's columns, and be told when someone else saved first or a value is refused.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, screenshot, serviceSkip, baseUrl, password } from './support.mjs';

const CODE = `TEST-LD-${Date.now()}`;

async function asPlanner(path, init = {}) {
  const auth = Buffer.from(`planner:${password('planner')}`).toString('base64');
  return fetch(`${baseUrl}${path}`, { ...init, headers: { Authorization: `Basic ${auth}`, 'Content-Type': 'application/json', ...init.headers } });
}

describe('the asset editor', { skip: await serviceSkip() }, () => {
  let browser;
  let page;
  let errors;
  let location;

  before(async () => {
    const created = await asPlanner('/api/streetlights', {
      method: 'POST',
      body: JSON.stringify({ type: 'Feature', geometry: { type: 'Point', coordinates: [122.0831, 37.2283] }, properties: { code: CODE, circuit: 'HL-01', power_w: 120 } }),
    });
    assert.equal(created.status, 201, await created.text());
    location = created.headers.get('location');
    ({ browser, page, errors } = await launch());
    await login(page, 'planner');
  });

  after(async () => {
    await browser?.close();
    const current = await asPlanner(location);
    if (current.ok) await asPlanner(location, { method: 'DELETE', headers: { 'If-Match': current.headers.get('etag') } });
  });

  it('opens the clicked streetlight in a form with its allowed states', async () => {
    await page.fill('.zg-search-input', CODE);
    await page.locator('.zg-search-result', { hasText: CODE }).first().click();
    await page.waitForSelector('.zg-popup-title');
    await page.click('.leaflet-popup-close-button');
    // Opening the popup may have panned the map; the streetlight is back in the middle once it settles.
    await page.waitForTimeout(800);
    await page.click('.zg-edit-tool[data-tool="editAsset"]');
    await page.waitForSelector('.zg-asset-editor[data-state="picking"]');
    const box = await page.locator('.zg-map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.zg-asset-editor[data-state="editing"]');
    assert.match(await page.locator('.zg-asset-title').textContent(), new RegExp(CODE));
    assert.equal(await page.inputValue('.zg-asset-form [name="power_w"]'), '120');
    const states = await page.locator('.zg-asset-form select[name="state"] option').evaluateAll((options) => options.map((o) => o.value));
    assert.deepEqual(states, ['normal', 'faulty', 'under_repair', 'off']);
  });

  it('saves a change with the version it read', async () => {
    await page.fill('.zg-asset-form [name="power_w"]', '150');
    await page.selectOption('.zg-asset-form select[name="state"]', 'faulty');
    await page.click('.zg-asset-save');
    await page.waitForSelector('.zg-asset-editor[data-state="saved"]');
    const stored = await (await asPlanner(location)).json();
    assert.equal(stored.properties.power_w, 150);
    assert.equal(stored.properties.state, 'faulty');
    assert.equal(stored.properties.version, 2);
    await screenshot(page, 'asset-editor-saved');
  });

  it('reloads and says so when someone else saved first', async () => {
    const current = await (await asPlanner(location)).json();
    current.properties.lamp_type = 'solar';
    const other = await asPlanner(location, { method: 'PUT', headers: { 'If-Match': '"2"' }, body: JSON.stringify(current) });
    assert.equal(other.status, 200);
    await page.fill('.zg-asset-form [name="power_w"]', '90');
    await page.click('.zg-asset-save');
    await page.waitForFunction(() => /他人已先保存/.test(document.querySelector('.zg-asset-message')?.textContent || ''));
    assert.match(await page.locator('.zg-asset-title').textContent(), /第 3 版/);
    assert.equal(await page.inputValue('.zg-asset-form select[name="lamp_type"]'), 'solar');
    assert.equal((await (await asPlanner(location)).json()).properties.power_w, 150);
  });

  it('marks a refused value and keeps the stored one', async () => {
    await page.fill('.zg-asset-form [name="power_w"]', '-5');
    await page.click('.zg-asset-save');
    await page.waitForSelector('.zg-asset-editor[data-state="refused"]');
    assert.equal(await page.locator('.zg-asset-field-invalid[data-column="power_w"]').count(), 1);
    assert.equal(await page.inputValue('.zg-asset-form [name="power_w"]'), '-5');
    assert.equal((await (await asPlanner(location)).json()).properties.power_w, 150);
    await screenshot(page, 'asset-editor-refused');
    assert.deepEqual(errors, []);
  });

});
