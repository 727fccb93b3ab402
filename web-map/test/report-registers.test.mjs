// The registers of the half-year report as tables beside the map, with their Excel and CSV
// downloads; what a surveyor typed stays text.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, ground, createFeature, screenshot } from './support.mjs';

const SLOT = 84;

// Records a self-built house as the safety office and deletes it when the test ends.
function createHouse(t, code, address) {
  const { center } = ground(SLOT);
  return createFeature(
    t,
    'safety',
    '/api/self-built-houses',
    { type: 'Point', coordinates: [center.lon, center.lat] },
    { code, address, floors: 3, operating: true, hazard: true, surveyed_on: '2026-04-20' },
  );
}

describe('report registers beside the map', () => {
  it('shows the self-built house survey as a table with its Excel download', async (t) => {
    const code = `WEB-ZJF-${Date.now()}`;
    await createHouse(t, code, '东村<b>8</b>号');
    const { page, errors } = await signedIn(t, 'viewer');
    await page.locator('.zg-registers-toggle').click();
    const panel = page.locator('.zg-report-registers');
    await page.locator('.zg-report-registers[data-zg-register="buildings"][data-zg-rows]').waitFor();
    await panel.locator('select[name="register"]').selectOption('self_built_houses');
    await page.locator('.zg-report-registers[data-zg-register="self_built_houses"][data-zg-rows]').waitFor();
    const row = panel.locator('tbody tr', { hasText: code });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    assert.equal(cells[1], '东村<b>8</b>号', 'the address stays text');
    assert.equal(cells[3], '是');
    assert.equal(cells[5], '未鉴定');
    assert.equal(await row.locator('b').count(), 0);

    const link = panel.locator('.zg-xlsx-link[data-table="self-built-houses"]');
    assert.match(await link.getAttribute('href'), /^\/api\/tables\/self-built-houses\.xlsx\?lang=zh$/);
    const file = await page.evaluate(
      async (href) => {
        const response = await fetch(href);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return { status: response.status, head: String.fromCharCode(...bytes.slice(0, 2)) };
      },
      await link.getAttribute('href'),
    );
    assert.deepEqual(file, { status: 200, head: 'PK' });
    assert.match(
      await panel.locator('.zg-csv-link').getAttribute('href'),
      /^\/api\/tables\/self-built-houses\.csv\?lang=zh$/,
    );
    await row.click();
    await screenshot(page, 'report-registers-houses');
    assert.deepEqual(errors, []);
  });
});
