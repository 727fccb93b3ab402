// Measuring a distance or an area on the map, in plane values of the zone's measuring CRS as the
// parcels are measured: metres, and m² with 亩. Drawn with Geoman, so undo, redo, Enter, Esc and
// snapping work as in any drawing (draw-tools.js). The switch is a map control; results dock.
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { gaussKruger } from './gauss-kruger.js';
import { planeArea, formatArea } from './plane-area.js';

const defaults = {
  position: 'topleft',
  // `measure` tells the red-line and split tools that this drawing is not theirs.
  style: { color: '#6a3d9a', weight: 3, dashArray: '6 4', fillOpacity: 0.1, measure: true, pmIgnore: true },
  shapes: { distance: 'Line', area: 'Polygon' },
};

// Plane length of a [lon, lat] path, in metres.
function planeLength(points, measureProj4) {
  const toPlane = gaussKruger(measureProj4);
  const plane = points.map(([lon, lat]) => toPlane(lon, lat));
  let total = 0;
  for (let i = 1; i < plane.length; i++) {
    total += Math.hypot(plane[i].easting - plane[i - 1].easting, plane[i].northing - plane[i - 1].northing);
  }
  return total;
}

// deps: { config (measureProj4), dock }
export function mountMeasureTool(map, { config, dock }) {
  const toggle = el('button', { type: 'button', className: 'zg-panel zg-measure-toggle', onClick: () => open() });
  isolateFromMap(toggle);
  const control = new (L.Control.extend({ onAdd: () => toggle }))({ position: defaults.position }).addTo(map);
  const panel = el('div', { className: 'zg-panel zg-measure', hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'measure', title: 'measure.title', close: () => close() });
  const drawn = L.featureGroup().addTo(map);
  let mode = null;
  let live = null; // { kind, points } of the drawing under way
  const results = [];

  const pointsOf = (layer) =>
    layer
      .getLatLngs()
      .flat(2)
      .map((p) => [p.lng, p.lat]);

  function measureOf(kind, points) {
    if (kind === 'distance') return { kind, lengthM: planeLength(points, config.measureProj4) };
    return { kind, areaM2: points.length >= 3 ? planeArea([[points]], config.measureProj4) : 0 };
  }

  function start(kind) {
    mode = kind;
    map.pm.enableDraw(defaults.shapes[kind], {
      snappable: true,
      pathOptions: defaults.style,
      templineStyle: defaults.style,
    });
    render();
  }

  function open() {
    panel.hidden = false;
    render();
  }

  function close() {
    if (mode) map.pm.disableDraw();
    mode = null;
    live = null;
    results.length = 0;
    drawn.clearLayers();
    panel.hidden = true;
  }

  function onDrawStart({ workingLayer }) {
    if (!mode) return;
    const update = (e) => {
      const points = pointsOf(workingLayer);
      if (e?.latlng) points.push([e.latlng.lng, e.latlng.lat]);
      live = measureOf(mode, points);
      render();
    };
    workingLayer.on('pm:vertexadded pm:vertexremoved', () => update());
    map.on('mousemove', update);
    map.once('pm:drawend', () => {
      map.off('mousemove', update);
      live = null;
      mode = null;
      render();
    });
  }

  function onCreate({ layer }) {
    if (!layer.options.measure) return;
    drawn.addLayer(layer);
    results.unshift(measureOf(layer instanceof L.Polygon ? 'area' : 'distance', pointsOf(layer)));
    render();
  }

  function text(m) {
    if (m.kind === 'distance') return t('measure.distanceValue', { m: m.lengthM.toFixed(2) });
    return t('measure.areaValue', formatArea(m.areaM2));
  }

  function render() {
    toggle.textContent = t('measure.title');
    if (panel.hidden) return;
    fill(panel, [
      el('h2', { className: 'zg-panel-title', text: t('measure.title') }),
      el(
        'div',
        { className: 'zg-measure-modes' },
        Object.keys(defaults.shapes).map((kind) =>
          el('button', {
            type: 'button',
            className: `zg-button zg-measure-${kind}`,
            'aria-pressed': String(mode === kind),
            text: t(`measure.${kind}`),
            onClick: () => start(kind),
          }),
        ),
      ),
      el('p', { className: 'zg-measure-crs', text: t('measure.plane', { srid: config.measureSrid }) }),
      live ? el('p', { className: 'zg-measure-live', text: text(live) }) : null,
      el(
        'ol',
        { className: 'zg-measure-results' },
        results.map((m) => el('li', { className: `zg-measure-result zg-measure-result-${m.kind}`, text: text(m) })),
      ),
      results.length
        ? el('button', {
            type: 'button',
            className: 'zg-button zg-button-quiet zg-measure-clear',
            text: t('measure.clear'),
            onClick: () => {
              results.length = 0;
              drawn.clearLayers();
              render();
            },
          })
        : null,
    ]);
  }

  const mapEvents = { 'pm:drawstart': onDrawStart, 'pm:create': onCreate };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(render);
  render();

  return function unmount() {
    map.off(mapEvents);
    offLanguage();
    map.removeLayer(drawn);
    control.remove();
    undock();
  };
}
