// The pipe trace tool as the dispatcher uses it: click a pipe with the tool on, see the traced
// network drawn and the enterprises affected listed; then trace against the flow.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, screenshot, apiAs } from './support.mjs';

// An enterprise's dedicated pipe (一企一管) of the demo zone.
const PIPE_CODE = 'P-ZG-001';
const asDispatcher = apiAs('dispatcher');
const read = async (path) => (await asDispatcher(path)).json();

// Signs the dispatcher in on a map centred on the middle of the pipe's first segment, turns the
// trace tool on and clicks the pipe there.
async function tracePipe(t) {
  const pipeId = (await read(`/api/search?q=${PIPE_CODE}`)).find(
    (hit) => hit.layer === 'pipes' && hit.label === PIPE_CODE,
  ).id;
  const [[lon1, lat1], [lon2, lat2]] = (await read(`/api/assets/pipes/${pipeId}`)).geometry.coordinates;
  const session = await signedIn(t, 'dispatcher', {
    view: { lon: (lon1 + lon2) / 2, lat: (lat1 + lat2) / 2, zoom: 18 },
  });
  const { page } = session;
  await page.click('.zg-trace-toggle');
  assert.equal(await page.getAttribute('.zg-trace-toggle', 'aria-pressed'), 'true');
  const box = await page.locator('.zg-map').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForSelector('.zg-trace[data-state="traced"]');
  return { ...session, pipeId };
}

describe('the pipe trace tool', () => {
  it('traces the clicked pipe down the flow and lists who is affected', async (t) => {
    const { page, pipeId, errors } = await tracePipe(t);
    const expected = await read(`/api/pipes/${pipeId}/trace?direction=down`);
    assert.equal(await page.locator('path.zg-trace-pipe').count(), expected.pipeCount);
    assert.equal(await page.locator('path.zg-trace-well').count(), expected.wellCount);
    assert.equal(await page.locator('path.zg-trace-start').count(), 1);
    const names = await page.locator('.zg-trace-enterprise-name').allTextContents();
    assert.deepEqual(
      names,
      expected.enterprises.map((e) => e.name),
    );
    assert.ok(names.length >= 1, "the pipe's own enterprise is affected");
    assert.match(await page.locator('.zg-trace-summary').textContent(), new RegExp(`管道 ${expected.pipeCount} 段`));
    await screenshot(page, 'pipe-trace-down');
    assert.deepEqual(errors, []);
  });

  it('traces against the flow when the direction is switched', async (t) => {
    const { page, pipeId, errors } = await tracePipe(t);
    const expected = await read(`/api/pipes/${pipeId}/trace?direction=up`);
    await page.check('input[name="zg-trace-direction"][value="up"]');
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('path.zg-trace-pipe').length === n &&
        document.querySelector('.zg-trace').dataset.state === 'traced',
      expected.pipeCount,
    );
    assert.match(await page.locator('.zg-trace-summary').textContent(), new RegExp(`管道 ${expected.pipeCount} 段`));
    await screenshot(page, 'pipe-trace-up');
    assert.deepEqual(errors, []);
  });

  it('clears the trace and leaves the map clean, without script errors', async (t) => {
    const { page, errors } = await tracePipe(t);
    await page.click('.zg-trace-clear');
    assert.equal(await page.locator('path.zg-trace-pipe').count(), 0);
    await page.click('.zg-trace-toggle');
    assert.equal(await page.getAttribute('.zg-trace-toggle', 'aria-pressed'), 'false');
    assert.equal(await page.locator('.zg-map.zg-trace-active').count(), 0);
    assert.deepEqual(errors, []);
  });
});
