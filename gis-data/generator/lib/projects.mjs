// Key construction projects (重点项目) on the parcels they are built on.

import { AHEAD_OF_TARGET, PROJECTS } from './names.mjs';
import { largestRect, multiPolygon, point, rectCentre, rectRing, round2, subRect } from './frame.mjs';

export function buildProjects(land, rnd) {
	const holder = (name) => land.enterprises.find((e) => e.name === name);
	const sitesOf = (where) => {
		const [kind, name] = where.includes(':') ? where.split(':') : ['first', where];
		if (kind === 'parcel') return [land.parcels.find((p) => p.name === name)];
		const parcels = holder(name).parcels;
		return { first: [parcels[0]], second: [parcels[1]], both: parcels }[kind];
	};
	return PROJECTS.map(([name, level, category, total, progress, state, start, where], i) => {
		const parcels = sitesOf(where);
		// Built or building projects have a drawn footprint on the east part of each parcel; planned ones not yet.
		const parts = state === 'planned' ? [] : parcels.map((p) => subRect(largestRect(p.rects), 0.62, 0.15, 0.9, 0.85));
		const anchor = parts[0] ?? subRect(largestRect(parcels[0].rects), 0.6, 0.3, 0.9, 0.7);
		const completed = round2(total * progress);
		const yearly = round2(total * rnd.between(0.25, 0.4));
		return {
			id: i + 1,
			properties: {
				name,
				level,
				category,
				total_investment_wan: total,
				completed_investment_wan: completed,
				annual_target_wan: AHEAD_OF_TARGET.includes(name) ? round2(completed * 0.8) : yearly,
				start_date: start,
				state,
				parcel_codes: parcels.map((p) => p.code),
				footprint: parts.length ? multiPolygon(parts.map((r) => [rectRing(r)])) : null,
			},
			geometry: point(rectCentre(anchor)),
		};
	});
}
