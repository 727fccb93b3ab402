// A point layer loaded for the view, never whole: work orders count in the hundreds of thousands
// in a big zone. On every move the map asks /api/map/{layer} for the visible box (a quarter of a
// view around it) and its zoom; the service answers with the orders themselves when at most a
// thousand are in it, drawn and clustered in the page as before, or else with its own clusters
// (a count per cell of the screen), drawn as the same bubbles; clicking one zooms to its orders.
// The layer's pane says what it shows: data-zg-view="features" or "clusters", data-zg-count.
import L from './leaflet.js';
import { buildFeatureLayer, clusterIcon } from './feature-layer.js';
import { styleSpec } from './layer-styles.js';

export const viewLayers = new Set(['work_orders']);

const defaults = { padding: 0.25 };

function viewBox(map) {
  const b = map.getBounds().pad(defaults.padding);
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v)).toFixed(6);
  return [
    clamp(b.getWest(), -180, 180),
    clamp(b.getSouth(), -90, 90),
    clamp(b.getEast(), -180, 180),
    clamp(b.getNorth(), -90, 90),
  ].join(',');
}

function serverCluster(map, layerId, feature) {
  const [lon, lat] = feature.geometry.coordinates;
  const icon = clusterIcon(layerId, feature.properties.count);
  const marker = L.marker([lat, lon], { icon, keyboard: false });
  const [west, south, east, north] = feature.bbox;
  marker.on('click', () =>
    map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { maxZoom: 18, padding: [40, 40] },
    ),
  );
  return marker;
}

// The same shape as buildFeatureLayer's result, loaded for map's view first.
// deps: { api, map, pane, onFeatureClick, onCount(count) when a move changes it }
export async function buildViewLayer(layerId, { api, map, pane, onFeatureClick, onCount }) {
  const spec = styleSpec(layerId);
  const group = L.layerGroup([], { pane });
  const paneElement = map.getPane(pane);
  let shown = null;
  // The server's clusters on the map, by position, count and box: a move keeps those that did
  // not change (its grid is fixed to the zoom), so panning adds and removes only the edges.
  let clusters = new Map();
  let asked = 0;
  // Clusters of one zoom mean nothing at the next, and hundreds of markers each animated through a
  // zoom cost its frames: they go when a zoom starts (an answer still on its way is dropped), and
  // the new zoom's come with its view.
  function zoomStarted() {
    asked++;
    group.clearLayers();
    clusters = new Map();
    shown = null;
  }

  function showClusters(features) {
    const next = new Map();
    for (const feature of features) {
      const key = JSON.stringify([feature.geometry.coordinates, feature.properties.count, feature.bbox]);
      next.set(key, clusters.get(key) ?? serverCluster(map, layerId, feature));
    }
    for (const [key, marker] of clusters) if (!next.has(key)) group.removeLayer(marker);
    for (const [key, marker] of next) if (!clusters.has(key)) group.addLayer(marker);
    clusters = next;
  }

  async function load() {
    const ticket = ++asked;
    const zoom = map.getZoom();
    const view = await api.get(`/api/map/${encodeURIComponent(layerId)}?bbox=${viewBox(map)}&zoom=${zoom}`);
    // A later move has asked again: its answer wins.
    if (ticket !== asked) return;
    if (view.clustered) {
      if (shown) group.removeLayer(shown.layer);
      shown = null;
      showClusters(view.features);
    } else {
      group.clearLayers();
      clusters = new Map();
      shown = buildFeatureLayer(layerId, view, { pane, onFeatureClick });
      group.addLayer(shown.layer);
    }
    result.count = view.numberMatched;
    if (paneElement) {
      paneElement.dataset.zgView = view.clustered ? 'clusters' : 'features';
      paneElement.dataset.zgCount = String(view.numberMatched);
    }
  }

  function moved() {
    load()
      .then(() => onCount?.(result.count))
      .catch(() => {});
  }

  const mapEvents = { moveend: moved, zoomstart: zoomStarted };
  group.on('add', () => map.on(mapEvents));
  group.on('remove', () => map.off(mapEvents));

  // Search opens an order among those loaded; otherwise layers.js moves the map to it.
  function reveal(target, id, then) {
    return shown ? shown.reveal(target, id, then) : false;
  }

  const result = { layer: group, minZoom: spec.minZoom ?? 0, extras: [], count: 0, reveal };
  await load();
  return result;
}
