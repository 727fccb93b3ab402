// What the import dialog sends: format from the file name, the Gauss-Krüger CRS list, the query.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatOf, gaussKrugerCrs, importQuery, exportUrl } from '../../src/import-upload.js';

test('the format follows the file name, a zip being a Shapefile', () => {
  assert.equal(formatOf('红线.TXT'), 'txt');
  assert.equal(formatOf('parcels.zip'), 'shp');
  assert.equal(formatOf('a.b.json'), 'geojson');
  assert.equal(formatOf('drawing.dwg'), null);
  assert.equal(formatOf('noextension'), null);
});

test('the CRS list holds every CGCS2000 Gauss-Krüger code of FORMATS.md, once', () => {
  const list = gaussKrugerCrs();
  assert.equal(list.length, 64);
  assert.deepEqual(
    list.map((c) => c.srid),
    Array.from({ length: 64 }, (_, i) => 4491 + i),
  );
  const zone41 = list.find((c) => c.srid === 4529);
  assert.deepEqual([zone41.width, zone41.zone, zone41.cm, zone41.prefixed], [3, 41, 123, true]);
  const cm123 = list.find((c) => c.srid === 4550);
  assert.deepEqual([cm123.cm, cm123.prefixed], [123, false]);
  assert.equal(list.find((c) => c.srid === 4510).cm, 123);
});

test('the query carries only what the user set', () => {
  assert.equal(
    importQuery({ format: 'txt', dryRun: true, srid: '', encoding: '', fields: { code: '  ' } }),
    'format=txt&dryRun=true',
  );
  assert.equal(
    importQuery({ format: 'shp', dryRun: false, srid: '4550', encoding: 'GBK', fields: { code: 'DKBH', name: '' } }),
    'format=shp&dryRun=false&srid=4550&encoding=GBK&codeField=DKBH',
  );
  assert.equal(importQuery({ format: 'txt', dryRun: false, repair: true }), 'format=txt&dryRun=false&repair=true');
});

test('an import carries the id its progress is polled under', () => {
  const id = '6f1c2d3e-0000-4000-8000-000000000001';
  assert.equal(importQuery({ format: 'shp', dryRun: false, progress: id }), `format=shp&dryRun=false&progress=${id}`);
});

test('an import always says whether it is a dry run', () => {
  assert.throws(() => importQuery({ format: 'txt' }), TypeError);
});

test('an export names its selection by ids or by the lon/lat box in view', () => {
  assert.equal(exportUrl('shp', { ids: [3, 7] }), '/api/parcels/export?format=shp&ids=3%2C7');
  const bounds = { getWest: () => 122.01, getSouth: () => 37.1, getEast: () => 122.1, getNorth: () => 37.2 };
  assert.equal(
    exportUrl('txt', { bounds }),
    '/api/parcels/export?format=txt&bbox=122.010000%2C37.100000%2C122.100000%2C37.200000',
  );
});
