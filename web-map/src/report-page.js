// The printable half-year report (/report.html?from=&to=): each section's sentences with the
// figures filled in by the service, a chart, and a table of figures; clicking a figure shows
// the rows behind it in a table and on a map. body[data-zg-state] announces loading, ready,
// login (not signed in) or error.
import './report.css';
import { api } from './api.js';
import { el, fill } from './dom.js';
import { t, getLanguage, onLanguageChange } from './i18n.js';
import { mountLanguageSwitch } from './language-switch.js';
import { mountSectionChart } from './report-charts.js';
import { mountRowsPanel } from './report-rows.js';

const root = document.getElementById('report');
const params = new URLSearchParams(location.search);
const period = { from: params.get('from') || lastHalfYear().from, to: params.get('to') || lastHalfYear().to };
let disposeCharts = [];

// The last half year that has ended, as the office reports it at the end of June or December.
function lastHalfYear(today = new Date()) {
  const year = today.getFullYear();
  return today.getMonth() >= 6
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year - 1}-07-01`, to: `${year - 1}-12-31` };
}

const query = () => new URLSearchParams(period).toString();
const setState = (state) => (document.body.dataset.zgState = state);

const header = el('header', { className: 'zg-report-header' });
const body = el('main', { className: 'zg-report-body' });
root.append(header, body);
const rows = mountRowsPanel(root);

function renderHeader() {
  document.documentElement.lang = getLanguage() === 'zh' ? 'zh-CN' : 'en';
  document.title = t('report.title');
  const from = el('input', { type: 'date', name: 'from', value: period.from, required: true });
  const to = el('input', { type: 'date', name: 'to', value: period.to, required: true });
  const form = el(
    'form',
    {
      className: 'zg-report-period',
      onSubmit: (event) => {
        event.preventDefault();
        Object.assign(period, { from: from.value, to: to.value });
        history.replaceState(null, '', `?${query()}`);
        load();
      },
    },
    [
      el('label', {}, [t('report.from'), from]),
      el('label', {}, [t('report.to'), to]),
      el('button', { type: 'submit' }, t('report.show')),
      el('a', { className: 'zg-report-docx', href: `/api/reports/half-year.docx?${query()}` }, t('report.docx')),
      el('button', { type: 'button', onClick: () => print() }, t('report.print')),
    ],
  );
  fill(header, [el('h1', {}, t('report.title')), form]);
  mountLanguageSwitch(header);
}

function renderReport(report) {
  disposeCharts.forEach((dispose) => dispose());
  disposeCharts = [];
  const sections = report.sections.map((section, i) => {
    const chartBox = el('div', { className: 'zg-report-chart' });
    const node = el('section', { className: 'zg-report-section', dataset: { section: section.key } }, [
      el('h2', {}, `${i + 1}. ${section.title}`),
      el('p', { className: 'zg-report-text' }, section.text),
      chartBox,
      figureTable(section.figures),
    ]);
    queueMicrotask(() => {
      const dispose = mountSectionChart(chartBox, section, showRows);
      if (dispose) disposeCharts.push(dispose);
      else chartBox.remove();
    });
    return node;
  });
  fill(body, [el('p', { className: 'zg-report-period-text' }, t('report.period', report)), ...sections]);
}

function figureTable(figures) {
  return el('table', { className: 'zg-report-figures' }, [
    el(
      'thead',
      {},
      el('tr', {}, [
        el('th', {}, t('report.figure')),
        el('th', {}, t('report.value')),
        el('th', {}, t('report.definition')),
      ]),
    ),
    el(
      'tbody',
      {},
      figures.map((figure) =>
        el('tr', {}, [
          el('td', {}, figure.label),
          el(
            'td',
            {},
            el(
              'button',
              {
                type: 'button',
                className: 'zg-report-value',
                dataset: { figure: figure.key },
                onClick: () => showRows(figure),
              },
              `${figure.value} ${figure.unit}`,
            ),
          ),
          el('td', { className: 'zg-report-definition' }, figure.definition),
        ]),
      ),
    ),
  ]);
}

async function showRows(figure) {
  try {
    rows.show(figure, await api.get(figure.rows));
  } catch (error) {
    fill(body, [el('p', { className: 'zg-report-error', role: 'alert' }, error.message)]);
    setState('error');
  }
}

async function load() {
  setState('loading');
  renderHeader();
  try {
    renderReport(await api.get(`/api/reports/half-year?${query()}`));
    setState('ready');
  } catch (error) {
    if (error.status === 401) {
      fill(body, [el('p', {}, [t('report.login'), ' ', el('a', { href: '/' }, t('report.loginLink'))])]);
      setState('login');
      return;
    }
    fill(body, [el('p', { className: 'zg-report-error', role: 'alert' }, error.message)]);
    setState('error');
  }
}

onLanguageChange(load);
load();
