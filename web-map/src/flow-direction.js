// Pipes are digitised in flow direction (first vertex upstream, last downstream), so one arrow
// at the middle of each pipe, turned by the bearing first → last vertex, shows which way it flows.

const DEG = Math.PI / 180;

// Bearing in degrees clockwise from north, measured in Web Mercator so the arrow matches
// what the screen shows (a geographic bearing would skew by ~1/cos(lat) at 37°N).
export function screenBearing([lon1, lat1], [lon2, lat2]) {
  const mercY = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * DEG) / 2));
  const dx = (lon2 - lon1) * DEG;
  const dy = mercY(lat2) - mercY(lat1);
  const deg = Math.atan2(dx, dy) / DEG;
  return (deg + 360) % 360;
}

// The point half-way along a line, with lengths in locally scaled degrees (good enough to
// place a symbol; official lengths come from the server in the measuring CRS).
export function midpointAlong(coords) {
  if (coords.length === 1) return coords[0];
  const k = Math.cos(coords[0][1] * DEG);
  const seg = [];
  let total = 0;
  for (let i = 1; i < coords.length; i++) {
    const len = Math.hypot((coords[i][0] - coords[i - 1][0]) * k, coords[i][1] - coords[i - 1][1]);
    seg.push(len);
    total += len;
  }
  let remaining = total / 2;
  for (let i = 0; i < seg.length; i++) {
    if (remaining <= seg[i] && seg[i] > 0) {
      const f = remaining / seg[i];
      const [a, b] = [coords[i], coords[i + 1]];
      return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
    }
    remaining -= seg[i];
  }
  return coords[coords.length - 1];
}

// One {at, bearing} per line part of a LineString or MultiLineString geometry.
export function flowArrows(geometry) {
  if (!geometry) return [];
  const parts =
    geometry.type === 'LineString'
      ? [geometry.coordinates]
      : geometry.type === 'MultiLineString'
        ? geometry.coordinates
        : [];
  return parts
    .filter((line) => line.length >= 2)
    .map((line) => ({ at: midpointAlong(line), bearing: screenBearing(line[0], line[line.length - 1]) }));
}
