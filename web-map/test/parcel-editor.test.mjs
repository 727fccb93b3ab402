// The red-line editor, the parcel panel and a zone's contents, as a planner uses them: draw a
// parcel and see its area kept after a reload, an overlapping one refused with the overlap drawn,
// a lifecycle step, and what an expansion zone holds. Screenshots go to web-map/test-output/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, screenshot, serviceSkip, waitForState } from './support.mjs';

const number = (text) => Number(text.match(/(\d+\.\d+) m²/)[1]);

describe('the red-line editor', { skip: await serviceSkip() }, () => {
  let browser;
  let page;
  let errors;
  let box;
  const code = `WEB-${Date.now()}`;

  // A square of `size` pixels on free ground west of the zone's parcels (the initial view).
  async function drawSquare(dx, dy, size) {
    await page.click('.zg-edit-tool[data-tool="drawRedLine"]');
    await page.locator('.zg-parcel-editor').waitFor({ state: 'visible' });
    const x = box.x + 340 + dx;
    const y = box.y + box.height / 2 + dy;
    for (const [px, py] of [[x, y], [x + size, y], [x + size, y + size], [x, y + size]]) {
      await page.mouse.click(px, py);
    }
    await page.mouse.move(x + 1, y + 1);
    const live = await page.locator('.zg-editor-area').textContent();
    await page.mouse.click(x, y);
    await page.locator('.zg-editor-button[data-action="save"]:not([disabled])').waitFor();
    return { live, center: [x + size / 2, y + size / 2] };
  }

  async function save(parcelCode) {
    await page.fill('.zg-parcel-editor input[name="code"]', parcelCode);
    await page.fill('.zg-parcel-editor input[name="name"]', '浏览器测试地块');
    await page.click('.zg-editor-button[data-action="save"]');
  }

  before(async () => {
    ({ browser, page, errors } = await launch());
    await login(page, 'planner');
    box = await page.locator('.zg-map').boundingBox();
  });

  after(async () => {
    // Cancelled parcels no longer hold ground, so the test can run again on the same database.
    await page?.evaluate(async (prefix) => {
      const headers = { 'X-Requested-With': 'XMLHttpRequest' };
      const token = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1]);
      const all = await (await fetch('/api/parcels', { headers })).json();
      for (const f of all.features.filter((p) => p.properties.code.startsWith(prefix) && p.properties.status !== 'cancelled')) {
        await fetch(`/api/parcels/${f.id}`, { method: 'DELETE', headers: { ...headers, 'X-XSRF-TOKEN': token } });
      }
    }, code);
    await browser?.close();
  });

  it('draws a parcel with its live area, saves it and shows the same area after a reload', async () => {
    const { live, center } = await drawSquare(0, -40, 70);
    const final = await page.locator('.zg-editor-area').textContent();
    assert.match(live, /面积 \d+\.\d{2} m² · \d+\.\d{4} 亩 · \d+\.\d{4} 公顷/);
    await save(code);
    const saved = page.locator('.zg-editor-saved');
    await saved.waitFor();
    const savedText = await saved.textContent();
    assert.match(savedText, new RegExp(code));
    // The browser's proj4 and the server's PostGIS agree on the plane area to the centimetre².
    assert.ok(Math.abs(number(savedText) - number(final)) < 0.05, `${savedText} vs ${final}`);
    await screenshot(page, 'parcel-editor-saved');

    await page.reload();
    await waitForState(page, 'ready');
    await page.mouse.click(center[0], center[1]);
    const panel = page.locator('.zg-parcel-panel');
    await panel.waitFor({ state: 'visible' });
    assert.match(await panel.locator('.zg-panel-title').textContent(), new RegExp(code));
    const facts = await panel.locator('.zg-parcel-facts').textContent();
    assert.ok(Math.abs(number(facts) - number(savedText)) < 0.005, `${facts} vs ${savedText}`);
    await screenshot(page, 'parcel-panel');
  });

  it('cuts a hole in the red line being drawn and saves the area without it', async () => {
    await drawSquare(0, -250, 70);
    const whole = number(await page.locator('.zg-editor-area').textContent());
    await page.click('.zg-editor-button[data-action="cutHole"]');
    const x = box.x + 340 + 25;
    const y = box.y + box.height / 2 - 250 + 25;
    for (const [px, py] of [[x, y], [x + 20, y], [x + 20, y + 20], [x, y + 20]]) await page.mouse.click(px, py);
    await page.mouse.move(x + 1, y + 1);
    await page.mouse.click(x, y);
    await page.waitForFunction((before) => !document.querySelector('.zg-editor-area').textContent.includes(before), whole.toFixed(2));
    const holed = number(await page.locator('.zg-editor-area').textContent());
    const expected = whole * (1 - (20 / 70) ** 2);
    assert.ok(Math.abs(holed - expected) < expected * 0.02, `${holed} m² with the hole, about ${expected} expected`);
    await save(`${code}-H`);
    const saved = page.locator('.zg-editor-saved');
    await saved.waitFor();
    assert.ok(Math.abs(number(await saved.textContent()) - holed) < 0.05);
    await screenshot(page, 'parcel-hole-saved');
    await page.click('.zg-editor-button[data-action="close"]');
  });

  it('moves the parcel one lifecycle step from its panel', async () => {
    const panel = page.locator('.zg-parcel-panel');
    assert.equal(await panel.locator('.zg-parcel-status').getAttribute('data-status'), 'planned');
    await panel.locator('.zg-parcel-action[data-action="red_line_issued"]').click();
    await panel.locator('.zg-parcel-status[data-status="red_line_issued"]').waitFor();
    await panel.locator('.zg-parcel-action[data-action="filed"]').waitFor();
    assert.match(await panel.locator('.zg-history-label').textContent(), /第 2 版/);
    await screenshot(page, 'parcel-lifecycle');
    await panel.locator('.zg-panel-close').click();
  });

  it('refuses an overlapping parcel, draws the overlap and can clip it away', async () => {
    // Corner to corner with the first parcel, so no click falls on one of its edges.
    await drawSquare(35, -75, 70);
    await save(`${code}-B`);
    const problem = page.locator('.zg-editor-problem');
    await problem.waitFor();
    assert.match(await problem.textContent(), new RegExp(`${code}`));
    assert.equal(await page.locator(`.zg-editor-conflict[data-code="${code}"]`).count(), 1);
    assert.ok(await page.locator('path.zg-overlap').count() > 0, 'the overlap is drawn on the map');
    await screenshot(page, 'parcel-overlap-refused');

    await page.click('.zg-editor-button[data-action="clip"]');
    const saved = page.locator('.zg-editor-saved');
    await saved.waitFor();
    assert.match(await saved.textContent(), new RegExp(`${code}-B`));
    assert.match(await saved.textContent(), /已裁去/);
    await page.click('.zg-editor-button[data-action="close"]');
  });

  it('lists what an expansion zone holds and highlights it', async () => {
    // The first point of a coarse grid where the zone itself, not a parcel on it, is on top.
    const point = await page.evaluate(() => {
      const map = document.querySelector('.zg-map').getBoundingClientRect();
      for (let y = map.top + 120; y < map.bottom - 120; y += 12) {
        for (let x = map.left + 360; x < map.right - 320; x += 12) {
          const hit = document.elementFromPoint(x, y);
          if (hit?.classList?.contains('zg-layer-expansion_zones')) return [x, y];
        }
      }
      return null;
    });
    assert.ok(point, 'an expansion zone is visible');
    await page.mouse.click(point[0], point[1]);
    const panel = page.locator('.zg-zone-contents');
    await panel.waitFor({ state: 'visible' });
    assert.match(await panel.locator('.zg-zone-totals').textContent(), /地块 \d+ 宗/);
    assert.ok(await panel.locator('.zg-zone-parcels li').count() > 0);
    await page.waitForFunction(() => document.querySelectorAll('.zg-zone-highlight').length > 0);
    await screenshot(page, 'zone-contents');
    assert.deepEqual(errors, []);
  });

  it('draws the red lines as they stood on an earlier date', async () => {
    await page.fill('.zg-as-of input[name="asOf"]', '2024-10-01');
    const count = page.locator('.zg-as-of-count');
    await count.waitFor();
    const shown = Number((await count.textContent()).match(/(\d+) 宗/)[1]);
    const today = await page.evaluate(async () => (await (await fetch('/api/parcels', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()).features.length);
    assert.ok(shown > 0 && shown < today, `${shown} parcels then, ${today} now`);
    assert.ok(await page.locator('path.zg-as-of-parcel').count() > 0);
    await screenshot(page, 'parcels-as-of');
    await page.click('.zg-as-of-clear');
  });

  it('shows the recovery register with its statistics', async () => {
    await page.click('.zg-register-toggle');
    const register = page.locator('.zg-recovery-register');
    await register.locator('.zg-register-table tbody tr').first().waitFor();
    assert.ok(await register.locator('.zg-register-stats li').count() > 0);
    await screenshot(page, 'recovery-register');
  });
});
