// Expansion zones and the red lines that subdivide each block between the roads.
// Parcels are unions of axis-parallel rectangles: neighbours share edges exactly or leave a gap.

import { XS, YS } from './roads.mjs';
import { insideRing, rectArea, rectCentre, rectRing } from './frame.mjs';

const mid = (a, b, t) => Math.round(a + (b - a) * t);

/** 化工园区扩区 and 成片开发: rings in local metres, counter-clockwise; they cut across parcels as real zones do. */
export const ZONES = [
	{
		code: 'KQ-HG-2025-01',
		name: '化工产业园东区扩区',
		kind: 'chemical_park_subzone',
		status: 'approved',
		approved_on: '2025-09-26',
		note: '依据《山东省化工园区扩区管理办法（试行）》确定的扩区范围',
		region: 'east',
		ring: [
			[XS[4], YS[0] - 60], [XS[7] + 60, YS[0] - 60], [XS[7] + 60, YS[3]], [XS[5], YS[3]],
			[XS[5], mid(YS[1], YS[2], 0.45)], [XS[4], mid(YS[1], YS[2], 0.45)], [XS[4], YS[0] - 60],
		],
	},
	{
		code: 'KQ-HG-2026-02',
		name: '化工产业园西区扩区',
		kind: 'chemical_park_subzone',
		status: 'proposed',
		approved_on: null,
		note: '扩区报告材料编制中，待省级认定',
		region: 'west',
		ring: [
			[XS[0] - 60, YS[0] - 60], [mid(XS[2], XS[3], 0.5), YS[0] - 60], [mid(XS[2], XS[3], 0.5), YS[1]],
			[XS[2], YS[1]], [XS[2], mid(YS[2], YS[3], 0.5)], [XS[0] - 60, mid(YS[2], YS[3], 0.5)], [XS[0] - 60, YS[0] - 60],
		],
	},
	{
		code: 'CP-2025-01',
		name: '成片开发区',
		kind: 'contiguous_development',
		status: 'approved',
		approved_on: '2025-12-18',
		note: '2025年度土地征收成片开发方案',
		region: 'north',
		ring: [
			[mid(XS[1], XS[2], 0.5), YS[4]], [XS[6], YS[4]], [XS[6], YS[6] + 60],
			[mid(XS[1], XS[2], 0.5), YS[6] + 60], [mid(XS[1], XS[2], 0.5), YS[4]],
		],
	},
];

export const regionOf = (p) => ZONES.find((z) => insideRing(p, z.ring))?.region ?? 'mid';

const piece = (r) => ({ rings: [rectRing(r)], rects: [r] });
const splitX = (r, at, gap) => [{ ...r, x1: at - gap / 2 }, { ...r, x0: at + gap / 2 }];
const splitY = (r, at, gap) => [{ ...r, y1: at - gap / 2 }, { ...r, y0: at + gap / 2 }];

const PATTERNS = {
	whole: (b) => [piece(b)],
	halvesX: (b, c) => splitX(b, c.x(b), c.gap()).map(piece),
	halvesY: (b, c) => splitY(b, c.y(b), c.gap()).map(piece),
	three: (b, c) => {
		const [left, right] = splitX(b, c.x(b), c.gap());
		return c.flip() ? [left, ...splitY(right, c.y(right), c.gap())].map(piece) : [...splitY(left, c.y(left), c.gap()), right].map(piece);
	},
	four: (b, c) => {
		const [left, right] = splitX(b, c.x(b), c.gap());
		const y = c.y(b);
		return [...splitY(left, y, c.gap()), ...splitY(right, y, 0)].map(piece);
	},
	ell: (b, c) => {
		const cw = mid(0, b.x1 - b.x0, c.t(0.35, 0.5));
		const ch = mid(0, b.y1 - b.y0, c.t(0.35, 0.5));
		if (c.flip()) {
			const corner = { x0: b.x1 - cw, y0: b.y1 - ch, x1: b.x1, y1: b.y1 };
			const ring = [[b.x0, b.y0], [b.x1, b.y0], [b.x1, corner.y0], [corner.x0, corner.y0], [corner.x0, b.y1], [b.x0, b.y1], [b.x0, b.y0]];
			return [{ rings: [ring], rects: [{ ...b, y1: corner.y0 }, { ...b, y0: corner.y0, x1: corner.x0 }] }, piece(corner)];
		}
		const corner = { x0: b.x0, y0: b.y0, x1: b.x0 + cw, y1: b.y0 + ch };
		const ring = [[corner.x1, b.y0], [b.x1, b.y0], [b.x1, b.y1], [b.x0, b.y1], [b.x0, corner.y1], [corner.x1, corner.y1], [corner.x1, b.y0]];
		return [piece(corner), { rings: [ring], rects: [{ ...b, y0: corner.y1 }, { ...b, x0: corner.x1, y1: corner.y1 }] }];
	},
	// A parcel with a hole: the 35 kV substation in its middle stays outside the red line.
	holed: (b) => {
		const [cx, cy] = rectCentre(b).map(Math.round);
		const h = { x0: cx - 20, y0: cy - 15, x1: cx + 20, y1: cy + 15 };
		const hole = rectRing(h).reverse();
		const rects = [{ ...b, x1: h.x0 }, { ...b, x0: h.x1 }, { x0: h.x0, y0: b.y0, x1: h.x1, y1: h.y0 }, { x0: h.x0, y0: h.y1, x1: h.x1, y1: b.y1 }];
		return [{ rings: [rectRing(b), hole], rects }];
	},
};

// Chemical-park blocks are cut finer: more, smaller plots for the park's many small plants.
const COARSE = [['whole', 0.12], ['halvesX', 0.2], ['halvesY', 0.2], ['three', 0.18], ['four', 0.15], ['ell', 0.15]];
const FINE = [['halvesX', 0.08], ['halvesY', 0.08], ['three', 0.3], ['four', 0.44], ['ell', 0.1]];
const HOLED_BLOCKS = ['3,1', '2,4'];

/** Red-line pieces for every block, in block order (south to north, west to east). */
export function subdivide(blocks, rnd) {
	const cuts = {
		t: (lo, hi) => rnd.between(lo, hi),
		x: (r) => mid(r.x0, r.x1, rnd.between(0.4, 0.6)),
		y: (r) => mid(r.y0, r.y1, rnd.between(0.4, 0.6)),
		gap: () => (rnd.chance(0.25) ? 12 : 0),
		flip: () => rnd.chance(0.5),
	};
	const pieces = [];
	for (const b of blocks) {
		const fine = regionOf(rectCentre(b)) !== 'mid' && regionOf(rectCentre(b)) !== 'north';
		const pattern = HOLED_BLOCKS.includes(`${b.i},${b.j}`) ? 'holed' : rnd.weighted(fine ? FINE : COARSE);
		for (const p of PATTERNS[pattern](b, cuts)) {
			const area = p.rects.reduce((s, r) => s + rectArea(r), 0);
			const centroid = [0, 1].map((k) => p.rects.reduce((s, r) => s + rectCentre(r)[k] * rectArea(r), 0) / area);
			pieces.push({ ...p, area, centroid, region: regionOf(centroid) });
		}
	}
	return pieces;
}
