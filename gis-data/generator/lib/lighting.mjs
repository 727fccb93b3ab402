// Streetlight circuits: cables in the verge along a road, lights every 30–40 m on the cable.

import { XS, YS } from './roads.mjs';
import { along, distance, lineString, pad, point, polylineLength } from './frame.mjs';

// [circuit, [[cable road, from station, to station]...]]; a cable with two legs turns a corner.
const CIRCUITS = [
	['HL-01', [[['湛江路', XS[0] - 140, XS[3]]], [['湛江路', XS[3], XS[7] + 140]]]],
	['HL-02', [[['广州路', XS[0] + 30, XS[4] - 30]]]],
	['HL-03', [[['九发路', XS[1], XS[4]]], [['九发路', XS[4], XS[6]]]]],
	['HL-04', [[['永州路', YS[0] + 30, YS[3]]], [['永州路', YS[3], YS[6] - 30]]]],
	['HL-05', [[['香山北路', YS[1], YS[5]]]]],
	['HL-06', [[['保利路', YS[2], YS[6] - 30]]]],
	['HL-07', [[['醍香湾北路', XS[1], XS[5]]]]],
	['HL-08', [[['金园路', YS[3] + 30, YS[5]], ['珠海路', XS[4], XS[6]]], [['珠海路', XS[6], XS[7] - 30]]]],
];
const FAULTY_CABLE = 'DL-03-2'; // 电缆烧坏: its lights are off until the repair order closes

const LAMP = { arterial: ['led', 180], secondary: ['led', 150], branch: ['led', 120], access: ['led', 90] };

export function buildLighting(roads, rnd) {
	const byName = new Map(roads.map((r) => [r.name, r]));
	const inVerge = (r) => r.width / 2 - 1.5;
	const cables = [];
	const lights = [];
	for (const [circuit, legsList] of CIRCUITS) {
		legsList.forEach((legs, k) => {
			const pts = [];
			legs.forEach(([name, from, to], n) => {
				const r = byName.get(name);
				// At a corner the leg runs on to the verge line of the next road, where that leg continues.
				const next = legs[n + 1] && byName.get(legs[n + 1][0]);
				if (n === 0) pts.push(r.pos(from, -inVerge(r)));
				pts.push(r.pos(next ? next.at - inVerge(next) : to, -inVerge(r)));
			});
			const code = `DL-${circuit.slice(3)}-${k + 1}`;
			const road = byName.get(legs[0][0]);
			cables.push({ id: cables.length + 1, code, circuit, pts, state: code === FAULTY_CABLE ? 'faulty' : 'normal', road });
		});
	}
	cables.forEach((c, k) => {
		const length = polylineLength(c.pts);
		const n = Math.round(length / 35);
		const [lampType, power] = c.road.name === '香山北路' ? ['sodium', 250] : LAMP[c.road.roadClass];
		// A cable continuing the previous one of its circuit already has a light at its start.
		const prev = cables[k - 1];
		const continues = prev?.circuit === c.circuit && distance(prev.pts[prev.pts.length - 1], c.pts[0]) < 0.01;
		for (let q = continues ? 1 : 0; q <= n; q++) {
			const roll = rnd.next();
			const state = c.state === 'faulty' ? 'off' : roll < 0.05 ? 'faulty' : roll < 0.08 ? 'under_repair' : roll < 0.1 ? 'off' : 'normal';
			lights.push({ id: lights.length + 1, circuit: c.circuit, cable: c, xy: along(c.pts, (length * q) / n), lampType, power, state });
		}
	});
	for (const l of lights) l.code = `LD-${pad(l.id, 4)}`;
	return {
		cables,
		lights,
		rows: {
			cable: cables.map((c) => ({
				id: c.id,
				properties: { code: c.code, circuit: c.circuit, cable_type: 'YJV22-0.6/1kV 4×25', state: c.state },
				geometry: lineString(c.pts),
			})),
			streetlight: lights.map((l) => ({
				id: l.id,
				properties: { code: l.code, circuit: l.circuit, lamp_type: l.lampType, power_w: l.power, state: l.state },
				geometry: point(l.xy),
			})),
		},
	};
}
