// Splitting a parcel's red line (地块分割) for planners: started from the parcel panel with
// `zg:parcel-split`, the planner draws a line across the parcel (Leaflet-Geoman), the server
// cuts it (POST /api/parcels/{id}/split), cancels the original and answers with the new parcels,
// which are listed here with their areas and outlined on the map until the panel closes.
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';

const defaults = {
  roles: ['PLANNER', 'ADMIN'],
  // pmIgnore keeps our outlines out of Geoman's editing; they still let clicks through to the map.
  targetStyle: {
    color: '#d7191c',
    weight: 3,
    dashArray: '6 4',
    fill: false,
    className: 'zg-split-target',
    pmIgnore: true,
    interactive: false,
  },
  pieceStyle: {
    color: '#1a9641',
    weight: 2,
    fillColor: '#a6d96a',
    fillOpacity: 0.35,
    className: 'zg-split-piece',
    pmIgnore: true,
    interactive: false,
  },
};

export function mountParcelSplit(map, { api, user, dock }) {
  if (!user.roles.some((role) => defaults.roles.includes(role))) return function unmount() {};
  const panel = el('div', { className: 'zg-panel zg-parcel-split', hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'split', title: 'dock.split', close: () => stop() });
  const outlines = L.layerGroup([], { pmIgnore: true }).addTo(map);
  let state = null;

  function start(parcel) {
    stop();
    map.closePopup();
    state = { parcel, problem: null, pieces: null, busy: false };
    L.geoJSON(parcel.geometry, { style: () => defaults.targetStyle, pmIgnore: true, interactive: false }).addTo(
      outlines,
    );
    panel.hidden = false;
    render();
    draw();
  }

  function stop() {
    if (state && !state.pieces) map.pm.disableDraw();
    outlines.clearLayers();
    state = null;
    panel.hidden = true;
  }

  function draw() {
    map.pm.enableDraw('Line', { snappable: true });
  }

  async function split(layer) {
    const line = layer.toGeoJSON(false).geometry;
    layer.remove();
    state.busy = true;
    render();
    try {
      const { parcel } = state;
      const result = await api.post(
        `/api/parcels/${parcel.id}/split`,
        { line, note: null },
        { ifMatch: `"${parcel.properties.version}"` },
      );
      state.pieces = result.features;
      state.problem = null;
      outlines.clearLayers();
      L.geoJSON(result, { style: () => defaults.pieceStyle, pmIgnore: true, interactive: false }).addTo(outlines);
      map.fire('zg:feature-saved', { layer: 'parcels' });
    } catch (error) {
      state.problem = error.message;
      draw();
    }
    state.busy = false;
    render();
  }

  function button(key, onClick) {
    return el(
      'button',
      { type: 'button', className: 'zg-button zg-split-button', dataset: { action: key }, onClick },
      t(`split.${key}`),
    );
  }

  function piecesView(pieces) {
    return el(
      'ul',
      { className: 'zg-split-pieces' },
      pieces.map((f) =>
        el(
          'li',
          { className: 'zg-split-piece-item', dataset: { code: f.properties.code } },
          t('split.piece', {
            code: f.properties.code,
            m2: f.properties.area_m2.toFixed(2),
            mu: f.properties.area_mu.toFixed(4),
          }),
        ),
      ),
    );
  }

  function render() {
    if (!state) return;
    const { parcel, pieces, problem, busy } = state;
    fill(panel, [
      el('h2', { className: 'zg-panel-title', text: t('split.title', { code: parcel.properties.code }) }),
      pieces
        ? el('p', {
            className: 'zg-split-done',
            role: 'status',
            text: t('split.done', { code: parcel.properties.code, count: pieces.length }),
          })
        : el('p', { className: 'zg-split-hint', text: t(busy ? 'split.busy' : 'split.hint') }),
      pieces ? piecesView(pieces) : null,
      problem ? el('p', { className: 'zg-split-problem', role: 'alert', text: problem }) : null,
      el('div', { className: 'zg-editor-actions' }, [button(pieces ? 'close' : 'cancel', stop)]),
    ]);
  }

  const onSplit = ({ parcel }) => start(parcel);
  // Only lines drawn while this panel waits for one are cuts; the red-line editor draws polygons.
  const onCreate = ({ shape, layer }) => {
    if (state && !state.pieces && !state.busy && shape === 'Line' && !layer.options.measure) split(layer);
  };
  const offLanguage = onLanguageChange(render);
  const mapEvents = { 'zg:parcel-split': onSplit, 'pm:create': onCreate };
  map.on(mapEvents);

  return function unmount() {
    stop();
    offLanguage();
    map.off(mapEvents);
    outlines.remove();
    undock();
  };
}
