// Expansion zones lie under the parcels: a click inside a zone where no parcel lies opens the
// zone and its contents, a click on a parcel inside it opens the parcel, not the zone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, screenshot, ground, rectangle, createParcel, createFeature, pixelOf } from './support.mjs';

// The slot's west part; the dispatch board test uses its centre.
const SLOT = 82;

function createZone(t, code, ring) {
  return createFeature(
    t,
    'planner',
    '/api/zones',
    { type: 'Polygon', coordinates: [ring] },
    { code, name: '点选测试扩区', kind: 'contiguous_development', status: 'proposed', note: null },
  );
}

describe('picking an expansion zone', () => {
  it('opens the zone where no parcel lies inside it, and the parcel where one does', async (t) => {
    const { west, south } = ground(SLOT);
    const stamp = Date.now();
    const zoneCode = `WEB-ZONE-${stamp}`;
    const parcelCode = `WEB-INZONE-${stamp}`;
    await createZone(t, zoneCode, rectangle(west + 0.0002, south + 0.0002, west + 0.0038, south + 0.0048));
    await createParcel(
      t,
      { code: parcelCode, name: '扩区内地块', holder: '测试公司', land_use: '工业用地' },
      rectangle(west + 0.0008, south + 0.0008, west + 0.0032, south + 0.0022),
    );
    const view = { lon: west + 0.002, lat: south + 0.0025, zoom: 17 };
    const { page, errors } = await signedIn(t, 'planner', { view });

    const [x, y] = await pixelOf(page, view, west + 0.002, south + 0.0038);
    await page.mouse.click(x, y);
    const panel = page.locator('.zg-zone-contents');
    await panel.locator('.zg-panel-title', { hasText: zoneCode }).waitFor();
    assert.equal(await page.locator('.zg-popup-body').getAttribute('data-layer'), 'expansion_zones');
    await screenshot(page, 'zone-picked-inside');

    const [px, py] = await pixelOf(page, view, west + 0.002, south + 0.0015);
    await page.mouse.click(px, py);
    await page.locator('.zg-parcel-panel .zg-panel-title', { hasText: parcelCode }).waitFor();
    assert.equal(await page.locator('.zg-popup-body').getAttribute('data-layer'), 'parcels');
    assert.deepEqual(errors, []);
  });
});
