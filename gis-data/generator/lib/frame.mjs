// Seeded randomness, the zone's local metric frame and the small builders every layer shares.

export const SEED = 20260630;
export const ORIGIN = Object.freeze({ lon: 122.05, lat: 37.19 });
/** Everything generated must lie inside this box (EPSG:4490 lon/lat). */
export const EXTENT = Object.freeze({ minLon: 121.98, minLat: 37.14, maxLon: 122.12, maxLat: 37.24 });
export const CRS = Object.freeze({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4490' } });

/** mulberry32: tiny, fast and identical on every platform, so the demo zone never changes by accident. */
export function makeRandom(seed) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const between = (lo, hi) => lo + next() * (hi - lo);
	return {
		next,
		between,
		int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)],
		weighted: (pairs) => {
			let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
			for (const [value, w] of pairs) {
				if ((r -= w) < 0) return value;
			}
			return pairs[pairs.length - 1][0];
		},
		shuffle: (items) => {
			const a2 = items.slice();
			for (let i = a2.length - 1; i > 0; i--) {
				const j = Math.floor(next() * (i + 1));
				[a2[i], a2[j]] = [a2[j], a2[i]];
			}
			return a2;
		},
	};
}

// Metres per degree on the CGCS2000 ellipsoid at the origin's latitude. A local equirectangular
// frame is exact enough over 4 km and keeps axis-parallel shapes axis-parallel in lon/lat.
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const PHI = (ORIGIN.lat * Math.PI) / 180;
const W = Math.sqrt(1 - E2 * Math.sin(PHI) ** 2);
export const M_PER_DEG_LON = ((A / W) * Math.cos(PHI) * Math.PI) / 180;
export const M_PER_DEG_LAT = (((A * (1 - E2)) / W ** 3) * Math.PI) / 180;

export const round7 = (v) => Math.round(v * 1e7) / 1e7;
/** Local metres (east, north) to rounded lon/lat. Every output coordinate goes through here. */
export const lonLat = ([x, y]) => [round7(ORIGIN.lon + x / M_PER_DEG_LON), round7(ORIGIN.lat + y / M_PER_DEG_LAT)];
export const toMetres = ([lon, lat]) => [(lon - ORIGIN.lon) * M_PER_DEG_LON, (lat - ORIGIN.lat) * M_PER_DEG_LAT];

// Rectangles are {x0, y0, x1, y1} in local metres.
/** Counter-clockwise closed ring (RFC 7946 exterior orientation). */
export const rectRing = (r) => [[r.x0, r.y0], [r.x1, r.y0], [r.x1, r.y1], [r.x0, r.y1], [r.x0, r.y0]];
export const rectArea = (r) => (r.x1 - r.x0) * (r.y1 - r.y0);
export const rectCentre = (r) => [(r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2];
/** A rectangle inside r, given as fractions of its width and height. Whole metres keep edges tidy. */
export const subRect = (r, fx0, fy0, fx1, fy1) => {
	const w = r.x1 - r.x0;
	const h = r.y1 - r.y0;
	return {
		x0: Math.round(r.x0 + fx0 * w),
		y0: Math.round(r.y0 + fy0 * h),
		x1: Math.round(r.x0 + fx1 * w),
		y1: Math.round(r.y0 + fy1 * h),
	};
};
export const largestRect = (rects) => rects.reduce((best, r) => (rectArea(r) > rectArea(best) ? r : best));

export const multiPolygon = (polygons) => ({
	type: 'MultiPolygon',
	coordinates: polygons.map((rings) => rings.map((ring) => ring.map(lonLat))),
});
export const point = (p) => ({ type: 'Point', coordinates: lonLat(p) });
export const lineString = (pts) => ({ type: 'LineString', coordinates: pts.map(lonLat) });

export const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
/** Point at distance d along a polyline in metres. */
export function along(pts, d) {
	for (let i = 1; i < pts.length; i++) {
		const len = distance(pts[i - 1], pts[i]);
		if (d <= len || i === pts.length - 1) {
			const t = Math.min(1, d / len);
			return [pts[i - 1][0] + t * (pts[i][0] - pts[i - 1][0]), pts[i - 1][1] + t * (pts[i][1] - pts[i - 1][1])];
		}
		d -= len;
	}
	return pts[pts.length - 1];
}
export const polylineLength = (pts) => pts.slice(1).reduce((s, p, i) => s + distance(pts[i], p), 0);

/** Ray casting in local metres; ring is closed. */
export function insideRing([x, y], ring) {
	let inside = false;
	for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

// Times are epoch milliseconds; the zone keeps China Standard Time (+08:00).
const CST_MS = 8 * 3600e3;
export const HOUR = 3600e3;
export const DAY = 24 * HOUR;
export const cst = (local) => Date.parse(`${local}+08:00`);
export const timestamp = (ms) => `${new Date(ms + CST_MS).toISOString().slice(0, 19)}+08:00`;
export const isoDate = (ms) => new Date(ms + CST_MS).toISOString().slice(0, 10);
/** A whole minute between two instants. */
export const timeBetween = (rnd, from, to) => Math.floor(rnd.between(from, to) / 60e3) * 60e3;
/** A minute in office hours (08:30–17:30) on a day between two dates ('YYYY-MM-DD'). */
export const officeTime = (rnd, fromDay, toDay) => {
	const day = cst(`${fromDay}T00:00`) + rnd.int(0, Math.round((cst(`${toDay}T00:00`) - cst(`${fromDay}T00:00`)) / DAY)) * DAY;
	return day + 8.5 * HOUR + rnd.int(0, 540) * 60e3;
};

export const pad = (n, width) => String(n).padStart(width, '0');
export const round2 = (v) => Math.round(v * 100) / 100;

/** Rows carry id, properties and geometry; this wraps them as the loader expects. */
export function featureCollection(name, rows) {
	return {
		type: 'FeatureCollection',
		name,
		crs: CRS,
		features: rows.map((r) => ({ type: 'Feature', id: r.id, properties: r.properties, geometry: r.geometry })),
	};
}
