// The recovery decision (闲置低效用地收回) for a parcel: former holder, land use, reason, legal
// basis, decision date and whether the certificate was cancelled. onSubmit gets the request body.
import { el, typedText } from './dom.js';
import { t } from './i18n.js';

const landUses = ['industrial', 'commercial_residential', 'commercial', 'residential', 'public', 'other'];
export const reasons = ['idle', 'low_efficiency', 'court_ruling', 'term_expired', 'other'];

export function recoveryForm({ holder, onSubmit }) {
  const field = (key, input) => el('label', {}, [el('span', { text: t(`recovery.${key}`) }), input]);
  const select = (name, values, prefix) =>
    el(
      'select',
      { name },
      values.map((v) => el('option', { value: v }, t(`${prefix}.${v}`))),
    );
  const today = new Date().toISOString().slice(0, 10);
  const form = el('form', { className: 'zg-recovery-form' }, [
    field('formerHolder', el('input', { name: 'formerHolder', value: holder ?? '' })),
    field('landUse', select('landUse', landUses, 'value.land_recoveries.land_use')),
    field('reason', select('reason', reasons, 'value.land_recoveries.reason')),
    field('legalBasis', el('input', { name: 'legalBasis' })),
    field('decisionDate', el('input', { name: 'decisionDate', type: 'date', value: today, required: true })),
    field('certificateCancelled', el('input', { name: 'certificateCancelled', type: 'checkbox' })),
    field('note', el('input', { name: 'note' })),
    el(
      'button',
      { type: 'submit', className: 'zg-button zg-button-primary', dataset: { action: 'submit-recovery' } },
      t('recovery.submit'),
    ),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name) => typedText(form.elements[name].value);
    onSubmit({
      formerHolder: value('formerHolder'),
      landUse: value('landUse'),
      reason: value('reason'),
      legalBasis: value('legalBasis'),
      decisionDate: value('decisionDate'),
      certificateCancelled: form.elements.certificateCancelled.checked,
      note: value('note'),
    });
  });
  return form;
}
