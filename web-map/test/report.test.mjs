// The printable half-year report: the service's figures in both languages, and a figure clicked
// shows the rows behind it in a table and highlighted on the map.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { baseUrl, signedIn, waitForState, apiAs, screenshot } from './support.mjs';

const H1 = 'from=2026-01-01&to=2026-06-30';
const read = async (path) => (await apiAs('viewer')(path)).json();

async function openReport(t, options) {
  const session = await signedIn(t, 'viewer', options);
  await session.page.goto(`${baseUrl}/report.html?${H1}`);
  await waitForState(session.page, 'ready');
  return session;
}

describe('the half-year report page', () => {
  it('shows every section with the figures the service computed, in Chinese by default', async (t) => {
    const { page, errors } = await openReport(t);
    const report = await read(`/api/reports/half-year?${H1}`);
    assert.equal(await page.locator('h1').textContent(), '经济开发区上半年工作报告');
    const titles = await page.locator('.zg-report-section h2').allTextContents();
    assert.deepEqual(
      titles,
      report.sections.map((s, i) => `${i + 1}. ${s.title}`),
    );
    assert.ok(titles[0].includes('保障项目用地'));
    const houses = report.sections.find((s) => s.key === 'houses').figures.find((f) => f.key === 'houses.surveyed');
    assert.equal(
      await page.locator('button[data-figure="houses.surveyed"]').textContent(),
      `${houses.value} ${houses.unit}`,
    );
    assert.ok(await page.locator('.zg-report-section[data-section="land"] .zg-report-chart svg').count());
    await screenshot(page, 'report-zh');
    assert.deepEqual(errors, []);
  });

  it('shows the rows of a clicked figure in a table and on the map', async (t) => {
    const { page } = await openReport(t);
    await page.click('button[data-figure="land.recovered.count"]');
    const panel = page.locator('.zg-report-rows[data-zg-rows="loaded"][data-zg-figure="land.recovered.count"]');
    await panel.waitFor();
    const report = await read(`/api/reports/half-year?${H1}&sections=land`);
    const recovered = report.sections[0].figures.find((f) => f.key === 'land.recovered.count');
    assert.equal(Number(await panel.getAttribute('data-zg-count')), Number(recovered.value));
    assert.equal(await panel.locator('tbody tr').count(), Number(recovered.value));
    assert.match(await panel.locator('tbody').textContent(), /尼柔丝/);
    const shapes = panel.locator('.zg-report-rows-map path.leaflet-interactive');
    assert.equal(await shapes.count(), Number(recovered.value));
    // Highlighted where the reader can see them: every shape inside the map's frame.
    const frame = await panel.locator('.zg-report-rows-map').boundingBox();
    for (const box of await shapes.evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON()))) {
      assert.ok(
        box.width > 0 && box.x >= frame.x - 1 && box.x + box.width <= frame.x + frame.width + 1,
        JSON.stringify(box),
      );
    }
  });

  it('switches to English, figures and sentences included', async (t) => {
    const { page } = await openReport(t);
    await page.click('.zg-lang-button[data-lang="en"]');
    await page.locator('h2', { hasText: 'Land for projects' }).waitFor();
    await waitForState(page, 'ready');
    assert.equal(await page.locator('h1').textContent(), 'Economic development zone half-year report');
    assert.match(
      await page.locator('.zg-report-section[data-section="houses"] .zg-report-text').textContent(),
      /houses/,
    );
    await page.click('button[data-figure="houses.hazardous"]');
    await page.locator('.zg-report-rows[data-zg-rows="loaded"][data-zg-figure="houses.hazardous"]').waitFor();
    assert.match(await page.locator('.zg-report-rows-title').textContent(), /^Houses with hazards: \d+/);
    await screenshot(page, 'report-en');
  });
});
