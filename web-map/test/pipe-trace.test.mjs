// The pipe trace tool as the dispatcher uses it: find a pipe, click it with the tool on, see the
// traced network drawn and the enterprises affected listed; then trace against the flow.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, login, screenshot, serviceSkip } from './support.mjs';

// An enterprise's dedicated pipe (一企一管) of the demo zone.
const PIPE_CODE = 'P-ZG-001';

describe('the pipe trace tool', { skip: await serviceSkip() }, () => {
  let browser;
  let page;
  let errors;
  let pipeId;
  const api = (path) => page.evaluate(async (p) => (await fetch(p, { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).json(), path);

  before(async () => {
    ({ browser, page, errors } = await launch());
    await login(page, 'dispatcher');
    pipeId = (await api(`/api/search?q=${PIPE_CODE}`)).find((hit) => hit.layer === 'pipes' && hit.label === PIPE_CODE).id;
  });
  after(() => browser?.close());

  // Brings the pipe to the middle of the map through the search box, then clicks it there.
  async function clickPipe() {
    await page.fill('.zg-search-input', PIPE_CODE);
    await page.locator('.zg-search-result', { hasText: PIPE_CODE }).first().click();
    await page.waitForSelector('.zg-popup-title');
    await page.click('.leaflet-popup-close-button');
    // Opening the popup may have panned the map; the pipe is back in the middle once it settles.
    await page.waitForTimeout(800);
    const box = await page.locator('.zg-map').boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  it('traces the clicked pipe down the flow and lists who is affected', async () => {
    const expected = await api(`/api/pipes/${pipeId}/trace?direction=down`);
    await page.click('.zg-trace-toggle');
    assert.equal(await page.getAttribute('.zg-trace-toggle', 'aria-pressed'), 'true');
    await clickPipe();
    await page.waitForSelector('.zg-trace[data-state="traced"]');
    assert.equal(await page.locator('path.zg-trace-pipe').count(), expected.pipeCount);
    assert.equal(await page.locator('path.zg-trace-well').count(), expected.wellCount);
    assert.equal(await page.locator('path.zg-trace-start').count(), 1);
    const names = await page.locator('.zg-trace-enterprise-name').allTextContents();
    assert.deepEqual(names, expected.enterprises.map((e) => e.name));
    assert.ok(names.length >= 1, 'the pipe\'s own enterprise is affected');
    assert.match(await page.locator('.zg-trace-summary').textContent(), new RegExp(`管道 ${expected.pipeCount} 段`));
    await screenshot(page, 'pipe-trace-down');
  });

  it('traces against the flow when the direction is switched', async () => {
    const expected = await api(`/api/pipes/${pipeId}/trace?direction=up`);
    await page.check('input[name="zg-trace-direction"][value="up"]');
    await page.waitForFunction((n) => document.querySelectorAll('path.zg-trace-pipe').length === n
      && document.querySelector('.zg-trace').dataset.state === 'traced', expected.pipeCount);
    assert.match(await page.locator('.zg-trace-summary').textContent(), new RegExp(`管道 ${expected.pipeCount} 段`));
    await screenshot(page, 'pipe-trace-up');
  });

  it('clears the trace and leaves the map clean, without script errors', async () => {
    await page.click('.zg-trace-clear');
    assert.equal(await page.locator('path.zg-trace-pipe').count(), 0);
    await page.click('.zg-trace-toggle');
    assert.equal(await page.getAttribute('.zg-trace-toggle', 'aria-pressed'), 'false');
    assert.equal(await page.locator('.zg-map.zg-trace-active').count(), 0);
    assert.deepEqual(errors, []);
  });

});
