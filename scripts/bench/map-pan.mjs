// The map at scale: logs in as a viewer in headless Chromium, goes to the gridded part of the bench
// zone (scripts/bench/zone.sh) and pans and zooms while counting animation frames. Prints the frame
// interval median and p95 (targets: ≤ 20 ms and ≤ 40 ms), the parcel tiles on the map and the
// number of SVG features Leaflet keeps (GeoJSON layers): every large layer should be tiles.
// Needs web-map's npm packages (npm ci in web-map), Debian's chromium and ZONEGIS_URL.
// `--trace` records a Chrome trace meanwhile and prints the renderer main thread's CPU time for the
// drags and for the zooms: what the page asks of the machine, apart from waiting for a core on a
// busy one (the trace itself slows the frames a little, so compare traced runs with traced runs).
import { baseUrl, launch, password } from '../../web-map/test/support.mjs';
import { dragAround, frameIntervals, mapCentre, recordFrames, traceMainThread } from './frames.mjs';

const view = { lon: 121.96, lat: 37.11, zoom: 15 };
const DRAGS = 10;
const TRACE = process.argv.includes('--trace');

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
  const centre = await mapCentre(page);
  const traced = [];
  const phase = async (name, run) => {
    const stop = TRACE ? await traceMainThread(page) : null;
    const phaseFrames = await page.evaluate(() => window.zgFrames?.length ?? 0);
    await run();
    const intervals = await page.evaluate((from) => window.zgFrames.slice(from + 1), phaseFrames);
    intervals.sort((a, b) => a - b);
    const q = (p) => intervals[Math.min(intervals.length - 1, Math.floor(p * intervals.length))].toFixed(1);
    const main = stop ? await stop() : null;
    traced.push(
      `map: ${name}: ${intervals.length} frames, frame interval median ${q(0.5)} ms, p95 ${q(0.95)} ms` +
        (main
          ? `; main thread ${main.tasks} tasks, CPU ${main.cpuMs.toFixed(0)} ms in ${main.wallMs.toFixed(0)} ms` +
            ` of wall time, ${main.over16} tasks over 16 ms CPU, ${main.over50} over 50 ms`
          : ''),
    );
  };
  await recordFrames(page);
  const started = Date.now();
  await phase('drags', () => dragAround(page, centre, DRAGS));
  await phase('zooms', zoomOutAndIn);
  const seconds = (Date.now() - started) / 1000;
  const { frames, at } = await frameIntervals(page);
  await idle(page);
  const tiles = await page.locator('canvas.zg-vector-tile-parcels').count();
  const svgFeatures = await page.locator('path.leaflet-interactive').count();
  console.log(
    `map: ${DRAGS} drags and 8 zoom steps in ${seconds.toFixed(1)} s, ${frames.length} frames ` +
      `(${(frames.length / seconds).toFixed(0)} fps), frame interval median ${at(0.5).toFixed(1)} ms, ` +
      `p95 ${at(0.95).toFixed(1)} ms, max ${at(1).toFixed(1)} ms; ${tiles} parcel tiles and ` +
      `${svgFeatures} SVG features on the map; page errors: ${errors.length}${TRACE ? ' (traced)' : ''}`,
  );
  for (const line of traced) console.log(line);
} finally {
  await browser.close();
}

// Zooms out to 12 and back in to 17, one wheel step at a time, waiting for each zoom to land.
async function zoomOutAndIn() {
  const { cx, cy } = await mapCentre(page);
  for (const delta of [100, 100, 100, -100, -100, -100, -100, -100]) {
    const zoom = await page.locator('.zg-map').getAttribute('data-zoom');
    await page.mouse.move(cx, cy);
    await page.mouse.wheel(0, delta);
    await page.waitForFunction((z) => document.querySelector('.zg-map').dataset.zoom !== z, zoom, {
      timeout: LOAD_TIMEOUT,
    });
  }
}
