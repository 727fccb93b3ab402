// The interface follows the role: only writers get edit tools; everyone can read the map.
// Also the login page itself: a wrong password shows the server's message, logout returns.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launch, signedIn, baseUrl, waitForState } from './support.mjs';

describe('roles and sign-in', () => {
  it('gives a viewer the map but no edit tools', async (t) => {
    const { page } = await signedIn(t, 'viewer');
    assert.equal(await page.locator('.zg-edit-tools').count(), 0);
    assert.equal(await page.locator('.zg-edit-tool').count(), 0);
    assert.ok((await page.locator('.zg-layer-row[data-state="loaded"]').count()) > 0);
    assert.match(await page.locator('.zg-user-roles').textContent(), /查看/);
  });

  it('gives a planner the land and asset tools, not the work order ones', async (t) => {
    const { page } = await signedIn(t, 'planner');
    assert.equal(await page.locator('.zg-edit-tools').count(), 1);
    const areas = await page
      .locator('.zg-edit-tool')
      .evaluateAll((buttons) => [...new Set(buttons.map((b) => b.dataset.area))]);
    assert.deepEqual(areas, ['land', 'assets']);
  });

  it('gives a dispatcher only the work order tools, and every tool does something', async (t) => {
    const { page } = await signedIn(t, 'dispatcher');
    const areas = await page
      .locator('.zg-edit-tool')
      .evaluateAll((buttons) => [...new Set(buttons.map((b) => b.dataset.area))]);
    assert.deepEqual(areas, ['workOrders']);
    assert.equal(await page.locator('.zg-edit-tool[disabled]').count(), 0);
    await page.locator('.zg-edit-tool[data-tool="newWorkOrder"]').click();
    await page.locator('.zg-wo-hint').waitFor();
  });

  it('shows the server message for a wrong password and stays on the login page', async (t) => {
    const { browser, page } = await launch();
    t.after(() => browser.close());
    await page.goto(`${baseUrl}/`);
    await waitForState(page, 'login');
    await page.fill('input[name="username"]', 'planner');
    await page.fill('input[name="password"]', 'wrong');
    await page.click('.zg-login-submit');
    const message = page.locator('.zg-login-error');
    await page.waitForFunction(() => document.querySelector('.zg-login-error').textContent.trim() !== '');
    assert.ok((await message.textContent()).trim().length > 0);
    assert.equal(await page.getAttribute('body', 'data-zg-state'), 'login');
  });

  it('shows the user and roles in the menu and logs out to the login page', async (t) => {
    const { page } = await signedIn(t, 'admin');
    await page.click('.zg-user-name');
    assert.equal(await page.locator('.zg-user-username').textContent(), 'admin');
    assert.match(await page.locator('.zg-user-roles').textContent(), /管理员/);
    await page.click('.zg-logout');
    await waitForState(page, 'login');
    const status = await page.evaluate(
      async () => (await fetch('/api/me', { headers: { 'X-Requested-With': 'XMLHttpRequest' } })).status,
    );
    assert.equal(status, 401);
  });

  it('returns to the login page when the session expires', async (t) => {
    const { page, context } = await signedIn(t, 'viewer');
    await context.clearCookies();
    await page.fill('.zg-search-input', 'a');
    await waitForState(page, 'login');
  });
});
