// The key projects panel as a viewer sees it: one investment bar per project in progress order,
// lagging projects flagged in the list and ringed on the map, hostile names kept as text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, screenshot, apiAs, mapIdle, createFeature } from './support.mjs';

const HOSTILE = `TEST-<img src=x onerror="window.__zgXss=1">-${Date.now()}`;
const read = async (path) => (await apiAs('viewer')(path)).json();

// The viewer's map with the projects panel open and loaded.
async function openPanel(t) {
  const session = await signedIn(t, 'viewer');
  await session.page.click('.zg-projects-toggle');
  await session.page.waitForSelector('.zg-projects[data-state="loaded"] .zg-project-row');
  return session;
}

describe('the key projects panel', () => {
  it('lists every project once, furthest behind first', async (t) => {
    const { page } = await openPanel(t);
    const expected = (await read('/api/projects?sort=progress')).features;
    const rows = page.locator('.zg-project-row');
    assert.equal(await rows.count(), expected.length);
    const shown = await rows.evaluateAll((nodes) =>
      nodes.map((n) => [Number(n.dataset.projectId), Number(n.dataset.progress)]),
    );
    assert.deepEqual(
      shown.map(([id]) => id),
      expected.map((f) => f.id),
    );
    const progress = shown.map(([, p]) => p);
    assert.deepEqual(
      progress,
      [...progress].sort((a, b) => a - b),
    );
  });

  it('fills each bar to completed over total investment', async (t) => {
    const { page } = await openPanel(t);
    const widths = await page.locator('.zg-project-row').evaluateAll((nodes) =>
      nodes.map((n) => {
        const bar = n.querySelector('.zg-project-bar').getBoundingClientRect().width;
        const done = n.querySelector('.zg-project-bar-done').getBoundingClientRect().width;
        return [Number(n.dataset.progress), done / bar];
      }),
    );
    for (const [progress, share] of widths)
      assert.ok(Math.abs(Math.min(1, progress) - share) < 0.01, `${progress} drawn as ${share}`);
  });

  it('flags the lagging projects in the list and rings them on the map', async (t) => {
    const { page } = await openPanel(t);
    const summary = await read('/api/projects/summary');
    assert.ok(summary.lagging.length > 0, 'the demo zone has lagging projects');
    assert.equal(await page.locator('.zg-project-row.zg-project-lagging').count(), summary.lagging.length);
    const laggingNames = await page.locator('.zg-project-lagging .zg-project-name').allTextContents();
    assert.deepEqual([...laggingNames].sort(), [...summary.lagging].sort());
    assert.equal(await page.locator('path.zg-project-ring').count(), summary.lagging.length);
    assert.equal(await page.locator('.zg-project-label').count(), (await read('/api/projects')).features.length);
    assert.match(
      await page.locator('.zg-projects-summary').textContent(),
      new RegExp(`滞后 ${summary.lagging.length} 个`),
    );
    await screenshot(page, 'projects-panel-zh');
  });

  it('judges lagging on the day the planner picks, as the half-year report does', async (t) => {
    const { page } = await openPanel(t);
    const halfYear = await read('/api/projects/summary?asOf=2026-06-30');
    await page.fill('.zg-projects-as-of input', '2026-06-30');
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('.zg-project-row.zg-project-lagging').length === n &&
        document.querySelector('.zg-projects-as-of input').value === '2026-06-30',
      halfYear.lagging.length,
    );
    const laggingNames = await page.locator('.zg-project-lagging .zg-project-name').allTextContents();
    assert.deepEqual([...laggingNames].sort(), [...halfYear.lagging].sort());
    await screenshot(page, 'projects-panel-half-year');
  });

  it('keeps a hostile project name as text', async (t) => {
    await createFeature(
      t,
      'planner',
      '/api/projects',
      { type: 'Point', coordinates: [122.0605, 37.1795] },
      {
        name: HOSTILE,
        level: 'district',
        category: '测试',
        total_investment_wan: 1000,
        completed_investment_wan: 0,
        annual_target_wan: 800,
        start_date: '2025-01-01',
        state: 'under_construction',
      },
    );
    const { page, errors } = await openPanel(t);
    const names = await page.locator('.zg-project-name').allTextContents();
    assert.ok(names.includes(HOSTILE));
    assert.equal(await page.evaluate(() => window.__zgXss), undefined);
    assert.equal(await page.locator('.zg-projects img').count(), 0);
    await mapIdle(page);
    assert.equal(await page.evaluate(() => window.__zgXss), undefined);
    assert.deepEqual(errors, []);
  });

  it('opens the project on the map when its name is picked', async (t) => {
    const { page } = await openPanel(t);
    const first = page.locator('.zg-project-row').first();
    const name = await first.locator('.zg-project-name').textContent();
    await first.locator('.zg-project-name').click();
    await page.waitForSelector('.zg-popup-title');
    assert.equal(await page.locator('.zg-popup-title').textContent(), name);
  });

  it('speaks English after the switch and throws no errors', async (t) => {
    const { page, errors } = await openPanel(t);
    await page.keyboard.press('Escape');
    await page.click('.zg-lang-button[data-lang="en"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('.zg-projects-toggle').textContent(), /Key projects/);
    assert.match(await page.locator('.zg-projects-summary').textContent(), /lagging/);
    await screenshot(page, 'projects-panel-en');
    assert.deepEqual(errors, []);
  });
});
