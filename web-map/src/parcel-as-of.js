// The red lines as they stood on a date (/api/parcels?asOf=): a date field beside the map draws
// that day's boundaries, dashed, in place of today's parcel tiles.
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';

const defaults = {
  position: 'bottomleft',
  style: {
    color: '#6a3d9a',
    weight: 2,
    dashArray: '5 4',
    fillColor: '#cab2d6',
    fillOpacity: 0.25,
    className: 'zg-as-of-parcel',
    pmIgnore: true,
  },
};

export function mountParcelAsOf(map, { api }) {
  const box = el('div', { className: 'zg-panel zg-as-of' });
  isolateFromMap(box);
  const Control = L.Control.extend({ onAdd: () => box });
  const control = new Control({ position: defaults.position }).addTo(map);
  const drawn = L.layerGroup([], { pmIgnore: true }).addTo(map);
  let shown = null;
  let message = '';

  async function show(date) {
    try {
      const collection = await api.get(`/api/parcels?asOf=${encodeURIComponent(date)}`);
      drawn.clearLayers();
      L.geoJSON(collection, { style: () => defaults.style }).addTo(drawn);
      if (!shown) map.fire('zg:editing', { layer: 'parcels', active: true });
      shown = { date, count: collection.features.length };
      message = '';
    } catch (error) {
      message = error.message;
    }
    render();
  }

  function clear() {
    drawn.clearLayers();
    if (shown) map.fire('zg:editing', { layer: 'parcels', active: false });
    shown = null;
    render();
  }

  function render() {
    const input = el('input', {
      type: 'date',
      name: 'asOf',
      value: shown?.date ?? '',
      onChange: (e) => e.target.value && show(e.target.value),
    });
    fill(box, [
      el('label', { className: 'zg-as-of-label' }, [el('span', { text: t('asOf.label') }), input]),
      shown
        ? el('span', { className: 'zg-as-of-count', text: t('asOf.count', { count: shown.count, date: shown.date }) })
        : null,
      shown
        ? el('button', { type: 'button', className: 'zg-button zg-as-of-clear', onClick: clear }, t('asOf.clear'))
        : null,
      message ? el('span', { className: 'zg-parcel-problem', text: message }) : null,
    ]);
  }

  render();
  const offLanguage = onLanguageChange(render);
  return function unmount() {
    offLanguage();
    drawn.remove();
    control.remove();
  };
}
