// Plane coordinates shown under the pointer: easting 500 km on the central meridian, and the
// northing is the large number (Chinese X), not swapped with the easting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gaussKruger, formatPlane } from '../../src/gauss-kruger.js';

const CM_123E = '+proj=tmerc +lat_0=0 +lon_0=123 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

test('a point on the central meridian has easting 500000 m', () => {
  const { easting, northing } = gaussKruger(CM_123E)(123, 37.19);
  assert.equal(easting.toFixed(3), '500000.000');
  assert.ok(northing > 4_100_000 && northing < 4_130_000, `northing ${northing}`);
});

test('the demo zone lies west of the central meridian: easting below 500 km', () => {
  const { easting, northing } = gaussKruger(CM_123E)(122.05, 37.19);
  assert.ok(easting > 400_000 && easting < 500_000, `easting ${easting}`);
  assert.ok(northing > easting, 'northing (X) is the larger number at 37°N');
});

test('coordinates are shown to the millimetre', () => {
  assert.deepEqual(formatPlane({ northing: 4116789.12345, easting: 415678.9 }), { n: '4116789.123', e: '415678.900' });
});
