// gis-data/qgis/zonegis.qgs draws every class in the web map's colour, and is what make-project.mjs
// writes from today's layer-styles.js (so a colour changed on the map is changed in QGIS too).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { layerStyles } from '../../src/layer-styles.js';
import { classColor, project, qgisColor, SERVICE_URL } from '../../../gis-data/qgis/make-project.mjs';

const qgs = readFileSync(new URL('../../../gis-data/qgis/zonegis.qgs', import.meta.url), 'utf8');

// Each <maplayer> of the file: its id, data source, categories (value → symbol name) and the
// first colour of each symbol, read from the XML as QGIS reads it.
function mapLayers(xml) {
  return [...xml.matchAll(/<maplayer\b[\s\S]*?<\/maplayer>/g)].map(([block]) => {
    const categories = new Map(
      [...block.matchAll(/<category [^>]*symbol="([^"]+)" value="([^"]*)"/g)].map(([, symbol, value]) => [
        value,
        symbol,
      ]),
    );
    const colors = new Map(
      [...block.matchAll(/<symbol [^>]*name="([^"]+)"[^>]*>[\s\S]*?name="(?:line_)?color" value="([^"]+)"/g)].map(
        ([, name, color]) => [name, color],
      ),
    );
    return {
      id: block.match(/<id>([^<]+)<\/id>/)[1],
      source: block.match(/<datasource>([^<]+)<\/datasource>/)[1],
      provider: block.match(/<provider[^>]*>([^<]+)<\/provider>/)[1],
      categories,
      colors,
    };
  });
}

test('the project file is what make-project.mjs writes from layer-styles.js', () => {
  assert.equal(qgs, project(), 'run: node gis-data/qgis/make-project.mjs');
});

test('every styled layer is an OGC API - Features layer of the service', () => {
  const layers = mapLayers(qgs);
  assert.deepEqual(layers.map((l) => l.id).sort(), Object.keys(layerStyles).sort());
  for (const layer of layers) {
    assert.equal(layer.provider, 'OAPIF');
    assert.match(layer.source, new RegExp(`typename='${layer.id}'`));
    assert.match(layer.source, new RegExp(`url='${SERVICE_URL}'`));
  }
});

test('each class has the colour the web map gives it, parcel states included', () => {
  for (const layer of mapLayers(qgs)) {
    const spec = layerStyles[layer.id];
    const classes = spec.dimensions[0].classes;
    assert.deepEqual([...layer.categories.keys()], Object.keys(classes), layer.id);
    for (const [value, cls] of Object.entries(classes)) {
      const rgb = layer.colors.get(layer.categories.get(value)).split(',').slice(0, 3).join(',');
      assert.equal(rgb, qgisColor(classColor(spec, cls)).split(',').slice(0, 3).join(','), `${layer.id} ${value}`);
    }
  }
  const parcels = mapLayers(qgs).find((l) => l.id === 'parcels');
  assert.equal(parcels.colors.get(parcels.categories.get('transferred')).split(',').slice(0, 3).join(','), '26,152,80');
});
