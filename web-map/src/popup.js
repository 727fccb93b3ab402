// Attribute popups. Every value from the data goes in as text (dom.js), never as HTML: Leaflet
// parses a string given to setContent, so popups always get a DOM element.
import L from './leaflet.js';
import { el } from './dom.js';
import { t, has, getLanguage, onLanguageChange, locale, formatDateTime } from './i18n.js';
import { progressOf } from './layer-styles.js';

// Columns that are bookkeeping rather than facts about the feature.
const HIDDEN = new Set(['geom', 'footprint', 'id']);
const TITLE_PROPS = ['code', 'name', 'label'];

function formatValue(layerId, name, value) {
  if (value === null || value === undefined || value === '') return t('popup.empty');
  const enumKey = `value.${layerId}.${name}.${value}`;
  if (typeof value !== 'object' && has(enumKey)) return t(enumKey);
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  // Progress is a fraction 0..1 (completed / total investment).
  if (name === 'progress' && typeof value === 'number') return `${Math.round(value * 100)}%`;
  if (typeof value === 'number') return value.toLocaleString(locale(), { maximumFractionDigits: 3 });
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (/_(at)$/.test(name) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
  return String(value);
}

function title(def, feature) {
  const props = feature.properties || {};
  const own = TITLE_PROPS.map((p) => props[p]).filter((v) => v !== null && v !== undefined && v !== '');
  return own.length ? own.map(String).join(' ') : String(feature.id ?? '');
}

export function layerTitle(def) {
  if (!def) return '';
  return (getLanguage() === 'en' ? def.titleEn : def.titleZh) || t(`layer.${def.id}`);
}

function rows(def, feature) {
  const props = feature.properties || {};
  const out = [];
  for (const [name, value] of Object.entries(props)) {
    if (HIDDEN.has(name)) continue;
    const label = has(`prop.${name}`) ? t(`prop.${name}`) : name;
    out.push(el('tr', {}, [el('th', { text: label }), el('td', { text: formatValue(def.id, name, value) })]));
  }
  if (def.id === 'projects' && !('progress' in props)) {
    const percent = `${Math.round(progressOf(props) * 100)}%`;
    out.push(
      el('tr', { className: 'zg-popup-progress' }, [
        el('th', { text: t('popup.progress') }),
        el('td', { text: percent }),
      ]),
    );
  }
  return out;
}

function popupContent(def, feature) {
  const dataset = { layer: def.id, featureId: feature.id ?? '', version: feature.properties?.version ?? '' };
  return el('div', { className: 'zg-popup-body', dataset }, [
    el('div', { className: 'zg-popup-layer', text: layerTitle(def) }),
    el('h3', { className: 'zg-popup-title', text: title(def, feature) }),
    el('table', { className: 'zg-popup-table' }, el('tbody', {}, rows(def, feature))),
  ]);
}

// The shown feature with the saved values of the properties it already shows: the popup keeps
// its rows while the state and version follow a change made in a panel.
function withSaved(feature, saved) {
  const properties = { ...feature.properties };
  for (const name of Object.keys(properties)) if (name in saved.properties) properties[name] = saved.properties[name];
  return { ...feature, properties };
}

// Room the popup leaves on its top left: clear of the map's own controls there (search, pipe trace,
// measure, zoom), unless that would not leave a popup's width beside them (a phone).
function clearOfControls(map) {
  const fallback = L.point(5, 5);
  const corner = map.getContainer().querySelector('.leaflet-top.leaflet-left');
  if (!corner?.children.length) return fallback;
  const box = map.getContainer().getBoundingClientRect();
  const right = Math.max(...[...corner.children].map((c) => c.getBoundingClientRect().right)) - box.left;
  return box.width - right >= 400 ? L.point(right + 8, 5) : fallback;
}

// Brings a found feature into view, a point to zoom 16 at least (and its layer's minZoom) or an
// area fitted to the map, and calls then(latlng) once the map has arrived there: a popup opened
// during the move is not panned clear of the map's controls.
export function revealPlace(map, { point = null, bounds = null, minZoom = 0 }, then) {
  map.once('moveend', () => then(point ?? bounds.getCenter()));
  if (point) map.setView(point, Math.max(map.getZoom(), minZoom, 16));
  else map.fitBounds(bounds, { maxZoom: 17, padding: [40, 40] });
}

// Opens the popup and keeps its text in the current language while it is open, and its values
// in step with `zg:feature-saved` { layer, feature } for the same feature.
export function openFeaturePopup(map, def, feature, latlng) {
  let shown = feature;
  const popup = L.popup({
    maxWidth: 360,
    minWidth: 220,
    className: 'zg-popup',
    autoPanPaddingTopLeft: clearOfControls(map),
  })
    .setLatLng(latlng)
    .setContent(popupContent(def, shown))
    .openOn(map);
  const off = onLanguageChange(() => popup.setContent(popupContent(def, shown)));
  const saved = (event) => {
    if (event.layer !== def.id || !event.feature || String(event.feature.id) !== String(shown.id)) return;
    shown = withSaved(shown, event.feature);
    popup.setContent(popupContent(def, shown));
  };
  // A panel docking beside the map moves the map's edge under the popup (panel-dock.js puts the
  // centre back with a view reset): pan it clear of the controls again.
  const clearAgain = () => {
    popup.options.autoPanPaddingTopLeft = clearOfControls(map);
    popup.update();
  };
  map.on({ 'zg:feature-saved': saved, viewreset: clearAgain });
  popup.once('remove', () => {
    off();
    map.off({ 'zg:feature-saved': saved, viewreset: clearAgain });
  });
  return popup;
}
