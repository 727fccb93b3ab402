// The large layers come as vector tiles found through /ogc (OGC API - Tiles), drawn on canvas,
// and still answer clicks with the feature's attributes, read whole from /ogc.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch,
  login,
  signedIn,
  screenshot,
  ground,
  rectangle,
  createParcel,
  showAt,
  reportWorkOrder,
  pixelOf,
} from './support.mjs';

describe('vector tile layers', () => {
  it('draws parcels from vector tiles instead of loading them as GeoJSON, and clusters work orders', async (t) => {
    const session = await launch();
    t.after(() => session.browser.close());
    const { page, errors } = session;
    const requests = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    // A tile's canvas exists before its URL is known (the tileset is read first): wait for a tile.
    const parcelTile = /^\/ogc\/collections\/parcels\/tiles\/WebMercatorQuad\/\d+\/\d+\/\d+$/;
    const tileLoaded = page.waitForResponse(
      (response) => parcelTile.test(new URL(response.url()).pathname) && response.status() === 200,
    );
    await login(page, 'planner');
    await page.waitForSelector('canvas.zg-vector-tile-parcels.zg-layer-parcels');
    await tileLoaded;
    assert.equal(await page.locator('path.zg-layer-parcels').count(), 0, 'no SVG path per parcel');
    // The map knows only /ogc: it follows the collection's vector tileset (OGC API - Tiles) to its
    // tile template, row before column, and never guesses the /tiles route.
    assert.ok(
      requests.some((path) => parcelTile.test(path)),
      'parcel tiles requested through the OGC tileset',
    );
    assert.ok(requests.includes('/ogc/collections/parcels/tiles/WebMercatorQuad'), 'tileset metadata read');
    assert.ok(!requests.some((path) => path.startsWith('/tiles/')), 'no tile URL built by hand');
    for (const layer of ['parcels', 'pipes', 'streetlights']) {
      assert.ok(!requests.includes(`/api/${layer}`), `${layer} not loaded as GeoJSON`);
    }
    assert.ok(requests.includes('/api/roads'), 'small layers stay GeoJSON');
    await page.waitForSelector('.zg-cluster-work_orders');
    assert.ok(!requests.includes('/api/work_orders'), 'work orders never loaded whole');
    assert.ok(requests.includes('/api/map/work_orders'), 'work orders loaded for the view');
    assert.deepEqual(errors, []);
  });

  it('loads the work orders of the view it shows, again when it moves', async (t) => {
    const { center } = ground(86);
    const description = `视图工单测试 ${Date.now()}`;
    await reportWorkOrder(t, { kind: 'other', description, location: center });
    const session = await launch();
    t.after(() => session.browser.close());
    const { page, errors } = session;
    const views = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/api/map/work_orders') views.push(url.searchParams);
    });
    await login(page, 'viewer', { view: { ...center, zoom: 17 } });
    const shown = () =>
      page.evaluate(() => {
        const pane = document.querySelector('.leaflet-zg-pane-work_orders-pane');
        return { view: pane?.dataset.zgView, count: Number(pane?.dataset.zgCount) };
      });
    const inBox = (params, { lon, lat }) => {
      const [west, south, east, north] = params.get('bbox').split(',').map(Number);
      return west <= lon && lon <= east && south <= lat && lat <= north;
    };
    assert.equal(views.at(-1).get('zoom'), '17');
    assert.ok(inBox(views.at(-1), center), 'the box around the view');
    const here = await shown();
    assert.equal(here.view, 'features', 'a few orders come as themselves');
    assert.ok(here.count >= 1, 'the new order is among them');
    await page.waitForSelector('.leaflet-marker-pane .zg-layer-work_orders, .zg-cluster-work_orders');

    const away = { lon: center.lon + 0.1, lat: center.lat, zoom: 17 };
    const asked = views.length;
    await showAt(page, away);
    assert.ok(views.length > asked, 'asked again after the move');
    assert.ok(inBox(views.at(-1), away) && !inBox(views.at(-1), center), 'for the new view only');
    assert.deepEqual(errors, []);
  });

  it('still shows a parcel in its red line when zoomed out so far that the parcel is a speck', async (t) => {
    const { center } = ground(131);
    const code = `TEST-SPECK-${Date.now()}`;
    // About 27 × 30 m: under a pixel at zoom 12, where the tile draws it as its stroke's rectangle.
    const half = { lon: 0.00015, lat: 0.000135 };
    await createParcel(
      t,
      { code, name: '缩小显示测试', land_use: '工业用地' },
      rectangle(center.lon - half.lon, center.lat - half.lat, center.lon + half.lon, center.lat + half.lat),
    );
    const view = { ...center, zoom: 12 };
    const { page, errors } = await signedIn(t, 'viewer', { view });
    const [x, y] = await pixelOf(page, view, center.lon, center.lat);
    // The colour of the parcel tile's pixel at a page point, read from the tile's canvas.
    const tilePixel = (px, py) =>
      page.evaluate(
        ([px, py]) => {
          // Tiles let clicks through (pointer-events: none), so elementsFromPoint does not see them.
          const tile = [...document.querySelectorAll('canvas.zg-vector-tile-parcels')].find((c) => {
            const r = c.getBoundingClientRect();
            return px >= r.left && px < r.right && py >= r.top && py < r.bottom;
          });
          if (!tile) return null;
          const box = tile.getBoundingClientRect();
          const copy = new OffscreenCanvas(tile.width, tile.height);
          const ctx = copy.getContext('2d');
          ctx.drawImage(tile, 0, 0);
          const scale = tile.width / box.width;
          return [
            ...ctx.getImageData(Math.floor((px - box.left) * scale), Math.floor((py - box.top) * scale), 1, 1).data,
          ];
        },
        [px, py],
      );
    const [r, g, b, alpha] = (await tilePixel(x, y)) ?? [];
    assert.ok(alpha > 0, `the parcel is drawn where it lies (pixel ${[r, g, b, alpha]})`);
    assert.ok(r > 150 && g < 80 && b < 80, `in the red line's colour (pixel ${[r, g, b, alpha]})`);
    const beside = await tilePixel(x - 8, y);
    assert.equal(beside?.[3] ?? 0, 0, 'and no wider than a speck: the ground beside it stays clear');
    assert.deepEqual(errors, []);
  });

  it('opens a parcel\u2019s attributes when it is clicked on its tile', async (t) => {
    const { west, south, center } = ground(30);
    const code = `TEST-TILE-${Date.now()}`;
    await createParcel(
      t,
      { code, name: '瓦片点击测试', holder: '测试公司', land_use: '工业用地' },
      rectangle(west + 0.003, south + 0.001, west + 0.007, south + 0.004),
    );
    const { page, errors } = await signedIn(t, 'planner', { view: { ...center, zoom: 17 } });
    const box = await page.locator('.zg-map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const title = page.locator('.zg-popup .zg-popup-title');
    await title.waitFor();
    assert.match(await title.textContent(), new RegExp(code));
    assert.ok((await page.locator('.zg-popup td').count()) > 5, 'every attribute, not only the tile\u2019s');
    await screenshot(page, 'vector-tile-popup');
    assert.deepEqual(errors, []);
  });
});
