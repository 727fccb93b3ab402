// The rows behind a report figure: a table beside a map on which the same rows are highlighted.
// The map has no base map so it works offline; the rows' own shapes give the context.
import L from './leaflet.js';
import { el, fill } from './dom.js';
import { t } from './i18n.js';

const HIGHLIGHT = { color: '#d7263d', weight: 3, fillOpacity: 0.35 };

export function mountRowsPanel(container) {
  const title = el('h2', { className: 'zg-report-rows-title' });
  const table = el('table', { className: 'zg-report-rows-table' });
  const mapBox = el('div', { className: 'zg-report-rows-map' });
  const panel = el('section', { className: 'zg-report-rows', dataset: { zgRows: 'empty' } }, [
    title,
    el('div', { className: 'zg-report-rows-body' }, [el('div', { className: 'zg-report-rows-list' }, table), mapBox]),
  ]);
  container.append(panel);
  const map = L.map(mapBox, { zoomControl: true, attributionControl: false }).setView([37.19, 122.05], 13);
  let layer = null;

  // Shows the rows (a GeoJSON FeatureCollection) of a figure; the panel announces data-zg-rows.
  function show(figure, rows) {
    title.textContent = t('report.rows.title', { label: figure.label, value: figure.value, unit: figure.unit });
    fill(table, [
      el('thead', {}, el('tr', {}, [el('th', {}, t('report.rows.label')), el('th', {}, t('report.rows.amount'))])),
      el(
        'tbody',
        {},
        rows.features.map((f) =>
          el('tr', { dataset: { id: String(f.id), layer: f.properties.layer } }, [
            el('td', {}, f.properties.label),
            el('td', {}, f.properties.amount === null ? '' : String(f.properties.amount)),
          ]),
        ),
      ),
    ]);
    // Shown before measuring: a hidden map has no size to fit the rows into.
    panel.dataset.zgRows = 'loaded';
    if (layer) layer.remove();
    layer = L.geoJSON(rows, {
      style: () => HIGHLIGHT,
      pointToLayer: (feature, latlng) => L.circleMarker(latlng, { ...HIGHLIGHT, radius: 7 }),
    }).addTo(map);
    map.invalidateSize();
    if (rows.features.length) map.fitBounds(layer.getBounds(), { maxZoom: 17, padding: [16, 16] });
    panel.dataset.zgFigure = figure.key;
    panel.dataset.zgCount = String(rows.features.length);
    panel.scrollIntoView({ block: 'nearest' });
  }

  return { show, unmount: () => (map.remove(), panel.remove()) };
}
