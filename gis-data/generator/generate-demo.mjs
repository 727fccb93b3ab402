#!/usr/bin/env node
// Generates the ZoneGIS demo zone: one GeoJSON FeatureCollection per table in gis-data/demo/.
// Deterministic (seeded PRNG), no dependencies: `node gis-data/generator/generate-demo.mjs`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEED, featureCollection, lonLat, makeRandom } from './lib/frame.mjs';
import { buildBlocks, buildRoads, roadRows } from './lib/roads.mjs';
import { buildLand } from './lib/land.mjs';
import { buildProjects } from './lib/projects.mjs';
import { buildNetwork } from './lib/network.mjs';
import { buildLighting } from './lib/lighting.mjs';
import { buildMaintenance } from './lib/maintenance.mjs';
import { buildings, parcelEvents, parkEntryReviews, selfBuiltHouses } from './lib/registers.mjs';

export const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo');

/** The demo zone as { table: FeatureCollection }, in load order (referenced tables first). */
export function generateDemo() {
	// One stream per layer, so changing one layer leaves the others as they were.
	const rnd = (k) => makeRandom(SEED + k);
	const roads = buildRoads();
	const land = buildLand(buildBlocks(roads), rnd(1));
	const projects = buildProjects(land, rnd(2));
	const network = buildNetwork(roads, land.enterprises, rnd(3));
	const lighting = buildLighting(roads, rnd(4));
	const maintenance = buildMaintenance({ roads, network, lighting, enterprises: land.enterprises, parcels: land.parcels }, rnd(5), rnd(6));
	const tables = {
		road: roadRows(roads, lonLat),
		...land.rows,
		parcel_event: parcelEvents(land.parcels, rnd(7)),
		building: buildings(land.enterprises, rnd(8)),
		self_built_house: selfBuiltHouses(land.parcels, rnd(9)),
		park_entry_review: parkEntryReviews(land.parcels, rnd(10)),
		...network.rows,
		...lighting.rows,
		project: projects,
		...maintenance.rows,
	};
	return Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, featureCollection(name, rows)]));
}

/** One feature per line: diffs stay readable and the files stay small. */
export function serialise(fc) {
	const head = `{"type":"FeatureCollection","name":${JSON.stringify(fc.name)},"crs":${JSON.stringify(fc.crs)},"features":[\n`;
	return `${head}${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	mkdirSync(DEMO_DIR, { recursive: true });
	for (const [name, fc] of Object.entries(generateDemo())) {
		writeFileSync(join(DEMO_DIR, `${name}.geojson`), serialise(fc));
		console.log(`${name}.geojson: ${fc.features.length} features`);
	}
}
