// Invariants of the demo zone, checked on a fresh in-memory generation: node --test gis-data/generator

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_DIR, generateDemo, serialise } from './generate-demo.mjs';
import { EXTENT, round7, toMetres } from './lib/frame.mjs';
import { LOADER_COLUMNS, fitsType, migrationSql, readSchema } from './lib/schema-contract.mjs';
import { bbox, bboxesOverlap, coveredBy, isRectilinear, lineProblems, overlapArea, pointSegmentDistance, polygonProblems, segmentDistance } from './lib/checks.mjs';

const demo = generateDemo();
const schema = readSchema();
const props = (table) => demo[table].features.map((f) => ({ id: f.id, ...f.properties, geom: f.geometry }));
const byId = (table) => new Map(props(table).map((r) => [r.id, r]));
const key = (p) => p.join(',');
const polygonsOf = (g) => (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates]);
const countBy = (rows, f) => rows.reduce((m, r) => m.set(f(r), (m.get(f(r)) ?? 0) + 1), new Map());
/** Consecutive position pairs of a line, in local metres. */
const segments = (coords) => coords.map(toMetres).slice(1).map((b, k, rest) => [k ? rest[k - 1] : toMetres(coords[0]), b]);
const distanceToLines = (xy, lines) => Math.min(...lines.flatMap(segments).map(([a, b]) => pointSegmentDistance(toMetres(xy), a, b)));

test('is identical on every run and matches the committed files', () => {
	assert.deepEqual(generateDemo(), demo);
	for (const [name, fc] of Object.entries(demo)) {
		assert.equal(readFileSync(join(DEMO_DIR, `${name}.geojson`), 'utf8'), serialise(fc), `${name}.geojson is stale: run node gis-data/generator/generate-demo.mjs`);
	}
});

test('has the expected number of rows per table', () => {
	const n = (t) => demo[t].features.length;
	assert.ok(n('road') >= 15 && n('parcel') >= 60 && n('enterprise') >= 30 && n('well') >= 120 && n('pipe') >= 150);
	assert.ok(n('streetlight') >= 200 && n('project') >= 12 && n('work_order') >= 40);
	assert.equal(n('parcel_history'), 4);
	assert.equal(n('land_recovery'), 6);
	assert.equal(n('expansion_zone'), 3);
	assert.equal(n('crew'), 4);
	assert.equal(new Set(props('cable').map((c) => c.circuit)).size, 8);
});

test('every feature speaks the schema: ids, column names, types, NOT NULL and CHECK values', () => {
	for (const [table, fc] of Object.entries(demo)) {
		const columns = schema[table];
		assert.ok(columns, `no table ${table} in the migration`);
		assert.deepEqual(fc.features.map((f) => f.id), fc.features.map((_, i) => i + 1), `${table} ids are not 1..n`);
		// parcel may state its version (2 where a history row exists); in parcel_history and parcel_event it is data.
		const allowed = Object.keys(columns).filter((c) => !LOADER_COLUMNS.includes(c) || (table === 'parcel' && ['version', 'created_at', 'updated_at'].includes(c)) || (table === 'work_order' && c === 'created_at') || (c === 'version' && ['parcel_history', 'parcel_event'].includes(table)));
		for (const f of fc.features) {
			const where = `${table} ${f.id}`;
			if (table === 'parcel_history') assert.equal(f.properties.history_id, f.id, where);
			for (const [name, value] of Object.entries(f.properties)) {
				assert.ok(allowed.includes(name), `${where}: ${name} is not a column`);
				if (value === null) {
					assert.ok(!columns[name].notNull, `${where}: ${name} is NOT NULL`);
					continue;
				}
				assert.ok(fitsType(columns[name], value), `${where}: ${name}=${JSON.stringify(value)} does not fit ${columns[name].type}`);
				if (columns[name].allowed) assert.ok(columns[name].allowed.includes(value), `${where}: ${name}=${value} fails its CHECK`);
			}
			for (const [name, c] of Object.entries(columns)) {
				if (c.notNull && !c.hasDefault && allowed.includes(name)) assert.ok(f.properties[name] != null, `${where}: ${name} missing`);
			}
			if (f.geometry !== null || columns.geom?.notNull) assert.equal(f.geometry?.type, columns.geom.geometryType, `${where}: geometry type`);
		}
	}
	for (const crew of props('crew')) assert.ok(crew.skills.every((s) => schema.work_order.kind.allowed.includes(s)));
});

function* allGeometries() {
	for (const [table, fc] of Object.entries(demo)) {
		for (const f of fc.features) {
			if (f.geometry) yield [`${table} ${f.id}`, f.geometry];
			if (f.properties.footprint) yield [`${table} ${f.id} footprint`, f.properties.footprint];
		}
	}
}

test('every geometry is valid, inside the zone extent and rounded to 7 decimals', () => {
	for (const [where, g] of allGeometries()) {
		const positions = g.type === 'Point' ? [g.coordinates] : g.coordinates.flat(g.type === 'LineString' ? 0 : g.type === 'MultiLineString' ? 1 : 2);
		for (const [lon, lat] of positions) {
			assert.ok(lon >= EXTENT.minLon && lon <= EXTENT.maxLon && lat >= EXTENT.minLat && lat <= EXTENT.maxLat, `${where} leaves the extent at ${lon} ${lat}`);
			assert.ok(round7(lon) === lon && round7(lat) === lat, `${where}: ${lon} ${lat} has more than 7 decimals`);
		}
		let problem = null;
		if (g.type === 'MultiPolygon') {
			problem = g.coordinates.map(polygonProblems).find(Boolean) ?? null;
			assert.ok(isRectilinear(g.coordinates), `${where} is not axis-parallel`);
			for (let i = 0; i < g.coordinates.length && !problem; i++) {
				for (let j = i + 1; j < g.coordinates.length; j++) if (overlapArea([g.coordinates[i]], [g.coordinates[j]]) > 0) problem = 'parts overlap';
			}
		} else if (g.type === 'LineString') problem = lineProblems(g.coordinates);
		else if (g.type === 'MultiLineString') problem = g.coordinates.map(lineProblems).find(Boolean) ?? null;
		assert.equal(problem, null, `${where}: ${problem}`);
	}
});

test('live parcels never overlap and keep 10 m from every road centreline', () => {
	const live = props('parcel').filter((p) => !['recovered', 'cancelled'].includes(p.status)).map((p) => ({ ...p, box: bbox(p.geom.coordinates) }));
	for (let i = 0; i < live.length; i++) {
		for (let j = i + 1; j < live.length; j++) {
			if (!bboxesOverlap(live[i].box, live[j].box)) continue;
			assert.equal(overlapArea(live[i].geom.coordinates, live[j].geom.coordinates), 0, `${live[i].code} overlaps ${live[j].code}`);
		}
	}
	const roadSegments = props('road').flatMap((r) => r.geom.coordinates.flatMap(segments).map((s) => [...s, r.name]));
	for (const p of props('parcel')) {
		for (const [c, d] of p.geom.coordinates.flat().flatMap(segments)) {
			for (const [a, b, name] of roadSegments) assert.ok(segmentDistance(c, d, a, b) >= 10, `${p.code} is within 10 m of ${name}`);
		}
	}
});

test('parcels cover every lifecycle status, with history and one recovery per recovered parcel', () => {
	const parcels = props('parcel');
	const status = countBy(parcels, (p) => p.status);
	for (const s of ['planned', 'red_line_issued', 'filed', 'listed', 'transferred']) assert.ok(status.get(s) >= 5, `${s}: ${status.get(s)}`);
	assert.ok(status.get('recovered') >= 6 && status.get('cancelled') >= 3);
	assert.ok(parcels.filter((p) => p.status === 'planned').every((p) => p.holder === null && p.surveyed_area_m2 === null));
	assert.ok(parcels.filter((p) => p.status === 'transferred').every((p) => p.holder));
	assert.ok(parcels.some((p) => p.geom.coordinates.some((rings) => rings.length > 1)), 'no parcel with a hole');
	assert.equal(new Set(parcels.map((p) => p.code)).size, parcels.length);

	const byParcel = byId('parcel');
	for (const h of props('parcel_history')) {
		const p = byParcel.get(h.parcel_id);
		assert.ok(p && p.version === 2 && h.version === 1 && h.code === p.code, `history ${h.history_id}`);
		assert.ok(h.valid_from < h.valid_to && h.valid_to <= p.status_changed_at);
		assert.ok(overlapArea(h.geom.coordinates, p.geom.coordinates) > 0 && JSON.stringify(h.geom) !== JSON.stringify(p.geom));
	}
	const recoveries = props('land_recovery');
	assert.deepEqual(recoveries.map((r) => r.parcel_id).sort(), parcels.filter((p) => p.status === 'recovered').map((p) => p.id).sort());
	for (const r of recoveries) {
		const p = byParcel.get(r.parcel_id);
		assert.equal(r.parcel_code, p.code);
		assert.deepEqual(r.geom, p.geom);
	}
	for (const reason of ['idle', 'low_efficiency', 'court_ruling', 'term_expired']) assert.ok(recoveries.some((r) => r.reason === reason), reason);
	for (const former of ['史丹利', '康恒置业', '尼柔丝']) assert.ok(recoveries.some((r) => r.former_holder === former), former);
});

test('enterprises sit on their parcels; non-chemical plants in the chemical park are being dealt with', () => {
	const parcels = props('parcel');
	const chemicalZones = props('expansion_zone').filter((z) => z.kind === 'chemical_park_subzone');
	const inChemicalPark = (e) => chemicalZones.some((z) => overlapArea([[boxAround(e.geom.coordinates)]], z.geom.coordinates) > 0);
	for (const e of props('enterprise')) {
		const own = parcels.filter((p) => p.holder === e.name).map((p) => p.geom.coordinates);
		assert.ok(own.length > 0, `${e.name} holds no parcel`);
		assert.ok(coveredBy(e.footprint.coordinates, own), `${e.name} footprint leaves its parcels`);
		assert.ok(overlapArea([[boxAround(e.geom.coordinates)]], e.footprint.coordinates) > 0, `${e.name} point is off its footprint`);
		if (e.is_chemical) assert.ok(['none', 'retain'].includes(e.relocation_state), e.name);
	}
	const strangers = props('enterprise').filter((e) => !e.is_chemical && inChemicalPark(e));
	assert.ok(strangers.length >= 6, `only ${strangers.length} non-chemical enterprises in the chemical park`);
	assert.ok(strangers.every((e) => ['relocate', 'convert', 'retain'].includes(e.relocation_state)));
	assert.equal(new Set(strangers.map((e) => e.relocation_state)).size, 3);
	for (const z of props('expansion_zone')) assert.ok(parcels.filter((p) => overlapArea(p.geom.coordinates, z.geom.coordinates) > 0).length >= 5, z.name);
});

/** A 2 cm square around a point, so rectilinear overlap tests can stand in for point-in-polygon. */
const boxAround = ([lon, lat], d = 1e-7) => [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]];

test('projects name real parcels and build inside them', () => {
	const codes = new Map(props('parcel').map((p) => [p.code, p]));
	const states = new Set();
	for (const p of props('project')) {
		states.add(p.state);
		assert.ok(p.parcel_codes.length > 0 && p.parcel_codes.every((c) => codes.has(c)), p.name);
		const sites = p.parcel_codes.map((c) => codes.get(c).geom.coordinates);
		if (p.footprint) assert.ok(coveredBy(p.footprint.coordinates, sites), `${p.name} footprint leaves its parcels`);
		assert.ok(sites.some((s) => overlapArea([[boxAround(p.geom.coordinates)]], s) > 0), `${p.name} point is off its parcels`);
		assert.ok(p.completed_investment_wan <= p.total_investment_wan);
	}
	assert.equal(states.size, schema.project.state.allowed.length);
});

test('pipes run from well to well in flow direction, as trees draining to at most two outfalls per kind', () => {
	const wells = byId('well');
	const at = countBy([...wells.values()], (w) => key(w.geom.coordinates));
	assert.ok([...at.values()].every((n) => n === 1), 'two wells share a position');
	const enterprises = byId('enterprise');
	const outlet = new Map();
	for (const p of props('pipe')) {
		const coords = p.geom.coordinates;
		const up = wells.get(p.upstream_well_id);
		const down = wells.get(p.downstream_well_id);
		assert.ok(up && down, p.code);
		assert.deepEqual(coords[0], up.geom.coordinates, `${p.code} does not start on its upstream well`);
		assert.deepEqual(coords[coords.length - 1], down.geom.coordinates, `${p.code} does not end on its downstream well`);
		assert.ok(!outlet.has(up.id), `${up.code} has two outgoing pipes`);
		outlet.set(up.id, p);
		if (p.kind === 'dedicated') {
			assert.deepEqual(coords[0], enterprises.get(p.enterprise_id).geom.coordinates, `${p.code} does not start at its enterprise`);
			assert.equal(down.kind, 'sewage');
		} else {
			assert.ok(up.kind === p.kind && down.kind === p.kind, `${p.code} joins a ${up.kind} and a ${down.kind} well`);
		}
	}
	assert.ok(props('pipe').filter((p) => p.kind === 'dedicated').length >= 8);
	const outfalls = { rain: new Set(), sewage: new Set() };
	for (const start of outlet.keys()) {
		let w = start;
		for (let steps = 0; outlet.has(w); steps++) {
			assert.ok(steps <= outlet.size, `cycle through well ${start}`);
			w = outlet.get(w).downstream_well_id;
		}
		outfalls[wells.get(w).kind].add(w);
	}
	assert.ok(outfalls.rain.size >= 1 && outfalls.rain.size <= 2 && outfalls.sewage.size >= 1 && outfalls.sewage.size <= 2);
	const roads = props('road').flatMap((r) => r.geom.coordinates);
	for (const w of wells.values()) {
		if (w.kind === 'inspection') continue;
		const d = distanceToLines(w.geom.coordinates, roads);
		assert.ok(Math.abs(d - 6) < 0.05, `${w.code} is ${d.toFixed(2)} m from the nearest centreline`);
	}
});

test('streetlights hang on a cable of their circuit', () => {
	const cables = props('cable');
	assert.ok(cables.some((c) => c.state === 'faulty'));
	for (const l of props('streetlight')) {
		const own = cables.filter((c) => c.circuit === l.circuit);
		assert.ok(own.length > 0, `${l.code}: no cable on circuit ${l.circuit}`);
		const d = distanceToLines(l.geom.coordinates, own.map((c) => c.geom.coordinates));
		assert.ok(d < 0.05, `${l.code} is ${d.toFixed(2)} m off its cable`);
	}
});

const NEXT = { null: ['new'], new: ['dispatched', 'cancelled'], dispatched: ['in_progress', 'cancelled'], in_progress: ['completed'], completed: ['verified', 'rejected'], rejected: ['in_progress'], verified: ['closed'] };

test('work orders reach their state through allowed events and point at real things', () => {
	const orders = props('work_order');
	const tables = { road: byId('road'), pipe: byId('pipe'), well: byId('well'), streetlight: byId('streetlight'), cable: byId('cable') };
	const crews = byId('crew');
	const orderIds = new Map(orders.map((o) => [o.id, o]));
	const events = countBy(props('work_order_event'), (e) => e.work_order_id);
	const chains = new Map();
	for (const e of props('work_order_event')) chains.set(e.work_order_id, [...(chains.get(e.work_order_id) ?? []), e]);
	assert.deepEqual([...events.keys()].sort((a, b) => a - b), orders.map((o) => o.id));
	for (const o of orders) {
		const chain = chains.get(o.id);
		chain.forEach((e, k) => {
			assert.equal(e.from_state, k ? chain[k - 1].to_state : null, `${o.code} event ${e.id}`);
			assert.ok(NEXT[e.from_state]?.includes(e.to_state), `${o.code}: ${e.from_state} → ${e.to_state}`);
			if (k) assert.ok(e.at > chain[k - 1].at, `${o.code} events out of order`);
		});
		assert.equal(chain[chain.length - 1].to_state, o.state, o.code);
		const dispatched = chain.some((e) => e.to_state === 'dispatched');
		assert.equal(o.crew_id !== null, dispatched, `${o.code} crew`);
		if (o.crew_id) assert.ok(crews.get(o.crew_id).skills.includes(o.kind), `${o.code}: crew lacks ${o.kind}`);
		const finished = chain.some((e) => e.to_state === 'completed') && !['inspection', 'other'].includes(o.kind);
		assert.equal(o.quantity !== null, finished, `${o.code} quantity`);
		if (finished) assert.ok(['m', 'm2', '盏', '座'].includes(o.quantity_unit));
		if (o.enterprise_id) assert.ok(byId('enterprise').has(o.enterprise_id));
		if (o.inspection_id) assert.ok(orderIds.get(o.inspection_id)?.kind === 'inspection' && o.inspection_id < o.id, o.code);
		if (o.asset_type) {
			const asset = tables[o.asset_type].get(o.asset_id);
			assert.ok(asset, `${o.code}: no ${o.asset_type} ${o.asset_id}`);
			const g = asset.geom;
			const lines = g.type === 'Point' ? [[g.coordinates, g.coordinates]] : g.type === 'LineString' ? [g.coordinates] : g.coordinates;
			const d = distanceToLines(o.geom.coordinates, lines);
			assert.ok(d < 0.05, `${o.code} is ${d.toFixed(2)} m off its ${o.asset_type}`);
		}
	}
	for (const s of schema.work_order.state.allowed) assert.ok(orders.some((o) => o.state === s), `no ${s} order`);
	for (const k of schema.work_order.kind.allowed) assert.ok(orders.some((o) => o.kind === k), `no ${k} order`);
	assert.ok(new Set(orders.map((o) => o.priority)).size >= 3);
	const withFindings = new Set(orders.filter((o) => o.inspection_id).map((o) => o.inspection_id));
	assert.ok([...withFindings].filter((id) => orderIds.get(id).enterprise_id).length >= 2, 'fewer than two enterprise inspections with findings');
});

test('the half-year registers: parcel steps, settled inspections and catalogue work', () => {
	const parcels = byId('parcel');
	const last = new Map();
	for (const e of props('parcel_event')) last.set(e.parcel_id, e);
	for (const [id, p] of parcels) {
		if (p.status === 'planned') assert.ok(!last.has(id), `parcel ${id} is planned yet has events`);
		else assert.equal(last.get(id)?.to_status, p.status, `parcel ${id}: its last event does not lead to ${p.status}`);
	}
	const orders = props('work_order');
	for (const inspection of orders.filter((o) => o.kind === 'inspection' && o.state === 'closed')) {
		const open = orders.filter((f) => f.inspection_id === inspection.id && !['verified', 'closed', 'cancelled'].includes(f.state));
		assert.deepEqual(open, [], `closed inspection ${inspection.code} has open findings`);
	}
	for (const o of orders.filter((x) => x.reinspection_of !== null)) {
		const first = orders.find((x) => x.id === o.reinspection_of);
		assert.equal(first.enterprise_id, o.enterprise_id, `${o.code} re-inspects another enterprise`);
	}
	const catalogue = [...migrationSql().matchAll(/\('([a-z_]+)', '(?:pipes|roads|greening|lighting|upkeep)'/g)].map((m) => m[1]);
	assert.equal(catalogue.length, 28);
	const closed = new Set(orders.filter((o) => o.state === 'closed').map((o) => o.id));
	for (const q of props('work_quantity')) {
		assert.ok(catalogue.includes(q.work_kind), `unknown work kind ${q.work_kind}`);
		assert.ok(closed.has(q.work_order_id), `work quantity ${q.id} on an order that is not closed`);
	}
	assert.deepEqual(new Set(props('work_quantity').map((q) => q.work_kind)), new Set(catalogue), 'some kind of work is never done');
});
