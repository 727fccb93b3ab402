// Drawing like a GIS: undo and redo of vertices by button and keyboard, Enter finishes, Esc
// cancels, a vertex placed by its surveyed X/Y, and the measuring tool's plane distance and area.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import proj4 from 'proj4';
import { signedIn, screenshot, ground, baseUrl } from './support.mjs';

// The zone's measuring CRS as the service announces it, and a point of a ground slot in it.
async function planeOf(slot) {
  const config = await (await fetch(`${baseUrl}/api/config`)).json();
  const { center } = ground(slot);
  const [easting, northing] = proj4('+proj=longlat +ellps=GRS80 +no_defs', config.measureProj4).forward([
    center.lon,
    center.lat,
  ]);
  // Whole metres, so the expected plane values are exact.
  return { northing: Math.round(northing), easting: Math.round(easting) };
}

const vertices = (page) => page.getAttribute('.zg-draw-tools', 'data-zg-vertices').then(Number);

async function waitForVertices(page, count) {
  await page.waitForSelector(`.zg-draw-tools[data-zg-vertices="${count}"]`);
}

async function placeByCoordinates(page, { northing, easting }, count) {
  await page.fill('.zg-draw-tools input[name="northing"]', String(northing));
  await page.fill('.zg-draw-tools input[name="easting"]', String(easting));
  await page.click('.zg-draw-place');
  await waitForVertices(page, count);
}

// The page's own language switch (the browser's locale does not choose it).
async function inEnglish(page) {
  await page.click('.zg-lang-button:has-text("English")');
  await page.waitForSelector('html[lang="en"]');
}

async function startRedLine(t, slot, { english = false } = {}) {
  const session = await signedIn(t, 'planner', { view: { ...ground(slot).center, zoom: 17 } });
  const { page } = session;
  if (english) await inEnglish(page);
  await page.click('.zg-edit-tool[data-tool="drawRedLine"]');
  await page.waitForSelector('.zg-draw-tools:not([hidden])');
  const box = await page.locator('.zg-map').boundingBox();
  const click = (dx, dy) => page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
  return { ...session, click };
}

describe('drawing a red line', () => {
  it('takes back and puts back vertices by keyboard and buttons, then finishes with Enter', async (t) => {
    const { page, click, errors } = await startRedLine(t, 100);
    await click(-60, -60);
    await waitForVertices(page, 1);
    await click(60, -60);
    await waitForVertices(page, 2);
    await click(60, 60);
    await waitForVertices(page, 3);
    await page.keyboard.press('Control+z');
    await waitForVertices(page, 2);
    await page.keyboard.press('Control+z');
    await waitForVertices(page, 1);
    await page.keyboard.press('Control+y');
    await waitForVertices(page, 2);
    await page.click('.zg-draw-redo');
    await waitForVertices(page, 3);
    assert.equal(await page.locator('.zg-draw-redo').isDisabled(), true);
    await page.click('.zg-draw-undo');
    await waitForVertices(page, 2);
    await page.click('.zg-draw-redo');
    await waitForVertices(page, 3);
    await click(-60, 60);
    await waitForVertices(page, 4);
    await screenshot(page, 'drawing-red-line-zh');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.zg-draw-tools', { state: 'hidden' });
    // The finished square is the editor's, ready to check and save.
    await page.locator('.zg-editor-button[data-action="save"]:not([disabled])').waitFor();
    assert.equal(await page.locator('.zg-parcel-editor').isVisible(), true);
    assert.deepEqual(errors, []);
  });

  it('drops the drawing with Esc and keeps the editor open', async (t) => {
    const { page, click, errors } = await startRedLine(t, 101);
    await click(-40, -40);
    await click(40, -40);
    await waitForVertices(page, 2);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.zg-draw-tools', { state: 'hidden' });
    assert.equal(await page.locator('.leaflet-interactive.zg-snap-parcel, .leaflet-pm-draggable').count(), 0);
    assert.equal(await page.locator('.zg-parcel-editor').isVisible(), true);
    assert.deepEqual(errors, []);
  });

  it('places a vertex by X and Y and names a mistyped coordinate', async (t) => {
    const { page, errors } = await startRedLine(t, 102, { english: true });
    const origin = await planeOf(102);
    await placeByCoordinates(page, origin, 1);
    await page.fill('.zg-draw-tools input[name="northing"]', String(origin.northing));
    await page.fill('.zg-draw-tools input[name="easting"]', '41O000');
    await page.click('.zg-draw-place');
    await page.waitForSelector('.zg-draw-problem');
    assert.match(await page.textContent('.zg-draw-problem'), /Y \(easting\)/);
    assert.equal(await page.getAttribute('.zg-draw-tools input[name="easting"]', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('.zg-draw-tools input[name="easting"]'), '41O000');
    assert.equal(await vertices(page), 1);
    await screenshot(page, 'drawing-coordinate-en');
    assert.deepEqual(errors, []);
  });
});

describe('the measuring tool', () => {
  for (const language of ['zh', 'en']) {
    it(`measures a distance and an area in plane metres and mu (${language})`, async (t) => {
      const { page, errors } = await signedIn(t, 'viewer', { view: { ...ground(103).center, zoom: 17 } });
      if (language === 'en') await inEnglish(page);
      const origin = await planeOf(103);
      await page.click('.zg-measure-toggle');
      await page.click('.zg-measure-distance');
      await placeByCoordinates(page, origin, 1);
      await placeByCoordinates(page, { northing: origin.northing + 300, easting: origin.easting + 400 }, 2);
      await page.keyboard.press('Enter');
      await page.waitForSelector('.zg-measure-result-distance');
      assert.match(await page.textContent('.zg-measure-result-distance'), /500\.00 m/);

      await page.click('.zg-measure-area');
      await placeByCoordinates(page, origin, 1);
      await placeByCoordinates(page, { northing: origin.northing, easting: origin.easting + 100 }, 2);
      await placeByCoordinates(page, { northing: origin.northing + 100, easting: origin.easting + 100 }, 3);
      await placeByCoordinates(page, { northing: origin.northing + 100, easting: origin.easting }, 4);
      await page.click('.zg-draw-finish');
      await page.waitForSelector('.zg-measure-result-area');
      // 100 m × 100 m = 10000 m² = 15 亩 (1 亩 = 10000/15 m²).
      const unit = language === 'en' ? 'mu' : '亩';
      assert.match(await page.textContent('.zg-measure-result-area'), new RegExp(`10000\\.00 m² · 15\\.0000 ${unit}`));
      await screenshot(page, `measure-${language}`);
      assert.deepEqual(errors, []);
    });
  }
});
