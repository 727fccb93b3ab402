// Crews, work orders (闭环管理) and the event log that led each order to its state.

import { DAY, HOUR, along, cst, distance, largestRect, pad, point, rectCentre, round2, timeBetween, timestamp } from './frame.mjs';

const CREWS = [
	['道路养护一班', ['road_repair', 'well_cover', 'greening'], '0631-5981201', [-240, -470]],
	['管网疏通队', ['pipe_dredging', 'well_repair', 'well_cover'], '0631-5981202', [300, -1450]],
	['路灯电缆班', ['streetlight_repair', 'cable_repair'], '0631-5981203', [-750, 20]],
	['综合巡查组', ['inspection', 'other', 'greening'], '0631-5981204', [830, 510]],
];
export const STATES = ['new', 'dispatched', 'in_progress', 'completed', 'rejected', 'verified', 'closed', 'cancelled'];
export const KINDS = ['road_repair', 'pipe_dredging', 'well_repair', 'well_cover', 'streetlight_repair', 'cable_repair', 'greening', 'inspection', 'other'];
const PRIORITIES = [['urgent', 0.1], ['high', 0.25], ['normal', 0.5], ['low', 0.15]];
const DUE_HOURS = { urgent: 24, high: 72, normal: 168, low: 336 };
const UNIT = { road_repair: 'm2', pipe_dredging: 'm', well_repair: '座', well_cover: '座', streetlight_repair: '盏', cable_repair: 'm', greening: 'm2' };
const NOW = cst('2026-06-30T17:00');

/** The transitions that lead to each state (rejected: verification failed, sent back for rework). */
function pathTo(state, rework, dispatchedFirst) {
	const done = ['new', 'dispatched', 'in_progress', 'completed'];
	switch (state) {
		case 'new': return ['new'];
		case 'dispatched': return ['new', 'dispatched'];
		case 'in_progress': return ['new', 'dispatched', 'in_progress'];
		case 'completed': return done;
		case 'rejected': return [...done, 'rejected'];
		case 'verified': return [...done, 'verified'];
		case 'closed': return rework ? [...done, 'rejected', 'in_progress', 'completed', 'verified', 'closed'] : [...done, 'verified', 'closed'];
		default: return dispatchedFirst ? ['new', 'dispatched', 'cancelled'] : ['new', 'cancelled'];
	}
}

const NOTES = {
	new: '登记工单',
	in_progress: '班组到场处置',
	completed: '完工，已上传现场照片',
	rejected: '验收不合格，退回返工',
	verified: '验收合格',
	closed: '归档，闭环',
	cancelled: '重复上报，撤销工单',
};

export function buildMaintenance({ roads, network, lighting, enterprises, parcels }, rnd) {
	const crews = CREWS.map(([name, skills, phone, base], i) => ({ id: i + 1, name, skills, phone, base }));
	const crewFor = (kind) => rnd.pick(crews.filter((c) => c.skills.includes(kind)));
	const faultyWells = network.wells.filter((w) => w.cover !== 'intact' && w.kind !== 'inspection');
	const faultyLights = lighting.lights.filter((l) => l.state === 'faulty' || l.state === 'under_repair');
	const mainPipes = network.pipes.filter((p) => p.kind !== 'dedicated');
	const roadPoint = (r, offset) => r.pos(rnd.between(r.stations[0] + 40, r.stations[r.stations.length - 1] - 40), offset);
	let cursor = 0;
	const cycle = (items) => items[cursor++ % items.length];

	const target = (kind) => {
		switch (kind) {
			case 'road_repair': { const r = rnd.pick(roads); return { assetType: 'road', asset: r, xy: roadPoint(r, 0), what: `${r.name}路面坑槽、裂缝修补` }; }
			case 'pipe_dredging': { const p = rnd.pick(mainPipes); return { assetType: 'pipe', asset: p, xy: mid(p.up.xy, p.down.xy), what: `${p.code} 管段淤堵，雨后积水，需疏通` }; }
			case 'well_repair': { const w = rnd.pick(network.wells.filter((x) => x.kind !== 'inspection')); return { assetType: 'well', asset: w, xy: w.xy, what: `${w.code} 井壁破损渗漏，需修复` }; }
			case 'well_cover': { const w = cycle(faultyWells); return { assetType: 'well', asset: w, xy: w.xy, what: `${w.code} 井盖${w.cover === 'missing' ? '缺失' : '破损'}，存在安全隐患` }; }
			case 'streetlight_repair': { const l = cycle(faultyLights); return { assetType: 'streetlight', asset: l, xy: l.xy, what: `${l.code} 路灯不亮（${l.circuit} 回路）` }; }
			case 'cable_repair': { const c = rnd.chance(0.5) ? lighting.cables.find((x) => x.state === 'faulty') : rnd.pick(lighting.cables); return { assetType: 'cable', asset: c, xy: along(c.pts, 40), what: `${c.code} 电缆绝缘老化、接头烧坏，${c.circuit} 回路跳闸` }; }
			case 'greening': { const r = rnd.pick(roads); return { xy: roadPoint(r, r.width / 2 + 3), what: `${r.name}绿化带补植、修剪` }; }
			case 'inspection': { const e = rnd.pick(enterprises); return { enterprise: e, xy: e.location, what: `${e.name} 安全环保检查（一企一管、危废贮存、消防）` }; }
			default: { const p = rnd.pick(parcels.filter((x) => x.status === 'planned' || x.status === 'recovered')); return { xy: rectCentre(largestRect(p.rects)), what: `${p.name} 建筑垃圾清运、围挡整修` }; }
		}
	};

	const orders = [];
	const addOrder = (kind, state, t, created, extra = {}) => {
		const priority = rnd.weighted(PRIORITIES);
		const path = pathTo(state, orders.length % 2 === 0, rnd.chance(0.5));
		const crew = path.includes('dispatched') ? crewFor(kind) : null;
		const order = { kind, state, priority, path, crew, created, ...t, ...extra };
		order.reportedBy = kind === 'inspection' ? 'dispatcher' : rnd.pick(['dispatcher', 'crew', 'planner']);
		order.times = path.map((_, k) => (k === 0 ? created : 0));
		for (let k = 1; k < path.length; k++) order.times[k] = order.times[k - 1] + timeBetween(rnd, HOUR, (path[k] === 'completed' ? 48 : 20) * HOUR);
		order.quantity = path.includes('completed') && UNIT[kind] ? quantityOf(kind, order, rnd) : null;
		orders.push(order);
		return order;
	};

	for (let i = 0; i < 48; i++) {
		const state = STATES[i % STATES.length];
		const kind = KINDS[i % KINDS.length];
		// Open orders are recent; finished ones spread over the half year.
		const open = ['new', 'dispatched', 'in_progress'].includes(state);
		const created = open ? timeBetween(rnd, NOW - 9 * DAY, NOW - 2 * DAY) : timeBetween(rnd, cst('2026-01-05T08:00'), cst('2026-06-10T17:00'));
		addOrder(kind, state, target(kind), created);
	}
	// Two enterprise inspections whose findings became orders of their own.
	for (const [name, state, findings] of [['诚弘制药', 'closed', [['pipe_dredging', 'closed'], ['other', 'verified']]], ['宝尼新材料', 'verified', [['well_cover', 'in_progress'], ['other', 'new']]]]) {
		const e = enterprises.find((x) => x.name === name);
		const inspection = addOrder('inspection', state, { enterprise: e, xy: e.location, what: `${e.name} 化工园区专项检查（一企一管、危废贮存、消防）` }, timeBetween(rnd, cst('2026-04-01T08:00'), cst('2026-05-20T17:00')));
		const foundAt = inspection.times[inspection.path.indexOf('in_progress')] + 2 * HOUR;
		for (const [kind, fstate] of findings) {
			const t = {
				pipe_dredging: { assetType: 'pipe', asset: e.dedicatedPipe, xy: mid(e.dedicatedPipe.up.xy, e.dedicatedPipe.down.xy), what: `检查发现：${e.name} 一企一管 ${e.dedicatedPipe.code} 流量异常，疑似淤堵` },
				well_cover: { assetType: 'well', asset: e.inspectionWell, xy: e.inspectionWell.xy, what: `检查发现：${e.name} 一企一管检查井 ${e.inspectionWell.code} 井盖松动` },
				other: { xy: e.location, what: `检查发现：${e.name} 危废贮存间标识不规范，限期整改` },
			}[kind];
			addOrder(kind, fstate, { ...t, enterprise: e }, foundAt, { inspection });
		}
	}

	orders.sort((a, b) => a.created - b.created);
	orders.forEach((o, i) => Object.assign(o, { id: i + 1, code: `GD-2026-${pad(i + 1, 4)}` }));
	const events = [];
	for (const o of orders) {
		o.path.forEach((to, k) => {
			const by = ['in_progress', 'completed'].includes(to) ? `crew${o.crew.id}` : k === 0 ? (o.reportedBy === 'crew' ? `crew${(o.crew ?? crewFor(o.kind)).id}` : o.reportedBy) : 'dispatcher';
			const note = to === 'dispatched' ? `派单至${o.crew.name}` : o.state === 'cancelled' && to === 'cancelled' && o.path.length > 2 ? '企业已自行处理，撤销' : NOTES[to];
			events.push({
				id: events.length + 1,
				properties: { work_order_id: o.id, at: timestamp(o.times[k]), by_user: by, from_state: k === 0 ? null : o.path[k - 1], to_state: to, note },
				geometry: ['in_progress', 'completed'].includes(to) ? point(o.xy) : null,
			});
		});
	}
	return {
		rows: {
			crew: crews.map((c) => ({ id: c.id, properties: { name: c.name, skills: c.skills, phone: c.phone, active: true }, geometry: point(c.base) })),
			work_order: orders.map((o) => orderRow(o)),
			work_order_event: events,
		},
	};
}

const mid = (a, b) => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

function quantityOf(kind, o, rnd) {
	if (kind === 'pipe_dredging') return round2(distance(o.asset.up.xy, o.asset.down.xy));
	if (['well_repair', 'well_cover', 'streetlight_repair'].includes(kind)) return 1;
	return rnd.int(kind === 'cable_repair' ? 20 : 8, kind === 'greening' ? 480 : 120);
}

function orderRow(o) {
	return {
		id: o.id,
		properties: {
			code: o.code,
			kind: o.kind,
			priority: o.priority,
			state: o.state,
			description: o.what,
			asset_type: o.assetType ?? null,
			asset_id: o.asset?.id ?? null,
			enterprise_id: o.enterprise?.id ?? null,
			inspection_id: o.inspection?.id ?? null,
			crew_id: o.crew?.id ?? null,
			reported_by: o.reportedBy,
			due_at: timestamp(o.created + DUE_HOURS[o.priority] * HOUR),
			quantity: o.quantity,
			quantity_unit: o.quantity === null ? null : UNIT[o.kind],
		},
		geometry: point(o.xy),
	};
}
