// Parcel import and export for planners and admins. A header button opens the panel: choose a
// file (format from its name), its CRS, encoding, field mapping and whether the service may repair
// the surveyor's rings (each repair is listed per parcel); the dry run draws every
// feature on the map (refused ones red) and lists its problems; one commit then stores all or
// nothing and fires `zg:layer-changed` so the parcels layer reloads. Export writes the parcels in
// view. Every server text enters as text, never as HTML.
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import {
  importFormats,
  formatOf,
  gaussKrugerCrs,
  importQuery,
  uploadImport,
  exportUrl,
  selectionQuery,
} from './import-upload.js';
import { spreadsheetLink } from './spreadsheet-link.js';

const defaults = {
  roles: ['PLANNER', 'ADMIN'],
  // The open panel covers the map's left side: previews fit in the part left visible.
  fit: { maxZoom: 17, paddingTopLeft: [370, 40], paddingBottomRight: [300, 40] },
  encodings: ['', 'UTF-8', 'GBK'],
  fields: ['code', 'name', 'landUse', 'holder'],
  // DXF carries no CRS: it starts on the zone's measuring CRS instead of "from the file".
  needsCrs: new Set(['dxf']),
  style: {
    ok: { color: '#1b7f3b', weight: 2, dashArray: '6 4', fillOpacity: 0.15, className: 'zg-import-preview-ok' },
    refused: {
      color: '#d42020',
      weight: 3,
      fillColor: '#d42020',
      fillOpacity: 0.35,
      className: 'zg-import-preview-refused',
    },
  },
};

// A random id for the server's progress steps. getRandomValues, not randomUUID: the latter exists only
// on HTTPS or localhost, and the map may be served over plain HTTP on the zone's network.
function progressId() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// deps: { user (from /api/me), config (from /api/config), container (header tools) }
export function mountImportDialog(map, { user, config, container, dock }) {
  if (!defaults.roles.some((role) => (user.roles || []).includes(role))) return function unmount() {};
  const state = {
    open: false,
    file: null,
    format: 'txt',
    srid: '',
    encoding: '',
    fields: {},
    repair: false,
    busy: false,
    progress: 0,
    // The server's last reported step ({ stage, done, total }) once the upload is sent.
    step: null,
    report: null,
    refused: null,
    done: null,
    error: null,
    exportFormat: 'txt',
    mappingOpen: false,
  };
  const panel = el('div', { className: 'zg-panel zg-import', hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'import', title: 'import.title', close: () => setOpen(false) });
  const preview = L.featureGroup();
  const opener = el('button', {
    type: 'button',
    className: 'zg-edit-tool zg-import-open',
    dataset: { area: 'land', tool: 'import' },
    onClick: () => setOpen(!state.open),
  });

  function setOpen(open) {
    state.open = open;
    panel.hidden = !open;
    if (!open) preview.remove();
    render();
  }

  function chooseFile(file) {
    Object.assign(state, { file, report: null, refused: null, done: null, error: null });
    state.format = formatOf(file?.name) || state.format;
    state.srid = defaults.needsCrs.has(state.format) ? String(config.measureSrid) : '';
    drawPreview();
    render();
  }

  async function send(dryRun) {
    if (!state.file || state.busy) return;
    Object.assign(state, { busy: true, progress: 0, step: null, error: null, refused: null, done: null });
    render();
    const query = importQuery({
      format: state.format,
      dryRun,
      repair: state.repair,
      srid: state.srid,
      encoding: state.encoding,
      fields: state.fields,
      progress: progressId(),
    });
    try {
      const report = await uploadImport(
        query,
        state.file,
        (fraction) => {
          state.progress = fraction;
          render();
        },
        (step) => {
          // The server reports steps only once it has the whole file.
          Object.assign(state, { progress: null, step });
          render();
        },
      );
      if (dryRun) state.report = report;
      else committed(report);
    } catch (error) {
      state.error = error.message;
      state.refused = error.problem?.features || null;
    } finally {
      state.busy = false;
      drawPreview();
      render();
    }
  }

  function committed(report) {
    state.done = report;
    state.report = null;
    map.fire('zg:layer-changed', { layer: 'parcels', ids: report.ids });
  }

  function problemsOf(item) {
    const fault = state.refused?.find((f) => f.index === item.index);
    return fault ? fault.problems : item.problems;
  }

  function drawPreview() {
    preview.clearLayers();
    const items = (state.report?.items || []).filter((item) => item.geometry);
    for (const item of items) {
      const refused = problemsOf(item).length > 0;
      const layer = L.geoJSON(item.geometry, { style: refused ? defaults.style.refused : defaults.style.ok });
      // Leaflet parses a tooltip string as HTML; the code comes from the file, so it goes in as text.
      layer.bindTooltip(el('span', { text: String(item.code ?? `#${item.index + 1}`) }));
      preview.addLayer(layer);
      if (refused) layer.bringToFront();
    }
    if (items.length) {
      preview.addTo(map);
      map.fitBounds(preview.getBounds(), defaults.fit);
    } else preview.remove();
  }

  function focusItem(item) {
    if (item.geometry) map.fitBounds(L.geoJSON(item.geometry).getBounds(), { ...defaults.fit, maxZoom: 18 });
  }

  // The file formats, for import and for export alike, named in the page's language.
  function formatSelect(className, value, onChange) {
    return select(
      className,
      value,
      importFormats.map((f) => [f, t(`import.format.${f}`)]),
      onChange,
    );
  }

  function select(className, value, options, onChange) {
    return el(
      'select',
      {
        className,
        onChange: (e) => {
          onChange(e.target.value);
          render();
        },
      },
      options.map(([optionValue, label]) =>
        el('option', { value: optionValue, selected: String(optionValue) === String(value) }, label),
      ),
    );
  }

  function crsOptions() {
    const fromFile = [['', t('import.crs.fromFile')]];
    return fromFile.concat(
      gaussKrugerCrs().map((c) => [String(c.srid), t(c.prefixed ? 'import.crs.gkPrefixed' : 'import.crs.gk', c)]),
    );
  }

  function field(label, control) {
    return el('label', { className: 'zg-import-field' }, [el('span', { text: label }), control]);
  }

  // The commit must repair exactly what the dry run showed: changing the choice asks for a new dry run.
  function setRepair(repair) {
    Object.assign(state, { repair, report: null, refused: null, done: null, error: null });
    drawPreview();
    render();
  }

  function form() {
    return el('div', { className: 'zg-import-form' }, [
      field(
        t('import.file'),
        el('input', {
          type: 'file',
          className: 'zg-import-file',
          accept: '.txt,.zip,.kml,.kmz,.gpkg,.dxf,.geojson,.json',
          onChange: (e) => chooseFile(e.target.files[0] || null),
        }),
      ),
      state.file ? el('div', { className: 'zg-import-filename', text: state.file.name }) : null,
      field(
        t('import.format'),
        formatSelect('zg-import-format', state.format, (v) => {
          state.format = v;
        }),
      ),
      field(
        t('import.crs'),
        select('zg-import-crs', state.srid, crsOptions(), (v) => {
          state.srid = v;
        }),
      ),
      field(
        t('import.encoding'),
        select(
          'zg-import-encoding',
          state.encoding,
          defaults.encodings.map((e) => [e, e || t('import.encoding.auto')]),
          (v) => {
            state.encoding = v;
          },
        ),
      ),
      el('label', { className: 'zg-import-field zg-import-repair-choice' }, [
        el('input', {
          type: 'checkbox',
          className: 'zg-import-repair-allowed',
          checked: state.repair,
          onChange: (e) => setRepair(e.target.checked),
        }),
        el('span', { text: t('import.repair') }),
      ]),
      el(
        'details',
        {
          className: 'zg-import-mapping',
          open: state.mappingOpen,
          onToggle: (e) => {
            state.mappingOpen = e.target.open;
          },
        },
        [
          el('summary', { text: t('import.mapping') }),
          ...defaults.fields.map((name) =>
            field(
              t(`import.mapping.${name}`),
              el('input', {
                type: 'text',
                className: `zg-import-map-${name}`,
                value: state.fields[name] || '',
                placeholder: t('import.mapping.auto'),
                onChange: (e) => {
                  state.fields[name] = e.target.value;
                },
              }),
            ),
          ),
        ],
      ),
    ]);
  }

  function actions() {
    const clean = state.report && state.report.refused === 0;
    return el('div', { className: 'zg-import-actions' }, [
      el(
        'button',
        {
          type: 'button',
          className: 'zg-button zg-import-dry-run',
          disabled: !state.file || state.busy,
          onClick: () => send(true),
        },
        t('import.dryRun'),
      ),
      el(
        'button',
        {
          type: 'button',
          className: 'zg-button zg-import-commit',
          disabled: !clean || state.busy,
          onClick: () => send(false),
        },
        t('import.commit'),
      ),
    ]);
  }

  // Uploading: the fraction sent. Then the server's step: reading counts features, the other stages
  // show a moving bar.
  function progress() {
    if (!state.busy) return null;
    const bar = el('progress', { className: 'zg-import-progress', max: '1' });
    const step = state.progress === null ? state.step : null;
    if (state.progress !== null) bar.value = state.progress;
    else if (step?.done != null && step.total) bar.value = step.done / step.total;
    let text = t(state.progress === null ? 'import.working' : 'import.sending');
    if (step) text = t(`import.stage.${step.stage}`, { done: step.done ?? '', total: step.total ?? '' });
    return el('div', { className: 'zg-import-progress-row', dataset: { stage: step?.stage ?? '' } }, [
      bar,
      el('span', { text }),
    ]);
  }

  function issueList(issues, kind) {
    return issues.map((issue) =>
      el('li', { className: `zg-import-${kind}`, dataset: { type: issue.type } }, issue.detail),
    );
  }

  function itemRow(item) {
    const problems = problemsOf(item);
    const area =
      item.areaM2 == null ? '' : t('import.item.area', { m2: item.areaM2.toFixed(2), mu: item.areaMu.toFixed(2) });
    return el(
      'li',
      {
        className: 'zg-import-item',
        dataset: { index: item.index, state: problems.length ? 'refused' : 'ok' },
        onClick: () => focusItem(item),
      },
      [
        el('div', { className: 'zg-import-item-head' }, [
          el('strong', { text: String(item.code ?? `#${item.index + 1}`) }),
          el('span', { className: 'zg-import-action', text: t(`import.action.${item.action}`) }),
          el('span', { text: area }),
        ]),
        el('ul', { className: 'zg-import-issues' }, [
          ...issueList(problems, 'problem'),
          ...issueList(item.repairs || [], 'repair'),
          ...issueList(item.warnings || [], 'warning'),
        ]),
      ],
    );
  }

  function results() {
    const parts = [];
    if (state.error) parts.push(el('p', { className: 'zg-import-error', role: 'alert', text: state.error }));
    if (state.done) {
      parts.push(
        el('p', {
          className: 'zg-import-done',
          role: 'status',
          text: t('import.done', {
            created: state.done.toCreate,
            updated: state.done.toUpdate,
            unchanged: state.done.unchanged,
          }),
        }),
      );
      if (state.done.repaired?.length) {
        parts.push(el('p', { className: 'zg-import-repaired-title', text: t('import.repaired') }));
        parts.push(
          el(
            'ul',
            { className: 'zg-import-repaired' },
            state.done.repaired.flatMap((parcel) => issueList(parcel.repairs, 'repair')),
          ),
        );
      }
    }
    const report = state.report;
    if (report) {
      parts.push(
        el('p', {
          className: 'zg-import-summary',
          text: t('import.summary', {
            features: report.features,
            create: report.toCreate,
            update: report.toUpdate,
            unchanged: report.unchanged,
            refused: report.refused,
          }),
        }),
      );
      parts.push(
        el('p', { className: 'zg-import-crs-understood', text: t('import.crsUnderstood', { crs: report.crs || '?' }) }),
      );
      parts.push(el('ol', { className: 'zg-import-items' }, report.items.map(itemRow)));
    }
    return parts;
  }

  function exporter() {
    return el('div', { className: 'zg-import-export' }, [
      el('h3', { className: 'zg-panel-title', text: t('import.export') }),
      formatSelect('zg-export-format', state.exportFormat, (v) => {
        state.exportFormat = v;
      }),
      el(
        'a',
        {
          className: 'zg-button zg-export-view',
          href: exportUrl(state.exportFormat, { bounds: map.getBounds() }),
          download: '',
        },
        t('import.exportView'),
      ),
      spreadsheetLink('parcels', selectionQuery({ bounds: map.getBounds() }).toString()),
      state.done?.ids?.length
        ? el(
            'a',
            {
              className: 'zg-button zg-export-imported',
              href: exportUrl(state.exportFormat, { ids: state.done.ids }),
              download: '',
            },
            t('import.exportImported'),
          )
        : null,
      state.done?.ids?.length ? spreadsheetLink('parcels', selectionQuery({ ids: state.done.ids }).toString()) : null,
    ]);
  }

  function render() {
    opener.textContent = t('import.open');
    opener.setAttribute('aria-expanded', String(state.open));
    if (!state.open) return;
    fill(panel, [
      el('h2', { className: 'zg-panel-title', text: t('import.title') }),
      form(),
      actions(),
      progress(),
      ...results(),
      exporter(),
    ]);
  }

  const onMove = () => state.open && render();
  map.on('moveend', onMove);
  container.append(opener);
  render();
  const offLanguage = onLanguageChange(render);
  return function unmount() {
    offLanguage();
    map.off('moveend', onMove);
    undock();
    preview.remove();
    opener.remove();
  };
}
