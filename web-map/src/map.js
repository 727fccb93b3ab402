// The Leaflet map and its base layers: OpenStreetMap, 天地图 (only when /api/config has a key),
// and the local one: a plain background under the zone's own roads, pipes and parcels. Without
// network an online base draws nothing; when none of its first tiles load, the map changes to the
// local base and says so once (not remembered: next time online, the chosen base comes back).
import L from './leaflet.js';
import { el } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { requestsInFlight } from './api.js';

const options = {
  // 1×1 transparent GIF shown in place of a tile that failed to load.
  errorTileUrl: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  storageKey: 'zg.baseMap',
  maxZoom: 19,
};

const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const TIANDITU =
  'https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0' +
  '&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={tk}';

// Each base: its Leaflet layer and the i18n key of its attribution (null for none).
function baseMaps(config) {
  const tiles = { maxZoom: options.maxZoom, errorTileUrl: options.errorTileUrl };
  const bases = { osm: { layer: L.tileLayer(OSM, tiles), attribution: 'map.attribution.osm' } };
  if (config.tiandituKey) {
    const tianditu = (layer) =>
      L.tileLayer(TIANDITU, { ...tiles, layer, tk: config.tiandituKey, subdomains: '01234567' });
    // vec_w is the vector map, cva_w its Chinese annotation drawn on top.
    bases.tianditu = {
      layer: L.layerGroup([tianditu('vec'), tianditu('cva')]),
      attribution: 'map.attribution.tianditu',
    };
  }
  bases.none = { layer: L.layerGroup(), attribution: null };
  return bases;
}

// Calls onOffline() once the layer's first batch of tiles has finished without a single tile.
function whenNoTileLoads(layer, onOffline) {
  const grids = layer instanceof L.GridLayer ? [layer] : layer.getLayers?.() || [];
  let loaded = 0;
  let failed = 0;
  // A failed tile loads options.errorTileUrl in its place, which Leaflet reports as a tileload.
  const tileload = (event) => {
    if (event.tile.getAttribute('src') !== options.errorTileUrl) loaded++;
  };
  const tileerror = () => failed++;
  const load = () => {
    for (const grid of grids) grid.off({ tileload, tileerror, load });
    // Not within Leaflet's own load event: it still reads the layer's map after firing it.
    if (!loaded && failed) L.Util.requestAnimFrame(onOffline);
  };
  for (const grid of grids) grid.on({ tileload, tileerror, load });
}

function storedBaseMap() {
  try {
    return localStorage.getItem(options.storageKey);
  } catch {
    return null;
  }
}

// The view in the address, `#map=zoom/lat/lon` as OpenStreetMap writes it, so a planner can send a
// colleague exactly what they are looking at.
function viewFromHash(hash) {
  const match = /^#map=(\d{1,2})\/(-?\d+(?:\.\d+)?)\/(-?\d+(?:\.\d+)?)$/.exec(hash);
  if (!match) return null;
  const [zoom, lat, lon] = match.slice(1).map(Number);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { center: [lat, lon], zoom } : null;
}

function followHash(map) {
  const write = () => {
    const { lat, lng } = map.getCenter();
    history.replaceState(null, '', `#map=${map.getZoom()}/${lat.toFixed(6)}/${lng.toFixed(6)}`);
  };
  const read = () => {
    const view = viewFromHash(location.hash);
    if (view) map.setView(view.center, view.zoom, { animate: false });
  };
  map.on('moveend', write);
  window.addEventListener('hashchange', read);
  return () => {
    map.off('moveend', write);
    window.removeEventListener('hashchange', read);
  };
}

// `data-zg-map` on the container is "busy" while the view moves, a tile layer loads or an API call
// is pending, and "idle" once all of that has settled. The check waits two animation frames because
// Leaflet starts an animated zoom in the next frame. Tests and screenshots wait for "idle".
function reportActivity(map, container) {
  let moving = false;
  let frame = 0;
  const tilesLoading = () => {
    let loading = false;
    map.eachLayer((layer) => {
      loading ||= layer instanceof L.GridLayer && layer.isLoading();
    });
    return loading;
  };
  const settle = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        container.dataset.zgMap = moving || requestsInFlight() > 0 || tilesLoading() ? 'busy' : 'idle';
      });
    });
  };
  const busy = () => {
    container.dataset.zgMap = 'busy';
    settle();
  };
  const moveStart = () => {
    moving = true;
    busy();
  };
  const moveEnd = () => {
    moving = false;
    settle();
  };
  const watchTiles = ({ layer }) => {
    if (layer instanceof L.GridLayer) layer.on('loading', busy).on('load', settle);
  };
  const unwatchTiles = ({ layer }) => {
    if (layer instanceof L.GridLayer) layer.off('loading', busy).off('load', settle);
    settle();
  };
  const requests = (event) => (event.detail > 0 ? busy() : settle());
  map.on({
    movestart: moveStart,
    zoomstart: moveStart,
    moveend: moveEnd,
    layeradd: watchTiles,
    layerremove: unwatchTiles,
  });
  document.addEventListener('zg:requests', requests);
  busy();
  return () => {
    cancelAnimationFrame(frame);
    document.removeEventListener('zg:requests', requests);
  };
}

// Returns { map, baseMapIds, baseMap(), setBaseMap(id), destroy() }.
export function createMap(container, config) {
  const [lon, lat] = config.center || [0, 0];
  const view = viewFromHash(location.hash) || { center: [lat, lon], zoom: config.zoom ?? 14 };
  // No fading tiles: the fade restyles every new tile of every layer for a quarter second of
  // frames, and each faded tile becomes a compositing layer of its own (will-change: opacity).
  const map = L.map(container, { ...view, maxZoom: options.maxZoom, fadeAnimation: false });
  const offActivity = reportActivity(map, container);
  const offHash = followHash(map);
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  // The view on the element lets browser tests wait for a zoom or a move to finish.
  const showView = () => {
    const { lat, lng } = map.getCenter();
    container.dataset.zoom = String(map.getZoom());
    container.dataset.center = `${lat.toFixed(6)},${lng.toFixed(6)}`;
  };
  map.on('zoomend moveend', showView);
  showView();

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

  // Said once per page, as a map control so it stacks with the others instead of covering them;
  // a second failing online base changes to the local one without a word.
  let offlineNote = null;
  function showOfflineNote() {
    if (offlineNote) return;
    const text = el('span', { className: 'zg-offline-note-text' });
    const close = el('button', {
      type: 'button',
      className: 'zg-offline-note-close',
      text: '×',
      onClick: () => offlineNote.remove(),
    });
    offlineNote = L.control({ position: 'topright' });
    offlineNote.onAdd = () => el('div', { className: 'zg-offline-note', role: 'status' }, [text, close]);
    offlineNote.addTo(map);
    L.DomEvent.disableClickPropagation(offlineNote.getContainer());
    renderOfflineNote();
  }
  function renderOfflineNote() {
    const note = offlineNote?.getContainer();
    if (!note) return;
    note.querySelector('.zg-offline-note-text').textContent = t('map.offline.note');
    note.querySelector('.zg-offline-note-close').setAttribute('aria-label', t('map.offline.close'));
  }

  function setBaseMap(id, { remember = true } = {}) {
    if (!bases[id] || id === current) return;
    if (current) map.removeLayer(bases[current].layer);
    current = id;
    bases[id].layer.addTo(map);
    showAttribution();
    container.classList.toggle('zg-base-none', id === 'none');
    container.dataset.zgBase = id;
    if (remember) {
      try {
        localStorage.setItem(options.storageKey, id);
      } catch {
        // Not remembering the choice is harmless.
      }
    }
    if (id !== 'none')
      whenNoTileLoads(bases[id].layer, () => {
        if (current !== id) return;
        setBaseMap('none', { remember: false });
        showOfflineNote();
      });
    map.fire('zg:base-map', { id });
  }

  setBaseMap([storedBaseMap(), config.defaultBaseMap, 'osm'].find((id) => id && bases[id]));
  const offLanguage = onLanguageChange(() => {
    showAttribution();
    renderOfflineNote();
  });

  return {
    map,
    baseMapIds: Object.keys(bases),
    baseMap: () => current,
    setBaseMap,
    destroy() {
      offLanguage();
      offActivity();
      offHash();
      map.remove();
    },
  };
}
