// A register's rows as a table beside the map: a header of column names, a row a feature, a click
// on a row flies the map to its feature. The recovery register and the report's registers show
// theirs with it; each says how its columns are named and its values shown.
import L from './leaflet.js';
import { el } from './dom.js';

// columns: the property names shown, in order. heading(name) and cell(name, properties) give the
// texts. maxZoom: how close a row's feature is shown.
export function registerTable(map, features, { columns, heading, cell, maxZoom }) {
  const fly = (feature) => map.fitBounds(L.geoJSON(feature).getBounds(), { maxZoom, padding: [40, 40] });
  return el('table', { className: 'zg-register-table' }, [
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        columns.map((name) => el('th', { text: heading(name) })),
      ),
    ),
    el(
      'tbody',
      {},
      features.map((f) =>
        el(
          'tr',
          { dataset: { id: f.id }, onClick: () => fly(f) },
          columns.map((name) => el('td', { text: cell(name, f.properties) })),
        ),
      ),
    ),
  ]);
}
