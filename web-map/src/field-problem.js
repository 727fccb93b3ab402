// Marks the field a refused request named, so the person sees what to fix while what they typed
// stays in place. The server names it as `property` (a body field) or `parameter` (the problem
// details of ApiProblem); a form names its inputs the same way. Beside the field goes a short
// message in the person's words: the field's own label and what is wrong with it, since the
// server's detail names the field as the API does (decisionDate, description).
import { el } from './dom.js';
import { t } from './i18n.js';

const INVALID = 'zg-field-invalid';
const MESSAGE = 'zg-field-message';

// What is wrong, by the problem type's last segment; other types keep the server's detail.
const REASONS = {
  'invalid-date': 'field.invalidDate',
  'date-out-of-range': 'field.dateOutOfRange',
  'invalid-value': 'field.invalidValue',
  'invalid-parameter': 'field.invalidValue',
  'missing-field': 'field.missing',
  'field-too-long': 'field.tooLong',
  'text-too-long': 'field.tooLong',
};

// The label a person reads for the input: its <label>'s text, else its aria-label or placeholder.
function labelOf(input) {
  const text = input.closest('label')?.querySelector('span')?.textContent;
  return (text || input.getAttribute('aria-label') || input.getAttribute('placeholder') || input.name).trim();
}

function reasonOf(problem) {
  const key =
    REASONS[
      String(problem.type || '')
        .split('/')
        .pop()
    ];
  return key ? t(key, problem) : problem.detail || '';
}

// Clears earlier marks in `form` and marks the input the problem names; returns it, or null.
export function markRefusedField(form, problem) {
  for (const marked of form.querySelectorAll(`.${INVALID}`)) {
    marked.classList.remove(INVALID);
    marked.removeAttribute('aria-invalid');
    marked.removeAttribute('aria-describedby');
  }
  for (const message of form.querySelectorAll(`.${MESSAGE}`)) message.remove();
  const name = problem?.property ?? problem?.parameter;
  if (!name) return null;
  const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
  if (!input) return null;
  input.classList.add(INVALID);
  input.setAttribute('aria-invalid', 'true');
  // A form that says what is wrong itself (the coordinate input) passes no type or detail.
  const reason = reasonOf(problem);
  if (!reason) return input;
  const id = `zg-field-message-${name}`;
  const message = el('p', {
    className: MESSAGE,
    id,
    role: 'alert',
    dataset: { field: name },
    text: t('field.problem', { field: labelOf(input), reason }),
  });
  input.setAttribute('aria-describedby', id);
  (input.closest('label') || input).after(message);
  return input;
}
