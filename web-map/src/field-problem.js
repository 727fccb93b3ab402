// Marks the field a refused request named, so the person sees what to fix while what they typed
// stays in place. The server names it as `property` (a body field) or `parameter` (the problem
// details of ApiProblem); a form names its inputs the same way.

const INVALID = 'zg-field-invalid';

// Clears earlier marks in `form` and marks the input the problem names; returns it, or null.
export function markRefusedField(form, problem) {
  for (const marked of form.querySelectorAll(`.${INVALID}`)) {
    marked.classList.remove(INVALID);
    marked.removeAttribute('aria-invalid');
  }
  const name = problem?.property ?? problem?.parameter;
  if (!name) return null;
  const input = form.querySelector(`[name="${CSS.escape(name)}"]`);
  if (!input) return null;
  input.classList.add(INVALID);
  input.setAttribute('aria-invalid', 'true');
  return input;
}
