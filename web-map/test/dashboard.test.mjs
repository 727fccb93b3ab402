// The overview (统计看板): land by state and by zone in 亩, this year's recoveries, a month of work
// orders with the SLA kept, the crews' open orders and the key projects, as charts whose bars open
// their rows on the map; for admins, planners and dispatchers only.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signedIn, apiAs, screenshot, mapIdle, ground, createFeature } from './support.mjs';
import zh from '../src/i18n/zh.js';
import en from '../src/i18n/en.js';

const locales = { zh: 'zh-CN', en: 'en-GB' };
const texts = { zh, en };

const number = (language, value, digits = 0) =>
  new Intl.NumberFormat(locales[language], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    value,
  );

// Today on the zone's clock (Asia/Shanghai), whatever the machine's own time zone.
const zoneToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function openOverview(t, user, language) {
  const { page, errors } = await signedIn(t, user);
  if (language === 'en') {
    await page.click('.zg-lang-button:has-text("English")');
    await page.waitForSelector('html[lang="en"]');
  }
  await page.click('.zg-dashboard-toggle');
  const panel = page.locator('.zg-dashboard[data-state="ready"]');
  await panel.waitFor();
  return { page, errors, panel };
}

const summary = (panel, key) => panel.locator(`[data-section="${key}"] .zg-dashboard-summary`).textContent();

// The bar drawn for a category label in a chart, as an element to click: the filled shape level
// with the label, right of the axis; in a stacked chart, the one coloured as the series' entry in the
// legend. Clicked as an element, it is scrolled into view and clicked once it is still and nothing
// covers it, as a person would.
async function barOf(page, chart, label, series = null) {
  const found = await page.evaluate(
    ({ chart, label, series }) => {
      const svg = document.querySelector(`[data-chart="${chart}"] svg`);
      const texts = [...svg.querySelectorAll('text')];
      const filled = [...svg.querySelectorAll('path')]
        .filter((p) => p.getAttribute('fill') && p.getAttribute('fill') !== 'none')
        .map((p) => ({ path: p, box: p.getBoundingClientRect() }));
      const levelWith = (box, text) => {
        const middle = text.y + text.height / 2;
        return box.y <= middle && box.bottom >= middle;
      };
      // A long label is cut short with an ellipsis; its start still names the row.
      const shortened = (shown) => /(…|\.\.\.)$/.test(shown) && label.startsWith(shown.replace(/(…|\.\.\.)$/, ''));
      const row = texts.find((n) => n.textContent === label || shortened(n.textContent))?.getBoundingClientRect();
      const entry = series && texts.find((n) => n.textContent === series)?.getBoundingClientRect();
      // The legend's mark stands just left of its name.
      const color = entry
        ? filled
            .filter(({ box }) => box.right <= entry.x && levelWith(box, entry))
            .reduce((nearest, mark) => (!nearest || mark.box.right > nearest.box.right ? mark : nearest), null)
            ?.path.getAttribute('fill')
        : null;
      const bar =
        row &&
        (!series || color) &&
        filled.find(
          ({ path, box }) =>
            box.width > 2 &&
            box.x >= row.right &&
            levelWith(box, row) &&
            (!color || path.getAttribute('fill') === color),
        );
      svg.querySelectorAll('[data-zg-test-bar]').forEach((p) => p.removeAttribute('data-zg-test-bar'));
      bar?.path.setAttribute('data-zg-test-bar', '');
      return Boolean(bar);
    },
    { chart, label, series },
  );
  assert.ok(found, `a bar for ${label}${series ? ` (${series})` : ''} in the ${chart} chart`);
  return page.locator(`[data-chart="${chart}"] svg path[data-zg-test-bar]`);
}

describe('the overview', () => {
  for (const language of ['zh', 'en']) {
    it(`shows the figures the API gives and opens a state's parcels on the map (${language})`, async (t) => {
      const { page, errors, panel } = await openOverview(t, 'planner', language);
      const api = apiAs('planner');
      const get = async (path) => (await api(path)).json();
      const today = zoneToday();
      const [land, zones, recoveries, orders, crews, projects] = await Promise.all([
        get('/api/parcels/stats'),
        get('/api/zones/stats'),
        get(`/api/land-recoveries/stats?year=${today.slice(0, 4)}`),
        get(`/api/workorders/stats/month?month=${today.slice(0, 7)}`),
        get('/api/crews/workload'),
        get('/api/projects/summary'),
      ]);
      const en = language === 'en';
      const held = land.filter((s) => s.status !== 'cancelled');
      const count = number(
        language,
        held.reduce((sum, s) => sum + s.parcels, 0),
      );
      const mu = number(
        language,
        held.reduce((sum, s) => sum + s.areaMu, 0),
        2,
      );
      assert.equal(
        await summary(panel, 'land'),
        en
          ? `${count} parcels held, ${mu} mu (cancelled ones not counted)`
          : `在册地块 ${count} 宗，共 ${mu} 亩（不含已注销）`,
      );
      assert.match(await summary(panel, 'zones'), new RegExp(`^${zones.length} `));
      const recovered = recoveries.find((r) => r.year === Number(today.slice(0, 4)) && !r.reason) ?? {
        count: 0,
        areaMu: 0,
      };
      const recoveredMu = number(language, recovered.areaMu, 2);
      assert.equal(
        await summary(panel, 'recoveries'),
        en
          ? `${recovered.count} recovered in ${today.slice(0, 4)}, ${recoveredMu} mu`
          : `${today.slice(0, 4)} 年收回 ${recovered.count} 宗，共 ${recoveredMu} 亩`,
      );
      const [opened, closed, overdue] = [orders.opened, orders.closed, orders.overdue].map((n) => number(language, n));
      assert.ok(
        (await summary(panel, 'orders')).startsWith(
          en
            ? `${orders.month}: ${opened} opened, ${closed} closed, ${overdue} overdue`
            : `${orders.month}：新建 ${opened} 单，办结 ${closed} 单，超期 ${overdue} 单`,
        ),
      );
      const open = number(
        language,
        crews.reduce((sum, c) => sum + c.open, 0),
      );
      const late = number(
        language,
        crews.reduce((sum, c) => sum + c.overdue, 0),
      );
      assert.equal(
        await summary(panel, 'crews'),
        en ? `${open} open, ${late} of them overdue` : `在手 ${open} 单，其中超期 ${late} 单`,
      );
      assert.ok(
        (await summary(panel, 'projects')).startsWith(en ? `${projects.count} projects` : `${projects.count} 个项目`),
      );
      for (const key of ['land', 'zones', 'crews', 'projects'])
        assert.ok((await panel.locator(`[data-chart="${key}"] svg path`).count()) > 0, key);

      // Clicking a state's bar lists that state's parcels and marks them on the map.
      const state = held.reduce((most, s) => (s.parcels > most.parcels ? s : most));
      const barLabel = texts[language][`value.parcels.status.${state.status}`];
      await (await barOf(page, 'land', barLabel)).click();
      const rows = page.locator(`.zg-dashboard-rows[data-state="ready"][data-pick="land:${state.status}"]`);
      await rows.waitFor();
      assert.equal(await rows.getAttribute('data-count'), String(state.parcels));
      assert.equal(await rows.locator('.zg-dashboard-row').count(), state.parcels);
      await mapIdle(page);
      assert.equal(await page.locator('path.zg-dashboard-highlight').count(), state.parcels);
      const items = await get(`/ogc/collections/parcels/items?filter=status%3D'${state.status}'&limit=10000`);
      const listed = await rows.locator('li').evaluateAll((lis) => lis.map((li) => li.dataset.id).sort());
      assert.deepEqual(listed, items.features.map((f) => String(f.id)).sort());
      await screenshot(page, `dashboard-${language}`);
      await panel.locator('[data-section="projects"]').scrollIntoViewIfNeeded();
      await screenshot(page, `dashboard-${language}-lower`);
      assert.deepEqual(errors, []);
    });
  }

  it("lists a crew's open orders from its label and a zone's parcels in a state from its segment", async (t) => {
    const { page, errors, panel } = await openOverview(t, 'dispatcher', 'zh');
    const api = apiAs('dispatcher');
    const crews = await (await api('/api/crews/workload')).json();
    const busiest = crews.reduce((most, c) => (c.open > most.open ? c : most));
    await panel.locator(`[data-chart="crews"] svg text:text-is("${busiest.name}")`).click();
    const crewRows = page.locator(`.zg-dashboard-rows[data-state="ready"][data-pick="crew:${busiest.crewId}"]`);
    await crewRows.waitFor();
    assert.equal(await crewRows.getAttribute('data-count'), String(busiest.open));
    const codes = await crewRows.locator('.zg-dashboard-row').allTextContents();
    const orders = await (await api(`/api/workorders?crewId=${busiest.crewId}&state=dispatched,in_progress`)).json();
    assert.deepEqual(codes.map((c) => c.split(' · ')[0]).sort(), orders.features.map((f) => f.properties.code).sort());
    await mapIdle(page);
    assert.equal(await page.locator('path.zg-dashboard-highlight').count(), busiest.open);

    // A zone's segment: the zone's parcels in that state, as its contents list them.
    const zones = await (await apiAs('planner')('/api/zones/stats')).json();
    const plannedIn = (z) => z.byStatus.find((s) => s.status === 'planned');
    // The zone with the most planned land: its segment is the widest to click.
    const zone = zones
      .filter((z) => plannedIn(z)?.parcels > 0)
      .reduce((most, z) => (!most || plannedIn(z).areaMu > plannedIn(most).areaMu ? z : most), null);
    await (await barOf(page, 'zones', zone.name, zh['value.parcels.status.planned'])).click();
    // The crew's rows give way to the segment's: whatever came, it must be this zone's planned land.
    const zoneRows = page.locator('.zg-dashboard-rows');
    await page
      .locator('.zg-dashboard-rows:is([data-state="ready"], [data-state="error"]):not([data-pick^="crew:"])')
      .waitFor();
    assert.equal(await zoneRows.getAttribute('data-pick'), `zone:${zone.zoneId}:planned`);
    assert.equal(await zoneRows.getAttribute('data-state'), 'ready', await zoneRows.textContent());
    const planned = plannedIn(zone);
    assert.equal(await zoneRows.getAttribute('data-count'), String(planned.parcels));

    // A listed row brings its feature into view with its popup.
    await zoneRows.locator('.zg-dashboard-row').first().click();
    await page.waitForSelector('.leaflet-popup');
    await screenshot(page, 'dashboard-rows-zh');
    assert.deepEqual(errors, []);
  });

  it("picks a month and lists a kind's orders its SLA was measured on", async (t) => {
    const { page, errors, panel } = await openOverview(t, 'dispatcher', 'zh');
    const api = apiAs('dispatcher');
    // The first month of the demo's year in which orders fell due.
    let month = null;
    for (let m = 1; m <= 12 && !month; m++) {
      const candidate = await (
        await api(`/api/workorders/stats/month?month=2026-${String(m).padStart(2, '0')}`)
      ).json();
      if (candidate.byKind.some((k) => k.due > 0)) month = candidate;
    }
    assert.ok(month, 'a month with orders due');
    await panel.locator('.zg-dashboard-month').fill(month.month);
    await page.waitForSelector(
      `.zg-dashboard[data-state="ready"] [data-section="orders"] .zg-dashboard-summary:text-matches("^${month.month}")`,
    );
    const kind = month.byKind.find((k) => k.due > 0);
    const percent = kind.slaCompliance == null ? '—' : `${Math.round(kind.slaCompliance * 100)}%`;
    assert.ok(
      (await panel.locator('[data-chart="orders"] svg text').allTextContents()).includes(percent),
      `the kind's SLA ${percent}`,
    );
    await panel
      .locator(`[data-chart="orders"] svg text:text-is("${zh[`value.work_orders.kind.${kind.kind}`]}")`)
      .click();
    const rows = page.locator(`.zg-dashboard-rows[data-state="ready"][data-pick="kind:${kind.kind}"]`);
    await rows.waitFor();
    const due = await (
      await api(
        `/api/workorders?kind=${kind.kind}&dueFrom=${encodeURIComponent(month.from)}&dueTo=${encodeURIComponent(month.to)}`,
      )
    ).json();
    assert.equal(await rows.getAttribute('data-count'), String(due.features.length));
    assert.ok(due.features.length >= kind.due);
    await panel.locator('[data-section="orders"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-sla-zh');
    assert.deepEqual(errors, []);
  });

  it("opens a recovery reason's recoveries and a project from their labels", async (t) => {
    const { page, errors, panel } = await openOverview(t, 'planner', 'en');
    const api = apiAs('planner');
    const year = zoneToday().slice(0, 4);
    const reasons = (await (await api(`/api/land-recoveries/stats?year=${year}`)).json()).filter((r) => r.reason);
    // The demo's recoveries are of 2026; in another year the section has none to open.
    assert.equal(
      await panel.locator('[data-chart="recoveries"] svg').count(),
      reasons.length ? 1 : 0,
      'a recoveries chart only when there are recoveries',
    );
    for (const reason of reasons.slice(0, 1)) {
      await panel
        .locator(`[data-chart="recoveries"] svg text:text-is("${en[`value.land_recoveries.reason.${reason.reason}`]}")`)
        .click();
      const rows = page.locator(`.zg-dashboard-rows[data-state="ready"][data-pick="recoveries:${reason.reason}"]`);
      await rows.waitFor();
      assert.equal(await rows.getAttribute('data-count'), String(reason.count));
    }
    const project = (await (await api('/api/projects')).json()).features.find((p) => p.properties.lagging);
    await panel.locator(`[data-chart="projects"] svg text:text-is("${project.properties.name}")`).click();
    const rows = page.locator(`.zg-dashboard-rows[data-state="ready"][data-pick="project:${project.id}"]`);
    await rows.waitFor();
    assert.equal(await rows.locator('.zg-dashboard-row').count(), 1);
    await rows.locator('.zg-dashboard-row').click();
    await page.waitForSelector('.leaflet-popup');
    assert.deepEqual(errors, []);
  });

  it("keeps a hostile project name as text in the chart's tooltip and the rows", async (t) => {
    const hostile = `TEST-<img src=x onerror="window.__zgXss=1">-${Date.now()}`;
    const { lon, lat } = ground(120).center;
    const location = await createFeature(
      t,
      'planner',
      '/api/projects',
      { type: 'Point', coordinates: [lon, lat] },
      {
        name: hostile,
        level: 'district',
        category: '测试',
        total_investment_wan: 1000,
        completed_investment_wan: 400,
        annual_target_wan: 800,
        start_date: '2025-01-01',
        state: 'under_construction',
      },
    );
    const { page, errors, panel } = await openOverview(t, 'planner', 'zh');
    const chart = panel.locator('[data-chart="projects"]');
    const bar = await barOf(page, 'projects', hostile);
    await bar.hover();
    await chart.locator('div').filter({ hasText: hostile }).last().waitFor();
    await bar.click();
    const rows = page.locator(
      `.zg-dashboard-rows[data-state="ready"][data-pick="project:${location.split('/').pop()}"]`,
    );
    await rows.waitFor();
    assert.ok((await rows.locator('.zg-dashboard-row').textContent()).startsWith(hostile));
    assert.equal(await panel.locator('img').count(), 0);
    assert.equal(await page.evaluate(() => window.__zgXss), undefined);
    assert.deepEqual(errors, []);
  });

  it('is not offered to viewers or crews', async (t) => {
    for (const user of ['viewer', 'crew']) {
      const { page } = await signedIn(t, user);
      assert.equal(await page.locator('.zg-dashboard-toggle').count(), 0, user);
    }
  });
});
