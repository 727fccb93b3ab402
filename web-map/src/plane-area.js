// Official land area while drawing: the plane area in the zone's measuring Gauss-Krüger CRS
// (/api/config measureProj4), as the server computes it in PostGIS, in m², 亩 and 公顷.
import { gaussKruger } from './gauss-kruger.js';

// 1 亩 = 10000/15 m²; 1 公顷 = 10000 m².
const M2_PER_MU = 10000 / 15;
const M2_PER_HA = 10000;

// Shoelace area of one ring of { northing, easting } points, closed or not.
function ringArea(points) {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    const b = points[(i + 1) % points.length];
    twice += a.easting * b.northing - b.easting * a.northing;
  }
  return Math.abs(twice) / 2;
}

// polygons: [[outer ring, hole, …], …], rings as [lon, lat] pairs. Holes are subtracted.
export function planeArea(polygons, measureProj4) {
  const toPlane = gaussKruger(measureProj4);
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const area = ringArea(ring.map(([lon, lat]) => toPlane(lon, lat)));
      total += i === 0 ? area : -area;
    });
  }
  return total;
}

// The rings of a GeoJSON Polygon or MultiPolygon, as planeArea takes them.
export function polygonsOf(geometry) {
  if (!geometry) return [];
  return geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
}

// Two decimals of m², four of 亩 and 公顷, as the bureau reports them.
export function formatArea(areaM2) {
  return { m2: areaM2.toFixed(2), mu: (areaM2 / M2_PER_MU).toFixed(4), ha: (areaM2 / M2_PER_HA).toFixed(4) };
}
