// Shared by the pan benchmarks (map-pan.mjs, tiles-pan.mjs): drags the map around its centre while
// counting animation frames, so both report frame intervals measured the same way.
const DRAG_PX = 300;
const STEPS = 30;

/** Starts counting animation frames on the page; frameIntervals() stops and returns them. */
export async function recordFrames(page) {
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
}

/** The map's centre in page pixels. */
export async function mapCentre(page) {
  const box = await page.locator('.zg-map').boundingBox();
  return { cx: box.x + box.width / 2, cy: box.y + box.height / 2 };
}

/** Drags the map `drags` times from its centre, each drag 60° further round than the last. */
export async function dragAround(page, { cx, cy }, drags) {
  for (let i = 0; i < drags; i++) {
    const angle = (i * Math.PI) / 3;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + DRAG_PX * Math.cos(angle), cy + DRAG_PX * Math.sin(angle), { steps: STEPS });
    await page.mouse.up();
  }
}

/**
 * Stops counting and returns the frame intervals (the first, from the start to the first frame,
 * left out) with at(q): the q-quantile in ms.
 */
export async function frameIntervals(page) {
  const frames = (
    await page.evaluate(() => {
      window.zgRecording = false;
      return window.zgFrames;
    })
  )
    .slice(1)
    .sort((a, b) => a - b);
  const at = (q) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
  return { frames, at };
}

/**
 * Records a Chrome trace (DevTools timeline categories) of the page until the returned stop()
 * is awaited, which resolves to the renderer main thread's work in that time: its tasks, the
 * thread time they used (CPU, whatever else runs on the machine) and their wall time, and how
 * many took over 16 and 50 ms of CPU. Thread time is what the page's code asks of the machine;
 * frame intervals add the wait for a core, which on a shared machine can be most of them.
 */
export async function traceMainThread(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReportEvents',
  });
  return async function stop() {
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const main = new Set(
      events
        .filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
    const cpu = (e) => (e.tdur ?? 0) / 1000;
    const sum = (values) => values.reduce((a, b) => a + b, 0);
    return {
      tasks: tasks.length,
      cpuMs: sum(tasks.map(cpu)),
      wallMs: sum(tasks.map((e) => e.dur / 1000)),
      over16: tasks.filter((e) => cpu(e) > 16).length,
      over50: tasks.filter((e) => cpu(e) > 50).length,
    };
  };
}
