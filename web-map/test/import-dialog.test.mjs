// The import dialog: a planner dry-runs a coordinate TXT, sees every parcel previewed on the map
// with the problem ones red and their problems listed, then commits a clean file and sees the
// parcels on the parcels layer. Viewers get no import button.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { signedIn, screenshot, cancelParcels } from './support.mjs';

const sampleUrl = new URL('../../gis-data/samples/parcels.txt', import.meta.url);

// The sample (GBK, published layout) plus a copy of its second parcel under another code: the
// copy overlaps the original, so both are refused.
async function files() {
  const sample = new TextDecoder('gbk').decode(await readFile(sampleUrl));
  const blocks = sample.split(/\r?\n(?=\d+,[^\r\n]*,@)/);
  const copy = blocks[2].replace(/^(\d+,[^,]*,)YP-[^,]+,/, '$1YP-COPY,');
  return {
    overlapping: Buffer.from(`${sample.trimEnd()}\r\n${copy.trimEnd()}\r\n`, 'utf8'),
    clean: Buffer.from(sample, 'utf8'),
  };
}

describe('import dialog', () => {
  it('offers no import to a viewer', async (t) => {
    const { page } = await signedIn(t, 'viewer');
    assert.equal(await page.locator('.zg-import-open').count(), 0);
  });

  it('previews a dry run on the map and lists the problems of the refused parcels', async (t) => {
    const { overlapping } = await files();
    const { page, errors } = await signedIn(t, 'planner');
    await page.click('.zg-import-open');
    await page.setInputFiles('.zg-import-file', { name: '红线坐标.txt', mimeType: 'text/plain', buffer: overlapping });
    assert.equal(await page.inputValue('.zg-import-format'), 'txt');
    await page.click('.zg-import-dry-run');
    await page.waitForSelector('.zg-import-items');
    assert.equal(await page.locator('.zg-import-item').count(), 7);
    const refused = page.locator('.zg-import-item[data-state="refused"]');
    assert.equal(await refused.count(), 2);
    assert.match(await refused.first().locator('.zg-import-problem').first().textContent(), /重叠/);
    assert.match(await page.locator('.zg-import-crs-understood').textContent(), /EPSG:4529/);
    assert.equal(await page.locator('path.zg-import-preview-refused').count(), 2);
    assert.equal(await page.locator('path.zg-import-preview-ok').count(), 5);
    assert.ok(await page.locator('.zg-import-commit').isDisabled());
    await screenshot(page, 'import-dry-run-problems');
    assert.deepEqual(errors, []);
  });

  it('refuses an open ring until the planner allows repairs, then lists the repair', async (t) => {
    const sample = new TextDecoder('gbk').decode(await readFile(sampleUrl));
    const [head, first] = sample.split(/\r?\n(?=\d+,[^\r\n]*,@)/);
    // The first parcel's outer ring without its closing point, as a surveyor might forget it.
    const lines = first.trimEnd().split(/\r?\n/);
    const closing = lines.findLastIndex((line) => /^J1,1,/.test(line));
    const open = `${head.trimEnd()}\r\n${lines.filter((_, i) => i !== closing).join('\r\n')}\r\n`;
    const { page, errors } = await signedIn(t, 'planner');
    await page.click('.zg-import-open');
    await page.setInputFiles('.zg-import-file', {
      name: 'open-ring.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(open, 'utf8'),
    });
    await page.click('.zg-import-dry-run');
    await page.waitForSelector('.zg-import-items');
    assert.equal(await page.locator('.zg-import-problem[data-type="ring-open"]').count(), 1);
    await page.check('.zg-import-repair-allowed');
    assert.equal(await page.locator('.zg-import-items').count(), 0, 'a new choice asks for a new dry run');
    await page.click('.zg-import-dry-run');
    await page.waitForSelector('.zg-import-items');
    assert.equal(await page.locator('.zg-import-problem[data-type="ring-open"]').count(), 0);
    assert.match(await page.locator('.zg-import-repair[data-type="ring-closed"]').textContent(), /已修复/);
    assert.deepEqual(errors, []);
  });

  it('commits a clean file and shows the parcels on the parcels layer', async (t) => {
    const { clean } = await files();
    const { page, errors } = await signedIn(t, 'planner');
    // The sample's parcels give their ground back when the test ends, so the dry run above finds
    // only its own overlap whichever test runs first.
    t.after(() => cancelParcels('YP-'));
    await page.click('.zg-import-open');
    await page.setInputFiles('.zg-import-file', { name: 'parcels.txt', mimeType: 'text/plain', buffer: clean });
    await page.click('.zg-import-dry-run');
    await page.waitForSelector('.zg-import-summary');
    assert.equal(await page.locator('.zg-import-item[data-state="refused"]').count(), 0);
    await screenshot(page, 'import-dry-run-clean');
    await page.click('.zg-import-commit');
    await page.waitForSelector('.zg-import-done');
    assert.match(await page.locator('.zg-import-done').textContent(), /已导入/);
    await page.waitForSelector('.zg-layer-row[data-layer-id="parcels"][data-state="loaded"]');
    const stored = await page.evaluate(async () => {
      const response = await fetch('/api/parcels', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
      return (await response.json()).features.map((f) => f.properties.code).filter((code) => code.startsWith('YP-'));
    });
    assert.equal(stored.length, 6);
    const exported = await page.evaluate(async () => {
      const response = await fetch(document.querySelector('.zg-export-imported').getAttribute('href'));
      // The TXT comes in GBK, as its Content-Type says; fetch's text() would read UTF-8.
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        text: new TextDecoder('gbk').decode(await response.arrayBuffer()),
      };
    });
    assert.equal(exported.status, 200);
    assert.match(exported.type, /charset=GBK/i);
    assert.match(exported.text, /\[地块坐标\]/);
    await page.click('.zg-import-open');
    await screenshot(page, 'import-committed');
    assert.deepEqual(errors, []);
  });
});
