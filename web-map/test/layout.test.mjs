// One layout: panels dock beside the map, one open per side with the others as tabs, the layer list
// never covered, Esc closes the panel opened last. With every tool opened in turn, at desktop,
// laptop and phone sizes, no two visible panels or map controls overlap.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, screenshot, mapIdle, pickSearchResult } from './support.mjs';

const viewports = {
  desktop: { width: 1440, height: 900 },
  laptop: { width: 1280, height: 720 },
  phone: { width: 390, height: 844 },
};

// The outermost visible panels and map controls, with their page boxes.
function visibleBoxes(page) {
  return page.evaluate(() => {
    const nodes = [...document.querySelectorAll('.zg-panel, .leaflet-control, .zg-dock-tabs')];
    const outermost = nodes.filter((n) => !nodes.some((o) => o !== n && o.contains(n)));
    return outermost
      .map((n) => {
        const r = n.getBoundingClientRect();
        const name =
          n.dataset.zgPanel || n.className.split(' ').find((c) => c !== 'zg-panel' && c !== 'leaflet-control');
        return { name, x: r.x, y: r.y, width: r.width, height: r.height };
      })
      .filter((b) => b.width > 0 && b.height > 0);
  });
}

const overlap = (a, b) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

async function assertNothingOverlaps(page, size, step) {
  const boxes = await visibleBoxes(page);
  const viewport = page.viewportSize();
  for (const box of boxes) {
    assert.ok(
      box.x >= -0.5 && box.x + box.width <= viewport.width + 0.5,
      `${size}, ${step}: ${box.name} runs off the screen`,
    );
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      assert.ok(
        !overlap(boxes[i], boxes[j]),
        `${size}, ${step}: ${boxes[i].name} overlaps ${boxes[j].name} (${JSON.stringify([boxes[i], boxes[j]])})`,
      );
    }
  }
  return boxes;
}

// The dock of a side shows this panel (its data-zg-open names it).
async function shown(page, id) {
  await page.waitForSelector(`.zg-dock[data-zg-open="${id}"] [data-zg-panel="${id}"]:not(.zg-dock-inactive)`);
}

// The planner's tools, each opened in turn: [step name, how to open it, the panel it shows].
const plannerTools = [
  [
    'red-line editor',
    (page) => page.click('.zg-edit-tool[data-tool="drawRedLine"]'),
    'parcel-editor',
    // Esc ends the drawing; the editor stays open for the next tools to stack on.
    async (page) => {
      await page.keyboard.press('Escape');
      await page.waitForSelector('.zg-draw-tools', { state: 'hidden' });
    },
  ],
  ['import', (page) => page.click('.zg-import-open'), 'import'],
  ['recovery register', (page) => page.click('.zg-register-toggle'), 'recovery-register'],
  ['pipe trace', (page) => page.click('.zg-trace-toggle'), 'trace'],
  ['parcel panel', (page) => pickSearchResult(page, '3710-050'), 'parcel'],
  ['zone contents', (page) => pickSearchResult(page, 'KQ-HG-2025-01'), 'zone-contents'],
  [
    'key projects',
    async (page) => {
      await page.click('.zg-dock-tab[data-zg-panel="projects"]');
      await page.click('.zg-projects-toggle');
    },
    'projects',
  ],
  [
    'overview',
    async (page) => {
      await page.click('.zg-dashboard-toggle');
      await page.waitForSelector('.zg-dashboard[data-state="ready"]');
    },
    'dashboard',
  ],
];

async function closePopup(page) {
  if (await page.locator('.leaflet-popup').count()) {
    await page.keyboard.press('Escape');
    await page.waitForSelector('.leaflet-popup', { state: 'detached' });
  }
}

describe('the docked layout', () => {
  for (const [size, viewport] of Object.entries(viewports)) {
    it(`keeps every planner tool clear of the others and of the map controls at ${size} size`, async (t) => {
      const { page, errors } = await signedIn(t, 'planner', { viewport });
      await assertNothingOverlaps(page, size, 'start');
      for (const [step, open, id, after] of plannerTools) {
        await open(page);
        await shown(page, id);
        await closePopup(page);
        await mapIdle(page);
        await assertNothingOverlaps(page, size, step);
        if (size !== 'phone') assert.ok(await page.locator('.zg-layers').isVisible(), `${step} covers the layer list`);
        await after?.(page);
      }
      // Stacked panels on one side became tabs, one per open panel.
      const tabs = await page.locator('.zg-dock-tab').allTextContents();
      assert.ok(tabs.includes('红线编辑') && tabs.includes('地块导入与导出'), `tabs: ${tabs}`);
      await screenshot(page, `layout-planner-${size}-zh`);
      await page.click('.zg-lang-button:has-text("English")');
      await page.waitForSelector('.zg-dock-tab:has-text("Red line editor")');
      await assertNothingOverlaps(page, size, 'in English');
      await screenshot(page, `layout-planner-${size}-en`);
      assert.deepEqual(errors, []);
    });
  }

  it('closes the panel opened last with Esc, then the one before it', async (t) => {
    const { page, errors } = await signedIn(t, 'planner');
    await page.click('.zg-register-toggle');
    await shown(page, 'recovery-register');
    await page.click('.zg-import-open');
    await shown(page, 'import');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.zg-import', { state: 'hidden' });
    await shown(page, 'recovery-register');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.zg-recovery-register', { state: 'hidden' });
    assert.equal(await page.getAttribute('.zg-dock-left', 'hidden'), '');
    assert.deepEqual(errors, []);
  });

  it('brings a panel back from its tab', async (t) => {
    const { page } = await signedIn(t, 'planner');
    await page.click('.zg-register-toggle');
    await page.click('.zg-import-open');
    await shown(page, 'import');
    await page.click('.zg-dock-tab[data-zg-panel="recovery-register"]');
    await shown(page, 'recovery-register');
    assert.equal(await page.locator('.zg-import').isVisible(), false);
  });

  for (const [size, viewport] of Object.entries(viewports)) {
    it(`fits the dispatch board beside the map at ${size} size`, async (t) => {
      const { page, errors } = await signedIn(t, 'dispatcher', { viewport });
      await shown(page, 'dispatch');
      await assertNothingOverlaps(page, size, 'dispatch board');
      await page.click('.zg-trace-toggle');
      await shown(page, 'trace');
      await assertNothingOverlaps(page, size, 'dispatch board and pipe trace');
      await screenshot(page, `layout-dispatcher-${size}-zh`);
      assert.deepEqual(errors, []);
    });
  }

  it('gives a crew member on a phone their orders first, under the map', async (t) => {
    const { page, errors } = await signedIn(t, 'crew', { viewport: viewports.phone });
    await shown(page, 'crew');
    const boxes = await assertNothingOverlaps(page, 'phone', 'crew view');
    const map = await page.locator('.zg-map').boundingBox();
    const sheet = boxes.find((b) => b.name === 'crew');
    assert.ok(sheet.y >= map.y + map.height - 0.5, 'the crew sheet sits under the map');
    await screenshot(page, 'layout-crew-phone-zh');
    assert.deepEqual(errors, []);
  });
});
