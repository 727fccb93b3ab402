// Key projects panel (重点项目): the half-year totals, then one investment bar per project sorted
// by progress, furthest behind first. A bar fills to completed ÷ total investment; a tick marks
// what the annual target calls for by today. Lagging projects (rule: ProjectProgress.java) are
// flagged in the list and ringed on the map, where every project also shows its progress.
// Picking a project fires `zg:feature-focus` so the layer panel opens its popup.
import { spreadsheetLink } from './spreadsheet-link.js';
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, has, onLanguageChange, locale } from './i18n.js';
import './projects-panel.css';

const defaults = {
  // Laggards first: the order a progress meeting goes through the list.
  sort: 'progress',
  // Radius in pixels of the ring drawn around a lagging project's marker.
  ringRadius: 15,
  // Rings above every layer's pane (layers.js stacks them from 410 to about 490), below markers (600).
  paneZIndex: 550,
};

function amount(value, digits = 0) {
  return Number(value).toLocaleString(locale(), { maximumFractionDigits: digits });
}

function percent(fraction) {
  return `${Math.round(Number(fraction) * 100)}%`;
}

function stateLabel(state) {
  const key = `value.projects.state.${state}`;
  return has(key) ? t(key) : state;
}

// One bar: completed share filled, the annual target's share due by today as a tick.
function investmentBar(p) {
  const total = Number(p.total_investment_wan);
  const done = Math.min(1, Number(p.progress));
  const due = p.expected_wan === undefined ? null : Math.min(1, Number(p.expected_wan) / total);
  return el(
    'div',
    {
      className: 'zg-project-bar',
      role: 'img',
      'aria-label': t('projects.barLabel', { percent: percent(p.progress) }),
    },
    [
      el('span', { className: 'zg-project-bar-done', style: { width: `${(done * 100).toFixed(1)}%` } }),
      due === null
        ? null
        : el('span', {
            className: 'zg-project-bar-due',
            title: t('projects.due', { amount: amount(p.expected_wan) }),
            style: { left: `${(due * 100).toFixed(1)}%` },
          }),
    ],
  );
}

// deps: { api }
export function mountProjectsPanel(map, { api, dock }) {
  const panel = el('div', { className: 'zg-panel zg-projects', dataset: { state: 'loading' } });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'projects', side: 'right', title: 'projects.title' });
  const marks = L.layerGroup().addTo(map);
  if (!map.getPane('zg-pane-project-marks'))
    map.createPane('zg-pane-project-marks').style.zIndex = String(defaults.paneZIndex);
  let features = [];
  let summary = null;
  let open = false;
  let failure = null;
  // The day lagging is judged on: today unless the planner picks another (30 June for the half-year report).
  let asOf = '';

  function focus(feature) {
    const [lon, lat] = feature.geometry.coordinates;
    map.fire('zg:feature-focus', { layer: 'projects', id: feature.id, lon, lat, label: feature.properties.name });
  }

  function row(feature) {
    const p = feature.properties;
    return el(
      'li',
      {
        className: `zg-project-row${p.lagging ? ' zg-project-lagging' : ''}`,
        dataset: { projectId: feature.id, lagging: String(p.lagging), progress: p.progress },
      },
      [
        el('button', { type: 'button', className: 'zg-project-name', text: p.name, onClick: () => focus(feature) }),
        p.lagging ? el('span', { className: 'zg-project-badge', text: t('projects.lagging') }) : null,
        p.exceeded_annual_target
          ? el('span', { className: 'zg-project-badge zg-project-ahead', text: t('projects.ahead') })
          : null,
        investmentBar(p),
        el('div', {
          className: 'zg-project-figures',
          text: t('projects.figures', {
            completed: amount(p.completed_investment_wan),
            total: amount(p.total_investment_wan),
            percent: percent(p.progress),
            state: stateLabel(p.state),
          }),
        }),
      ],
    );
  }

  function summaryLine() {
    if (!summary) return null;
    return el('p', {
      className: 'zg-projects-summary',
      text: t('projects.summary', {
        count: summary.count,
        total: amount(summary.totalInvestmentYi, 2),
        started: summary.started,
        completed: amount(summary.completedInvestmentYi, 2),
        percent: percent(summary.progress),
        lagging: summary.lagging.length,
      }),
    });
  }

  function asOfChooser() {
    return el('label', { className: 'zg-projects-as-of' }, [
      el('span', { text: t('projects.asOf') }),
      el('input', {
        type: 'date',
        className: 'zg-input',
        value: asOf || summary.asOf,
        onChange: (e) => {
          asOf = e.target.value;
          load();
        },
      }),
    ]);
  }

  function body() {
    if (failure) return el('p', { className: 'zg-projects-error', text: t('projects.failed', { detail: failure }) });
    if (!summary) return el('p', { className: 'zg-projects-message', text: t('projects.loading') });
    return [asOfChooser(), summaryLine(), el('ol', { className: 'zg-project-list' }, features.map(row))];
  }

  function render() {
    const lagging = features.filter((f) => f.properties.lagging).length;
    fill(panel, [
      el(
        'button',
        { type: 'button', className: 'zg-projects-toggle', 'aria-expanded': String(open), onClick: toggle },
        [
          el('span', { text: t('projects.title') }),
          lagging
            ? el('span', { className: 'zg-project-badge', text: t('projects.laggingCount', { count: lagging }) })
            : null,
        ],
      ),
      ...(open
        ? [
            spreadsheetLink('projects', `sort=${defaults.sort}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`),
          ].concat(body())
        : []),
    ]);
    drawMarks();
  }

  // Progress next to every project and a ring around the lagging ones, while the panel is open.
  function drawMarks() {
    marks.clearLayers();
    if (!open) return;
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates;
      const p = feature.properties;
      if (p.lagging) {
        marks.addLayer(
          L.circleMarker([lat, lon], {
            radius: defaults.ringRadius,
            color: '#c81e1e',
            weight: 3,
            dashArray: '4 3',
            fill: false,
            interactive: false,
            pane: 'zg-pane-project-marks',
            className: 'zg-project-ring',
          }),
        );
      }
      marks.addLayer(
        L.tooltip({
          permanent: true,
          direction: 'right',
          offset: [10, 0],
          className: `zg-project-label${p.lagging ? ' zg-project-label-lagging' : ''}`,
        })
          .setLatLng([lat, lon])
          .setContent(el('span', { text: percent(p.progress) })),
      );
    }
  }

  function toggle() {
    open = !open;
    render();
  }

  async function load() {
    try {
      const day = asOf ? `asOf=${encodeURIComponent(asOf)}` : '';
      const [collection, totals] = await Promise.all([
        api.get(`/api/projects?sort=${defaults.sort}&${day}`),
        api.get(`/api/projects/summary?${day}`),
      ]);
      if (!mounted) return;
      features = collection.features;
      summary = totals;
      panel.dataset.state = 'loaded';
    } catch (error) {
      failure = error.message;
      panel.dataset.state = 'error';
    }
    render();
  }

  let mounted = true;
  const offLanguage = onLanguageChange(render);
  render();
  load();

  return function unmount() {
    mounted = false;
    offLanguage();
    map.removeLayer(marks);
    undock();
  };
}
