// Reads the migrations: column names, geometry types and CHECK lists are the contract
// between these files and the loader, so the test takes them from the SQL rather than a copy.

import { readFileSync, readdirSync } from 'node:fs';

const MIGRATIONS = new URL('../../../geo-service/src/main/resources/db/migration/', import.meta.url);

/** Every migration's SQL, in version order, as one text. */
export const migrationSql = () =>
	readdirSync(MIGRATIONS)
		.filter((f) => /^V\d+__.*\.sql$/.test(f))
		.sort((a, b) => Number(a.match(/^V(\d+)/)[1]) - Number(b.match(/^V(\d+)/)[1]))
		.map((f) => readFileSync(new URL(f, MIGRATIONS), 'utf8'))
		.join('\n');

/** Columns the loader fills itself; they never appear in a feature's properties. */
export const LOADER_COLUMNS = ['id', 'geom', 'version', 'created_at', 'created_by', 'updated_at', 'updated_by'];

/** { table: { column: { type, notNull, hasDefault, geometryType, allowed } } } */
export function readSchema(sql = migrationSql()) {
	const tables = {};
	for (const [, table, body] of sql.matchAll(/CREATE TABLE (\w+) \(([\s\S]*?)\n\);/g)) {
		const columns = {};
		for (const line of body.split('\n')) {
			// Column lines start with a lower-case name; constraint lines (CHECK, UNIQUE) are upper case.
			const m = line.trim().match(/^([a-z_][a-z0-9_]*)\s+(.+?),?$/);
			if (!m) continue;
			const def = m[2];
			columns[m[1]] = {
				type: def.split(/\s+/)[0].replace(/\(.*$/, ''),
				notNull: /NOT NULL|PRIMARY KEY/.test(def),
				hasDefault: /DEFAULT|serial/.test(def),
				geometryType: def.match(/geometry\((\w+),4490\)/)?.[1] ?? null,
				allowed: null,
			};
		}
		for (const [, column, list] of body.matchAll(/\b(\w+) IN \(([^)]*)\)/g)) {
			if (columns[column]) columns[column].allowed = [...list.matchAll(/'([^']*)'/g)].map((v) => v[1]);
		}
		tables[table] = columns;
	}
	for (const [, table, column, def] of sql.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+) ([^;]+);/g)) {
		tables[table][column] = {
			type: def.split(/\s+/)[0],
			notNull: /NOT NULL/.test(def),
			hasDefault: /DEFAULT/.test(def),
			geometryType: null,
			allowed: def.match(/ IN \(([^)]*)\)/) ? [...def.match(/ IN \(([^)]*)\)/)[1].matchAll(/'([^']*)'/g)].map((v) => v[1]) : null,
		};
	}
	return tables;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;

/** Whether a JSON value fits a column's SQL type (null is checked separately). */
export function fitsType(column, value) {
	switch (column.type) {
		case 'bigint': case 'integer': case 'bigserial': return Number.isInteger(value);
		case 'numeric': return typeof value === 'number' && Number.isFinite(value);
		case 'boolean': return typeof value === 'boolean';
		case 'date': return DATE.test(value);
		case 'timestamptz': return TIMESTAMP.test(value);
		case 'text[]': return Array.isArray(value) && value.every((v) => typeof v === 'string');
		case 'geometry': return value?.type === column.geometryType;
		default: return typeof value === 'string';
	}
}
