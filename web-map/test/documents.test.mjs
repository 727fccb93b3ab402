// Issued documents from the map: the red-line drawing button in the parcel panel (a preview
// before, the stored drawing after 出具红线图) and the Excel downloads beside the export and the
// dispatch board.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, screenshot, ground, rectangle, createParcel, openParcel } from './support.mjs';

const SLOT = 85;

// Downloads a link's target in the signed-in page: status, type, first bytes and a SHA-256.
function download(page, href) {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      head: String.fromCharCode(...bytes.slice(0, 5)),
      sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''),
    };
  }, href);
}

describe('issued documents', () => {
  it('previews the red-line drawing, issues it with the step and lists it for download', async (t) => {
    const code = `WEB-DRAW-${Date.now()}`;
    const { west, south } = ground(SLOT);
    await createParcel(
      t,
      { code, name: '红线图测试<b>地块</b>', holder: '测试公司', land_use: '工业用地' },
      rectangle(west + 0.002, south + 0.001, west + 0.003, south + 0.0018),
    );
    const { page, errors } = await signedIn(t, 'planner');
    const panel = await openParcel(page, code);
    const documents = panel.locator('.zg-parcel-documents[data-zg-drawings="0"]');
    await documents.waitFor();
    const preview = await download(page, await documents.locator('[data-document="red-line"]').getAttribute('href'));
    assert.equal(preview.status, 200);
    assert.equal(preview.type, 'application/pdf');
    assert.equal(preview.head, '%PDF-');

    await panel.locator('.zg-parcel-action[data-action="red_line_issued"]').click();
    const issued = panel.locator('.zg-parcel-documents[data-zg-drawings="1"]');
    await issued.waitFor();
    const item = issued.locator('.zg-issued-drawing[data-version="2"]');
    assert.match(await item.textContent(), new RegExp(`${code}-2`));
    const stored = await download(page, await item.locator('a').getAttribute('href'));
    assert.equal(stored.type, 'application/pdf');
    assert.match(await item.textContent(), new RegExp(stored.sha256.slice(0, 12)));
    const current = await download(page, await issued.locator('[data-document="red-line"]').getAttribute('href'));
    assert.equal(current.sha256, stored.sha256, 'the button serves the issued drawing of this version');
    await screenshot(page, 'documents-red-line-issued');
    assert.deepEqual(errors, []);
  });

  it('prints the current view with the layers switched on', async (t) => {
    const { page, errors } = await signedIn(t, 'viewer');
    const link = page.locator('.zg-map-print:not([data-layers="0"])');
    await link.waitFor();
    const href = await link.getAttribute('href');
    assert.match(href, /^\/api\/map\/print\.pdf\?bbox=[^&]+&layers=[\w%]*parcels/);
    const file = await download(page, href);
    assert.equal(file.status, 200);
    assert.equal(file.type, 'application/pdf');
    assert.equal(file.head, '%PDF-');
    assert.deepEqual(errors, []);
  });

  it('downloads the parcels in view as Excel beside their export', async (t) => {
    const { page, errors } = await signedIn(t, 'planner');
    await page.click('.zg-import-open');
    const link = page.locator('.zg-import-export .zg-xlsx-link[data-table="parcels"]');
    const href = await link.getAttribute('href');
    const exportHref = await page.locator('.zg-export-view').getAttribute('href');
    const bbox = new URL(exportHref, page.url()).searchParams.get('bbox');
    assert.match(href, /^\/api\/tables\/parcels\.xlsx\?/);
    assert.equal(new URL(href, page.url()).searchParams.get('bbox'), bbox, 'the same parcels as the export');
    const file = await download(page, href);
    assert.equal(file.status, 200);
    assert.equal(file.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(file.head.slice(0, 2), 'PK');
    assert.deepEqual(errors, []);
  });

  it('downloads the dispatch board as Excel with its filters', async (t) => {
    const { page, errors } = await signedIn(t, 'dispatcher');
    await page.waitForSelector('.zg-dispatch .zg-wo-row');
    const link = page.locator('.zg-dispatch .zg-xlsx-link[data-table="workorders"]');
    const href = await link.getAttribute('href');
    assert.match(href, /^\/api\/tables\/workorders\.xlsx\?.*state=/);
    assert.match(href, /lang=zh/);
    const file = await download(page, href);
    assert.equal(file.status, 200);
    assert.equal(file.type, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.equal(file.head.slice(0, 2), 'PK');
    assert.deepEqual(errors, []);
  });
});
