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
