// Crews, work orders (闭环管理) and the event log that led each order to its state.

import { DAY, HOUR, along, cst, distance, largestRect, officeTime, pad, point, rectCentre, round2, timeBetween, timestamp } from './frame.mjs';

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
/** The catalogue kind (V50 work_kind) an order's own quantity counts as. */
const WORK_OF_KIND = { road_repair: 'road_cracks_sealed', pipe_dredging: 'pipes_dredged', well_repair: 'wells_repaired', well_cover: 'covers_repaired', cable_repair: 'cable_replaced', greening: 'green_maintained' };

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

/**
 * rnd draws the orders of the original demo; later additions (enterprise inspections, municipal
 * works with their quantities) draw from later, so adding them leaves the earlier orders as they were.
 */
export function buildMaintenance({ roads, network, lighting, enterprises, parcels }, rnd, later) {
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
		// Listed works state their main quantity first; other orders measure theirs.
		const measured = () => (extra.workDone ? Object.values(extra.workDone)[0] : quantityOf(kind, order, rnd));
		order.quantity = path.includes('completed') && UNIT[kind] ? measured() : null;
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
	const addEvents = (o) => {
		o.path.forEach((to, k) => {
			const by = ['in_progress', 'completed'].includes(to) ? `crew${o.crew.id}` : k === 0 ? (o.reportedBy === 'crew' ? `crew${(o.crew ?? crewFor(o.kind)).id}` : o.reportedBy) : 'dispatcher';
			const note = to === 'dispatched' ? `派单至${o.crew.name}` : o.state === 'cancelled' && to === 'cancelled' && o.path.length > 2 ? '企业已自行处理，撤销' : NOTES[to];
			events.push({
				id: events.length + 1,
				properties: { work_order_id: o.id, at: timestamp(o.times[k]), by_user: by, from_state: k === 0 ? null : o.path[k - 1], to_state: to, note },
				geometry: ['in_progress', 'completed'].includes(to) ? point(o.xy) : null,
			});
		});
	};
	orders.forEach(addEvents);
	orders.filter((o) => o.kind === 'inspection').forEach((o, k) => (o.inspectionKind = INSPECTION_KINDS[k % INSPECTION_KINDS.length]));

	// Additions keep the ids above: they are numbered after the original orders.
	rnd = later;
	const first = orders.length;
	addInspections(enterprises, addOrder, rnd);
	addMunicipalWorks(roads, addOrder, rnd);
	orders.slice(first).forEach((o, i) => Object.assign(o, { id: first + i + 1, code: `GD-2026-${pad(first + i + 1, 4)}` }));
	orders.slice(first).forEach(addEvents);
	return {
		rows: {
			crew: crews.map((c) => ({ id: c.id, properties: { name: c.name, skills: c.skills, phone: c.phone, active: true }, geometry: point(c.base) })),
			work_order: orders.map((o) => orderRow(o)),
			work_order_event: events,
			work_quantity: quantityRows(orders),
		},
	};
}

const INSPECTION_KINDS = ['safety', 'environmental', 'fire', 'dust', 'heating_stove', 'hazardous_waste'];
const INSPECTION_NAMES = { safety: '安全生产检查', environmental: '环保设施排查', fire: '消防安全检查', dust: '扬尘专项整治检查', heating_stove: '燃煤及取暖炉灶排查', hazardous_waste: '危废固废排查' };

/**
 * Enterprise inspections of the half year (安全生产、环保检查): each problem found is put right on the
 * spot or becomes a rectification order; some enterprises are inspected again (复查). An
 * inspection is closed only when all its findings are settled.
 */
function addInspections(enterprises, addOrder, rnd) {
	const plan = [
		['宝尼新材料', 'safety', [['on_spot', '消防通道堆放杂物'], ['order', '车间安全警示标识缺失']], true],
		['新元无醛粘合剂', 'environmental', [['order', '废气收集设施运行记录不全'], ['on_spot', '雨水排口未设标识牌']], true],
		['财金新材料', 'fire', [['on_spot', '灭火器压力不足'], ['on_spot', '应急照明损坏']], false],
		['米纽特新材料', 'hazardous_waste', [['order', '危废贮存间防渗层破损']], true],
		['恒泰毛毯', 'heating_stove', [['on_spot', '值班室使用取暖小煤炉'], ['on_spot', '仓库使用取暖小煤炉']], false],
		['金象实业', 'heating_stove', [['on_spot', '门卫室使用取暖小煤炉']], false],
		['天润工业', 'safety', [['order', '铸造车间除尘设备未定期检修'], ['on_spot', '叉车司机未持证上岗']], false],
		['瑞鑫机电', 'dust', [['order', '施工工地裸土未覆盖']], false],
		['颐阳酒业', 'fire', [], false],
	];
	plan.forEach(([name, kind, problems, reinspect], k) => {
		const e = enterprises.find((x) => x.name === name);
		const settled = k % 4 !== 3;
		const inspection = addOrder('inspection', settled ? 'closed' : 'completed', { enterprise: e, xy: e.location, what: `${e.name} ${INSPECTION_NAMES[kind]}` }, officeTime(rnd, '2026-01-06', '2026-04-30'), { inspectionKind: kind });
		const foundAt = inspection.times[inspection.path.indexOf('in_progress')] + HOUR;
		problems.forEach(([how, what], j) => {
			const state = how === 'on_spot' || settled ? 'closed' : j % 2 ? 'in_progress' : 'completed';
			addOrder('other', state, { enterprise: e, xy: e.location, what: `检查发现：${e.name}${what}${how === 'on_spot' ? '，已立即整改' : '，限期整改'}` }, foundAt + j * 20 * 60e3, { inspection, rectifiedOnSpot: how === 'on_spot' });
		});
		if (reinspect) {
			addOrder('inspection', 'closed', { enterprise: e, xy: e.location, what: `${e.name} ${INSPECTION_NAMES[kind]}复查` }, inspection.created + 30 * DAY + rnd.int(0, 10) * DAY, { inspectionKind: kind, reinspectionOf: inspection });
		}
	});
}

/** Municipal works closed this half year and the quantities of the work catalogue they did (first: the main one). */
function addMunicipalWorks(roads, addOrder, rnd) {
	const road = (name) => roads.find((r) => r.name === name);
	const works = [
		['road_repair', road('湛江路'), '湛江路整体改造及雨污分流', { road_hardened: 12600, pipe_laid: 1860, wells_built: 64, rain_inlets_built: 38, base_course_laid: 25400, asphalt_laid: 16800, kerb_installed: 3120, retaining_wall_built: 420 }],
		['road_repair', road('金园路'), '金园路沥青罩面、道路割缝修补', { asphalt_laid: 9600, road_cracks_sealed: 1350 }],
		['greening', road('香山北路'), '主干道及公园绿地日常养护、补植', { green_maintained: 386000, trees_transplanted: 2300, hedge_planted: 5200, plants_replanted: 41000 }],
		['other', road('保利路'), '保利路、永州路栽植银杏行道树', { street_trees_planted: 560 }],
		['streetlight_repair', road('永州路'), '永州路、九发路路灯安装及电缆铺设', { lamps_installed: 146, cable_laid: 5400 }],
		['cable_repair', road('九发路'), '路灯电缆烧坏维修、更换', { cable_replaced: 2860, cable_faults_repaired: 23 }],
		['well_repair', road('宝尼南路'), '雨污水井及井盖整修', { wells_repaired: 86, covers_repaired: 132 }],
		['pipe_dredging', road('广州路'), '雨水井清理、雨污管道疏通及污水清运', { pipes_dredged: 8600, rain_inlets_cleared: 420, sewage_hauled: 3150 }],
		['other', road('昆嵛路'), '银河挡土墙修复、路边石整修', { retaining_wall_repaired: 180, kerb_repaired: 640 }],
		['other', road('湛江路'), '环卫保洁：生活垃圾清运、洒水降尘、护栏清刷', { refuse_hauled: 2680, dust_water_sprayed: 15600, railings_cleaned: 412 }],
	];
	for (const [kind, r, what, done] of works) {
		const xy = r.pos(r.stations[0] + (r.stations[r.stations.length - 1] - r.stations[0]) * rnd.between(0.3, 0.7), 0);
		addOrder(kind, 'closed', { assetType: kind === 'road_repair' ? 'road' : undefined, asset: kind === 'road_repair' ? r : undefined, xy, what }, officeTime(rnd, '2026-01-12', '2026-05-29'), { workDone: done });
	}
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
			created_at: timestamp(o.created),
			due_at: timestamp(o.created + DUE_HOURS[o.priority] * HOUR),
			quantity: o.quantity,
			quantity_unit: o.quantity === null ? null : UNIT[o.kind],
			inspection_kind: o.inspectionKind ?? null,
			reinspection_of: o.reinspectionOf?.id ?? null,
			rectified_on_spot: o.rectifiedOnSpot ?? false,
		},
		geometry: point(o.xy),
	};
}

/** The work each closed order did by catalogue kind: its stated list, else its own quantity. */
function quantityRows(orders) {
	const rows = [];
	for (const o of orders.filter((x) => x.state === 'closed')) {
		const done = o.workDone ?? (o.quantity !== null && WORK_OF_KIND[o.kind] ? { [WORK_OF_KIND[o.kind]]: o.quantity } : {});
		for (const [workKind, amount] of Object.entries(done)) rows.push({ id: rows.length + 1, properties: { work_order_id: o.id, work_kind: workKind, amount }, geometry: null });
	}
	return rows;
}
