// The large layers (parcels, pipes, wells, streetlights, land recoveries) drawn from the service's Mapbox
// Vector Tiles onto canvas, found as any OGC client finds them: the collection's vector tileset
// under /ogc (OGC API - Tiles) names the tile URL template, row before column, styled by layer-styles.js exactly like
// their GeoJSON twins, so 100,000 parcels cost the browser only the tiles in view, decoded and
// drawn in a worker (tile-worker.js) so that panning never waits for them. Clicking a
// feature fetches it whole from /ogc and opens the usual popup. The layer being edited keeps its
// GeoJSON: an editor fires `zg:editing` { layer, active } to hide the tiles while it draws, and
// `zg:feature-saved` { layer } to have them fetched again.
import L from './leaflet.js';
import { styleSpec } from './layer-styles.js';
import { decodeTile, hits, tileDefaults } from './tile-features.js';
import { untilServiceBack } from './api.js';
import { revealPlace } from './popup.js';

// Work orders are not tiled: a dispatcher reads them as clusters, which tiles cannot merge across
// tile edges; they are loaded per view instead (view-layer.js).
export const tiledLayers = new Set(['parcels', 'pipes', 'wells', 'streetlights', 'land_recoveries']);

// Tiles exist down to the layer's maxZoom; deeper zooms scale them up.
const MAX_NATIVE_ZOOM = 20;

// Each tile is shown 512 px wide, drawn from the service's tile of one zoom less, as Mapbox GL does:
// a quarter of the canvases in view, and compositing them is most of what a drag costs the browser.
const TILE_SIZE = 512;
const ZOOM_OFFSET = -1;

// Every tile layer on a map, so a click opens only the topmost feature's popup.
const active = new Set();

function paneIndex(layer) {
  return Number(layer.getPane()?.style.zIndex) || 0;
}

// One worker fetches, decodes and draws the tiles of every layer (tile-worker.js); the page only
// shows the bitmaps. A tile that leaves the map before it is drawn is cancelled there.
const tileWorker = { worker: null, jobs: new Map(), nextJob: 1 };

function tileAnswered({ data }) {
  const job = tileWorker.jobs.get(data.job);
  if (!job) return;
  // The database is away: ask again once the service is back (api.js shows the banner meanwhile).
  if (data.unavailable) {
    untilServiceBack().then(() => tileWorker.jobs.has(data.job) && tileWorker.worker.postMessage(job.message));
    return;
  }
  tileWorker.jobs.delete(data.job);
  if (data.error) job.reject(new Error(data.error));
  else job.resolve(data);
}

// Has the worker draw tile { url, layerId, size, dpr, withArrows }, then calls resolve with
// { bitmap, features, buffer } or reject with the error; returns the job's number for cancelTile.
function drawInWorker(tile, resolve, reject) {
  if (!tileWorker.worker) {
    tileWorker.worker = new Worker(new URL('./tile-worker.js', import.meta.url), { type: 'module' });
    tileWorker.worker.onmessage = tileAnswered;
  }
  const id = tileWorker.nextJob++;
  const message = { job: id, ...tile };
  tileWorker.jobs.set(id, { message, resolve, reject });
  tileWorker.worker.postMessage(message);
  return id;
}

function cancelTile(id) {
  if (tileWorker.jobs.delete(id)) tileWorker.worker.postMessage({ cancel: id });
}

const TILESETS_VECTOR = 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector';
const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

// The path of the link with this rel (and type), kept same-origin whatever host the service names.
function linkPath(links, rel, type) {
  const link = links.find((l) => l.rel === rel && (!type || l.type === type));
  if (!link) throw new Error(`no ${rel} link`);
  const url = new URL(link.href, window.location.href);
  return decodeURI(url.pathname) + url.search;
}

// /ogc/collections/{id} → its vector tilesets → the WebMercatorQuad tileset → the tile template.
async function ogcTileTemplate(api, layerId) {
  const collection = await api.get(`/ogc/collections/${encodeURIComponent(layerId)}`);
  const tilesets = await api.get(linkPath(collection.links, TILESETS_VECTOR, 'application/json'));
  const tileset = await api.get(linkPath(tilesets.tilesets[0].links, 'self'));
  return linkPath(tileset.links, 'item', MVT_TYPE);
}

const VectorTileLayer = L.GridLayer.extend({
  initialize(layerId, options) {
    L.GridLayer.prototype.initialize.call(this, options);
    this._layerId = layerId;
    // Per tile key: its MVT bytes, decoded again only when a click lands on the tile, and its job
    // in the tile worker until drawn.
    this._bytes = new Map();
    this._jobs = new Map();
    this._decoded = { bytes: null, features: [] };
    this._version = 0;
    this._template = null;
  },

  onAdd(map) {
    this._template ??= ogcTileTemplate(this.options.api, this._layerId);
    L.GridLayer.prototype.onAdd.call(this, map);
    active.add(this);
  },

  onRemove(map) {
    active.delete(this);
    L.GridLayer.prototype.onRemove.call(this, map);
  },

  // Fetch every tile again, past the browser cache: a feature of this layer has changed.
  refresh() {
    this._version++;
    this.redraw();
  },

  createTile(coords, done) {
    const canvas = L.DomUtil.create('canvas', `zg-vector-tile zg-vector-tile-${this._layerId}`);
    const size = this.getTileSize();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = size.x * dpr;
    canvas.height = size.y * dpr;
    const key = this._tileCoordsToKey(coords);
    const version = this._version ? `?v=${this._version}` : '';
    const arrows = styleSpec(this._layerId).flowArrows;
    const withArrows = Boolean(arrows) && coords.z >= (arrows.minZoom ?? 0);
    const drawn = ({ bitmap, features, buffer }) => {
      this._jobs.delete(key);
      // The page keeps the bytes for hit tests.
      if (buffer) this._bytes.set(key, new Uint8Array(buffer));
      if (bitmap) canvas.getContext('bitmaprenderer').transferFromImageBitmap(bitmap);
      canvas.dataset.features = String(features);
      // Drawn tiles carry the layer's class, as its GeoJSON paths do.
      if (features) canvas.classList.add(`zg-layer-${this._layerId}`);
      if (features && withArrows) canvas.dataset.flowArrows = 'true';
      done(null, canvas);
    };
    const failed = (error) => {
      this._jobs.delete(key);
      done(error, canvas);
    };
    this._template.then((template) => {
      // Taken off the map while the tileset was read.
      if (this._tiles[key]?.el !== canvas) return;
      const url =
        template
          .replace('{tileMatrix}', coords.z + ZOOM_OFFSET)
          .replace('{tileRow}', coords.y)
          .replace('{tileCol}', coords.x) + version;
      const job = { url, layerId: this._layerId, size: size.x, dpr, withArrows };
      this._jobs.set(key, drawInWorker(job, drawn, failed));
    }, failed);
    return canvas;
  },

  _removeTile(key) {
    if (this._jobs.has(key)) cancelTile(this._jobs.get(key));
    this._jobs.delete(key);
    this._bytes.delete(key);
    L.GridLayer.prototype._removeTile.call(this, key);
  },

  // The feature under latlng, topmost drawn last, or null.
  hitAt(latlng) {
    const zoom = this._tileZoom;
    if (zoom === undefined) return null;
    const size = this.getTileSize();
    const point = this._map.project(latlng, zoom);
    const coords = L.point(Math.floor(point.x / size.x), Math.floor(point.y / size.y));
    coords.z = zoom;
    const bytes = this._bytes.get(this._tileCoordsToKey(coords));
    if (!bytes) return null;
    // One click asks every layer, and this one maybe twice: decode the tile once.
    if (this._decoded.bytes !== bytes)
      this._decoded = { bytes, features: decodeTile(bytes, this._layerId, size.x / tileDefaults.tileSize) };
    const { features } = this._decoded;
    const local = L.point(point.x - coords.x * size.x, point.y - coords.y * size.y);
    const tolerance = tileDefaults.hitTolerance / this._map.getZoomScale(this._map.getZoom(), zoom);
    for (let i = features.length - 1; i >= 0; i--) if (hits(features[i], local, tolerance)) return features[i];
    return null;
  },
});

// Whether any tile layer on `map` has a feature under latlng.
export function tileHitAt(map, latlng) {
  return [...active].some((layer) => layer._map === map && layer.hitAt(latlng));
}

// The same shape as buildFeatureLayer's result. deps: { api, def (from /api/layers), pane, onFeatureClick }
export async function buildTileLayer(layerId, { api, def, pane, onFeatureClick }) {
  const spec = styleSpec(layerId);
  const layer = new VectorTileLayer(layerId, {
    api,
    pane,
    tileSize: TILE_SIZE,
    maxNativeZoom: Math.min(Number(def.maxZoom) || MAX_NATIVE_ZOOM, MAX_NATIVE_ZOOM) - ZOOM_OFFSET,
    minNativeZoom: (Number(def.minZoom) || 0) - ZOOM_OFFSET,
  });
  const count = (await api.get(`/ogc/collections/${encodeURIComponent(layerId)}/items?limit=1&count=exact`))
    .numberMatched;

  async function click(event) {
    if (!layer._map || event.originalEvent?.target?.classList?.contains('leaflet-interactive')) return;
    // Hidden while an editor draws this layer (zg:editing): its clicks place vertices instead.
    if (layer.getContainer()?.style.visibility === 'hidden') return;
    const candidates = [...active].filter((l) => l._map === layer._map).sort((a, b) => paneIndex(b) - paneIndex(a));
    const top = candidates.find((l) => l.hitAt(event.latlng));
    if (top !== layer) return;
    const hit = layer.hitAt(event.latlng);
    const feature = await api
      .get(`/ogc/collections/${encodeURIComponent(layerId)}/items/${encodeURIComponent(hit.id)}`)
      .catch(() => ({ id: hit.id, properties: hit.properties }));
    onFeatureClick(feature, event.latlng);
  }

  function editing(event) {
    if (event.layer !== layerId || !layer._map) return;
    layer.getContainer().style.visibility = event.active ? 'hidden' : '';
  }

  function saved(event) {
    if (event.layer === layerId) layer.refresh();
  }

  const events = { click, 'zg:editing': editing, 'zg:feature-saved': saved };
  let map = null;
  layer.on('add', () => {
    map = layer._map;
    map.on(events);
  });
  layer.on('remove', () => map?.off(events));

  // Search names a feature by id: read it whole from /ogc, bring it into view, then open it.
  function reveal(target, id, then) {
    api
      .get(`/ogc/collections/${encodeURIComponent(layerId)}/items/${encodeURIComponent(id)}`)
      .then((feature) => {
        const bounds = L.geoJSON(feature).getBounds();
        const place = feature.geometry.type.endsWith('Point')
          ? { point: bounds.getCenter(), minZoom: spec.minZoom ?? 0 }
          : { bounds };
        revealPlace(target, place, (latlng) => then(feature, latlng));
      })
      .catch(() => {});
    return true;
  }

  return { layer, minZoom: spec.minZoom ?? 0, extras: [], count, reveal };
}
