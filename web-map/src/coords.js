// Pointer coordinates: longitude/latitude (CGCS2000, EPSG:4490) and the plane coordinates of
// the zone's measuring CRS (Gauss-Krüger, from /api/config), shown as N (northing) and
// E (easting) because X/Y mean the opposite to surveyors and to programmers.
import L from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { gaussKruger, formatPlane } from './gauss-kruger.js';

// deps: { config } from /api/config (measureProj4, measureCrsName, measureSrid)
export function mountCoords(map, { config }) {
  const toPlane = config.measureProj4 ? gaussKruger(config.measureProj4) : null;
  const box = el('div', { className: 'zg-panel zg-coords' });
  let last = null;

  function render() {
    if (!last) {
      fill(box, el('span', { className: 'zg-coords-hint', text: t('coords.hint') }));
      return;
    }
    const parts = [
      el('span', {
        className: 'zg-coords-lonlat',
        text: t('coords.lonLat', { lon: last.lng.toFixed(6), lat: last.lat.toFixed(6) }),
      }),
    ];
    if (toPlane) {
      const { n, e } = formatPlane(toPlane(last.lng, last.lat));
      parts.push(
        el('span', {
          className: 'zg-coords-plane',
          text: t('coords.plane', { n, e }),
          title: config.measureCrsName || null,
        }),
      );
      parts.push(
        el('span', { className: 'zg-coords-crs', text: t('coords.srid', { srid: config.measureSrid ?? '' }) }),
      );
    }
    fill(box, parts);
  }

  // While the map is dragged the pointer stays on the same spot of the ground: nothing to redraw
  // (a redraw per mouse move repaints the page at every frame of the drag).
  const shown = (latlng) => `${latlng.lng.toFixed(6)},${latlng.lat.toFixed(6)}`;
  const move = (e) => {
    if (last && shown(last) === shown(e.latlng)) return;
    last = e.latlng;
    render();
  };
  const out = () => {
    last = null;
    render();
  };
  const mapEvents = { mousemove: move, mouseout: out };
  map.on(mapEvents);
  const Control = L.Control.extend({ onAdd: () => box });
  const control = new Control({ position: 'bottomleft' }).addTo(map);
  const offLanguage = onLanguageChange(render);
  render();

  return function unmount() {
    map.off(mapEvents);
    offLanguage();
    control.remove();
  };
}
