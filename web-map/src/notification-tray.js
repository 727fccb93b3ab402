// The bell in the header: what other people changed that concerns this user, as live events
// bring it (live-events.js), newest first, in the person's words and the chosen language. The
// count shows how many arrived since the tray was last opened; a click on one brings its parcel
// or order into view. Codes and names from the service go in as text (dom.js).
import { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange, formatDateTime } from './i18n.js';
import { label } from './work-order-parts.js';
import './notification-tray.css';

const defaults = {
  // The notifications kept; older ones drop off the end.
  keep: 30,
};

// The text of one notification, rendered again on a language switch.
function describe(event) {
  const d = event.data;
  const params = { who: event.actor, code: d.code, version: d.version };
  if (event.type === 'parcel.changed') {
    return t('tray.parcelChanged', { ...params, status: t(`value.parcels.status.${d.status}`) });
  }
  if (event.type === 'parcels.imported') {
    const more = d.count > d.codes.length ? t('tray.parcelsImportedMore') : '';
    return t('tray.parcelsImported', { who: event.actor, count: d.count, codes: d.codes.join(', '), more });
  }
  if (event.type === 'work_order.overdue') return t('tray.orderOverdue', params);
  const known = ['dispatched', 'completed', 'rejected'].includes(d.state);
  return t(known ? `tray.order.${d.state}` : 'tray.orderChanged', { ...params, state: label.state(d.state) });
}

// A bell drawn as SVG: the page ships no icon font, and an emoji bell needs a font phones and
// headless browsers may lack.
function bellIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', 'zg-tray-icon');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute(
    'd',
    'M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1z',
  );
  svg.append(path);
  return svg;
}

// A GeoJSON geometry's [west, south, east, north].
function bboxOf(geometry) {
  const points = JSON.stringify(geometry.coordinates)
    .match(/-?\d+(\.\d+)?(e-?\d+)?,-?\d+(\.\d+)?(e-?\d+)?/gi)
    .map((pair) => pair.split(',').map(Number));
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

// deps: { api, container (the header's tools) }
export function mountNotificationTray(map, { api, container }) {
  const tray = el('details', { className: 'zg-tray zg-drop', dataset: { unread: '0' } });
  isolateFromMap(tray);
  const notices = [];
  let unread = 0;

  async function focus(event) {
    tray.open = false;
    if (event.type.startsWith('work_order.')) {
      const { lon, lat, code } = event.data;
      map.fire('zg:feature-focus', { layer: 'work_orders', id: event.subjectId, lon, lat, label: code });
      return;
    }
    if (event.type === 'parcels.imported') {
      // A whole file: bring its box into view, no single parcel to open.
      map.fire('zg:feature-focus', { bbox: event.data.bbox });
      return;
    }
    try {
      const feature = await api.get(`/api/parcels/${event.subjectId}`);
      const bbox = bboxOf(feature.geometry);
      const [lon, lat] = [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2];
      map.fire('zg:feature-focus', { layer: 'parcels', id: feature.id, bbox, lon, lat, label: event.data.code });
      map.fire('zg:feature-selected', { layer: 'parcels', feature });
    } catch (error) {
      notices.find((n) => n.event === event).problem = error.message;
      render();
    }
  }

  function item(notice) {
    const { event } = notice;
    return el('li', { className: 'zg-tray-item', dataset: { eventType: event.type, subjectId: event.subjectId } }, [
      el('button', { type: 'button', className: 'zg-tray-open', onClick: () => focus(event) }, [
        el('span', { className: 'zg-tray-text', text: describe(event) }),
        el('span', { className: 'zg-tray-time', text: formatDateTime(event.at) }),
      ]),
      notice.problem ? el('span', { className: 'zg-tray-problem', role: 'alert', text: notice.problem }) : null,
    ]);
  }

  function render() {
    const open = tray.open;
    tray.dataset.unread = String(unread);
    fill(tray, [
      el(
        'summary',
        { className: 'zg-tray-bell zg-drop-toggle', title: t('tray.title'), 'aria-label': t('tray.title') },
        [
          bellIcon(),
          unread ? el('span', { className: 'zg-tray-count', text: unread > 99 ? '99+' : String(unread) }) : null,
        ],
      ),
      el('div', { className: 'zg-tray-panel zg-drop-panel' }, [
        el('h2', { className: 'zg-tray-title', text: t('tray.title') }),
        notices.length
          ? el('ul', { className: 'zg-tray-list' }, notices.map(item))
          : el('p', { className: 'zg-tray-none', text: t('tray.none') }),
      ]),
    ]);
    tray.open = open;
  }

  const onLive = ({ event }) => {
    notices.unshift({ event, problem: null });
    notices.length = Math.min(notices.length, defaults.keep);
    if (!tray.open) unread += 1;
    render();
  };
  // Opening the tray reads what it holds.
  const onToggle = () => {
    if (tray.open && unread) {
      unread = 0;
      render();
    }
  };
  tray.addEventListener('toggle', onToggle);
  map.on('zg:live', onLive);
  const offLanguage = onLanguageChange(render);
  render();
  container.append(tray);
  return function unmount() {
    offLanguage();
    map.off('zg:live', onLive);
    tray.remove();
  };
}
