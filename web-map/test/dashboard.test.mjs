// The overview (统计看板): land by state with its area in 亩, this month's work orders with the
// overdue ones, the key projects' progress, as charts; for admins, planners and dispatchers only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, apiAs, screenshot } from './support.mjs';

describe('the overview', () => {
  for (const language of ['zh', 'en']) {
    it(`shows land by state, this month's orders and the key projects as charts (${language})`, async (t) => {
      const { page, errors } = await signedIn(t, 'planner');
      if (language === 'en') {
        await page.click('.zg-lang-button:has-text("English")');
        await page.waitForSelector('html[lang="en"]');
      }
      await page.click('.zg-dashboard-toggle');
      const panel = page.locator('.zg-dashboard[data-state="ready"]');
      await panel.waitFor();
      const held = (await (await apiAs('planner')('/api/parcels/stats')).json()).filter(
        (s) => s.status !== 'cancelled',
      );
      const count = held.reduce((sum, s) => sum + s.parcels, 0);
      const mu = held.reduce((sum, s) => sum + s.areaMu, 0).toFixed(2);
      const land = await panel.locator('[data-section="land"] .zg-dashboard-summary').textContent();
      const expected =
        language === 'en'
          ? `${count} parcels held, ${mu} mu (cancelled ones not counted)`
          : `在册地块 ${count} 宗，共 ${mu} 亩（不含已注销）`;
      assert.equal(land, expected);
      for (const key of ['land', 'orders', 'projects'])
        assert.ok((await panel.locator(`[data-section="${key}"] .zg-dashboard-chart svg path`).count()) > 0, key);
      assert.match(
        await panel.locator('[data-section="orders"] .zg-dashboard-summary').textContent(),
        language === 'en' ? /opened from .* overdue/ : /新建 \d+ 单，其中超期 \d+ 单/,
      );
      await screenshot(page, `dashboard-${language}`);
      assert.deepEqual(errors, []);
    });
  }

  it('is not offered to viewers or crews', async (t) => {
    for (const user of ['viewer', 'crew']) {
      const { page } = await signedIn(t, user);
      assert.equal(await page.locator('.zg-dashboard-toggle').count(), 0, user);
    }
  });
});
