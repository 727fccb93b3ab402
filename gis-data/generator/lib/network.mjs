// Rain and sewage networks: a chain of wells 6 m either side of each road centreline, pipes
// between consecutive wells digitised in flow direction, and 一企一管 dedicated pipes.
// Flow: north-south roads drain south into 湛江路; other east-west roads drain rain east and
// sewage west into the road at that end; 湛江路 carries rain east to the sea outfall and sewage
// west to the treatment plant. Every well has at most one outgoing pipe, so each kind is a tree.

import { distance, lineString, lonLat, pad, point, round2 } from './frame.mjs';

const OFFSET = 6;
const CLEARANCE = 20; // no well within 20 m of a crossing centreline
const MAX_SPACING = 160;
const SIDE = { rain: 1, sewage: -1 };
const PREFIX = { rain: 'YS', sewage: 'WS', inspection: 'JC' };

function diameterOf(kind, r, downstreamHalf) {
	if (kind === 'rain') {
		if (r.trunk) return downstreamHalf ? 1200 : 1000;
		return r.axis === 'ns' ? (downstreamHalf ? 800 : 600) : downstreamHalf ? 500 : 400;
	}
	if (r.trunk) return downstreamHalf ? 600 : 500;
	return r.axis === 'ns' ? 400 : 300;
}
const materialOf = (kind, diameter, r) =>
	kind === 'rain' ? (diameter >= 800 ? '钢筋混凝土' : 'HDPE') : r.roadClass === 'access' ? 'PVC' : 'HDPE';

/** Stations of the wells along a road, away from the crossings. */
function wellStations(r) {
	const out = [];
	for (let k = 1; k < r.stations.length; k++) {
		const a = r.stations[k - 1] + CLEARANCE;
		const b = r.stations[k] - CLEARANCE;
		const n = Math.max(2, Math.ceil((b - a) / MAX_SPACING) + 1);
		for (let q = 0; q < n; q++) out.push(Math.round(a + ((b - a) * q) / (n - 1)));
	}
	return out;
}

/** Flow order along a road for one kind: downstream last. */
function flowsForward(kind, r) {
	if (r.axis === 'ns') return false; // southwards
	return kind === 'rain'; // rain east, sewage west (湛江路 included)
}

export function buildNetwork(roads, enterprises, rnd) {
	const wells = [];
	const pipes = [];
	const addWell = (kind, xy, depthBase) => {
		const w = { id: wells.length + 1, kind, xy, ll: lonLat(xy), depth: round2(depthBase + rnd.between(0, 0.6)) };
		w.code = `${PREFIX[kind]}-${pad(wells.filter((o) => o.kind === kind).length + 1, 3)}`;
		const roll = rnd.next();
		w.cover = roll < 0.05 ? 'damaged' : roll < 0.07 ? 'missing' : 'intact';
		wells.push(w);
		return w;
	};
	const addPipe = (kind, up, down, diameter, material, enterpriseId = null) => {
		const n = pipes.filter((p) => p.kind === kind).length + 1;
		const prefix = { rain: 'P-YS', sewage: 'P-WS', dedicated: 'P-ZG' }[kind];
		pipes.push({ id: pipes.length + 1, code: `${prefix}-${pad(n, 3)}`, kind, up, down, diameter, material, enterpriseId });
		up.outlet = pipes[pipes.length - 1];
	};

	const chains = new Map();
	for (const kind of ['rain', 'sewage']) {
		for (const r of roads) {
			const depthBase = (kind === 'rain' ? 1.6 : 2.2) + (r.trunk ? 1.6 : r.axis === 'ns' ? 0.8 : 0);
			const stations = wellStations(r);
			const ordered = flowsForward(kind, r) ? stations : stations.slice().reverse();
			const chain = ordered.map((s) => addWell(kind, r.pos(s, SIDE[kind] * OFFSET), depthBase));
			chains.set(`${kind}:${r.id}`, chain);
		}
	}
	const trunk = roads.find((r) => r.trunk);
	for (const kind of ['rain', 'sewage']) {
		for (const r of roads) {
			const chain = chains.get(`${kind}:${r.id}`);
			chain.slice(1).forEach((down, k) => {
				const d = diameterOf(kind, r, k >= chain.length / 2);
				addPipe(kind, chain[k], down, d, materialOf(kind, d, r));
			});
			if (r.trunk) continue;
			const target = r.axis === 'ns' ? trunk : kind === 'rain' ? r.eastRoad : r.westRoad;
			const last = chain[chain.length - 1];
			const into = nearest(chains.get(`${kind}:${target.id}`), last.xy);
			const d = diameterOf(kind, r, true);
			addPipe(kind, last, into, d, materialOf(kind, d, r));
		}
	}

	// 一企一管: each chemical plant has its own sewage pipe from an inspection well at the plant.
	const sewage = wells.filter((w) => w.kind === 'sewage');
	for (const e of enterprises.filter((x) => x.chemical)) {
		const start = addWell('inspection', e.location, 1.2);
		start.cover = 'intact';
		e.inspectionWell = start;
		addPipe('dedicated', start, nearest(sewage, e.location), rnd.pick([150, 200]), rnd.pick(['HDPE', 'HDPE', 'PVC']), e.id);
		e.dedicatedPipe = pipes[pipes.length - 1];
	}
	return { wells, pipes, rows: { well: wells.map(wellRow), pipe: pipes.map(pipeRow) } };
}

const nearest = (wells, xy) => wells.reduce((best, w) => (distance(w.xy, xy) < distance(best.xy, xy) ? w : best));

const wellRow = (w) => ({
	id: w.id,
	properties: { code: w.code, kind: w.kind, cover_state: w.cover, depth_m: w.depth },
	geometry: point(w.xy),
});

const pipeRow = (p) => ({
	id: p.id,
	properties: {
		code: p.code,
		kind: p.kind,
		enterprise_id: p.enterpriseId,
		diameter_mm: p.diameter,
		material: p.material,
		upstream_well_id: p.up.id,
		downstream_well_id: p.down.id,
	},
	geometry: lineString([p.up.xy, p.down.xy]),
});
