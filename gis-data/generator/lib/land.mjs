// Parcels through their lifecycle, their history, land recoveries, expansion zones and enterprises.

import { BIG_EMPLOYERS, ENTERPRISES, LAND_USES, PIPELINE, PIPELINE_NOTES, RECOVERIES, REGION_NAMES, REGION_USES, SECOND_PARCELS, SURNAMES } from './names.mjs';
import { DAY, cst, largestRect, multiPolygon, officeTime, pad, point, rectCentre, rectRing, subRect, timestamp } from './frame.mjs';
import { ZONES, subdivide } from './parcels.mjs';

const FALLBACK = { east: ['east', 'west'], west: ['west', 'east'], north: ['north', 'mid'], mid: ['mid', 'north'] };
const HISTORY_FROM = { transferred: 'listed', listed: 'filed', filed: 'red_line_issued', red_line_issued: 'planned' };

const useOfIndustry = (industry) =>
	({ 装卸搬运和仓储业: 'storage', 批发和零售业: 'commercial', 房地产业: 'residential' })[industry] ?? 'industrial';

export function buildLand(blocks, rnd) {
	const pieces = subdivide(blocks, rnd);
	pieces.forEach((p, i) => Object.assign(p, { id: i + 1, code: `3710-${pad(i + 1, 3)}` }));
	const pools = {};
	for (const region of Object.keys(FALLBACK)) pools[region] = rnd.shuffle(pieces.filter((p) => p.region === region));
	const take = (region) => {
		for (const r of FALLBACK[region]) if (pools[r].length) return pools[r].shift();
		throw new Error(`no free parcel left near region ${region}: subdivide the blocks finer`);
	};
	const changedAt = (from, to) => officeTime(rnd, from, to);

	const enterprises = ENTERPRISES.map(([name, industry, chemical, site, relocation], i) => ({
		id: i + 1, name, industry, chemical, site, relocation, parcels: [],
	}));
	const byName = new Map(enterprises.map((e) => [e.name, e]));
	const grant = (e, label, window = ['2019-03-01', '2025-12-31']) => {
		const p = take(e.site);
		Object.assign(p, { status: 'transferred', holder: e.name, name: `${e.name}${label}`, use: useOfIndustry(e.industry) });
		p.statusChangedAt = changedAt(...window);
		p.note = `国有建设用地使用权出让合同 3710-${timestamp(p.statusChangedAt).slice(0, 4)}-${pad(p.id, 3)}`;
		e.parcels.push(p);
	};
	enterprises.forEach((e) => grant(e, '地块'));
	// The last expansion parcel was transferred this half year (挂牌出让 completed).
	SECOND_PARCELS.forEach((name, k) => grant(byName.get(name), '扩建地块', k === SECOND_PARCELS.length - 1 ? ['2026-02-02', '2026-06-19'] : undefined));

	for (const rec of RECOVERIES) {
		const p = take(rec.region);
		const use = rec.landUse === 'industrial' ? 'industrial' : 'commercial';
		Object.assign(p, { status: 'recovered', holder: null, name: `原${rec.former}地块`, use, recovery: rec });
		p.statusChangedAt = cst(`${rec.date}T10:00`);
		p.note = `已收回，原使用权人：${rec.former}`;
	}
	const windows = { listed: ['2026-03-01', '2026-06-20'], filed: ['2026-01-05', '2026-05-30'], red_line_issued: ['2025-10-10', '2026-06-25'], cancelled: ['2025-09-01', '2026-05-29'] };
	for (const [status, rows] of Object.entries(PIPELINE)) {
		for (const [name, region, use] of rows) {
			const p = take(region);
			Object.assign(p, { status, holder: null, name, use, note: PIPELINE_NOTES[status] });
			p.statusChangedAt = changedAt(...windows[status]);
		}
	}
	const planned = pieces.filter((p) => !p.status);
	planned.forEach((p, k) => {
		Object.assign(p, { status: 'planned', holder: null, name: `${REGION_NAMES[p.region]}规划地块${pad(k + 1, 2)}`, use: rnd.weighted(REGION_USES[p.region]), note: null });
		p.statusChangedAt = changedAt('2024-01-10', '2025-12-20');
	});
	if (planned.length < 5) throw new Error(`only ${planned.length} planned parcels left`);

	const history = buildHistory(pieces, rnd);
	return {
		parcels: pieces,
		enterprises,
		rows: {
			parcel: pieces.map((p) => parcelRow(p, rnd)),
			parcel_history: history,
			land_recovery: recoveryRows(pieces),
			expansion_zone: ZONES.map((z, i) => ({
				id: i + 1,
				properties: { code: z.code, name: z.name, kind: z.kind, status: z.status, approved_on: z.approved_on, note: z.note },
				geometry: multiPolygon([[z.ring]]),
			})),
			enterprise: enterprises.map((e) => enterpriseRow(e, rnd)),
		},
	};
}

function parcelRow(p, rnd) {
	const [landUse, classCode] = LAND_USES[p.use];
	// Planned parcels are not surveyed yet; the others carry a surveyed figure within ±0.2 % of the drawn area.
	p.surveyed = p.status === 'planned' ? null : Number((p.area * rnd.between(0.998, 1.002)).toFixed(3));
	return {
		id: p.id,
		properties: {
			code: p.code,
			name: p.name,
			land_use: landUse,
			land_class_code: classCode,
			holder: p.holder,
			status: p.status,
			status_changed_at: timestamp(p.statusChangedAt),
			surveyed_area_m2: p.surveyed,
			note: p.note,
			version: p.version ?? 1,
			// The current version is valid from its last change, so asOf queries line up with parcel_history.
			created_at: timestamp(Math.min(p.statusChangedAt, p.validFrom ?? p.statusChangedAt)),
			updated_at: timestamp(p.statusChangedAt),
		},
		geometry: multiPolygon([p.rings]),
	};
}

/** Four single-rectangle parcels had their red line redrawn once: an edge moved 5–15 m outwards. */
function buildHistory(pieces, rnd) {
	const chosen = Object.keys(HISTORY_FROM).map((status) => pieces.find((p) => p.status === status && p.rects.length === 1));
	return chosen.map((p, i) => {
		const shift = rnd.int(5, 15);
		const [r] = p.rects;
		const before = { ...r, x1: r.x1 - shift };
		const validTo = p.statusChangedAt;
		const validFrom = validTo - rnd.int(60, 200) * DAY;
		p.version = 2;
		p.validFrom = validFrom;
		p.note = `${p.note ?? ''}${p.note ? '；' : ''}红线已调整（第2版）`;
		const [landUse, classCode] = LAND_USES[p.use];
		const properties = {
			history_id: i + 1,
			parcel_id: p.id,
			version: 1,
			code: p.code,
			name: p.name,
			land_use: landUse,
			land_class_code: classCode,
			holder: null,
			status: HISTORY_FROM[p.status],
			surveyed_area_m2: HISTORY_FROM[p.status] === 'planned' ? null : (r.x1 - shift - r.x0) * (r.y1 - r.y0),
			note: `红线调整前：东侧边界较现状内收 ${shift} m`,
			valid_from: timestamp(validFrom),
			valid_to: timestamp(validTo),
			changed_by: 'planner',
			replaced_by: 'planner',
		};
		return { id: i + 1, properties, geometry: multiPolygon([[rectRing(before)]]) };
	});
}

function recoveryRows(pieces) {
	return pieces
		.filter((p) => p.recovery)
		.map((p, i) => ({
			id: i + 1,
			properties: {
				parcel_id: p.id,
				parcel_code: p.code,
				former_holder: p.recovery.former,
				land_use: p.recovery.landUse,
				reason: p.recovery.reason,
				legal_basis: p.recovery.basis,
				decision_date: p.recovery.date,
				certificate_cancelled: p.recovery.cancelled,
				note: p.recovery.note,
			},
			geometry: multiPolygon([p.rings]),
		}));
}

function enterpriseRow(e, rnd) {
	const site = largestRect(e.parcels[0].rects);
	// The plant occupies the west part of its parcel; projects build on the east part.
	e.footprint = subRect(site, 0.1, 0.12, 0.56, 0.88);
	e.location = rectCentre(e.footprint);
	const mobile = `1${rnd.pick(['39', '58', '86', '37', '53'])}${pad(rnd.int(0, 99999999), 8)}`;
	return {
		id: e.id,
		properties: {
			name: e.name,
			industry: e.industry,
			is_chemical: e.chemical,
			relocation_state: e.relocation,
			employees: BIG_EMPLOYERS[e.name] ?? rnd.int(e.chemical ? 60 : 30, e.chemical ? 480 : 360),
			contact: `${rnd.pick(SURNAMES)}经理 ${mobile}`,
			footprint: multiPolygon([[rectRing(e.footprint)]]),
		},
		geometry: point(e.location),
	};
}
