// With no internet the map is not an empty grey page: the online base map gives way to the local
// one (the zone's own roads, pipes and parcels on a plain background) and the map says so once.
// When the online tiles do load, the chosen base stays.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, launch, login, screenshot } from './support.mjs';

// A 1×1 PNG standing in for an OpenStreetMap tile.
const TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('the base map without internet', () => {
  for (const language of ['zh', 'en']) {
    it(`changes to the local base and says so once (${language})`, async (t) => {
      const { page, errors } = await signedIn(t, 'planner');
      if (language === 'en') {
        await page.click('.zg-lang-button:has-text("English")');
        await page.waitForSelector('html[lang="en"]');
      }
      await page.waitForSelector('.zg-map[data-zg-base="none"]');
      const note = page.locator('.zg-offline-note');
      const expected =
        language === 'en' ? 'Online base map unreachable: showing the local base' : '在线底图无法连接，已改用本地底图';
      assert.equal(await note.locator('.zg-offline-note-text').textContent(), expected);
      assert.equal(await page.inputValue('.zg-base-map select'), 'none');
      await page.waitForSelector('canvas.zg-vector-tile-parcels.zg-layer-parcels');
      await page.waitForSelector('canvas.zg-vector-tile-pipes.zg-layer-pipes');
      await screenshot(page, `offline-base-local-${language}`);

      // Chosen again, OpenStreetMap fails again: back to the local base, no second note.
      await page.evaluate(() => {
        const map = document.querySelector('.zg-map');
        window.zgBases = [];
        new MutationObserver(() => window.zgBases.push(map.dataset.zgBase)).observe(map, {
          attributeFilter: ['data-zg-base'],
        });
      });
      await page.selectOption('.zg-base-map select', 'osm');
      await page.waitForFunction(() => window.zgBases.join() === 'osm,none');
      assert.equal(await page.locator('.zg-offline-note').count(), 1);
      await note.locator('.zg-offline-note-close').click();
      assert.equal(await page.locator('.zg-offline-note').count(), 0);
      assert.deepEqual(errors, []);
    });
  }

  it('keeps OpenStreetMap when its tiles load', async (t) => {
    const session = await launch();
    t.after(() => session.browser.close());
    const { page, errors } = session;
    await page.route('https://tile.openstreetmap.org/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
    );
    await login(page, 'planner');
    assert.equal(await page.getAttribute('.zg-map', 'data-zg-base'), 'osm');
    assert.equal(await page.locator('.zg-offline-note').count(), 0);
    assert.deepEqual(errors, []);
  });
});
