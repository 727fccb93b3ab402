// Every visible string goes through t(); these checks keep the two dictionaries in step and
// make sure no key the code asks for is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import zh from '../../src/i18n/zh.js';
import en from '../../src/i18n/en.js';
import { layerStyles, legendEntries } from '../../src/layer-styles.js';

const srcDir = new URL('../../src/', import.meta.url);

async function sources() {
  const files = (await readdir(srcDir, { recursive: true })).filter((f) => f.endsWith('.js') && !f.startsWith('i18n/'));
  return Promise.all(files.map(async (f) => [f, await readFile(new URL(f, srcDir), 'utf8')]));
}

test('zh and en have the same keys', () => {
  const zhKeys = new Set(Object.keys(zh));
  const enKeys = new Set(Object.keys(en));
  assert.deepEqual(
    [...zhKeys].filter((k) => !enKeys.has(k)),
    [],
    'keys missing from en.js',
  );
  assert.deepEqual(
    [...enKeys].filter((k) => !zhKeys.has(k)),
    [],
    'keys missing from zh.js',
  );
});

test('no translation is empty', () => {
  for (const [name, dict] of Object.entries({ zh, en })) {
    for (const [key, text] of Object.entries(dict)) assert.ok(text.trim(), `${name}: ${key} is empty`);
  }
});

test('placeholders match between languages', () => {
  const params = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of Object.keys(zh)) assert.deepEqual(params(en[key]), params(zh[key]), key);
});

test('every literal key passed to t() exists', async () => {
  for (const [file, text] of await sources()) {
    for (const [, key] of text.matchAll(/\bt\('([^'`$]+)'/g))
      assert.ok(key in zh, `${file}: t('${key}') has no translation`);
  }
});

test('every legend row has a label in both languages', () => {
  for (const layerId of Object.keys(layerStyles)) {
    for (const { key } of legendEntries(layerId)) {
      assert.ok(key in zh && key in en, `${layerId}: legend key ${key}`);
    }
  }
});

test('every layer and base map has a name', () => {
  for (const layerId of Object.keys(layerStyles)) assert.ok(`layer.${layerId}` in zh, layerId);
  for (const base of ['osm', 'tianditu', 'none']) assert.ok(`map.base.${base}` in zh, base);
});

test('the English dictionary has no Chinese outside language names', () => {
  for (const [key, text] of Object.entries(en)) {
    if (key === 'lang.zh') continue;
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `${key}: ${text}`);
  }
});
