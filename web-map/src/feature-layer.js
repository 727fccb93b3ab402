// Turns one layer's GeoJSON FeatureCollection into a Leaflet layer drawn by layer-styles.js:
// paths for polygons and lines, circle markers for points, clustered markers for work orders,
// and flow arrows for pipes (an extra layer with its own minimum zoom). Keeps an index by feature id so search can open a feature.
import L from './leaflet.js';
import { el } from './dom.js';
import { featureStyle, styleSpec } from './layer-styles.js';
import { flowArrows } from './flow-direction.js';
import { hatchFill } from './hatch.js';
import { revealPlace } from './popup.js';

// Even-odd over the rings of a Polygon or MultiPolygon: inside unless within a hole.
function covers(geometry, lon, lat) {
  const polygons = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.coordinates || [];
  if (!['Polygon', 'MultiPolygon'].includes(geometry?.type)) return false;
  let inside = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function pathStyle(layerId, props) {
  const style = featureStyle(layerId, props);
  if (style.hatch) style.fillColor = hatchFill(style.color);
  return style;
}

function markerFor(style, latlng) {
  const dot = el('span', {
    className: `zg-marker-dot${style.overdue ? ' zg-marker-overdue' : ''}`,
    style: { background: style.fillColor, borderColor: style.color },
  });
  const icon = L.divIcon({ className: `${style.className} zg-marker`, html: dot, iconSize: [14, 14] });
  return L.marker(latlng, { icon, keyboard: false });
}

function arrowFor({ at, bearing }) {
  // A CSS triangle pointing north, turned clockwise by the bearing.
  const head = el('span', {
    className: 'zg-flow-arrow-head',
    style: { transform: `rotate(${bearing.toFixed(1)}deg)` },
  });
  const icon = L.divIcon({ className: 'zg-flow-arrow', html: head, iconSize: [10, 10] });
  return L.marker([at[1], at[0]], { icon, interactive: false, keyboard: false });
}

// Cluster bubbles in markercluster's look, with a class of ours so tests can count them; also
// for the clusters the service makes (view-layer.js).
export function clusterIcon(layerId, count) {
  const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
  return L.divIcon({
    html: el('div', {}, el('span', { text: String(count) })),
    className: `marker-cluster marker-cluster-${size} zg-cluster zg-cluster-${layerId}`,
    iconSize: L.point(40, 40),
  });
}

// onFeatureClick(feature, latlng) is called when a feature is clicked; pane is the map pane
// the paths go in (layers.js gives each layer its own so the stacking order is fixed).
export function buildFeatureLayer(layerId, collection, { onFeatureClick, pane = 'overlayPane' }) {
  const spec = styleSpec(layerId);
  const index = new Map();
  const geo = L.geoJSON(collection, {
    pane,
    style: (feature) => pathStyle(layerId, feature.properties || {}),
    pointToLayer: (feature, latlng) => {
      const style = pathStyle(layerId, feature.properties || {});
      return spec.shape === 'marker' ? markerFor(style, latlng) : L.circleMarker(latlng, { ...style, pane });
    },
    onEachFeature: (feature, layer) => {
      index.set(String(feature.id), { feature, layer });
      layer.on('click', (event) => onFeatureClick(feature, event.latlng));
    },
  });

  let group = geo;
  const extras = [];
  if (spec.clustered) {
    group = L.markerClusterGroup({
      iconCreateFunction: (cluster) => clusterIcon(layerId, cluster.getChildCount()),
      showCoverageOnHover: false,
      maxClusterRadius: 50,
      chunkedLoading: true,
    });
    group.addLayer(geo);
  }
  if (spec.flowArrows) {
    const arrows = collection.features.flatMap((f) => flowArrows(f.geometry)).map(arrowFor);
    extras.push({ layer: L.layerGroup(arrows), minZoom: spec.flowArrows.minZoom ?? 0 });
  }

  // Brings the feature into view on `map` and calls then(feature, latlng) once it is visible.
  function reveal(map, id, then) {
    const entry = index.get(String(id));
    if (!entry) return false;
    const { layer } = entry;
    const minZoom = spec.minZoom ?? 0;
    if (spec.clustered && group._map) {
      group.zoomToShowLayer(layer, () => then(entry.feature, layer.getLatLng()));
    } else {
      const place = layer.getBounds ? { bounds: layer.getBounds() } : { point: layer.getLatLng(), minZoom };
      revealPlace(map, place, (latlng) => then(entry.feature, latlng));
    }
    return true;
  }

  // The area feature covering latlng, for a layer whose insides take no clicks (layers.js).
  function featureAt(latlng) {
    return collection.features.find((f) => covers(f.geometry, latlng.lng, latlng.lat)) ?? null;
  }

  // minZoom: below it the layer is not drawn (layers.js adds and removes it on zoom).
  return { layer: group, minZoom: spec.minZoom ?? 0, extras, count: collection.features.length, reveal, featureAt };
}
