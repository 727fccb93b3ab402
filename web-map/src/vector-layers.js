// The large layers (parcels, pipes, wells, streetlights, land recoveries) drawn from the service's Mapbox
// Vector Tiles onto canvas, found as any OGC client finds them: the collection's vector tileset
// under /ogc (OGC API - Tiles) names the tile URL template, row before column, styled by layer-styles.js exactly like
// their GeoJSON twins, so 100,000 parcels cost the browser only the tiles in view. Clicking a
// feature fetches it whole from /ogc and opens the usual popup. The layer being edited keeps its
// GeoJSON: an editor fires `zg:editing` { layer, active } to hide the tiles while it draws, and
// `zg:feature-saved` { layer } to have them fetched again.
import L from './leaflet.js';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { featureStyle, styleSpec } from './layer-styles.js';
import { fetchThroughOutage } from './api.js';

// Work orders are not tiled: a dispatcher reads them as clusters, which tiles cannot merge across
// tile edges; they are loaded per view instead (view-layer.js).
export const tiledLayers = new Set(['parcels', 'pipes', 'wells', 'streetlights', 'land_recoveries']);

const defaults = {
  tileSize: 256,
  // Tiles exist down to the layer's maxZoom; deeper zooms scale them up.
  maxNativeZoom: 20,
  // Pixels around a click that still hit a point or a line.
  hitTolerance: 5,
  markerRadius: 6,
  arrowSize: 5,
};

const MVT_POINT = 1;
const MVT_LINE = 2;
const MVT_POLYGON = 3;

// Every tile layer on a map, so a click opens only the topmost feature's popup.
const active = new Set();

function paneIndex(layer) {
  return Number(layer.getPane()?.style.zIndex) || 0;
}

function distanceToSegment(p, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2)) : 0;
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

function insideRing(p, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

function hits(feature, p, tolerance) {
  if (feature.type === MVT_POINT)
    return feature.rings.some((ring) => ring.some((q) => Math.hypot(q.x - p.x, q.y - p.y) <= tolerance));
  const nearEdge = feature.rings.some((ring) =>
    ring.some((q, i) => i > 0 && distanceToSegment(p, ring[i - 1], q) <= tolerance),
  );
  if (feature.type === MVT_LINE) return nearEdge;
  // Even-odd over all rings: a hole does not count as inside.
  return nearEdge || feature.rings.filter((ring) => insideRing(p, ring)).length % 2 === 1;
}

function strokeWith(ctx, style) {
  ctx.strokeStyle = style.color ?? '#3388ff';
  ctx.lineWidth = style.weight ?? 2;
  ctx.globalAlpha = style.opacity ?? 1;
  ctx.lineCap = style.lineCap ?? 'round';
  ctx.setLineDash(style.dashArray ? String(style.dashArray).split(/[ ,]+/).map(Number) : []);
  ctx.stroke();
}

function drawArrow(ctx, ring, color) {
  if (ring.length < 2) return;
  const middle = Math.floor((ring.length - 1) / 2);
  const a = ring[middle];
  const b = ring[middle + 1];
  const angle = Math.atan2(b.y - a.y, b.x - a.x);
  const at = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const s = defaults.arrowSize;
  ctx.beginPath();
  ctx.moveTo(at.x + s * Math.cos(angle), at.y + s * Math.sin(angle));
  ctx.lineTo(at.x + s * Math.cos(angle + 2.5), at.y + s * Math.sin(angle + 2.5));
  ctx.lineTo(at.x + s * Math.cos(angle - 2.5), at.y + s * Math.sin(angle - 2.5));
  ctx.closePath();
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
  ctx.fillStyle = color;
  ctx.fill();
}

function drawFeature(ctx, layerId, feature, withArrows) {
  const spec = styleSpec(layerId);
  const style = featureStyle(layerId, feature.properties);
  if (feature.type === MVT_POINT) {
    const radius = spec.shape === 'marker' ? defaults.markerRadius : (style.radius ?? 5);
    for (const q of feature.rings.flat()) {
      ctx.beginPath();
      ctx.arc(q.x, q.y, radius, 0, 2 * Math.PI);
      ctx.globalAlpha = style.fillOpacity ?? 1;
      ctx.fillStyle = style.fillColor ?? style.color ?? '#3388ff';
      ctx.fill();
      strokeWith(ctx, { ...style, weight: style.overdue ? 3 : (style.weight ?? 1.5) });
    }
    return;
  }
  ctx.beginPath();
  for (const ring of feature.rings) {
    ring.forEach((q, i) => (i ? ctx.lineTo(q.x, q.y) : ctx.moveTo(q.x, q.y)));
    if (feature.type === MVT_POLYGON) ctx.closePath();
  }
  if (feature.type === MVT_POLYGON && style.fill !== false) {
    ctx.globalAlpha = style.fillOpacity ?? 0.2;
    ctx.fillStyle = style.fillColor ?? style.color ?? '#3388ff';
    ctx.fill('evenodd');
  }
  strokeWith(ctx, style);
  if (withArrows) for (const ring of feature.rings) drawArrow(ctx, ring, style.color ?? '#333333');
}

// Tile features with their geometry in tile pixels, for drawing and for hit tests.
function decode(buffer, layerId, scale) {
  const layer = new VectorTile(new PbfReader(buffer)).layers[layerId];
  if (!layer) return [];
  const features = [];
  const ratio = (defaults.tileSize / layer.extent) * scale;
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const rings = f.loadGeometry().map((ring) => ring.map((q) => ({ x: q.x * ratio, y: q.y * ratio })));
    features.push({ id: f.id, type: f.type, properties: f.properties, rings });
  }
  return features;
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
    this._features = new Map();
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
    this._features.clear();
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
    const tileUrl = (template) =>
      template.replace('{tileMatrix}', coords.z).replace('{tileRow}', coords.y).replace('{tileCol}', coords.x) +
      version;
    // A tile asked for while the database is away is fetched again once it is back.
    this._template
      .then((template) =>
        fetchThroughOutage(tileUrl(template), {
          credentials: 'same-origin',
          headers: { 'X-Requested-With': 'XMLHttpRequest' },
        }),
      )
      .then((response) => {
        if (response.status === 204) return null;
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => {
        const features = buffer ? decode(new Uint8Array(buffer), this._layerId, size.x / defaults.tileSize) : [];
        this._features.set(key, features);
        const ctx = canvas.getContext('2d');
        ctx.scale(dpr, dpr);
        const arrows = styleSpec(this._layerId).flowArrows;
        const withArrows = Boolean(arrows) && coords.z >= (arrows.minZoom ?? 0);
        for (const feature of features) drawFeature(ctx, this._layerId, feature, withArrows);
        canvas.dataset.features = String(features.length);
        // Drawn tiles carry the layer's class, as its GeoJSON paths do.
        if (features.length) canvas.classList.add(`zg-layer-${this._layerId}`);
        if (features.length && withArrows) canvas.dataset.flowArrows = 'true';
        done(null, canvas);
      })
      .catch((error) => done(error, canvas));
    return canvas;
  },

  _removeTile(key) {
    this._features.delete(key);
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
    const features = this._features.get(this._tileCoordsToKey(coords)) || [];
    const local = L.point(point.x - coords.x * size.x, point.y - coords.y * size.y);
    const tolerance = defaults.hitTolerance / this._map.getZoomScale(this._map.getZoom(), zoom);
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
    tileSize: defaults.tileSize,
    maxNativeZoom: Math.min(Number(def.maxZoom) || defaults.maxNativeZoom, defaults.maxNativeZoom),
    minNativeZoom: Number(def.minZoom) || 0,
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
        if (feature.geometry.type.endsWith('Point'))
          target.setView(bounds.getCenter(), Math.max(target.getZoom(), spec.minZoom ?? 0, 16));
        else target.fitBounds(bounds, { maxZoom: 17, padding: [40, 40] });
        then(feature, bounds.getCenter());
      })
      .catch(() => {});
    return true;
  }

  return { layer, minZoom: spec.minZoom ?? 0, extras: [], count, reveal };
}
