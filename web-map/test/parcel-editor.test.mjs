// The red-line editor, the parcel panel and a zone's contents, as a planner uses them: draw a
// parcel and see its area kept after a reload, an overlapping one refused with the overlap drawn,
// a lifecycle step, and what an expansion zone holds. Screenshots go to web-map/test-output/.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  signedIn,
  screenshot,
  waitForState,
  mapIdle,
  ground,
  rectangle,
  createParcel,
  cancelParcels,
  pixelOf,
  openParcel,
} from './support.mjs';

const number = (text) => Number(text.match(/(\d+\.\d+) m²/)[1]);

// Draws a square of `size` pixels with its north-west corner at page pixel (x, y) with the red-line
// tool already on, and returns the area shown while drawing.
async function drawSquare(page, x, y, size) {
  for (const [px, py] of [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
  ]) {
    await page.mouse.click(px, py);
  }
  await page.mouse.move(x + 1, y + 1);
  const live = await page.locator('.zg-editor-area').textContent();
  await page.mouse.click(x, y);
  await page.locator('.zg-editor-button[data-action="save"]:not([disabled])').waitFor();
  return live;
}

async function save(page, parcelCode) {
  await page.fill('.zg-parcel-editor input[name="code"]', parcelCode);
  await page.fill('.zg-parcel-editor input[name="name"]', '浏览器测试地块');
  await page.click('.zg-editor-button[data-action="save"]');
}

// The planner's map centred on a ground slot of the test's own at street level, with the red-line
// tool on; parcels drawn there under `code` are cancelled when the test ends. The middle is taken
// once the editor has docked beside the map, which keeps the map's centre.
async function drawingOn(t, slot, code) {
  const view = { ...ground(slot).center, zoom: 17 };
  const session = await signedIn(t, 'planner', { view });
  t.after(() => cancelParcels(code));
  await session.page.click('.zg-edit-tool[data-tool="drawRedLine"]');
  await session.page.locator('.zg-parcel-editor').waitFor({ state: 'visible' });
  await mapIdle(session.page);
  const box = await session.page.locator('.zg-map').boundingBox();
  return { ...session, view, middle: [box.x + box.width / 2, box.y + box.height / 2] };
}

// The parcel `code` as the service stores it.
async function storedParcel(page, code) {
  const parcels = await page.evaluate(async () =>
    (await fetch('/api/parcels', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json(),
  );
  return parcels.features.find((f) => f.properties.code === code);
}

// The page pixel of the middle of the parcel `code`, on the map as it is now.
async function pixelOfParcel(page, code) {
  const [lat, lon] = (await page.getAttribute('.zg-map', 'data-center')).split(',').map(Number);
  const view = { lon, lat, zoom: Number(await page.getAttribute('.zg-map', 'data-zoom')) };
  const ring = (await storedParcel(page, code)).geometry.coordinates[0][0];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return pixelOf(page, view, (Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2);
}

describe('the red-line editor', () => {
  it('draws a parcel with its live area, saves it and shows the same area after a reload', async (t) => {
    const code = `WEB-${Date.now()}`;
    const { page, middle, errors } = await drawingOn(t, 60, code);
    const live = await drawSquare(page, middle[0] - 35, middle[1] - 35, 70);
    const final = await page.locator('.zg-editor-area').textContent();
    assert.match(live, /面积 \d+\.\d{2} m² · \d+\.\d{4} 亩 · \d+\.\d{4} 公顷/);
    // The form sends what was typed: a name with a blank before it is refused beside the name, a
    // note keeps its blanks.
    const note = '  北侧临河，待补测  ';
    await page.fill('.zg-parcel-editor input[name="note"]', note);
    await page.fill('.zg-parcel-editor input[name="code"]', code);
    await page.fill('.zg-parcel-editor input[name="name"]', ' 浏览器测试地块');
    await page.click('.zg-editor-button[data-action="save"]');
    await page.locator('.zg-parcel-editor input[name="name"].zg-field-invalid').waitFor();
    assert.match(await page.textContent('.zg-parcel-editor .zg-field-message'), /首尾有空格/);
    assert.equal(await page.inputValue('.zg-parcel-editor input[name="name"]'), ' 浏览器测试地块');
    await save(page, code);
    const saved = page.locator('.zg-editor-saved');
    await saved.waitFor();
    const savedText = await saved.textContent();
    assert.match(savedText, new RegExp(code));
    // The browser's proj4 and the server's PostGIS agree on the plane area to the centimetre².
    assert.ok(Math.abs(number(savedText) - number(final)) < 0.05, `${savedText} vs ${final}`);
    assert.equal((await storedParcel(page, code)).properties.note, note);
    await screenshot(page, 'parcel-editor-saved');

    await page.reload();
    await waitForState(page, 'ready');
    await mapIdle(page);
    // The map narrowed while the editor was open, so the parcel is found by where it lies.
    await page.mouse.click(...(await pixelOfParcel(page, code)));
    const panel = page.locator('.zg-parcel-panel');
    await panel.waitFor({ state: 'visible' });
    assert.match(await panel.locator('.zg-panel-title').textContent(), new RegExp(code));
    const facts = await panel.locator('.zg-parcel-facts').textContent();
    assert.ok(Math.abs(number(facts) - number(savedText)) < 0.005, `${facts} vs ${savedText}`);
    await screenshot(page, 'parcel-panel');
    assert.deepEqual(errors, []);
  });

  it('cuts a hole in the red line being drawn and saves the area without it', async (t) => {
    const code = `WEB-H-${Date.now()}`;
    const { page, middle, errors } = await drawingOn(t, 61, code);
    const [x0, y0] = [middle[0] - 35, middle[1] - 35];
    await drawSquare(page, x0, y0, 70);
    const whole = number(await page.locator('.zg-editor-area').textContent());
    await page.click('.zg-editor-button[data-action="cutHole"]');
    const [x, y] = [x0 + 25, y0 + 25];
    for (const [px, py] of [
      [x, y],
      [x + 20, y],
      [x + 20, y + 20],
      [x, y + 20],
    ])
      await page.mouse.click(px, py);
    await page.mouse.move(x + 1, y + 1);
    await page.mouse.click(x, y);
    await page.waitForFunction(
      (before) => !document.querySelector('.zg-editor-area').textContent.includes(before),
      whole.toFixed(2),
    );
    const holed = number(await page.locator('.zg-editor-area').textContent());
    const expected = whole * (1 - (20 / 70) ** 2);
    assert.ok(Math.abs(holed - expected) < expected * 0.02, `${holed} m² with the hole, about ${expected} expected`);
    await save(page, code);
    const saved = page.locator('.zg-editor-saved');
    await saved.waitFor();
    assert.ok(Math.abs(number(await saved.textContent()) - holed) < 0.05);
    await screenshot(page, 'parcel-hole-saved');
    assert.deepEqual(errors, []);
  });

  it('moves a parcel one lifecycle step from its panel', async (t) => {
    const code = `WEB-L-${Date.now()}`;
    const { west, south } = ground(62);
    await createParcel(
      t,
      { code, name: '生命周期测试地块', land_use: '工业用地' },
      rectangle(west + 0.004, south + 0.002, west + 0.005, south + 0.003),
    );
    const { page, errors } = await signedIn(t, 'planner');
    const panel = await openParcel(page, code);
    assert.equal(await panel.locator('.zg-parcel-status').getAttribute('data-status'), 'planned');
    await panel.locator('.zg-parcel-action[data-action="red_line_issued"]').click();
    await panel.locator('.zg-parcel-status[data-status="red_line_issued"]').waitFor();
    await panel.locator('.zg-parcel-action[data-action="filed"]').waitFor();
    assert.match(await panel.locator('.zg-history-label').textContent(), /第 2 版/);
    await screenshot(page, 'parcel-lifecycle');
    assert.deepEqual(errors, []);
  });

  it('refuses an overlapping parcel, draws the overlap and can clip it away', async (t) => {
    const code = `WEB-O-${Date.now()}`;
    const { center } = ground(63);
    // The standing parcel reaches north-east from the centre of the view.
    await createParcel(
      t,
      { code, name: '已有地块', land_use: '工业用地' },
      rectangle(center.lon, center.lat, center.lon + 0.002, center.lat + 0.0015),
    );
    const { page, view, errors } = await drawingOn(t, 63, `${code}-B`);
    // A square around the centre, so its north-east quarter overlaps and no click falls on an edge.
    const [x, y] = await pixelOf(page, view, center.lon, center.lat);
    await drawSquare(page, x - 40, y - 40, 80);
    await save(page, `${code}-B`);
    const problem = page.locator('.zg-editor-problem');
    await problem.waitFor();
    assert.match(await problem.textContent(), new RegExp(`${code}`));
    assert.equal(await page.locator(`.zg-editor-conflict[data-code="${code}"]`).count(), 1);
    assert.ok((await page.locator('path.zg-overlap').count()) > 0, 'the overlap is drawn on the map');
    await screenshot(page, 'parcel-overlap-refused');

    await page.click('.zg-editor-button[data-action="clip"]');
    const saved = page.locator('.zg-editor-saved');
    await saved.waitFor();
    assert.match(await saved.textContent(), new RegExp(`${code}-B`));
    assert.match(await saved.textContent(), /已裁去/);
    assert.deepEqual(errors, []);
  });

  it('lists what an expansion zone holds and highlights it', async (t) => {
    const { page, errors } = await signedIn(t, 'planner');
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
    assert.ok((await panel.locator('.zg-zone-parcels li').count()) > 0);
    await page.waitForFunction(() => document.querySelectorAll('.zg-zone-highlight').length > 0);
    await screenshot(page, 'zone-contents');
    assert.deepEqual(errors, []);
  });

  it('draws the red lines as they stood on an earlier date', async (t) => {
    const { page, errors } = await signedIn(t, 'planner');
    await page.fill('.zg-as-of input[name="asOf"]', '2024-10-01');
    const count = page.locator('.zg-as-of-count');
    await count.waitFor();
    const shown = Number((await count.textContent()).match(/(\d+) 宗/)[1]);
    const today = await page.evaluate(
      async () =>
        (await (await fetch('/api/parcels', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json()).features
          .length,
    );
    assert.ok(shown > 0 && shown < today, `${shown} parcels then, ${today} now`);
    assert.ok((await page.locator('path.zg-as-of-parcel').count()) > 0);
    await screenshot(page, 'parcels-as-of');
    await page.click('.zg-as-of-clear');
    assert.equal(await page.locator('path.zg-as-of-parcel').count(), 0);
    assert.deepEqual(errors, []);
  });

  it('shows the recovery register with its statistics', async (t) => {
    const { page, errors } = await signedIn(t, 'planner');
    await page.click('.zg-register-toggle');
    const register = page.locator('.zg-recovery-register');
    await register.locator('.zg-register-table tbody tr').first().waitFor();
    assert.ok((await register.locator('.zg-register-stats li').count()) > 0);
    await screenshot(page, 'recovery-register');
    assert.deepEqual(errors, []);
  });
});
