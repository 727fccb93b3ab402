// The registers of the half-year report as tables beside the map: buildings and certificates
// (未办证台账), the self-built house survey (自建房排查) and park entry reviews (入园审查), one at a
// time, with their Excel and CSV downloads. A row flies to its feature. `data-zg-register` and
// `data-zg-rows` on the panel say which register is shown and how many rows it has.
import { spreadsheetLink } from './spreadsheet-link.js';
import { registerTable } from './register-table.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { mountHeaderPanel } from './header-panel.js';

// Each register: its layer in /api/{layer}, its table in /api/tables/{table}.xlsx, its columns.
export const registers = [
  {
    layer: 'buildings',
    table: 'buildings',
    columns: ['code', 'name', 'floors', 'floor_area_m2', 'land_cert_state', 'property_cert_state', 'missing_reason'],
  },
  {
    layer: 'self_built_houses',
    table: 'self-built-houses',
    columns: ['code', 'address', 'floors', 'operating', 'hazard', 'appraisal_state', 'appraisal_grade'],
  },
  {
    layer: 'park_entry_reviews',
    table: 'park-entry-reviews',
    columns: ['code', 'project_name', 'applicant', 'submitted_on', 'outcome', 'opinion_on'],
  },
];

// Columns whose values are codes shown by their label; both certificates share one set of labels.
const coded = new Set(['land_cert_state', 'property_cert_state', 'appraisal_state', 'outcome']);

export function mountReportRegisters(map, { api, container, dock }) {
  const {
    panel,
    toggle,
    close,
    unmount: unmountPanel,
  } = mountHeaderPanel(
    { dock, container },
    {
      id: 'report-registers',
      title: 'registers.title',
      className: 'zg-report-registers',
      toggleClassName: 'zg-registers-toggle',
      onOpen: () => load(),
    },
  );
  let current = registers[0];
  let features = null;
  let problem = null;

  async function load() {
    const register = current;
    features = null;
    problem = null;
    render();
    try {
      const collection = await api.get(`/api/${register.layer}`);
      if (register !== current) return;
      features = collection.features;
    } catch (error) {
      problem = error.message;
    }
    render();
  }

  function cell(name, value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
    if (coded.has(name))
      return t(`registers.value.${name === 'land_cert_state' ? 'property_cert_state' : name}.${value}`);
    return String(value);
  }

  function table() {
    return registerTable(map, features, {
      columns: current.columns,
      heading: (name) => t(`registers.column.${name}`),
      cell: (name, properties) => cell(name, properties[name]),
      maxZoom: 18,
    });
  }

  function chooser() {
    return el(
      'select',
      {
        name: 'register',
        onChange: (e) => {
          current = registers.find((r) => r.layer === e.target.value);
          load();
        },
      },
      registers.map((r) => el('option', { value: r.layer, selected: r === current }, t(`registers.name.${r.layer}`))),
    );
  }

  function render() {
    toggle.textContent = t('registers.toggle');
    if (panel.hidden) return;
    panel.dataset.zgRegister = current.layer;
    if (features) panel.dataset.zgRows = String(features.length);
    else delete panel.dataset.zgRows;
    fill(
      panel,
      [
        el('button', { type: 'button', className: 'zg-panel-close', title: t('parcel.close'), onClick: close }, '×'),
        el('h2', { className: 'zg-panel-title', text: t('registers.title') }),
        el('div', { className: 'zg-register-filters' }, [
          chooser(),
          spreadsheetLink(current.table),
          spreadsheetLink(current.table, '', 'csv'),
        ]),
        problem
          ? el('p', { className: 'zg-parcel-problem', text: problem })
          : features
            ? [
                el('p', { className: 'zg-register-count', text: t('registers.count', { count: features.length }) }),
                // A register has more columns than the panel is wide: the table scrolls, the panel does not.
                el('div', { className: 'zg-register-scroll' }, table()),
              ]
            : el('p', { text: t('registers.loading') }),
      ].flat(),
    );
  }

  const offLanguage = onLanguageChange(render);
  render();

  return function unmount() {
    offLanguage();
    unmountPanel();
  };
}
