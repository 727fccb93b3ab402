// A Mapbox Vector Tile's features in tile pixels: decoded and drawn by the tile worker
// (tile-worker.js), decoded again on the page only for the tile a click lands on (hit tests).
// No DOM here: this module runs in a worker as well as on the page.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { featureStyle, styleSpec } from './layer-styles.js';

export const tileDefaults = {
  tileSize: 256,
  // Pixels around a click that still hit a point or a line.
  hitTolerance: 5,
  markerRadius: 6,
  arrowSize: 5,
};

const MVT_POINT = 1;
const MVT_LINE = 2;
const MVT_POLYGON = 3;

/** The tile's features of `layerId`: { id, type, properties, rings } with rings in tile pixels × scale. */
export function decodeTile(buffer, layerId, scale) {
  const layer = new VectorTile(new PbfReader(buffer)).layers[layerId];
  if (!layer) return [];
  const features = [];
  const ratio = (tileDefaults.tileSize / layer.extent) * scale;
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const rings = f.loadGeometry().map((ring) => ring.map((q) => ({ x: q.x * ratio, y: q.y * ratio })));
    features.push({ id: f.id, type: f.type, properties: f.properties, rings });
  }
  return features;
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

/** Whether the feature lies under point p (tile pixels), within `tolerance` pixels of a point or line. */
export function hits(feature, p, tolerance) {
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
  const s = tileDefaults.arrowSize;
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

/**
 * A line or polygon no wider and no taller than its stroke, as most parcels of a large zone are
 * at its lowest zooms, is drawn as what its stroke would show: a rectangle of its extent widened
 * by the stroke, in the stroke's colour: about a third of the time of a path filled and stroked.
 */
function drawnAsSpeck(ctx, feature, style) {
  const weight = style.weight ?? 2;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of feature.rings) {
    for (const q of ring) {
      minX = Math.min(minX, q.x);
      minY = Math.min(minY, q.y);
      maxX = Math.max(maxX, q.x);
      maxY = Math.max(maxY, q.y);
      // A larger feature is known by its first few points: the rest are not read twice.
      if (maxX - minX > weight || maxY - minY > weight) return false;
    }
  }
  ctx.globalAlpha = style.opacity ?? 1;
  ctx.fillStyle = style.color ?? '#3388ff';
  ctx.fillRect(minX - weight / 2, minY - weight / 2, maxX - minX + weight, maxY - minY + weight);
  return true;
}

function drawFeature(ctx, layerId, feature, withArrows) {
  const spec = styleSpec(layerId);
  const style = featureStyle(layerId, feature.properties);
  if (feature.type === MVT_POINT) {
    const radius = spec.shape === 'marker' ? tileDefaults.markerRadius : (style.radius ?? 5);
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
  if (drawnAsSpeck(ctx, feature, style)) return;
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

/** Draws the features on a 2D context already scaled to tile pixels. */
export function drawFeatures(ctx, layerId, features, withArrows) {
  for (const feature of features) drawFeature(ctx, layerId, feature, withArrows);
}
