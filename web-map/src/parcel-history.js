// A parcel's versions from /api/parcels/{id}/history on a slider: moving it draws the red line
// as it was (dashed) and says from when to when that version held. Below it, each lifecycle step
// from /api/parcels/{id}/events, newest first: when, who, from which state to which, and the note.
import L from './leaflet.js';
import { el, fill } from './dom.js';
import { t, formatDate, formatDateTime, onLanguageChange } from './i18n.js';

const outline = {
  color: '#ff7f00',
  weight: 3,
  dashArray: '6 4',
  fill: false,
  className: 'zg-history-outline',
  pmIgnore: true,
};

function date(value) {
  return value ? formatDate(value) : t('history.now');
}

const status = (code) => t(`value.parcels.status.${code}`);

function eventList(events) {
  if (!events.length) return el('p', { className: 'zg-history-none', text: t('history.noSteps') });
  return el(
    'ol',
    { className: 'zg-history-events' },
    events
      .slice()
      .reverse()
      .map((e) =>
        el('li', { className: 'zg-history-event', dataset: { toStatus: e.toStatus, version: e.version } }, [
          el('div', { className: 'zg-history-event-head' }, [
            el('span', { className: 'zg-history-event-step', text: `${status(e.fromStatus)} → ${status(e.toStatus)}` }),
            el('span', {
              className: 'zg-history-event-meta',
              text: t('history.stepMeta', {
                at: formatDateTime(e.at),
                by: e.byUser,
                version: e.version,
              }),
            }),
          ]),
          e.note ? el('div', { className: 'zg-history-event-note', text: e.note }) : null,
        ]),
      ),
  );
}

// Returns { node, destroy() }; node fills itself once the history arrives, and again in the new
// language on a switch, keeping the version the slider is on.
export function historySlider(map, { api, id }) {
  const node = el('div', { className: 'zg-history' });
  const drawn = L.layerGroup([], { pmIgnore: true }).addTo(map);
  let versions = [];
  let events = [];
  let shown = 0;

  function show(index) {
    shown = index;
    const version = versions[index];
    drawn.clearLayers();
    L.geoJSON(version.geometry, { style: () => outline }).addTo(drawn);
    const p = version.properties;
    node.querySelector('.zg-history-label').textContent = t('history.version', {
      version: p.version,
      from: date(p.valid_from),
      to: date(p.valid_to),
      m2: Number(p.area_m2).toFixed(2),
    });
  }

  function draw() {
    if (!versions.length) return;
    const slider = el('input', {
      type: 'range',
      className: 'zg-history-slider',
      min: 0,
      max: versions.length - 1,
      value: shown,
      step: 1,
      'aria-label': t('history.title'),
      onInput: (e) => show(Number(e.target.value)),
    });
    fill(node, [
      el('h3', { text: t('history.title') }),
      slider,
      el('p', { className: 'zg-history-label' }),
      el('h3', { text: t('history.steps') }),
      eventList(events),
    ]);
    show(shown);
  }

  Promise.all([api.get(`/api/parcels/${id}/history`), api.get(`/api/parcels/${id}/events`)])
    .then(([collection, steps]) => {
      // Oldest on the left, the current version on the right.
      versions = collection.features.slice().reverse();
      events = steps;
      shown = versions.length - 1;
      draw();
      node.dataset.state = 'loaded';
    })
    .catch((error) => fill(node, el('p', { className: 'zg-parcel-problem', text: error.message })));
  const offLanguage = onLanguageChange(draw);

  return {
    node,
    destroy() {
      offLanguage();
      drawn.remove();
    },
  };
}
