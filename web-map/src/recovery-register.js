// The register of recovered land (闲置低效用地收回台账) as a table beside the map, filtered by
// year and reason, with the count and area per year and reason. A row flies to its parcel.
// Opened from the header button, or from the land edit tool recoverLand.
import { spreadsheetLink } from './spreadsheet-link.js';
import { registerTable } from './register-table.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { reasons } from './recovery-form.js';
import { mountHeaderPanel } from './header-panel.js';

const defaults = { firstYear: 2015 };

export function mountRecoveryRegister(map, { api, container, dock }) {
  const {
    panel,
    toggle,
    open,
    close,
    unmount: unmountPanel,
  } = mountHeaderPanel(
    { dock, container },
    {
      id: 'recovery-register',
      title: 'register.title',
      className: 'zg-recovery-register',
      toggleClassName: 'zg-register-toggle',
      onOpen: () => load(),
    },
  );
  const filters = { year: '', reason: '' };
  let register = null;
  let stats = [];

  function query() {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
    return params.toString() ? `?${params}` : '';
  }

  async function load() {
    try {
      [register, stats] = await Promise.all([
        api.get(`/api/land-recoveries${query()}`),
        api.get(`/api/land-recoveries/stats${query()}`),
      ]);
    } catch (error) {
      fill(panel, el('p', { className: 'zg-parcel-problem', text: error.message }));
      return;
    }
    render();
  }

  function filter(name, values, label) {
    return el(
      'select',
      {
        name,
        onChange: (e) => {
          filters[name] = e.target.value;
          load();
        },
      },
      [
        el('option', { value: '' }, t('register.all')),
        ...values.map((v) => el('option', { value: v, selected: String(v) === filters[name] }, label(v))),
      ],
    );
  }

  function table() {
    const head = [
      'parcel_code',
      'former_holder',
      'land_use',
      'reason',
      'decision_date',
      'area_m2',
      'area_mu',
      'certificate_cancelled',
    ];
    const cell = (name, p) => {
      if (name === 'land_use' || name === 'reason') return t(`value.land_recoveries.${name}.${p[name]}`);
      if (name === 'certificate_cancelled') return t(p[name] ? 'common.yes' : 'common.no');
      return String(p[name] ?? '');
    };
    return registerTable(map, register.features, {
      columns: head,
      heading: (name) => t(`register.${name}`),
      cell,
      maxZoom: 17,
    });
  }

  function statsList() {
    return el(
      'ul',
      { className: 'zg-register-stats' },
      stats.map((row) =>
        el(
          'li',
          {},
          t('register.statsRow', {
            year: row.year ?? t('register.allYears'),
            reason: row.reason ? t(`value.land_recoveries.reason.${row.reason}`) : t('register.allReasons'),
            count: row.count,
            m2: row.areaM2.toFixed(2),
            mu: row.areaMu.toFixed(4),
          }),
        ),
      ),
    );
  }

  function render() {
    toggle.textContent = t('register.toggle');
    if (panel.hidden || !register) return;
    const years = [];
    for (let y = new Date().getFullYear(); y >= defaults.firstYear; y--) years.push(y);
    fill(panel, [
      el('button', { type: 'button', className: 'zg-panel-close', title: t('parcel.close'), onClick: close }, '×'),
      el('h2', { className: 'zg-panel-title', text: t('register.title') }),
      spreadsheetLink('land-recoveries', query()),
      el('div', { className: 'zg-register-filters' }, [
        filter('year', years, String),
        filter('reason', reasons, (r) => t(`value.land_recoveries.reason.${r}`)),
      ]),
      table(),
      statsList(),
    ]);
  }

  const onTool = ({ tool }) => {
    if (tool === 'recoverLand') open();
  };
  map.on('zg:edit-tool', onTool);
  const offLanguage = onLanguageChange(render);
  render();

  return function unmount() {
    offLanguage();
    map.off('zg:edit-tool', onTool);
    unmountPanel();
  };
}
