// Pans the web map (as a viewer, at zoom 15, parcels from vector tiles) in headless Chromium and
// reports the frame intervals seen while dragging: the "does it still pan smoothly" half of
// scripts/bench/tiles.sh. Needs web-map's npm packages (npm ci in web-map) and ZONEGIS_URL.
import { launch, login } from '../../web-map/test/support.mjs';
import { dragAround, frameIntervals, mapCentre, recordFrames } from './frames.mjs';

const DRAGS = 12;

const { browser, page, errors } = await launch();
try {
  await login(page, 'viewer');
  await page.click('.leaflet-control-zoom-in');
  // The map says when the zoom's tiles have loaded and it is idle.
  await page.waitForSelector('.zg-map[data-zg-map="idle"]', { timeout: 60_000 });
  await recordFrames(page);
  const started = Date.now();
  await dragAround(page, await mapCentre(page), DRAGS);
  const seconds = (Date.now() - started) / 1000;
  const { frames, at } = await frameIntervals(page);
  const tiles = await page.locator('canvas.zg-vector-tile-parcels').count();
  console.log(`pan: ${DRAGS} drags in ${seconds.toFixed(1)} s, ${frames.length} frames (${(frames.length / seconds).toFixed(0)} fps),`
    + ` frame interval median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms,`
    + ` ${frames.filter((f) => f > 50).length} frames over 50 ms; ${tiles} parcel tiles on the map; page errors: ${errors.length}`);
} finally {
  await browser.close();
}
