// The database stops and starts under an open map (issue 15): the person stays logged in, one
// banner says the service is unavailable and retrying, a work order typed meanwhile is kept and
// saved once the database is back. Stops the real cluster with scripts/db.sh, so it needs the
// cluster named by ZONEGIS_DB_PORT and ZONEGIS_PGDATA (scripts/test.sh passes both).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { signedIn, mapIdle, screenshot, baseUrl } from './support.mjs';

const dbScript = fileURLToPath(new URL('../../scripts/db.sh', import.meta.url));
const clusterNamed = Boolean(process.env.ZONEGIS_DB_PORT && process.env.ZONEGIS_PGDATA);
const clusterSkip = clusterNamed
  ? false
  : 'set ZONEGIS_DB_PORT and ZONEGIS_PGDATA to let the test stop and start the cluster';

const db = (command) => promisify(execFile)(dbScript, [command], { env: process.env });

// Waits until the service says it is ready again, so the tests after this one find it serving.
async function serviceReady(limitMs = 30000) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/actuator/health/readiness`).catch(() => null);
    if (response?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`service not ready within ${limitMs} ms`);
}

describe('the map through a database outage', () => {
  it(
    'keeps the person logged in with one banner and the typed order, and saves it once the database is back',
    { skip: clusterSkip },
    async (t) => {
      const description = `停库期间填写的工单 ${Date.now()}`;
      const { page, errors } = await signedIn(t, 'dispatcher');
      await page.waitForSelector('.zg-dispatch .zg-wo-row');
      assert.equal(await page.getAttribute('body', 'data-zg-service'), 'ok');
      await page.click('.zg-wo-new');
      const box = await page.locator('.zg-map').boundingBox();
      await page.mouse.click(box.x + box.width * 0.55, box.y + box.height * 0.6);
      await page.waitForSelector('.zg-wo-form');
      if (await page.locator('.zg-wo-on-asset').count()) await page.uncheck('.zg-wo-on-asset');
      await page.fill('.zg-wo-form textarea[name="description"]', description);

      // Whatever happens below, the cluster runs again and the service is ready for the next test.
      t.after(async () => {
        await db('start');
        await serviceReady();
      });
      await db('stop');
      await page.click('.zg-wo-create');
      await page.waitForSelector('body[data-zg-service="unavailable"]');
      // The map's own reads (the board's list, tiles) wait through the outage instead of failing.
      await page.click('.leaflet-control-zoom-in');

      assert.equal(await page.locator('.zg-service-banner:visible').count(), 1);
      assert.equal((await page.textContent('.zg-service-banner')).trim(), '服务暂时不可用，正在重试…');
      assert.match(await page.textContent('.zg-wo-error'), /数据库暂时无法连接/);
      assert.equal(await page.inputValue('.zg-wo-form textarea[name="description"]'), description);
      assert.equal(await page.locator('.zg-login-form').count(), 0, 'sent back to the login page');
      assert.equal(await page.getAttribute('body', 'data-zg-state'), 'ready');
      await screenshot(page, 'outage-1-banner');

      await db('start');
      const started = Date.now();
      await page.waitForSelector('body[data-zg-service="ok"]', { timeout: 15000 });
      assert.ok(Date.now() - started < 10000, `banner gone ${Date.now() - started} ms after the database started`);
      assert.equal(await page.locator('.zg-service-banner:visible').count(), 0);
      assert.equal(await page.inputValue('.zg-wo-form textarea[name="description"]'), description);
      // The reads that waited through the outage have gone through: the map settles by itself.
      await mapIdle(page);

      await page.click('.zg-wo-create');
      await page.waitForSelector('.zg-wo-detail[data-state="new"]');
      assert.match(await page.textContent('.zg-wo-detail'), new RegExp(description));
      await screenshot(page, 'outage-2-saved-after');
      // Leave the open orders as they were for the tests after this one.
      await page.click('.zg-wo-step-cancelled');
      await page.waitForSelector('.zg-wo-detail[data-state="cancelled"]');
      assert.deepEqual(errors, []);
    },
  );
});
