// Asset attribute editor for planners and admins. The toolbar's 编辑设施 tool (`zg:edit-tool`,
// editAsset) turns picking on; a click takes the nearest road, pipe, well, streetlight or cable
// (/api/assets/nearest) and opens a form built from /api/assets/kinds: a list for each column with
// allowed values, a number field for numbers. Saving PUTs the feature with the version it was read
// at as If-Match; if someone saved in between (412) the form reloads and says so. A refused value
// marks its field with the server's message. Each save fires `zg:feature-saved` { layer, feature }
// (the kind is the layer id), so its tiles or GeoJSON and an open popup show the saved values.
import { isolateFromMap } from './leaflet.js';
import { el, fill, typedText } from './dom.js';
import { t, has, onLanguageChange } from './i18n.js';
import { editableAreas } from './edit-tools.js';
import './asset-editor.css';

const defaults = {
  // A click this many pixels from an asset still picks it, whatever the zoom.
  pickPixels: 12,
};

const NUMERIC = new Set(['INTEGER', 'DECIMAL', 'REFERENCE']);

function label(name) {
  return has(`prop.${name}`) ? t(`prop.${name}`) : name;
}

function valueLabel(kind, name, value) {
  const key = `value.${kind}.${name}.${value}`;
  return has(key) ? t(key) : value;
}

// The form's value for a column, as the API wants it: empty is null, numbers are numbers.
function read(column, input) {
  const text = typedText(input.value);
  if (text === null) return null;
  return NUMERIC.has(column.type) ? Number(text) : text;
}

// deps: { api, user (from /api/me) }
export function mountAssetEditor(map, { api, user, dock }) {
  if (!editableAreas(user.roles).includes('assets')) return function unmount() {};
  const panel = el('div', { className: 'zg-panel zg-asset-editor', dataset: { state: 'idle' } });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'asset-editor', title: 'dock.assetEditor', close: () => closeEditor() });
  let picking = false;
  let kinds = null;
  let asset = null;
  let message = null;
  let invalid = null;
  // What the planner typed, kept across a refusal so a wrong value can be corrected, not retyped.
  let draft = null;
  const inputs = new Map();

  function setState(state, text = null, property = null) {
    panel.dataset.state = state;
    message = text;
    invalid = property;
    render();
  }

  function setPicking(on) {
    picking = on;
    map.getContainer().classList.toggle('zg-asset-pick', on);
    if (on) setState('picking', t('assetEdit.hint'));
    else if (panel.dataset.state === 'picking') setState('idle');
  }

  async function open(kind, id, note = null) {
    kinds = kinds || (await api.get('/api/assets/kinds'));
    const feature = await api.get(`/api/assets/${kind}/${encodeURIComponent(id)}`);
    asset = { kind, feature, schema: kinds.find((k) => k.kind === kind) };
    draft = null;
    setState('editing', note);
  }

  async function pick(event) {
    if (!picking) return;
    const metresPerPixel = map.distance(event.latlng, map.containerPointToLatLng(event.containerPoint.add([1, 0])));
    try {
      const nearest = await api.get(
        `/api/assets/nearest?k=1&lon=${event.latlng.lng.toFixed(7)}&lat=${event.latlng.lat.toFixed(7)}`,
      );
      const found = nearest.features[0];
      if (!found || found.properties.distance_m > defaults.pickPixels * metresPerPixel) {
        setState('picking', t('assetEdit.nothing'));
        return;
      }
      setPicking(false);
      await open(found.properties.kind, found.id);
    } catch (error) {
      setState('error', error.message);
    }
  }

  async function save(submit) {
    submit.preventDefault();
    const { kind, feature, schema } = asset;
    const properties = Object.fromEntries(schema.columns.map((c) => [c.name, read(c, inputs.get(c.name))]));
    const version = feature.properties.version;
    draft = properties;
    try {
      const saved = await api.put(
        `/api/assets/${kind}/${feature.id}`,
        { type: 'Feature', geometry: feature.geometry, properties },
        { ifMatch: `"${version}"` },
      );
      asset.feature = saved;
      draft = null;
      setState('saved', t('assetEdit.saved', { version: saved.properties.version }));
      map.fire('zg:feature-saved', { layer: kind, feature: saved });
    } catch (error) {
      if (error.status === 412)
        await open(kind, feature.id, t('assetEdit.stale', { version: error.problem?.currentVersion ?? '' }));
      else setState('refused', error.message, error.problem?.property ?? null);
    }
  }

  function field(column) {
    const value = (draft ?? asset.feature.properties)[column.name];
    const attrs = { name: column.name, className: 'zg-input', required: column.isRequired };
    const input = column.allowedValues.length
      ? el('select', attrs, [
          column.isRequired || column.defaultValue ? null : el('option', { value: '' }, t('popup.empty')),
          ...column.allowedValues.map((v) =>
            el('option', { value: v, selected: v === value }, valueLabel(asset.kind, column.name, v)),
          ),
        ])
      : el('input', {
          ...attrs,
          type: NUMERIC.has(column.type) ? 'number' : 'text',
          step: column.type === 'DECIMAL' ? 'any' : null,
          value: value ?? '',
        });
    inputs.set(column.name, input);
    return el(
      'label',
      {
        className: `zg-field${invalid === column.name ? ' zg-asset-field-invalid' : ''}`,
        dataset: { column: column.name },
      },
      [el('span', { text: label(column.name) }), input],
    );
  }

  function form() {
    inputs.clear();
    const p = asset.feature.properties;
    return el('form', { className: 'zg-asset-form', onSubmit: save }, [
      el('h3', {
        className: 'zg-asset-title',
        text: t('assetEdit.title', {
          kind: t(`layer.${asset.kind}`),
          label: p.code ?? p.name ?? asset.feature.id,
          version: p.version,
        }),
      }),
      ...asset.schema.columns.map(field),
      el('div', { className: 'zg-asset-actions' }, [
        el('button', { type: 'submit', className: 'zg-button zg-asset-save', text: t('assetEdit.save') }),
        el('button', {
          type: 'button',
          className: 'zg-asset-close',
          text: t('assetEdit.close'),
          onClick: closeEditor,
        }),
      ]),
    ]);
  }

  function closeEditor() {
    asset = null;
    setState('idle');
  }

  function render() {
    fill(panel, [message ? el('p', { className: 'zg-asset-message', text: message }) : null, asset ? form() : null]);
    panel.hidden = !message && !asset;
  }

  function onTool(event) {
    if (event.tool === 'editAsset') setPicking(!picking);
  }

  const mapEvents = { click: pick, 'zg:edit-tool': onTool };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(render);
  render();

  return function unmount() {
    offLanguage();
    map.off(mapEvents);
    map.getContainer().classList.remove('zg-asset-pick');
    undock();
  };
}
