// The signed-in user: display name, account name and roles, and the logout button.
// Names come from the server and go in as text.
import { el, fill } from './dom.js';
import { t, has, mountTranslated } from './i18n.js';

function roleName(role) {
  return has(`role.${role}`) ? t(`role.${role}`) : String(role);
}

// deps: { user (from /api/me), api, container, onLogout() }
export function mountUserMenu(map, { user, api, container, onLogout }) {
  const menu = el('details', { className: 'zg-user-menu zg-drop' });
  let busy = false;

  async function logout() {
    if (busy) return;
    busy = true;
    try {
      await api.post('/api/logout');
    } catch {
      // The session may already be gone (expired, server restarted): show the login page anyway.
    }
    onLogout();
  }

  function render() {
    const open = menu.open;
    fill(menu, [
      el('summary', {
        className: 'zg-user-name zg-drop-toggle',
        text: String(user.displayName || user.username || ''),
      }),
      el('div', { className: 'zg-user-panel zg-drop-panel' }, [
        el('div', { className: 'zg-user-row' }, [
          el('span', { text: t('user.account') }),
          el('span', { className: 'zg-user-username', text: String(user.username ?? '') }),
        ]),
        el('div', { className: 'zg-user-row' }, [
          el('span', { text: t('user.roles') }),
          el('span', { className: 'zg-user-roles', text: (user.roles || []).map(roleName).join(', ') }),
        ]),
        el('button', { type: 'button', className: 'zg-button zg-logout', onClick: logout }, t('user.logout')),
      ]),
    ]);
    menu.open = open;
  }

  return mountTranslated(container, menu, render);
}
