// The recovery form (闲置低效用地收回) refusing a date: a decision date the server will not take
// (year 57440, or before 1949) gets a message beside it in the person's words (its label, what is
// wrong, no API field names), its input is marked, everything typed stays in the form and nothing
// is recovered; corrected, the same form recovers the parcel.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, screenshot, ground, rectangle, createParcel, pageCall as call, openParcel } from './support.mjs';

// Each test recovers a parcel of its own, in its own cell of this slot.
const SLOT = 71;
let cells = 0;

async function parcelToRecover(t) {
  const code = `WEB-RECOVER-${Date.now()}`;
  const { west, south } = ground(SLOT);
  const offset = (Date.now() % 25) * 0.0002 + cells++ * 0.0012;
  const parcel = await createParcel(
    t,
    { code, name: '收回测试地块', holder: '测试公司', land_use: '工业用地' },
    rectangle(west + offset, south + 0.001, west + offset + 0.001, south + 0.0018),
  );
  return { code, id: parcel.id };
}

async function openRecoveryForm(page, code) {
  const panel = await openParcel(page, code);
  await panel.locator('.zg-parcel-action[data-action="recover"]').click();
  const form = panel.locator('.zg-recovery-form');
  await form.locator('input[name="legalBasis"]').fill('《闲置土地处置办法》第十四条');
  await form.locator('input[name="note"]').fill('两年未动工');
  await form.locator('select[name="reason"]').selectOption('idle');
  return form;
}

// A date input takes a five-digit year as the person types it; fill does the same.
async function submitWithDate(form, value) {
  await form.locator('input[name="decisionDate"]').fill(value);
  await form.locator('[data-action="submit-recovery"]').click();
}

async function assertKeptAndMarked(form, date) {
  const input = form.locator('input[name="decisionDate"]');
  assert.equal(await input.getAttribute('aria-invalid'), 'true');
  assert.ok(await input.evaluate((node) => node.classList.contains('zg-field-invalid')));
  assert.equal(await input.inputValue(), date);
  assert.equal(await form.locator('input[name="legalBasis"]').inputValue(), '《闲置土地处置办法》第十四条');
  assert.equal(await form.locator('input[name="note"]').inputValue(), '两年未动工');
  assert.equal(await form.locator('select[name="reason"]').inputValue(), 'idle');
}

describe('the recovery form refusing a date', () => {
  it('names the date, marks it and keeps what was typed when the year is 57440', async (t) => {
    const parcel = await parcelToRecover(t);
    const { page, errors } = await signedIn(t, 'planner');
    const form = await openRecoveryForm(page, parcel.code);
    await submitWithDate(form, '57440-10-27');

    const message = form.locator('.zg-field-message[data-field="decisionDate"]');
    await message.waitFor();
    assert.equal(await message.textContent(), '决定日期：不是有效日期，请按 年-月-日 填写（如 2026-03-01）');
    assert.equal(await page.locator('.zg-parcel-panel .zg-parcel-problem').count(), 0, 'said once, beside the field');
    await assertKeptAndMarked(form, '57440-10-27');
    await screenshot(page, 'recovery-form-refused-date');
    assert.equal((await call(page, 'GET', `/api/parcels/${parcel.id}`)).json.properties.status, 'planned');
    assert.deepEqual(errors, []);
  });

  it('says the date lies outside the plausible range when it is before 1949', async (t) => {
    const parcel = await parcelToRecover(t);
    const { page, errors } = await signedIn(t, 'planner');
    const form = await openRecoveryForm(page, parcel.code);
    await submitWithDate(form, '1948-12-31');

    const message = form.locator('.zg-field-message[data-field="decisionDate"]');
    await message.waitFor();
    assert.match(await message.textContent(), /^决定日期：须在 1949-01-01 至 \d{4}-\d{2}-\d{2} 之间$/);
    await assertKeptAndMarked(form, '1948-12-31');
    assert.equal((await call(page, 'GET', `/api/parcels/${parcel.id}`)).json.properties.status, 'planned');
    assert.deepEqual(errors, []);
  });

  it('recovers the parcel once the date is corrected in the same form', async (t) => {
    const parcel = await parcelToRecover(t);
    const { page, errors } = await signedIn(t, 'planner');
    const form = await openRecoveryForm(page, parcel.code);
    await submitWithDate(form, '57440-10-27');
    await form.locator('.zg-field-message').waitFor();

    await submitWithDate(form, '2026-03-01');
    await page.locator('.zg-parcel-panel .zg-parcel-status[data-status="recovered"]').waitFor();
    const stored = await call(page, 'GET', `/api/parcels/${parcel.id}`);
    assert.equal(stored.json.properties.status, 'recovered');
    const register = await call(page, 'GET', '/api/land-recoveries?year=2026&reason=idle');
    const entry = register.json.features.find((f) => f.properties.parcel_code === parcel.code);
    assert.equal(entry?.properties.legal_basis, '《闲置土地处置办法》第十四条');
    assert.deepEqual(errors, []);
  });
});
