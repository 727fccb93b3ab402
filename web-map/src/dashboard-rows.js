// The rows behind a picked bar of the overview: the features are marked on the map and listed
// with a button that brings each into view (`zg:feature-focus`, as the search box does).
// `data-state` (idle, loading, ready, error) and `data-count` on the list let tests wait for it.
import L from './leaflet.js';
import { el, fill } from './dom.js';
import { t } from './i18n.js';

const defaults = {
  // Above every layer's pane (410–490) and the projects' marks, below the pipe trace.
  pane: { name: 'zg-pane-dashboard-marks', zIndex: 555 },
  highlight: {
    pane: 'zg-pane-dashboard-marks',
    color: '#ff7f00',
    weight: 3,
    fillColor: '#ff7f00',
    fillOpacity: 0.35,
    className: 'zg-dashboard-highlight',
    pmIgnore: true,
    // The mark lies over the feature but takes no pointer, so its popup still opens on a click.
    interactive: false,
  },
};

function pointOf(feature) {
  const center = L.geoJSON(feature).getBounds().getCenter();
  return { lon: center.lng, lat: center.lat };
}

export function createDashboardRows(map) {
  if (!map.getPane(defaults.pane.name)) map.createPane(defaults.pane.name).style.zIndex = String(defaults.pane.zIndex);
  const box = el('section', { className: 'zg-dashboard-rows', hidden: true, dataset: { state: 'idle' } });
  const highlight = L.layerGroup([], { pmIgnore: true }).addTo(map);
  let picked = 0;

  function clear() {
    picked += 1;
    highlight.clearLayers();
    box.hidden = true;
    box.dataset.state = 'idle';
    delete box.dataset.pick;
  }

  // pick: { key, title, layer, load: () => FeatureCollection, label: (feature) => string }
  async function show(pick) {
    const mine = ++picked;
    box.hidden = false;
    box.dataset.state = 'loading';
    box.dataset.pick = pick.key;
    fill(box, el('p', { className: 'zg-dashboard-summary', text: t('dashboard.rows.loading') }));
    highlight.clearLayers();
    let features;
    try {
      features = (await pick.load()).features;
    } catch (error) {
      if (mine !== picked) return;
      fill(box, el('p', { className: 'zg-parcel-problem', role: 'alert', text: error.message }));
      box.dataset.state = 'error';
      return;
    }
    if (mine !== picked) return;
    const marked = L.geoJSON(
      { type: 'FeatureCollection', features: features.filter((f) => f.geometry) },
      {
        style: () => defaults.highlight,
        pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...defaults.highlight, radius: 9 }),
      },
    ).addTo(highlight);
    const focus = (feature) =>
      map.fire('zg:feature-focus', {
        layer: pick.layer,
        id: feature.id,
        label: pick.label(feature),
        ...pointOf(feature),
      });
    fill(box, [
      el('div', { className: 'zg-dashboard-rows-head' }, [
        el('h3', { text: t('dashboard.rows.title', { what: pick.title, count: features.length }) }),
        el(
          'button',
          { type: 'button', className: 'zg-button zg-dashboard-rows-clear', onClick: clear },
          t('dashboard.rows.clear'),
        ),
      ]),
      features.length
        ? el(
            'ul',
            { className: 'zg-dashboard-row-list' },
            features.map((feature) =>
              el('li', { dataset: { id: feature.id } }, [
                el('button', {
                  type: 'button',
                  className: 'zg-dashboard-row',
                  title: t('dashboard.rows.zoom'),
                  text: pick.label(feature),
                  onClick: () => focus(feature),
                }),
              ]),
            ),
          )
        : el('p', { className: 'zg-dashboard-summary', text: t('dashboard.rows.none') }),
    ]);
    box.dataset.count = String(features.length);
    box.dataset.state = 'ready';
    if (marked.getLayers().length) map.fitBounds(marked.getBounds(), { maxZoom: 17, padding: [40, 40] });
  }

  return {
    element: box,
    show,
    clear,
    destroy() {
      picked += 1;
      highlight.remove();
    },
  };
}
