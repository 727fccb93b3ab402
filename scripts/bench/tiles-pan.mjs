// Pans the web map (as a viewer, at zoom 15, parcels from vector tiles) in headless Chromium and
// reports the frame intervals seen while dragging: the "does it still pan smoothly" half of
// scripts/bench/tiles.sh. Needs web-map's npm packages (npm ci in web-map) and ZONEGIS_URL.
import { launch, login } from '../../web-map/test/support.mjs';

const DRAGS = 12;
const DRAG_PX = 300;
const STEPS = 30;

const { browser, page, errors } = await launch();
try {
  await login(page, 'viewer');
  await page.click('.leaflet-control-zoom-in');
  await page.waitForTimeout(3000);
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
  const seconds = (Date.now() - started) / 1000;
  const frames = (await page.evaluate(() => { window.zgRecording = false; return window.zgFrames; })).slice(1).sort((a, b) => a - b);
  const at = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
  const tiles = await page.locator('canvas.zg-vector-tile-parcels').count();
  console.log(`pan: ${DRAGS} drags in ${seconds.toFixed(1)} s, ${frames.length} frames (${(frames.length / seconds).toFixed(0)} fps),`
    + ` frame interval median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms,`
    + ` ${frames.filter((f) => f > 50).length} frames over 50 ms; ${tiles} parcel tiles on the map; page errors: ${errors.length}`);
} finally {
  await browser.close();
}
