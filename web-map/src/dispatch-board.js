// Dispatch board for dispatchers: the open work orders in the map view (filters and view kept in
// step), clustered on the map with overdue ones marked, a new order by clicking the map (on the
// nearest asset when one is close), each order's timeline, the suggested crews and assignment,
// and verification, rejection, closing and cancelling. The board is narrow: an order or a new
// order's form takes the list's place, with a way back, and the chosen order is ringed on the map.
import { spreadsheetLink } from './spreadsheet-link.js';
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { markRefusedField } from './field-problem.js';
import { t, onLanguageChange } from './i18n.js';
import { label, loadCatalogue, PANE, orderRow, orderFacts, timeline, orderMarkers } from './work-order-parts.js';
import { onLiveEvent } from './live-events.js';

// Dispatching goes through the suggested crews, not a step button.
const DISPATCHED = 'dispatched';

const defaults = {
  // A click this close to an asset (metres, straight line) offers the order on the asset.
  assetSnapM: 25,
  // Lights stand on their cable and wells on their pipes: offer the few assets under the click.
  assetChoices: 4,
  reloadDelayMs: 300,
  highlight: { radius: 18, weight: 3, color: '#ff7f00', fill: false, className: 'zg-wo-highlight', interactive: false },
};

function fillText(textarea, text) {
  textarea.value = text || '';
  return textarea;
}

export function dispatches(user) {
  return (user.roles || []).some((role) => role === 'DISPATCHER' || role === 'ADMIN');
}

// deps: { api, user (from /api/me) }
export function mountDispatchBoard(map, { api, user, dock }) {
  if (!dispatches(user)) return function unmount() {};
  const panel = el('div', { className: 'zg-panel zg-dispatch', dataset: { testid: 'dispatch-board' } });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'dispatch', title: 'dispatch.title' });
  const s = {
    catalogue: null,
    filter: { state: '', kind: '', overdue: false, inView: true },
    orders: [],
    selected: null,
    order: null,
    suggestions: null,
    draft: null,
    picking: false,
    error: '',
    refused: null,
    // The order this dispatcher has just created, marked as new in the detail and the list.
    created: null,
  };
  let markers = null;
  let highlight = null;
  let shownMode = null;
  let timer = null;
  let mounted = true;

  const fail = (error) => {
    s.error = error.message;
    s.refused = error.problem ?? null;
    render();
  };

  // The filters and forms offer what the service's catalogue holds: the list waits for it.
  async function start() {
    try {
      s.catalogue = await loadCatalogue(api);
    } catch (error) {
      fail(error);
      return;
    }
    if (!mounted) return;
    s.filter.state = openStates();
    load();
  }

  async function load() {
    const q = new URLSearchParams({ state: s.filter.state });
    if (s.filter.kind) q.set('kind', s.filter.kind);
    if (s.filter.overdue) q.set('overdue', 'true');
    if (s.filter.inView) q.set('bbox', map.getBounds().toBBoxString());
    try {
      s.query = q.toString();
      const collection = await api.get(`/api/workorders?${q}`);
      if (!mounted) return;
      s.orders = collection.features;
      if (markers) map.removeLayer(markers);
      markers = orderMarkers(map, collection, select).addTo(map);
      s.error = '';
    } catch (error) {
      s.error = error.message;
    }
    render();
  }

  const openStates = () => s.catalogue.openStates.join(',');

  function reloadSoon() {
    if (!s.filter.inView || !s.catalogue) return;
    clearTimeout(timer);
    timer = setTimeout(load, defaults.reloadDelayMs);
  }

  // A ring around the chosen order on the map, brought into view if it lies outside.
  function ring(order) {
    highlight?.remove();
    highlight = null;
    if (!order?.location) return;
    if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '620';
    const at = L.latLng(order.location.lat, order.location.lon);
    highlight = L.circleMarker(at, { ...defaults.highlight, pane: PANE }).addTo(map);
    highlight.getElement()?.setAttribute('data-order-id', String(order.id));
    if (!map.getBounds().contains(at)) map.panTo(at);
  }

  async function select(id) {
    if (id !== s.selected) s.note = '';
    s.selected = id;
    s.draft = null;
    try {
      s.order = await api.get(`/api/workorders/${id}`);
      const dispatchable = s.catalogue.dispatcherSteps(s.order.state).includes(DISPATCHED);
      s.suggestions = dispatchable ? await api.get(`/api/workorders/${id}/suggestions`) : null;
      s.error = '';
      ring(s.order);
    } catch (error) {
      s.error = error.message;
    }
    render();
  }

  function backToList() {
    s.order = null;
    s.draft = null;
    s.suggestions = null;
    s.refused = null;
    s.error = '';
    render();
  }

  async function act(call, { creating = false } = {}) {
    try {
      const order = await call();
      s.note = '';
      s.refused = null;
      if (creating) s.created = order.id;
      map.fire('zg:workorder-changed', { id: order.id, state: order.state });
      await select(order.id);
      await load();
    } catch (error) {
      fail(error);
    }
  }

  // Typed text lives in s so a reload of the list (the map moved) does not wipe it.
  const noteValue = () => s.note || null;
  const assign = (crewId) =>
    act(() => api.post(`/api/workorders/${s.order.id}/dispatch`, { crewId, note: noteValue() }));
  const step = (to) => act(() => api.post(`/api/workorders/${s.order.id}/transitions`, { to, note: noteValue() }));

  // While picking, a glass pane over the map takes the click, so a marker or an area under the
  // pointer neither swallows it nor opens its popup. The click stops at the glass: on the map
  // container Leaflet would take it for a map click and the vector tiles would open what lies below.
  const glass = el('div', {
    className: 'zg-pick-glass',
    onClick: (e) => {
      e.stopPropagation();
      picked(map.mouseEventToLatLng(e));
    },
  });

  function startPicking() {
    if (!s.catalogue) return;
    s.picking = true;
    s.selected = null;
    s.order = null;
    s.draft = null;
    map.getContainer().append(glass);
    render();
  }

  async function picked(latlng) {
    s.picking = false;
    glass.remove();
    const { lng: lon, lat } = latlng;
    s.draft = {
      lon,
      lat,
      assets: [],
      asset: null,
      useAsset: false,
      fault: false,
      kind: s.catalogue.kinds[0],
      priority: s.catalogue.defaultPriority,
      description: '',
    };
    render();
    try {
      const near = await api.get(`/api/assets/nearest?lon=${lon}&lat=${lat}&k=${defaults.assetChoices}`);
      const assets = near.features
        .filter((f) => f.properties.distance_m <= defaults.assetSnapM)
        .map((f) => ({ ...s.catalogue.assetType(f.properties.kind), id: f.id, label: f.properties.label }));
      if (assets.length && s.draft) {
        Object.assign(s.draft, { assets, asset: assets[0], useAsset: true });
        render();
      }
    } catch {
      // Without the nearest asset the order is still made at the point clicked.
    }
  }

  async function create() {
    const d = s.draft;
    if (d.useAsset && d.fault) {
      const fault = { note: d.description, priority: d.priority, createOrder: true };
      await act(
        async () => (await api.post(`/api/assets/${d.asset.collection}/${d.asset.id}/fault`, fault)).workOrder,
        {
          creating: true,
        },
      );
      return;
    }
    const body = { kind: d.kind, priority: d.priority, description: d.description };
    if (d.useAsset && d.asset) Object.assign(body, { assetType: d.asset.code, assetId: d.asset.id });
    else body.location = { lon: d.lon, lat: d.lat };
    await act(() => api.post('/api/workorders', body), { creating: true });
  }

  function filters() {
    const f = s.filter;
    const change = (name, value) => {
      f[name] = value;
      load();
    };
    return el('div', { className: 'zg-wo-filters' }, [
      el(
        'select',
        {
          className: 'zg-wo-filter-state',
          'aria-label': t('wo.state'),
          onChange: (e) => change('state', e.target.value),
        },
        [
          el('option', { value: openStates(), selected: f.state === openStates() }, t('dispatch.open')),
          ...s.catalogue.states.map((st) => el('option', { value: st, selected: f.state === st }, label.state(st))),
        ],
      ),
      el(
        'select',
        { className: 'zg-wo-filter-kind', 'aria-label': t('wo.kind'), onChange: (e) => change('kind', e.target.value) },
        [
          el('option', { value: '' }, t('dispatch.allKinds')),
          ...s.catalogue.kinds.map((k) => el('option', { value: k, selected: f.kind === k }, label.kind(k))),
        ],
      ),
      el('label', {}, [
        el('input', {
          type: 'checkbox',
          className: 'zg-wo-filter-overdue',
          checked: f.overdue,
          onChange: (e) => change('overdue', e.target.checked),
        }),
        t('dispatch.overdueOnly'),
      ]),
      el('label', {}, [
        el('input', { type: 'checkbox', checked: f.inView, onChange: (e) => change('inView', e.target.checked) }),
        t('dispatch.inView'),
      ]),
    ]);
  }

  function draftForm() {
    const d = s.draft;
    const bind = (name) => (e) => {
      d[name] = e.target.value;
    };
    // A ticked box changes what the form offers: the form is drawn again.
    const check = (className, checked, text, onTick) =>
      el('label', { className: 'zg-wo-check' }, [
        el('input', {
          type: 'checkbox',
          className,
          checked,
          onChange: (e) => {
            onTick(e.target.checked);
            render();
          },
        }),
        text,
      ]);
    const repair = d.asset && d.useAsset ? d.asset.faultRepair : null;
    return el(
      'form',
      {
        className: 'zg-wo-form',
        onSubmit: (e) => {
          e.preventDefault();
          create();
        },
      },
      [
        el('h3', { className: 'zg-wo-subtitle', text: t('dispatch.newOrder') }),
        d.asset
          ? check('zg-wo-on-asset', d.useAsset, t('dispatch.onAsset', { label: d.asset.label }), (on) => {
              d.useAsset = on;
            })
          : el('div', {
              className: 'zg-wo-hint',
              text: t('dispatch.atPoint', { lon: d.lon.toFixed(5), lat: d.lat.toFixed(5) }),
            }),
        d.useAsset && d.assets.length > 1
          ? el(
              'select',
              {
                className: 'zg-wo-asset',
                'aria-label': t('dispatch.asset'),
                onChange: (e) => {
                  d.asset = d.assets[Number(e.target.value)];
                  d.fault = false;
                  render();
                },
              },
              d.assets.map((a, i) =>
                el(
                  'option',
                  { value: i, selected: a === d.asset },
                  `${a.label} · ${t(`value.work_orders.asset_type.${a.code}`)}`,
                ),
              ),
            )
          : null,
        repair
          ? check('zg-wo-fault', d.fault, t('dispatch.fault', { label: d.asset.label }), (on) => {
              d.fault = on;
              d.kind = on ? repair : d.kind;
            })
          : null,
        el(
          'select',
          { name: 'kind', 'aria-label': t('wo.kind'), disabled: repair && d.fault, onChange: bind('kind') },
          s.catalogue.kinds.map((k) => el('option', { value: k, selected: k === d.kind }, label.kind(k))),
        ),
        el(
          'select',
          { name: 'priority', 'aria-label': t('wo.priority'), onChange: bind('priority') },
          s.catalogue.priorities.map((p) => el('option', { value: p, selected: p === d.priority }, label.priority(p))),
        ),
        fillText(
          el('textarea', {
            name: 'description',
            rows: 2,
            required: true,
            placeholder: t('wo.description'),
            onInput: bind('description'),
          }),
          d.description,
        ),
        el('div', { className: 'zg-wo-actions' }, [
          el('button', { type: 'submit', className: 'zg-button zg-wo-create' }, t('dispatch.create')),
          el(
            'button',
            {
              type: 'button',
              className: 'zg-button zg-button-quiet',
              onClick: () => {
                s.draft = null;
                render();
              },
            },
            t('dispatch.cancelDraft'),
          ),
        ]),
      ],
    );
  }

  function suggestionList() {
    if (!s.suggestions) return null;
    return el('div', { className: 'zg-wo-suggestions' }, [
      el('h3', { className: 'zg-wo-subtitle', text: t('dispatch.suggestions') }),
      el(
        'ol',
        {},
        s.suggestions.crews.map((c) =>
          el(
            'li',
            { className: `zg-wo-crew${c.skillMatch ? '' : ' zg-wo-crew-unskilled'}`, dataset: { crewId: c.crewId } },
            [
              el('span', { className: 'zg-wo-crew-name', text: c.name }),
              el('span', {
                className: 'zg-wo-crew-facts',
                text: t('dispatch.crewFacts', { km: (c.distanceM / 1000).toFixed(2), open: c.openWorkload }),
              }),
              el(
                'button',
                { type: 'button', className: 'zg-button zg-wo-assign', onClick: () => assign(c.crewId) },
                t('dispatch.assign'),
              ),
            ],
          ),
        ),
      ),
      el('div', { className: 'zg-wo-hint', text: t('dispatch.straightLine') }),
    ]);
  }

  function detail() {
    const o = s.order;
    const steps = s.catalogue.dispatcherSteps(o.state).filter((to) => to !== DISPATCHED);
    const created = o.id === s.created;
    return el('section', { className: 'zg-wo-detail', dataset: { orderId: o.id, state: o.state, created } }, [
      el('h3', { className: 'zg-wo-subtitle', text: o.code }),
      created
        ? el('p', { className: 'zg-wo-created', role: 'status', text: t('dispatch.created', { code: o.code }) })
        : null,
      orderFacts(o),
      suggestionList(),
      steps.length || s.suggestions
        ? fillText(
            el('textarea', {
              className: 'zg-wo-note',
              name: 'note',
              rows: 2,
              placeholder: t('wo.note'),
              onInput: (e) => {
                s.note = e.target.value;
              },
            }),
            s.note,
          )
        : null,
      el(
        'div',
        { className: 'zg-wo-actions' },
        steps.map((to) =>
          el(
            'button',
            {
              type: 'button',
              className: `zg-button zg-wo-step zg-wo-step-${to}`,
              dataset: { to },
              onClick: () => step(to),
            },
            t(`dispatch.step.${to}`),
          ),
        ),
      ),
      el('h3', { className: 'zg-wo-subtitle', text: t('wo.timeline') }),
      timeline(o),
    ]);
  }

  // A reload (the map moved) rebuilds the panel: keep where the dispatcher had scrolled to, unless
  // the board turned from the list to an order or back.
  function render() {
    const mode = s.draft ? 'draft' : s.order ? 'order' : 'list';
    const scroll = [panel.scrollTop, panel.querySelector('.zg-wo-list')?.scrollTop || 0];
    draw(mode);
    panel.dataset.view = mode;
    if (mode !== shownMode) {
      shownMode = mode;
      panel.scrollTop = 0;
      return;
    }
    panel.scrollTop = scroll[0];
    const list = panel.querySelector('.zg-wo-list');
    if (list) list.scrollTop = scroll[1];
  }

  function listView() {
    return [
      s.catalogue ? filters() : null,
      el('div', { className: 'zg-wo-count', text: t('dispatch.count', { count: s.orders.length }) }),
      el(
        'ul',
        { className: 'zg-wo-list' },
        s.orders.map((f) => {
          const row = orderRow(f.id, f.properties, { selected: f.id === s.selected, onSelect: select });
          if (f.id === s.created) row.classList.add('zg-wo-new-order');
          return row;
        }),
      ),
    ];
  }

  function draw(mode) {
    const back = el(
      'button',
      { type: 'button', className: 'zg-button zg-button-quiet zg-wo-back', onClick: backToList },
      t('dispatch.back'),
    );
    fill(panel, [
      el('div', { className: 'zg-wo-header' }, [
        el('h2', { className: 'zg-panel-title', text: t('dispatch.title') }),
        spreadsheetLink('workorders', s.query || ''),
        el(
          'button',
          {
            type: 'button',
            className: 'zg-button zg-wo-new',
            'aria-pressed': String(s.picking),
            onClick: startPicking,
          },
          t('dispatch.new'),
        ),
      ]),
      s.picking ? el('div', { className: 'zg-wo-hint', text: t('dispatch.pick') }) : null,
      s.error ? el('div', { className: 'zg-wo-error', role: 'alert', text: s.error }) : null,
      ...(mode === 'list' ? listView() : [back, mode === 'draft' ? draftForm() : detail()]),
    ]);
    // A refused field says what is wrong beside it, in place of the message at the top.
    if (markRefusedField(panel, s.refused)) panel.querySelector('.zg-wo-error')?.remove();
  }

  // The header's 新建工单 tool starts the same pick-on-the-map flow as the board's own button.
  function onTool({ tool }) {
    if (tool === 'newWorkOrder') startPicking();
  }

  // Another user's step (a crew's completion, an order gone overdue) shows at once, in the list
  // and in the open order.
  const offLive = onLiveEvent(map, 'work_order.', (event) => {
    if (!s.catalogue) return;
    load();
    if (s.order?.id === event.subjectId) select(event.subjectId);
  });
  const mapEvents = { moveend: reloadSoon, 'zg:edit-tool': onTool };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(render);
  render();
  start();

  return function unmount() {
    mounted = false;
    clearTimeout(timer);
    offLive();
    offLanguage();
    map.off(mapEvents);
    glass.remove();
    highlight?.remove();
    if (markers) map.removeLayer(markers);
    undock();
  };
}
