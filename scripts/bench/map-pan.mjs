// The map at scale: logs in as a viewer in headless Chromium, goes to the gridded part of the bench
// zone (scripts/bench/zone.sh) and pans and zooms while counting animation frames. Prints the frame
// interval median and p95 (targets: ≤ 20 ms and ≤ 40 ms), the parcel tiles on the map and the
// number of SVG features Leaflet keeps (GeoJSON layers): every large layer should be tiles.
// Needs web-map's npm packages (npm ci in web-map), Debian's chromium and ZONEGIS_URL.
import { baseUrl, launch, password } from '../../web-map/test/support.mjs';

const view = { lon: 121.96, lat: 37.11, zoom: 15 };
const DRAGS = 10;
const DRAG_PX = 300;
const STEPS = 30;

// Loading every layer of a zone this size may take minutes on a busy machine: wait for it (and say how long).
const LOAD_TIMEOUT = 300000;
const idle = (page) => page.waitForSelector('.zg-map[data-zg-map="idle"]', { timeout: LOAD_TIMEOUT });

const { browser, page, errors } = await launch();
try {
  const loading = Date.now();
  await page.goto(`${baseUrl}/#map=${view.zoom}/${view.lat}/${view.lon}`);
  await page.waitForSelector('body[data-zg-state="login"]');
  await page.fill('input[name="username"]', 'viewer');
  await page.fill('input[name="password"]', password('viewer'));
  await page.click('.zg-login-submit');
  await page.waitForSelector('body[data-zg-state="ready"]', { timeout: LOAD_TIMEOUT });
  await idle(page);
  console.log(`map: logged in and every layer loaded in ${((Date.now() - loading) / 1000).toFixed(1)} s`);
  const box = await page.locator('.zg-map').boundingBox();
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(() => {
    window.zgFrames = [];
    window.zgRecording = true;
    let last = performance.now();
    const tick = (now) => {
      window.zgFrames.push(now - last);
      last = now;
      if (window.zgRecording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  for (let i = 0; i < DRAGS; i++) {
    const angle = (i * Math.PI) / 3;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + DRAG_PX * Math.cos(angle), cy + DRAG_PX * Math.sin(angle), { steps: STEPS });
    await page.mouse.up();
  }
  // Zoom out to 12 and back in to 17, one wheel step at a time, waiting for each zoom to land.
  for (const delta of [100, 100, 100, -100, -100, -100, -100, -100]) {
    const zoom = await page.locator('.zg-map').getAttribute('data-zoom');
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, delta);
    await page.waitForFunction((z) => document.querySelector('.zg-map').dataset.zoom !== z, zoom);
  }
  const seconds = (Date.now() - started) / 1000;
  const frames = (
    await page.evaluate(() => {
      window.zgRecording = false;
      return window.zgFrames;
    })
  )
    .slice(1)
    .sort((a, b) => a - b);
  await idle(page);
  const at = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
  const tiles = await page.locator('canvas.zg-vector-tile-parcels').count();
  const svgFeatures = await page.locator('path.leaflet-interactive').count();
  console.log(
    `map: ${DRAGS} drags and 8 zoom steps in ${seconds.toFixed(1)} s, ${frames.length} frames ` +
      `(${(frames.length / seconds).toFixed(0)} fps), frame interval median ${at(0.5).toFixed(1)} ms, ` +
      `p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms; ${tiles} parcel tiles and ` +
      `${svgFeatures} SVG features on the map; page errors: ${errors.length}`,
  );
} finally {
  await browser.close();
}
