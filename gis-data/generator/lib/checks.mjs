// Plain geometry checks for the demo test: ring and line validity, and exact overlap and
// coverage tests for rectilinear (axis-parallel) polygons, which is all the demo zone draws.

const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const onSegment = (p, a, b) =>
	Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/** Whether two closed segments share any point. */
export function segmentsTouch(a, b, c, d) {
	const d1 = cross(c, d, a);
	const d2 = cross(c, d, b);
	const d3 = cross(a, b, c);
	const d4 = cross(a, b, d);
	if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
	return (d1 === 0 && onSegment(a, c, d)) || (d2 === 0 && onSegment(b, c, d)) || (d3 === 0 && onSegment(c, a, b)) || (d4 === 0 && onSegment(d, a, b));
}

const signedArea = (ring) => ring.slice(1).reduce((s, p, i) => s + ring[i][0] * p[1] - p[0] * ring[i][1], 0) / 2;

/** Problems of one linear ring: closure, size, repeated points, self-intersection. */
export function ringProblems(ring) {
	if (ring.length < 4) return 'ring has fewer than 4 positions';
	if (!same(ring[0], ring[ring.length - 1])) return 'ring is not closed';
	const n = ring.length - 1;
	for (let i = 0; i < n; i++) {
		if (same(ring[i], ring[i + 1])) return `repeated position at ${ring[i]}`;
		for (let j = i + 1; j < n; j++) {
			const adjacent = j === i + 1 || (i === 0 && j === n - 1);
			if (!adjacent && segmentsTouch(ring[i], ring[i + 1], ring[j], ring[j + 1])) return `ring crosses itself near ${ring[i]}`;
		}
	}
	return null;
}

/** Problems of a polygon (RFC 7946: exterior counter-clockwise, holes clockwise and strictly inside). */
export function polygonProblems(rings) {
	for (const ring of rings) {
		const p = ringProblems(ring);
		if (p) return p;
	}
	if (signedArea(rings[0]) <= 0) return 'exterior ring is not counter-clockwise';
	for (const hole of rings.slice(1)) {
		if (signedArea(hole) >= 0) return 'hole is not clockwise';
		if (!hole.slice(0, -1).every((p) => insideRings(p, [rings[0]]))) return `hole leaves the exterior near ${hole[0]}`;
		for (let i = 0; i < hole.length - 1; i++) {
			for (let j = 0; j < rings[0].length - 1; j++) {
				if (segmentsTouch(hole[i], hole[i + 1], rings[0][j], rings[0][j + 1])) return `hole touches the exterior near ${hole[i]}`;
			}
		}
	}
	return null;
}

/** Problems of a line: at least two distinct positions, no repeated positions, simple. */
export function lineProblems(coords) {
	if (coords.length < 2) return 'line has fewer than 2 positions';
	for (let i = 0; i < coords.length - 1; i++) {
		if (same(coords[i], coords[i + 1])) return `repeated position at ${coords[i]}`;
		for (let j = i + 2; j < coords.length - 1; j++) {
			if (segmentsTouch(coords[i], coords[i + 1], coords[j], coords[j + 1])) return `line crosses itself near ${coords[i]}`;
		}
	}
	return null;
}

/** Even-odd point in polygon over all rings, so holes count as outside. Points on an edge are undefined. */
export function insideRings([x, y], rings) {
	let inside = false;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
			const [xi, yi] = ring[i];
			const [xj, yj] = ring[j];
			if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
		}
	}
	return inside;
}

export const isRectilinear = (polygons) =>
	polygons.every((rings) => rings.every((ring) => ring.slice(1).every((p, i) => p[0] === ring[i][0] || p[1] === ring[i][1])));

/**
 * Cells of the grid made by every x and y of the given rectilinear multipolygons. Each cell lies
 * wholly inside or outside each of them, so testing the cell centre decides it exactly.
 */
function* cells(...multipolygons) {
	const xs = new Set();
	const ys = new Set();
	for (const mp of multipolygons) for (const rings of mp) for (const ring of rings) for (const [x, y] of ring) xs.add(x), ys.add(y);
	const sx = [...xs].sort((a, b) => a - b);
	const sy = [...ys].sort((a, b) => a - b);
	for (let i = 0; i < sx.length - 1; i++) {
		for (let j = 0; j < sy.length - 1; j++) {
			yield { centre: [(sx[i] + sx[i + 1]) / 2, (sy[j] + sy[j + 1]) / 2], area: (sx[i + 1] - sx[i]) * (sy[j + 1] - sy[j]) };
		}
	}
}
const insideMulti = (p, mp) => mp.some((rings) => insideRings(p, rings));

/** Area (in squared degrees) shared by two rectilinear multipolygons; touching edges share none. */
export function overlapArea(a, b) {
	let area = 0;
	for (const c of cells(a, b)) if (insideMulti(c.centre, a) && insideMulti(c.centre, b)) area += c.area;
	return area;
}

/** Whether every part of inner lies in the union of outers (all rectilinear). */
export function coveredBy(inner, outers) {
	for (const c of cells(inner, ...outers)) {
		if (insideMulti(c.centre, inner) && !outers.some((o) => insideMulti(c.centre, o))) return false;
	}
	return true;
}

export function bbox(mp) {
	const pts = mp.flat(2);
	return [Math.min(...pts.map((p) => p[0])), Math.min(...pts.map((p) => p[1])), Math.max(...pts.map((p) => p[0])), Math.max(...pts.map((p) => p[1]))];
}
export const bboxesOverlap = (a, b) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** Distance from point p to segment ab, in the units of the inputs. */
export function pointSegmentDistance(p, a, b) {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
	return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

export function segmentDistance(a, b, c, d) {
	if (segmentsTouch(a, b, c, d)) return 0;
	return Math.min(pointSegmentDistance(a, c, d), pointSegmentDistance(b, c, d), pointSegmentDistance(c, a, b), pointSegmentDistance(d, a, b));
}
