// Live drawing area: plane area in the measuring CRS, holes subtracted, in m², 亩 and 公顷.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import proj4 from 'proj4';
import { planeArea, formatArea, polygonsOf } from '../../src/plane-area.js';

// EPSG:4550, CGCS2000 / 3-degree Gauss-Kruger CM 123E, as PostGIS gives it in /api/config.
const EPSG_4550 = '+proj=tmerc +lat_0=0 +lon_0=123 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const toLonLat = (e, n) => proj4(EPSG_4550, '+proj=longlat +ellps=GRS80 +no_defs', [e, n]);

function rectangle(e, n, width, height) {
  return [
    [e, n],
    [e + width, n],
    [e + width, n + height],
    [e, n + height],
    [e, n],
  ].map(([x, y]) => toLonLat(x, y));
}

test('a rectangle drawn in the measuring CRS has its plane area', () => {
  const area = planeArea([[rectangle(411000, 4117000, 123.45, 67.89)]], EPSG_4550);
  assert.ok(Math.abs(area - 123.45 * 67.89) < 0.001, `area ${area}`);
});

test('a hole is subtracted and a second part added', () => {
  const outer = rectangle(411000, 4117000, 100, 100);
  const hole = rectangle(411040, 4117040, 10, 10);
  const other = rectangle(411200, 4117000, 50, 20);
  const area = planeArea(polygonsOf({ type: 'MultiPolygon', coordinates: [[outer, hole], [other]] }), EPSG_4550);
  assert.ok(Math.abs(area - (10000 - 100 + 1000)) < 0.001, `area ${area}`);
});

test('areas are shown in m², 亩 and 公顷', () => {
  assert.deepEqual(formatArea(6666.67), { m2: '6666.67', mu: '10.0000', ha: '0.6667' });
});
