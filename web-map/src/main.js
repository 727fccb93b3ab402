// Wiring only: read the config, show the login page or the map, mount the panels.
// `data-zg-state` on <body> (login, loading, ready, unavailable) lets tests wait for a screen.
import './leaflet.js';
import './styles.css';
import { api } from './api.js';
import { t, getLanguage, onLanguageChange, setTimeZone } from './i18n.js';
import { el, fill } from './dom.js';
import { createMap } from './map.js';
import { mountLogin } from './login.js';
import { mountServiceBanner } from './service-banner.js';
import { mountLayers } from './layers.js';
import { mountSearch } from './search.js';
import { mountCoords } from './coords.js';
import { mountEditTools } from './edit-tools.js';
import { mountLanguageSwitch } from './language-switch.js';
import { mountUserMenu } from './user-menu.js';
import { mountImportDialog } from './import-dialog.js';
import { mountDispatchBoard } from './dispatch-board.js';
import { mountCrewView, worksInCrew, crewLayers } from './crew-view.js';
import { mountProjectsPanel } from './projects-panel.js';
import { mountPipeTrace } from './pipe-trace.js';
import { mountAssetEditor } from './asset-editor.js';
import { mountParcelEditor } from './parcel-editor.js';
import { mountParcelPanel } from './parcel-panel.js';
import { mountZoneContents } from './zone-contents.js';
import { mountRecoveryRegister } from './recovery-register.js';
import { mountReportRegisters } from './report-registers.js';
import { mountParcelAsOf } from './parcel-as-of.js';
import { mountParcelSplit } from './parcel-split.js';
import { mountMapPrint } from './map-print.js';
import { createDock } from './panel-dock.js';
import { mountDrawTools } from './draw-tools.js';
import { mountMeasureTool } from './measure-tool.js';
import { mountDashboard } from './dashboard.js';
import { registerCrewWorker, removeCrewWorker, forgetCrewReads } from './pwa.js';
import { mountLiveEvents } from './live-events.js';
import { mountLiveRefresh } from './live-refresh.js';
import { mountNotificationTray } from './notification-tray.js';

const root = document.getElementById('app');

function setState(state) {
  document.body.dataset.zgState = state;
}

function showUnavailable(error) {
  setState('unavailable');
  const message = el('p', { className: 'zg-unavailable-detail' });
  const retry = el('button', { type: 'button', className: 'zg-button', onClick: boot });
  const render = () => {
    document.title = t('app.title');
    message.textContent = t('app.unavailable', { detail: error.message });
    retry.textContent = t('app.retry');
  };
  render();
  const off = onLanguageChange(render);
  retry.addEventListener('click', off, { once: true });
  fill(root, el('div', { className: 'zg-unavailable' }, [message, retry]));
}

function showLogin(config) {
  setState('login');
  const unmount = mountLogin(root, {
    api,
    onLogin: (user) => {
      unmount();
      showMap(config, user);
    },
  });
}

async function showMap(config, user) {
  setState('loading');
  const title = el('h1', { className: 'zg-app-title' });
  const tools = el('div', { className: 'zg-header-tools' });
  const header = el('header', { className: 'zg-header' }, [title, tools]);
  const mapElement = el('div', { className: 'zg-map' });
  const body = el('div', { className: 'zg-body' }, mapElement);
  fill(root, [header, body]);
  const renderTitle = () => {
    document.title = t('app.title');
    title.textContent = t('app.title');
    title.title = t('app.title');
  };
  renderTitle();

  const base = createMap(mapElement, config);
  const { map } = base;
  let layers;
  try {
    layers = await api.get('/api/layers');
  } catch (error) {
    base.destroy();
    if (error.status === 401) showLogin(config);
    else showUnavailable(error);
    return;
  }
  const expired = () => {
    unmountAll();
    showLogin(config);
  };
  document.addEventListener('zg:unauthorized', expired);
  const dock = createDock(map, body);
  // A crew member sees the crew's layers and orders, not the land office's registers and tools.
  const crew = worksInCrew(user);
  // The crew's phone works offline through a service worker; the office map has none, so a
  // browser a crew member used before loads once more without it.
  if (crew) registerCrewWorker();
  else if (await removeCrewWorker()) return location.reload();
  const officeOnly = (mount) => (crew ? () => {} : mount());
  const unmounts = [
    () => dock.destroy(),
    () => document.removeEventListener('zg:unauthorized', expired),
    onLanguageChange(renderTitle),
    mountEditTools(map, { user, container: tools }),
    mountImportDialog(map, { user, config, container: tools, dock }),
    officeOnly(() => mountRecoveryRegister(map, { api, container: tools, dock })),
    officeOnly(() => mountReportRegisters(map, { api, container: tools, dock })),
    mountDashboard(map, { api, user, container: tools, dock }),
    mountMapPrint(map, { container: tools }),
    mountLanguageSwitch(tools),
    mountNotificationTray(map, { api, container: tools }),
    mountUserMenu(map, {
      user,
      api,
      container: tools,
      onLogout: () => {
        forgetCrewReads();
        unmountAll();
        showLogin(config);
      },
    }),
    mountSearch(map, { api, layers }),
    mountLayers(map, { api, layers: crew ? crewLayers(layers) : layers, base, dock }),
    mountCoords(map, { config }),
    mountDispatchBoard(map, { api, user, dock }),
    mountCrewView(map, { api, user, config, dock }),
    officeOnly(() => mountProjectsPanel(map, { api, dock })),
    mountPipeTrace(map, { api, dock }),
    mountAssetEditor(map, { api, user, dock }),
    mountParcelEditor(map, { api, user, config, dock }),
    mountParcelPanel(map, { api, user, dock }),
    mountZoneContents(map, { api, dock }),
    officeOnly(() => mountParcelAsOf(map, { api })),
    mountParcelSplit(map, { api, user, dock }),
    mountMeasureTool(map, { config, dock }),
    mountDrawTools(map, { config }),
    mountLiveRefresh(map, { api }),
    // Last, so every panel above listens before the first live event arrives.
    mountLiveEvents(map),
  ];
  let mounted = true;
  function unmountAll() {
    if (!mounted) return;
    mounted = false;
    for (const unmount of unmounts.reverse()) unmount();
    base.destroy();
  }
  map.once('zg:layers-loaded', () => setState('ready'));
}

async function boot() {
  document.documentElement.lang = getLanguage() === 'zh' ? 'zh-CN' : 'en';
  setState('loading');
  let config;
  try {
    config = await api.get('/api/config');
    setTimeZone(config.timeZone);
  } catch (error) {
    showUnavailable(error);
    return;
  }
  try {
    showMap(config, await api.get('/api/me'));
  } catch (error) {
    if (error.status === 401 || error.status === 403) showLogin(config);
    else showUnavailable(error);
  }
}

mountServiceBanner();
boot();
