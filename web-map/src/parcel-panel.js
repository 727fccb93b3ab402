// The selected parcel's panel: official areas, lifecycle actions (出具红线图, 组卷, 挂牌, 出让,
// 收回, 注销) for planners, the boundary editor, splitting (parcel-split.js), the red-line drawing
// (parcel-documents.js) and the history slider. Opens on
// `zg:feature-selected` for a parcel; every change refreshes the parcels layer.
import { isolateFromMap } from './leaflet.js';
import { el, fill, typedText } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { historySlider } from './parcel-history.js';
import { parcelDocuments } from './parcel-documents.js';
import { recoveryForm } from './recovery-form.js';
import { markRefusedField } from './field-problem.js';

const defaults = {
  roles: ['PLANNER', 'ADMIN'],
  // The next step of each status; recovered and cancelled have none (see ParcelLifecycle).
  next: { planned: 'red_line_issued', red_line_issued: 'filed', filed: 'listed', listed: 'transferred' },
  active: new Set(['planned', 'red_line_issued', 'filed', 'listed', 'transferred']),
};

export function mountParcelPanel(map, { api, user, dock }) {
  const mayEdit = user.roles.some((role) => defaults.roles.includes(role));
  const panel = el('div', { className: 'zg-panel zg-parcel-panel', hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'parcel', title: 'dock.parcel', close: () => close() });
  let parcel = null;
  let problem = null;
  // The open recovery form, kept across renders so a refusal leaves what was typed in it.
  let recovery = null;
  let history = null;
  let documents = null;
  // The note for the next lifecycle step, kept across renders until the step is taken.
  let note = '';

  async function open(id) {
    try {
      parcel = await api.get(`/api/parcels/${id}`);
      problem = null;
    } catch (error) {
      problem = error.message;
    }
    recovery = null;
    note = '';
    showParts();
    panel.hidden = false;
    render();
  }

  // The history and the red-line drawing of the parcel as it is now.
  function showParts() {
    history?.destroy();
    history = parcel ? historySlider(map, { api, id: parcel.id }) : null;
    documents?.destroy();
    documents = parcel && defaults.active.has(parcel.properties.status) ? parcelDocuments({ api, parcel }) : null;
  }

  // Another planner's change (live-refresh.js) shows at once; the note being typed stays.
  const onSaved = ({ layer, feature }) => {
    if (layer !== 'parcels' || !feature || String(feature.id) !== String(parcel?.id)) return;
    if (feature.properties.version === parcel.properties.version) return;
    parcel = feature;
    showParts();
    render();
  };

  function close() {
    history?.destroy();
    history = null;
    documents?.destroy();
    documents = null;
    parcel = null;
    panel.hidden = true;
  }

  // form: the form the request came from, whose refused field is marked.
  async function act(call, form = null) {
    try {
      await call();
      await open(parcel.id);
      map.fire('zg:feature-saved', { layer: 'parcels', feature: parcel });
    } catch (error) {
      // A refused field says what is wrong beside it; the panel repeats only other refusals.
      const field = form ? markRefusedField(form, error.problem) : null;
      problem = field ? null : error.message;
      render();
      field?.focus();
    }
  }

  const ifMatch = () => ({ ifMatch: `"${parcel.properties.version}"` });
  const move = (to) =>
    act(() => api.post(`/api/parcels/${parcel.id}/transitions`, { to, note: typedText(note) }, ifMatch()));
  const recover = (request) => act(() => api.post(`/api/parcels/${parcel.id}/recover`, request, ifMatch()), recovery);

  function actions(status) {
    if (!mayEdit || !defaults.active.has(status)) return null;
    const button = (key, onClick) =>
      el(
        'button',
        { type: 'button', className: 'zg-button zg-parcel-action', dataset: { action: key }, onClick },
        t(`parcel.action.${key}`),
      );
    return el('div', { className: 'zg-parcel-actions' }, [
      el('input', {
        type: 'text',
        className: 'zg-input zg-parcel-note',
        name: 'note',
        value: note,
        placeholder: t('parcel.note'),
        'aria-label': t('parcel.note'),
        onInput: (e) => {
          note = e.target.value;
        },
      }),
      defaults.next[status] ? button(defaults.next[status], () => move(defaults.next[status])) : null,
      button('recover', () => {
        recovery = recovery ? null : recoveryForm({ holder: parcel.properties.holder, onSubmit: recover });
        render();
      }),
      button('cancelled', () => move('cancelled')),
      button('edit', () => {
        map.fire('zg:parcel-edit', { parcel });
        close();
      }),
      button('split', () => {
        map.fire('zg:parcel-split', { parcel });
        close();
      }),
    ]);
  }

  function render() {
    if (!parcel) {
      fill(panel, el('p', { className: 'zg-parcel-problem', text: problem || '' }));
      return;
    }
    const p = parcel.properties;
    const row = (key, value) =>
      el('tr', {}, [el('th', { text: t(key) }), el('td', { text: value ?? t('popup.empty') })]);
    fill(panel, [
      el('button', { type: 'button', className: 'zg-panel-close', title: t('parcel.close'), onClick: close }, '×'),
      el('h2', { className: 'zg-panel-title', text: [p.code, p.name].filter(Boolean).join(' ') }),
      el('p', { className: 'zg-parcel-status', dataset: { status: p.status } }, t(`value.parcels.status.${p.status}`)),
      el(
        'table',
        { className: 'zg-parcel-facts' },
        el('tbody', {}, [
          row(
            'parcel.area',
            t('editor.areaShort', { m2: p.area_m2.toFixed(2), mu: p.area_mu.toFixed(4), ha: p.area_ha.toFixed(4) }),
          ),
          row('parcel.perimeter', `${p.perimeter_m.toFixed(2)} m`),
          row('parcel.ellipsoidal', `${p.ellipsoidal_area_m2.toFixed(2)} m²`),
          row('prop.holder', p.holder),
          row('prop.land_use', p.land_use),
          row('parcel.version', String(p.version)),
        ]),
      ),
      problem ? el('p', { className: 'zg-parcel-problem', role: 'alert', text: problem }) : null,
      actions(p.status),
      recovery,
      documents?.node,
      history?.node,
    ]);
  }

  const onSelect = ({ layer, feature }) => {
    if (layer === 'parcels') open(feature.id);
  };
  const mapEvents = { 'zg:feature-selected': onSelect, 'zg:feature-saved': onSaved };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(() => {
    if (parcel) render();
  });

  return function unmount() {
    close();
    offLanguage();
    map.off(mapEvents);
    undock();
  };
}
