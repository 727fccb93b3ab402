// A large import shows real progress: the bytes sent, then the server's steps in order, reading
// with a count. Another planner's open map hears a whole import as one notice, with no fetch per
// parcel.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, ground, rectangle, baseUrl, password, screenshot } from './support.mjs';

const PROGRESS_SLOT = 121;
const LIVE_SLOT = 122;
const STAGES = ['converting', 'reading', 'storing'];

// columns × rows small squares filling a ground slot, as GeoJSON. The codes are the same on every
// run: a second run stores nothing new (unchanged), and holds no other ground.
function grid(slot, prefix, columns, rows, name = '进度测试地块') {
  const { west, south, east, north } = ground(slot);
  const dx = (east - west) / columns;
  const dy = (north - south) / rows;
  const features = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const w = west + column * dx;
      const s = south + row * dy;
      features.push({
        type: 'Feature',
        properties: { code: `${prefix}${features.length + 1}`, name, land_use: '工业用地' },
        geometry: { type: 'Polygon', coordinates: [rectangle(w, s, w + dx * 0.8, s + dy * 0.8)] },
      });
    }
  }
  return Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8');
}

describe('import progress', () => {
  it('shows the upload, then each server step in order with its count, for 2,000 parcels', async (t) => {
    const file = grid(PROGRESS_SLOT, 'IP121-', 50, 40);
    const { page, errors } = await signedIn(t, 'planner');
    await page.click('.zg-import-open');
    await page.setInputFiles('.zg-import-file', { name: 'large.geojson', mimeType: 'application/json', buffer: file });
    // Every state the progress row announces, as the page announces it.
    await page.evaluate(() => {
      window.zgStagesSeen = [];
      new MutationObserver(() => {
        const row = document.querySelector('.zg-import-progress-row');
        if (!row) return;
        const bar = row.querySelector('progress');
        const seen = { stage: row.dataset.stage, value: bar.hasAttribute('value') ? bar.value : null };
        const last = window.zgStagesSeen.at(-1);
        if (!last || last.stage !== seen.stage || last.value !== seen.value) window.zgStagesSeen.push(seen);
      }).observe(document.querySelector('.zg-import'), { subtree: true, childList: true, attributes: true });
    });
    // A fast import may end before the page's first poll: each answer is held until the page has
    // shown a step the server reported (the server keeps an import's last step), as a planner waiting
    // for a slower one would see it, and the first until its screenshot is taken. A page that shows
    // no step never gets its answer. The step is looked for in what the observer recorded, which a
    // step shown only briefly cannot slip past.
    const stepShown = () => window.zgStagesSeen.some((seen) => seen.stage) && !window.zgHoldAnswer;
    await page.route(/\/api\/parcels\/import\?/, async (route) => {
      const response = await route.fetch({ timeout: 300_000 });
      await page.waitForFunction(stepShown, null, { timeout: 60_000 });
      await route.fulfill({ response });
    });
    await page.evaluate(() => {
      window.zgHoldAnswer = true;
    });
    await page.click('.zg-import-dry-run');
    await page.waitForSelector('.zg-import-progress-row[data-stage]:not([data-stage=""])');
    await screenshot(page, 'import-progress');
    await page.evaluate(() => {
      window.zgHoldAnswer = false;
    });
    await page.waitForSelector('.zg-import-summary', { timeout: 300_000 });
    assert.equal(await page.locator('.zg-import-item[data-state="refused"]').count(), 0);
    await page.evaluate(() => {
      window.zgStagesSeen = [];
    });
    await page.click('.zg-import-commit');
    await page.waitForSelector('.zg-import-done', { timeout: 300_000 });
    const seen = await page.evaluate(() => window.zgStagesSeen);
    const stages = seen.map((s) => s.stage).filter((s) => s);
    assert.ok(stages.length > 0, JSON.stringify(seen));
    const order = stages.map((s) => STAGES.indexOf(s));
    assert.ok(
      order.every((i, n) => i >= 0 && (n === 0 || i >= order[n - 1])),
      JSON.stringify(stages),
    );
    for (const reading of seen.filter((s) => s.stage === 'reading')) {
      assert.ok(reading.value > 0 && reading.value <= 1, JSON.stringify(reading));
    }
    assert.deepEqual(errors, []);
  });

  it("hears another planner's import as one notice and refreshes no parcel one by one", async (t) => {
    const { page, errors } = await signedIn(t, 'admin', { view: { ...ground(LIVE_SLOT).center, zoom: 16 } });
    await page.waitForSelector('.zg-map[data-zg-live="open"]');
    const parcelFetches = [];
    page.on('request', (request) => {
      if (/\/api\/parcels\/\d+$/.test(new URL(request.url()).pathname)) parcelFetches.push(request.url());
    });
    // A new name on every run: the three parcels change, so the import stores them.
    const form = new FormData();
    form.append('file', new Blob([grid(LIVE_SLOT, 'IL122-', 3, 1, `实时导入 ${Date.now()}`)]), 'live.geojson');
    const auth = `Basic ${Buffer.from(`planner:${password('planner')}`).toString('base64')}`;
    const response = await fetch(`${baseUrl}/api/parcels/import?format=geojson&dryRun=false`, {
      method: 'POST',
      headers: { Authorization: auth },
      body: form,
    });
    assert.equal(response.status, 200, await response.clone().text());

    const notice = page.locator('.zg-tray-item[data-event-type="parcels.imported"]');
    await notice.waitFor({ state: 'attached' });
    assert.equal(await notice.count(), 1);
    await page.click('.zg-tray-bell');
    assert.match(await notice.textContent(), /planner 导入了 3 宗地块：IL122-1, IL122-2, IL122-3/);
    await screenshot(page, 'import-live-notice');
    assert.deepEqual(parcelFetches, []);
    assert.deepEqual(errors, []);
  });
});
