// The registers behind the half-year report: parcel lifecycle events, buildings and their
// certificates (未办证台账), the self-built house survey (自建房排查) and park entry reviews (入园审查).

import { DAY, cst, insideRing, isoDate, largestRect, multiPolygon, officeTime, pad, point, rectArea, rectCentre, rectRing, round2, subRect, timestamp } from './frame.mjs';
import { ZONES } from './parcels.mjs';

/** The lifecycle steps that lead to each parcel status (用地红线图出具 → 组卷 → 挂牌 → 出让 → 收回; 注销 voids a red line). */
const PATH = {
	red_line_issued: ['planned', 'red_line_issued'],
	filed: ['planned', 'red_line_issued', 'filed'],
	listed: ['planned', 'red_line_issued', 'filed', 'listed'],
	transferred: ['planned', 'red_line_issued', 'filed', 'listed', 'transferred'],
	recovered: ['planned', 'red_line_issued', 'filed', 'listed', 'transferred', 'recovered'],
	cancelled: ['planned', 'red_line_issued', 'cancelled'],
};
const EVENT_NOTES = { red_line_issued: '规划分局出具用地红线图', filed: '用地组卷，已转区自然资源局', listed: '挂牌出让公告发布', transferred: '签订出让合同', recovered: '闲置低效用地收回', cancelled: '用地红线作废，注销' };

/** Each parcel's way to its status: the last step at its status change, earlier ones 20–70 days apart before it. */
export function parcelEvents(parcels, rnd) {
	const events = [];
	for (const p of parcels.filter((x) => PATH[x.status])) {
		const path = PATH[p.status];
		const at = [p.statusChangedAt];
		for (let k = path.length - 2; k > 0; k--) at.unshift(at[0] - rnd.int(20, 70) * DAY);
		path.slice(1).forEach((to, k) => {
			events.push({ id: events.length + 1, properties: { parcel_id: p.id, at: timestamp(at[k]), by_user: 'planner', from_status: path[k], to_status: to, version: p.version ?? 1, note: EVENT_NOTES[to] }, geometry: null });
		});
	}
	return events.sort((a, b) => a.properties.at.localeCompare(b.properties.at)).map((e, i) => ({ ...e, id: i + 1 }));
}

const MISSING = ['历史遗留，建设时未办理规划许可', '用地手续不全，土地证办理中', '超出宗地红线建设，需补办手续', '企业资金困难，未申请办理'];

/** Buildings on each enterprise's footprint: most hold both certificates, about a third lack one. */
export function buildings(enterprises, rnd) {
	const rows = [];
	for (const e of enterprises) {
		const count = rnd.int(1, 3);
		for (let k = 0; k < count; k++) {
			const r = subRect(e.footprint, 0.05, 0.05 + (k * 0.9) / count, 0.95, 0.05 + ((k + 1) * 0.9) / count - 0.04);
			const floors = rnd.int(1, 4);
			const certified = rnd.chance(0.68);
			const landIssued = certified || rnd.chance(0.5);
			const propertyState = certified ? 'issued' : rnd.pick(['none', 'none', 'applying']);
			const issuedOn = (from, to) => isoDate(officeTime(rnd, from, to));
			const landOn = landIssued ? issuedOn('2012-03-01', '2023-12-20') : null;
			const id = rows.length + 1;
			rows.push({
				id,
				properties: {
					code: `JZ-${pad(id, 4)}`,
					name: `${e.name}${['1号厂房', '2号厂房', '综合楼'][k]}`,
					enterprise_id: e.id,
					parcel_id: e.parcels[0].id,
					floors,
					floor_area_m2: round2(rectArea(r) * floors),
					land_cert_state: landIssued ? 'issued' : rnd.pick(['none', 'applying']),
					land_cert_no: landIssued ? `鲁(${landOn.slice(0, 4)})威海市不动产权第${pad(rnd.int(1, 99999), 7)}号` : null,
					land_cert_on: landOn,
					property_cert_state: propertyState,
					property_cert_no: propertyState === 'issued' ? `威房权证经开字第${pad(rnd.int(1, 99999), 6)}号` : null,
					property_cert_on: propertyState === 'issued' ? issuedOn('2013-01-01', '2024-06-30') : null,
					missing_reason: certified ? null : rnd.pick(MISSING),
					surveyed_on: isoDate(officeTime(rnd, '2026-02-16', '2026-05-15')),
				},
				geometry: multiPolygon([[rectRing(r)]]),
			});
		}
	}
	return rows;
}

const BUSINESSES = ['小超市', '餐馆', '出租宿舍', '五金店', '快递驿站', '理发店'];
const STRUCTURES = ['砖混', '砖木', '框架'];

/** 自建房排查 in the villages left on the north side: every house surveyed this spring. */
export function selfBuiltHouses(parcels, rnd) {
	const sites = parcels.filter((p) => p.region === 'north' && p.status === 'planned');
	const rows = [];
	for (let i = 0; i < 42; i++) {
		const r = largestRect(sites[i % sites.length].rects);
		const xy = [r.x0 + rnd.between(0.1, 0.9) * (r.x1 - r.x0), r.y0 + rnd.between(0.1, 0.9) * (r.y1 - r.y0)];
		const operating = rnd.chance(0.35);
		const hazard = rnd.chance(operating ? 0.25 : 0.12);
		const appraised = hazard || rnd.chance(0.05);
		const surveyed = officeTime(rnd, '2026-03-02', '2026-05-29');
		rows.push({
			id: i + 1,
			properties: {
				code: `ZJF-${pad(i + 1, 3)}`,
				address: `经开区北区${['东村', '西村', '后村'][i % 3]}${rnd.int(1, 99)}号`,
				owner: `${rnd.pick(['王', '李', '张', '刘', '陈', '于', '孙'])}某某`,
				floors: rnd.int(1, 3),
				operating,
				business: operating ? rnd.pick(BUSINESSES) : null,
				hazard,
				hazard_note: hazard ? rnd.pick(['墙体裂缝', '屋面渗漏、檩条腐朽', '擅自加层', '地基不均匀沉降']) : null,
				appraisal_state: appraised ? 'done' : 'none',
				appraisal_grade: appraised ? (hazard ? rnd.pick(['C', 'D']) : 'B') : null,
				appraised_on: appraised ? isoDate(surveyed + rnd.int(7, 25) * DAY) : null,
				rectification: hazard ? rnd.pick(['停止经营，加固维修', '撤离人员，拆除重建', '限期加固']) : null,
				surveyed_on: isoDate(surveyed),
			},
			geometry: point(xy),
		});
	}
	return rows;
}

const APPLICANTS = [
	['有机硅树脂项目', '威海晨硅新材料有限公司', 'approved'],
	['药用中性硼硅玻璃项目', '威海华玻医药包装有限公司', 'approved'],
	['锂盐系列产品项目', '威海锂源化学有限公司', 'conditional'],
	['高端水处理剂项目', '威海清源化工有限公司', 'approved'],
	['电子化学品项目', '威海芯材化学有限公司', 'approved'],
	['废旧塑料再生项目', '威海绿塑再生资源有限公司', 'refused'],
	['环保涂料项目', '威海蓝海涂料有限公司', 'pending'],
];

/** 入园审查: applications to enter the chemical park sub-zones and the review opinion on each. */
export function parkEntryReviews(parcels, rnd) {
	const zones = ZONES.map((z, i) => ({ ...z, id: i + 1 })).filter((z) => z.kind === 'chemical_park_subzone');
	return APPLICANTS.map(([project, applicant, outcome], i) => {
		const zone = zones[i % zones.length];
		const site = parcels.filter((p) => p.status !== 'transferred' && insideRing(rectCentre(largestRect(p.rects)), zone.ring));
		const submitted = officeTime(rnd, '2026-01-08', '2026-05-22');
		return {
			id: i + 1,
			properties: {
				code: `RY-2026-${pad(i + 1, 3)}`,
				project_name: project,
				applicant,
				zone_id: zone.id,
				submitted_on: isoDate(submitted),
				outcome,
				opinion: { approved: '符合园区产业定位和安全环保准入条件，同意入园', conditional: '原则同意入园，须完成安全评价和环评批复后开工', refused: '不符合化工园区产业定位，不予入园', pending: null }[outcome],
				opinion_on: outcome === 'pending' ? null : isoDate(Math.min(submitted + rnd.int(12, 35) * DAY, cst('2026-06-29T10:00'))),
			},
			geometry: point(rectCentre(largestRect(site[i % site.length].rects))),
		};
	});
}
