// The office's overview (统计看板) for admins, planners and dispatchers. Each figure comes from the
// feature that owns it: land by state (/api/parcels/stats) and by expansion zone (/api/zones/stats),
// this year's recoveries (/api/land-recoveries/stats), a month of work orders with the SLA kept
// per kind (/api/workorders/stats/month), the crews' open orders (/api/crews/workload) and the key
// projects' investment (/api/projects, /api/projects/summary). "This month" and "this year" are the
// zone's (zoneToday). Every bar opens its rows: marked on the map and listed (dashboard-rows.js).
// `data-state` on the panel (loading, ready, error) lets tests wait for the figures.
import { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange, zoneToday, formatNumber, formatPercent } from './i18n.js';
import { layerStyles } from './layer-styles.js';
import { createDashboardRows } from './dashboard-rows.js';
import { createPicks, CREW_STATES } from './dashboard-picks.js';

const defaults = {
  roles: ['ADMIN', 'PLANNER', 'DISPATCHER'],
  // Parcel states a zone holds land in (a cancelled parcel holds none), coloured as on the map.
  heldStates: ['planned', 'red_line_issued', 'filed', 'listed', 'transferred', 'recovered'],
  colors: { land: '#b2182b', recoveries: '#8c510a', metSla: '#1a9850', overdue: '#d73027', projects: '#2f6f9f' },
  crewColors: { dispatched: '#74add1', in_progress: '#f46d43' },
  laggingColor: '#d73027',
};

const statusColor = (status) => layerStyles.parcels.dimensions[0].classes[status]?.fillColor ?? defaults.colors.land;

const query = (params) => new URLSearchParams(params).toString();

export function mountDashboard(map, { api, user, container, dock }) {
  if (!user.roles.some((role) => defaults.roles.includes(role))) return function unmount() {};
  const panel = el('div', { className: 'zg-panel zg-dashboard', hidden: true, dataset: { state: 'idle' } });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'dashboard', title: 'dashboard.title', close: () => close() });
  const toggle = el('button', {
    type: 'button',
    className: 'zg-header-button zg-dashboard-toggle',
    onClick: () => (panel.hidden ? open() : close()),
  });
  container.append(toggle);
  const rows = createDashboardRows(map);
  let figures = null;
  let problem = null;
  let disposers = [];
  let month = zoneToday().slice(0, 7);

  async function load() {
    const year = zoneToday().slice(0, 4);
    const [land, zones, recoveries, orders, crews, projects, summary] = await Promise.all([
      api.get('/api/parcels/stats'),
      api.get('/api/zones/stats'),
      api.get(`/api/land-recoveries/stats?${query({ year })}`),
      api.get(`/api/workorders/stats/month?${query({ month })}`),
      api.get('/api/crews/workload'),
      api.get('/api/projects'),
      api.get('/api/projects/summary'),
    ]);
    return { land, zones, recoveries, orders, crews, projects: projects.features, summary, year };
  }

  async function open() {
    panel.hidden = false;
    panel.dataset.state = 'loading';
    try {
      figures = await load();
      problem = null;
    } catch (error) {
      problem = error.message;
    }
    await render();
  }

  function close() {
    panel.hidden = true;
    rows.clear();
    dispose();
  }

  function dispose() {
    for (const done of disposers) done();
    disposers = [];
  }

  function section(key, summary, chart, extra = null) {
    return el('section', { className: 'zg-dashboard-section', dataset: { section: key } }, [
      el('h3', { text: t(`dashboard.${key}`) }),
      extra,
      el('p', { className: 'zg-dashboard-summary', text: summary }),
      chart,
    ]);
  }

  // The chart's container; the chart sets its height from its rows and legend.
  function chartBox(key) {
    return el('div', { className: 'zg-dashboard-chart', dataset: { chart: key } });
  }

  // A bar per item in one series, named and coloured as the section (key); the bar's tip and the
  // text beside it both give the item's row.
  function oneSeriesChart(barChart, chart, key, items, { label, row, value, pick }) {
    return barChart(
      chart,
      items.map((item) => ({ label: label(item), tip: () => row(item) })),
      [
        {
          name: t(`dashboard.${key}`),
          color: defaults.colors[key],
          values: items.map(value),
          text: (i) => row(items[i]),
        },
      ],
      { onPick: (i) => rows.show(pick(items[i])) },
    );
  }

  const mu = (value) => formatNumber(value, 2);
  const picks = createPicks({ api, figures: () => figures, month: () => month });

  function landSection({ land }) {
    const held = land.filter((s) => s.status !== 'cancelled');
    const chart = chartBox('land');
    const draw = (barChart) =>
      oneSeriesChart(barChart, chart, 'land', land, {
        label: (s) => t(`value.parcels.status.${s.status}`),
        row: (s) => t('dashboard.landRow', { count: formatNumber(s.parcels), mu: mu(s.areaMu) }),
        value: (s) => s.parcels,
        pick: (s) => picks.landState(s.status),
      });
    const summary = t('dashboard.landSummary', {
      count: formatNumber(held.reduce((sum, s) => sum + s.parcels, 0)),
      mu: mu(held.reduce((sum, s) => sum + Number(s.areaMu), 0)),
    });
    return { node: section('land', summary, chart), draw };
  }

  function zonesSection({ zones }) {
    const chart = chartBox('zones');
    const draw = (barChart) =>
      barChart(
        chart,
        zones.map((z) => ({
          label: z.name,
          tip: (series) => {
            const s = z.byStatus[series];
            return `${z.name} · ${t(`value.parcels.status.${s.status}`)}: ${t('dashboard.landRow', {
              count: formatNumber(s.parcels),
              mu: mu(s.areaMu),
            })}`;
          },
        })),
        defaults.heldStates.map((status) => ({
          name: t(`value.parcels.status.${status}`),
          color: statusColor(status),
          values: zones.map((z) => Number(z.byStatus.find((s) => s.status === status)?.areaMu ?? 0)),
          text: (i) => t('dashboard.landRow', { count: formatNumber(zones[i].parcels), mu: mu(zones[i].areaMu) }),
        })),
        {
          onPick: (i, series) =>
            rows.show(picks.zoneState(zones[i], series === null ? null : defaults.heldStates[series])),
        },
      );
    const summary = t('dashboard.zonesSummary', { count: formatNumber(zones.length) });
    return { node: section('zones', summary, chart), draw };
  }

  function recoveriesSection({ recoveries, year }) {
    const byReason = recoveries.filter((r) => r.year === Number(year) && r.reason);
    const total = recoveries.find((r) => r.year === Number(year) && !r.reason) ?? { count: 0, areaMu: 0 };
    const chart = chartBox('recoveries');
    const draw = (barChart) =>
      byReason.length
        ? oneSeriesChart(barChart, chart, 'recoveries', byReason, {
            label: (r) => t(`value.land_recoveries.reason.${r.reason}`),
            row: (r) => t('dashboard.recoveryRow', { count: formatNumber(r.count), mu: mu(r.areaMu) }),
            value: (r) => r.count,
            pick: (r) => picks.recoveries(r.reason),
          })
        : () => {};
    const summary = t('dashboard.recoveriesSummary', { year, count: formatNumber(total.count), mu: mu(total.areaMu) });
    return { node: section('recoveries', summary, chart), draw };
  }

  function ordersSection({ orders }) {
    const kinds = orders.byKind.filter((k) => k.due > 0);
    const chart = chartBox('orders');
    const picker = el('input', {
      type: 'month',
      className: 'zg-dashboard-month',
      value: month,
      'aria-label': t('dashboard.month'),
      onChange: (event) => {
        if (!event.target.value) return;
        month = event.target.value;
        rows.clear();
        open();
      },
    });
    const compliance = (k) => (k.slaCompliance == null ? '—' : formatPercent(k.slaCompliance));
    const draw = (barChart) =>
      kinds.length
        ? barChart(
            chart,
            kinds.map((k) => ({
              label: t(`value.work_orders.kind.${k.kind}`),
              tip: () =>
                t('dashboard.kindRow', {
                  met: formatNumber(k.metSla),
                  due: formatNumber(k.due),
                  percent: compliance(k),
                }),
            })),
            [
              {
                name: t('dashboard.metSla'),
                color: defaults.colors.metSla,
                values: kinds.map((k) => k.metSla),
                text: () => '',
              },
              {
                name: t('dashboard.overdue'),
                color: defaults.colors.overdue,
                values: kinds.map((k) => k.overdue),
                text: (i) => compliance(kinds[i]),
              },
            ],
            { onPick: (i) => rows.show(picks.kind(kinds[i].kind)) },
          )
        : () => {};
    const summary = t(kinds.length ? 'dashboard.ordersSummary' : 'dashboard.ordersNoneDue', {
      month: orders.month,
      opened: formatNumber(orders.opened),
      closed: formatNumber(orders.closed),
      overdue: formatNumber(orders.overdue),
    });
    return {
      node: section(
        'orders',
        summary,
        chart,
        el('label', { className: 'zg-dashboard-month-label' }, [t('dashboard.month'), picker]),
      ),
      draw,
    };
  }

  function crewsSection({ crews }) {
    const chart = chartBox('crews');
    const draw = (barChart) =>
      barChart(
        chart,
        crews.map((c) => ({
          label: c.name,
          tip: (series) =>
            `${c.name} · ${t(`value.work_orders.state.${CREW_STATES[series]}`)}: ${formatNumber(
              c.byState[CREW_STATES[series]],
            )}`,
        })),
        CREW_STATES.map((state) => ({
          name: t(`value.work_orders.state.${state}`),
          color: defaults.crewColors[state],
          values: crews.map((c) => c.byState[state]),
          text: (i) =>
            t('dashboard.crewRow', { open: formatNumber(crews[i].open), overdue: formatNumber(crews[i].overdue) }),
        })),
        {
          onPick: (i, series) => rows.show(picks.crew(crews[i], series === null ? null : CREW_STATES[series])),
        },
      );
    const summary = t('dashboard.crewsSummary', {
      open: formatNumber(crews.reduce((sum, c) => sum + c.open, 0)),
      overdue: formatNumber(crews.reduce((sum, c) => sum + c.overdue, 0)),
    });
    return { node: section('crews', summary, chart), draw };
  }

  function projectsSection({ projects, summary }) {
    const chart = chartBox('projects');
    const draw = (barChart) =>
      barChart(
        chart,
        projects.map((p) => ({
          label: p.properties.name,
          // The name in full: a long one is cut short beside its bar.
          tip: () =>
            t('dashboard.projectRow', {
              name: p.properties.name,
              done: formatNumber(p.properties.completed_investment_wan),
              total: formatNumber(p.properties.total_investment_wan),
              percent: formatPercent(p.properties.progress),
            }),
        })),
        [
          {
            name: t('dashboard.projects'),
            color: defaults.colors.projects,
            values: projects.map((p) => ({
              value: Math.round(Number(p.properties.progress) * 100),
              // A lagging project at 0% has no bar to colour: its label says it too.
              itemStyle: p.properties.lagging ? { color: defaults.laggingColor } : undefined,
              label: p.properties.lagging ? { color: defaults.laggingColor } : undefined,
            })),
            text: (i) => formatPercent(projects[i].properties.progress),
          },
        ],
        { onPick: (i) => rows.show(picks.project(projects[i])) },
      );
    const text = t('dashboard.projectsSummary', {
      count: formatNumber(summary.count),
      percent: formatPercent(summary.progress),
      lagging: formatNumber(summary.lagging.length),
    });
    return { node: section('projects', text, chart), draw };
  }

  async function render() {
    renderToggle();
    dispose();
    if (panel.hidden) return;
    if (problem || !figures) {
      fill(panel, el('p', { className: 'zg-parcel-problem', role: 'alert', text: problem || '' }));
      panel.dataset.state = 'error';
      return;
    }
    const sections = [landSection, zonesSection, recoveriesSection, ordersSection, crewsSection, projectsSection].map(
      (build) => build(figures),
    );
    fill(panel, [
      el('button', { type: 'button', className: 'zg-panel-close', title: t('parcel.close'), onClick: close }, '×'),
      el('h2', { className: 'zg-panel-title', text: t('dashboard.title') }),
      rows.element,
      ...sections.map((s) => s.node),
    ]);
    const { barChart } = await import('./dashboard-charts.js');
    if (panel.hidden) return;
    disposers = sections.map((s) => s.draw(barChart));
    panel.dataset.state = 'ready';
  }

  function renderToggle() {
    toggle.textContent = t('dashboard.title');
  }

  const offLanguage = onLanguageChange(render);
  renderToggle();

  return function unmount() {
    offLanguage();
    dispose();
    rows.destroy();
    toggle.remove();
    undock();
  };
}
