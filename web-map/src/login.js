// Login page, shown when /api/me answers 401. Posts the form to /api/login as
// application/x-www-form-urlencoded; the server's own message (problem detail) is shown as text.
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { readCookie } from './api.js';
import { mountLanguageSwitch } from './language-switch.js';

// deps: { api, onLogin(user) }; container is the page element to render into.
export function mountLogin(container, { api, onLogin }) {
  const username = el('input', { name: 'username', autocomplete: 'username', required: true, className: 'zg-input' });
  const password = el('input', {
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    className: 'zg-input',
  });
  const message = el('p', { className: 'zg-login-error', role: 'alert' });
  const submit = el('button', { type: 'submit', className: 'zg-button zg-login-submit' });
  const heading = el('h1', { className: 'zg-login-title' });
  const subtitle = el('p', { className: 'zg-login-subtitle' });
  const userLabel = el('span');
  const passwordLabel = el('span');
  const form = el('form', { className: 'zg-login-form', novalidate: true }, [
    heading,
    subtitle,
    el('label', { className: 'zg-field' }, [userLabel, username]),
    el('label', { className: 'zg-field' }, [passwordLabel, password]),
    submit,
    message,
  ]);
  const tools = el('div', { className: 'zg-login-tools' });
  const page = el('div', { className: 'zg-login' }, [tools, form]);
  const unmountSwitch = mountLanguageSwitch(tools);

  function render() {
    document.title = t('app.title');
    heading.textContent = t('app.title');
    subtitle.textContent = t('login.subtitle');
    userLabel.textContent = t('login.username');
    passwordLabel.textContent = t('login.password');
    submit.textContent = t('login.submit');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!username.value || !password.value) {
      message.textContent = t('login.missing');
      return;
    }
    submit.disabled = true;
    message.textContent = '';
    try {
      // The XSRF-TOKEN cookie comes with any response; make sure we have one to echo back.
      if (!readCookie('XSRF-TOKEN')) await api.get('/api/config');
      const user = await api.postForm('/api/login', { username: username.value, password: password.value });
      onLogin(user);
    } catch (error) {
      message.textContent =
        error.status === 401 ? error.message || t('login.failed') : t('login.unavailable', { detail: error.message });
      submit.disabled = false;
      password.select();
    }
  });

  render();
  fill(container, page);
  username.focus();
  const offLanguage = onLanguageChange(render);
  return function unmount() {
    offLanguage();
    unmountSwitch();
    page.remove();
  };
}
