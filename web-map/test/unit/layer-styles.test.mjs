// Styling rules that need no browser: classes from the schema's CHECK values, project
// progress, flow arrows and the role rules of the edit toolbar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { layerStyles, featureStyle, progressClass } from '../../src/layer-styles.js';
import { screenBearing, midpointAlong, flowArrows } from '../../src/flow-direction.js';
import { editableAreas } from '../../src/edit-tools.js';

const schemaUrl = new URL(
  '../../../geo-service/src/main/resources/db/migration/V1__foundation_schema.sql',
  import.meta.url,
);
const tableOf = {
  parcels: 'parcel',
  land_recoveries: 'land_recovery',
  expansion_zones: 'expansion_zone',
  enterprises: 'enterprise',
  roads: 'road',
  pipes: 'pipe',
  wells: 'well',
  streetlights: 'streetlight',
  cables: 'cable',
  work_orders: 'work_order',
};

// CHECK (column IN ('a','b')) values per table.column from the migration.
async function checkValues() {
  const sql = await readFile(schemaUrl, 'utf8');
  const values = new Map();
  for (const block of sql.split(/CREATE TABLE /).slice(1)) {
    const table = block.match(/^(\w+)/)[1];
    for (const [, column, list] of block.matchAll(/CHECK \((\w+) IN \(([^)]*)\)\)/g)) {
      values.set(
        `${table}.${column}`,
        [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]),
      );
    }
  }
  return values;
}

test('every value the schema allows for a styled column has its own style', async (t) => {
  let values;
  try {
    values = await checkValues();
  } catch {
    t.skip('schema migration not found next to web-map');
    return;
  }
  for (const [layerId, table] of Object.entries(tableOf)) {
    for (const dimension of layerStyles[layerId].dimensions) {
      const allowed = values.get(`${table}.${dimension.property}`);
      if (!allowed) continue;
      assert.deepEqual(Object.keys(dimension.classes).sort(), [...allowed].sort(), `${layerId}.${dimension.property}`);
    }
  }
});

test('parcels keep the red-line outline whatever their status', () => {
  for (const status of ['planned', 'transferred', 'cancelled']) {
    assert.equal(featureStyle('parcels', { status }).color, '#e31a1c');
  }
  assert.notEqual(
    featureStyle('parcels', { status: 'planned' }).fillColor,
    featureStyle('parcels', { status: 'listed' }).fillColor,
  );
});

test('a hostile property value never becomes a CSS class', () => {
  const style = featureStyle('parcels', { status: '<img src=x onerror=alert(1)> zg-evil' });
  assert.equal(style.className, 'zg-feature zg-layer-parcels');
});

test('project progress is completed over total investment, in quarter classes', () => {
  assert.equal(progressClass({ total_investment_wan: 1000, completed_investment_wan: 0 }), 'p0');
  assert.equal(progressClass({ total_investment_wan: 1000, completed_investment_wan: 500 }), 'p50');
  assert.equal(progressClass({ total_investment_wan: 1000, completed_investment_wan: 999 }), 'p75');
  assert.equal(progressClass({ total_investment_wan: 1000, completed_investment_wan: 1200 }), 'done');
  assert.ok(
    featureStyle('projects', { total_investment_wan: 50000 }).radius >
      featureStyle('projects', { total_investment_wan: 100 }).radius,
  );
});

test('flow arrows point from the first vertex to the last', () => {
  assert.equal(Math.round(screenBearing([122, 37], [122.01, 37])), 90);
  assert.equal(Math.round(screenBearing([122, 37], [122, 37.01])), 0);
  assert.equal(Math.round(screenBearing([122, 37.01], [122, 37])), 180);
  const [arrow] = flowArrows({
    type: 'LineString',
    coordinates: [
      [122, 37],
      [122.01, 37],
      [122.02, 37],
    ],
  });
  assert.deepEqual(
    arrow.at.map((v) => +v.toFixed(6)),
    [122.01, 37],
  );
  assert.equal(
    flowArrows({
      type: 'MultiLineString',
      coordinates: [
        [
          [0, 0],
          [1, 0],
        ],
        [
          [0, 1],
          [0, 2],
        ],
      ],
    }).length,
    2,
  );
});

test('the midpoint lies half-way along the line, not between its ends', () => {
  const [lon, lat] = midpointAlong([
    [0, 0],
    [0, 3],
    [1, 3],
  ]);
  assert.ok(Math.abs(lon) < 1e-9 && Math.abs(lat - 2) < 1e-9);
});

test('edit tools follow the role: planners land and assets, dispatchers work orders', () => {
  assert.deepEqual(editableAreas(['VIEWER']), []);
  assert.deepEqual(editableAreas(['CREW']), []);
  assert.deepEqual(editableAreas(['PLANNER']), ['land', 'assets']);
  assert.deepEqual(editableAreas(['DISPATCHER']), ['workOrders']);
  assert.deepEqual(editableAreas(['ADMIN']), ['land', 'assets', 'workOrders']);
});
