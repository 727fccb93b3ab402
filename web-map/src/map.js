// The Leaflet map and its base layers: OpenStreetMap, 天地图 (only when /api/config has a key),
// and none. The zone's own layers carry the map, so a base layer that cannot load (no network)
// only leaves an empty background: tile errors draw a transparent tile and nothing else.
import L from './leaflet.js';
import { t, onLanguageChange } from './i18n.js';

const options = {
  // 1×1 transparent GIF shown in place of a tile that failed to load.
  errorTileUrl: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  storageKey: 'zg.baseMap',
  maxZoom: 19,
};

const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const TIANDITU = 'https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0'
  + '&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}';

// Each base: its Leaflet layer and the i18n key of its attribution (null for none).
function baseMaps(config) {
  const tiles = { maxZoom: options.maxZoom, errorTileUrl: options.errorTileUrl };
  const bases = { osm: { layer: L.tileLayer(OSM, tiles), attribution: 'map.attribution.osm' } };
  if (config.tiandituKey) {
    const tianditu = (layer) => L.tileLayer(TIANDITU, { ...tiles, layer, tk: config.tiandituKey, subdomains: '01234567' });
    // vec_w is the vector map, cva_w its Chinese annotation drawn on top.
    bases.tianditu = { layer: L.layerGroup([tianditu('vec'), tianditu('cva')]), attribution: 'map.attribution.tianditu' };
  }
  bases.none = { layer: L.layerGroup(), attribution: null };
  return bases;
}

function storedBaseMap() {
  try {
    return localStorage.getItem(options.storageKey);
  } catch {
    return null;
  }
}

// Returns { map, baseMapIds, baseMap(), setBaseMap(id), destroy() }.
export function createMap(container, config) {
  const [lon, lat] = config.center || [0, 0];
  const map = L.map(container, { center: [lat, lon], zoom: config.zoom ?? 14, maxZoom: options.maxZoom });
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  // The zoom level on the element lets browser tests wait for a zoom to finish.
  const showZoom = () => { container.dataset.zoom = String(map.getZoom()); };
  map.on('zoomend', showZoom);
  showZoom();

  const bases = baseMaps(config);
  let current = null;
  let attributionText = null;

  // Attribution is set by hand, not through the tile layer, so it can follow the language.
  function showAttribution() {
    if (attributionText) map.attributionControl.removeAttribution(attributionText);
    const key = bases[current].attribution;
    attributionText = key ? t(key) : null;
    if (attributionText) map.attributionControl.addAttribution(attributionText);
  }

  function setBaseMap(id) {
    if (!bases[id] || id === current) return;
    if (current) map.removeLayer(bases[current].layer);
    current = id;
    bases[id].layer.addTo(map);
    showAttribution();
    container.classList.toggle('zg-base-none', id === 'none');
    try {
      localStorage.setItem(options.storageKey, id);
    } catch {
      // Not remembering the choice is harmless.
    }
    map.fire('zg:base-map', { id });
  }

  setBaseMap([storedBaseMap(), config.defaultBaseMap, 'osm'].find((id) => id && bases[id]));
  const offLanguage = onLanguageChange(showAttribution);

  return {
    map,
    baseMapIds: Object.keys(bases),
    baseMap: () => current,
    setBaseMap,
    destroy() {
      offLanguage();
      map.remove();
    },
  };
}
