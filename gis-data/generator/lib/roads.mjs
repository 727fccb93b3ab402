// The road grid: north-south roads at XS, east-west roads at YS (local metres from the origin).
// 湛江路 is the southern trunk: it runs on past the grid to the coast, where both outfalls are.

export const XS = [-1820, -1300, -780, -260, 270, 800, 1330, 1840];
export const YS = [-1480, -990, -500, -10, 480, 970, 1450];
export const TRUNK_OVERHANG = 150;

// [name, fixed index, from index, to index, road_class, surface, width_m]
const NORTH_SOUTH = [
	['香山北路', 0, 0, 6, 'arterial', 'asphalt', 36],
	['昆嵛路', 1, 0, 6, 'secondary', 'asphalt', 30],
	['永州路', 2, 0, 6, 'branch', 'asphalt', 20],
	['保利路', 3, 0, 6, 'branch', 'concrete', 16],
	['金园路', 4, 0, 6, 'secondary', 'asphalt', 24],
	['宝尼南路', 5, 0, 6, 'branch', 'asphalt', 18],
	['青岛路', 6, 0, 6, 'branch', 'concrete', 20],
	['烟台路', 7, 0, 6, 'secondary', 'asphalt', 24],
];
const EAST_WEST = [
	['湛江路', 0, 0, 7, 'arterial', 'asphalt', 40],
	['九发路', 1, 0, 7, 'secondary', 'asphalt', 30],
	['广州路', 2, 0, 4, 'arterial', 'asphalt', 40],
	['广州东路', 2, 4, 7, 'arterial', 'asphalt', 40],
	['福海路', 3, 0, 7, 'secondary', 'asphalt', 24],
	['深圳路', 4, 0, 7, 'secondary', 'concrete', 24],
	['珠海路', 5, 0, 7, 'branch', 'asphalt', 18],
	['醍香湾北路', 6, 0, 7, 'access', 'paver', 12],
];

/**
 * Roads with their centreline stations (the crossings). pos(s, offset) gives the point at
 * station s, offset to the left of the east/north-bound direction (north of an east-west road,
 * east of a north-south one is +offset).
 */
export function buildRoads() {
	const roads = [];
	for (const [name, fixed, from, to, roadClass, surface, width] of EAST_WEST) {
		const trunk = name === '湛江路';
		const start = XS[from] - (trunk ? TRUNK_OVERHANG : 0);
		const end = XS[to] + (trunk ? TRUNK_OVERHANG : 0);
		roads.push(road(name, 'ew', YS[fixed], [start, ...XS.slice(from, to + 1), end], roadClass, surface, width, trunk));
	}
	for (const [name, fixed, from, to, roadClass, surface, width] of NORTH_SOUTH) {
		roads.push(road(name, 'ns', XS[fixed], YS.slice(from, to + 1), roadClass, surface, width, false));
	}
	roads.forEach((r, i) => (r.id = i + 1));
	for (const r of roads) {
		if (r.axis === 'ew' && !r.trunk) {
			r.westRoad = roads.find((n) => n.axis === 'ns' && n.at === r.stations[0]);
			r.eastRoad = roads.find((n) => n.axis === 'ns' && n.at === r.stations[r.stations.length - 1]);
		}
	}
	return roads;
}

function road(name, axis, at, stations, roadClass, surface, width, trunk) {
	const unique = [...new Set(stations)];
	const pos = axis === 'ew' ? (s, offset = 0) => [s, at + offset] : (s, offset = 0) => [at + offset, s];
	return { name, axis, at, stations: unique, roadClass, surface, width, trunk, pos };
}

/** Half the width plus a 6 m verge: parcels start here, never closer than 10 m to a centreline. */
export const setback = (r) => Math.max(10, r.width / 2 + 6);

/** The blocks between roads, each shrunk by the setback of the road on each side. */
export function buildBlocks(roads) {
	const ns = (x) => roads.find((r) => r.axis === 'ns' && r.at === x);
	const ew = (y, x) => roads.find((r) => r.axis === 'ew' && r.at === y && r.stations[0] <= x && x <= r.stations[r.stations.length - 1]);
	const blocks = [];
	for (let j = 0; j < YS.length - 1; j++) {
		for (let i = 0; i < XS.length - 1; i++) {
			const midX = (XS[i] + XS[i + 1]) / 2;
			blocks.push({
				i,
				j,
				x0: XS[i] + setback(ns(XS[i])),
				x1: XS[i + 1] - setback(ns(XS[i + 1])),
				y0: YS[j] + setback(ew(YS[j], midX)),
				y1: YS[j + 1] - setback(ew(YS[j + 1], midX)),
			});
		}
	}
	return blocks;
}

export function roadRows(roads, lonLat) {
	return roads.map((r) => ({
		id: r.id,
		properties: { name: r.name, road_class: r.roadClass, surface: r.surface, width_m: r.width },
		geometry: { type: 'MultiLineString', coordinates: [r.stations.map((s) => lonLat(r.pos(s)))] },
	}));
}
