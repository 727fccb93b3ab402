// The office's overview (统计看板) for admins, planners and dispatchers: land by lifecycle state
// (count and 亩, /api/parcels/stats), the work orders opened this month with how many are
// overdue (/api/workorders/stats), and the key projects' investment progress
// (/api/projects/summary). Opened from the header; a panel of the dock like the others.
// `data-state` on the panel (loading, ready, error) lets tests wait for the figures.
import { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';

const defaults = {
  roles: ['ADMIN', 'PLANNER', 'DISPATCHER'],
  orderStates: ['new', 'dispatched', 'in_progress', 'completed', 'rejected', 'verified', 'closed', 'cancelled'],
};

// The first day of this month and today, as the service reads dates (the zone's calendar days).
function thisMonth(today = new Date()) {
  const day = (d) =>
    `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  return { from: day(new Date(today.getFullYear(), today.getMonth(), 1)), to: day(today) };
}

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
  let figures = null;
  let problem = null;
  let disposers = [];

  async function open() {
    panel.hidden = false;
    panel.dataset.state = 'loading';
    const month = thisMonth();
    try {
      const [land, orders, projects] = await Promise.all([
        api.get('/api/parcels/stats'),
        api.get(`/api/workorders/stats?${new URLSearchParams(month)}`),
        api.get('/api/projects/summary'),
      ]);
      figures = { land, orders, projects, month };
      problem = null;
    } catch (error) {
      problem = error.message;
    }
    await render();
  }

  function close() {
    panel.hidden = true;
    dispose();
  }

  function dispose() {
    for (const done of disposers) done();
    disposers = [];
  }

  function section(key, summary, chart) {
    return el('section', { className: 'zg-dashboard-section', dataset: { section: key } }, [
      el('h3', { text: t(`dashboard.${key}`) }),
      el('p', { className: 'zg-dashboard-summary', text: summary }),
      chart,
    ]);
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
    const { land, orders, projects, month } = figures;
    const landRows = land.map((s) => ({
      label: t(`value.parcels.status.${s.status}`),
      value: s.parcels,
      text: t('dashboard.landRow', { count: s.parcels, mu: Number(s.areaMu).toFixed(2) }),
    }));
    const orderRows = defaults.orderStates.map((state) => ({
      label: t(`value.work_orders.state.${state}`),
      value: orders.byState?.[state] ?? 0,
      text: String(orders.byState?.[state] ?? 0),
    }));
    const projectRows = Object.entries(projects.byState || {}).map(([state, group]) => ({
      label: t(`value.projects.state.${state}`),
      value: group.count,
      text: t('dashboard.projectRow', {
        count: group.count,
        percent: group.totalInvestmentWan
          ? Math.round((group.completedInvestmentWan / group.totalInvestmentWan) * 100)
          : 0,
      }),
    }));
    const charts = [landRows, orderRows, projectRows].map((rows) =>
      el('div', { className: 'zg-dashboard-chart', style: { height: `${rows.length * 22 + 12}px` } }),
    );
    // The totals are the land held: a cancelled parcel holds none.
    const held = land.filter((s) => s.status !== 'cancelled');
    const totalMu = held.reduce((sum, s) => sum + Number(s.areaMu), 0);
    fill(panel, [
      el('button', { type: 'button', className: 'zg-panel-close', title: t('parcel.close'), onClick: close }, '×'),
      el('h2', { className: 'zg-panel-title', text: t('dashboard.title') }),
      section(
        'land',
        t('dashboard.landSummary', { count: held.reduce((sum, s) => sum + s.parcels, 0), mu: totalMu.toFixed(2) }),
        charts[0],
      ),
      section(
        'orders',
        t('dashboard.ordersSummary', { from: month.from, to: month.to, total: orders.total, overdue: orders.overdue }),
        charts[1],
      ),
      section(
        'projects',
        t('dashboard.projectsSummary', {
          count: projects.count,
          percent: Math.round(projects.progress * 100),
          lagging: projects.lagging.length,
        }),
        charts[2],
      ),
    ]);
    const { barChart } = await import('./dashboard-charts.js');
    if (panel.hidden) return;
    disposers = [
      barChart(charts[0], landRows, { color: '#b2182b' }),
      barChart(charts[1], orderRows, { color: '#2f6f9f' }),
      barChart(charts[2], projectRows, { color: '#1a9850' }),
    ];
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
    toggle.remove();
    undock();
  };
}
