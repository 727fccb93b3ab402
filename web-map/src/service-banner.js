// One banner for the whole page while the service answers 503 (its database is away), gone when
// it is back. `data-zg-service` on <body> ("ok" or "unavailable") lets tests wait for either.
import { el } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { SERVICE_EVENT, serviceState } from './api.js';

// Mounted on <body>, outside the app root, so it stays through the login page and the map.
export function mountServiceBanner(container = document.body) {
  const banner = el('div', { className: 'zg-service-banner', role: 'status' });

  function render() {
    const state = serviceState();
    document.body.dataset.zgService = state;
    banner.hidden = state === 'ok';
    banner.textContent = t('service.unavailable');
  }

  document.addEventListener(SERVICE_EVENT, render);
  const offLanguage = onLanguageChange(render);
  container.prepend(banner);
  render();
  return function unmount() {
    document.removeEventListener(SERVICE_EVENT, render);
    offLanguage();
    banner.remove();
  };
}
