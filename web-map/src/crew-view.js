// Crew view for a crew member on a phone: the crew's orders as a list and on the map, and for the
// chosen order: start it, then complete it with the quantity of work, a note and a photo, and a
// link that opens the phone's map app at the site. A bottom sheet so the map stays visible above
// it on a 390×844 screen. A live event about one of the crew's orders (live-events.js) fetches the
// list again, so a newly dispatched order appears at once, without a reload (the sheet says which
// are new); so does coming back to the page. Steps go
// through the offline queue (offline-steps.js): taken without network they wait, marked 待同步.
import { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { gaussKruger, formatPlane } from './gauss-kruger.js';
import { onLiveEvent } from './live-events.js';
import { label, loadCatalogue, orderRow, orderFacts, timeline, orderMarkers } from './work-order-parts.js';
import { CREW_LAYERS } from './offline-routes.js';
import { connectStepQueue } from './offline-steps.js';
import { readAhead } from './pwa.js';

// The crew's two steps: start (or restart rejected) work, and complete it.
const START = 'in_progress';
const COMPLETE = 'completed';

// What the crew works on: the states it takes a step from, and the states its steps lead to (completed
// work it may be asked to redo).
function crewStates(catalogue) {
  return catalogue.states.filter(
    (state) =>
      catalogue.crewSteps(state).length || catalogue.states.some((from) => catalogue.crewSteps(from).includes(state)),
  );
}

const defaults = {
  layers: new Set(CREW_LAYERS),
};

// The layers of /api/layers a crew member sees.
export function crewLayers(defs) {
  return defs.filter((def) => defaults.layers.has(def.id));
}

// geo: URI (RFC 5870) for the phone's own map app, with the order's code as the pin's label.
function geoUri({ lat, lon }, code) {
  const at = `${lat.toFixed(6)},${lon.toFixed(6)}`;
  return `geo:${at}?q=${at}(${encodeURIComponent(code)})`;
}

// A crew member works only their crew's orders; dispatchers and planners get the board instead.
export function worksInCrew(user) {
  const roles = user.roles || [];
  return roles.includes('CREW') && !roles.some((role) => ['DISPATCHER', 'PLANNER', 'ADMIN'].includes(role));
}

// deps: { api, user (from /api/me), config (from /api/config), dock }
export function mountCrewView(map, { api, user, config, dock }) {
  if (!worksInCrew(user)) return function unmount() {};
  const sheet = el('section', { className: 'zg-panel zg-crew', dataset: { testid: 'crew-view' } });
  isolateFromMap(sheet);
  const undock = dock.add(sheet, { id: 'crew', title: 'crew.tab' });
  map.getContainer().classList.add('zg-crew-mode');
  const toPlane = config?.measureProj4 ? gaussKruger(config.measureProj4) : null;
  // fresh: ids of orders that arrived since the sheet was opened, until the crew opens them.
  const s = {
    catalogue: null,
    orders: [],
    order: null,
    quantity: '',
    note: '',
    photo: null,
    busy: false,
    error: '',
    fresh: new Set(),
  };
  let markers = null;
  let mounted = true;
  let seen = null;
  let shown = '';
  let queue = null;

  // Which orders and steps are the crew's comes from the service's catalogue: the list waits for it.
  async function start() {
    try {
      s.catalogue = await loadCatalogue(api);
    } catch (error) {
      s.error = error.message;
      render();
      return;
    }
    if (!mounted) return;
    try {
      queue = await connectStepQueue({
        api,
        user,
        sheet,
        allows: (state, to) => s.catalogue.crewSteps(state).includes(to),
        onChange: ({ sent }) => (sent ? synced() : render()),
      });
    } catch (error) {
      s.error = error.message;
    }
    if (!mounted) return queue?.disconnect();
    await load();
  }

  // A step taken earlier reached the service: show the orders as it now has them.
  async function synced() {
    await load();
    if (s.order) await select(s.order.id);
    else render();
  }

  let loading = 0;
  async function load() {
    const ticket = ++loading;
    try {
      const collection = await api.get(`/api/workorders?state=${crewStates(s.catalogue).join(',')}`);
      if (!mounted || ticket !== loading) return;
      // Redraw only what changed, so a reload neither flickers the map nor resets the list.
      const signature = JSON.stringify(
        collection.features.map((f) => [f.id, f.properties.state, f.properties.version]),
      );
      const ids = collection.features.map((f) => f.id);
      if (seen) for (const id of ids) if (!seen.has(id)) s.fresh.add(id);
      seen = new Set(ids);
      s.error = '';
      sheet.dataset.zgLoads = String(Number(sheet.dataset.zgLoads || 0) + 1);
      if (queue?.hasWaiting()) queue.send();
      if (signature === shown) return;
      shown = signature;
      keepForOffline(ids);
      s.orders = collection.features;
      if (markers) map.removeLayer(markers);
      markers = orderMarkers(map, collection, select).addTo(map);
    } catch (error) {
      s.error = error.message;
    }
    render();
  }

  // Each order as it is now, read through the service worker so it opens without network later.
  function keepForOffline(ids) {
    const signature = shown;
    sheet.dataset.zgOfflineReady = 'false';
    readAhead(ids.map((id) => `/api/workorders/${id}`)).then(() => {
      if (shown === signature) sheet.dataset.zgOfflineReady = 'true';
    });
  }

  // Before the catalogue, start() is still on its way and loads the list itself.
  const reload = () => {
    if (s.catalogue && !document.hidden) load();
  };

  // What the crew member typed stays while the same order is shown, whatever re-renders the sheet.
  const clearForm = () => Object.assign(s, { quantity: '', note: '', photo: null });

  // A step sent in the background reads the order again too: only the latest read is shown, or an
  // earlier answer arriving late would bring back the state before the step.
  let selecting = 0;
  async function select(id) {
    const ticket = ++selecting;
    try {
      const order = await api.get(`/api/workorders/${id}`);
      if (ticket !== selecting) return;
      if (order.id !== s.order?.id) clearForm();
      s.order = order;
      s.fresh.delete(order.id);
      s.error = '';
      map.panTo([s.order.location.lat, s.order.location.lon]);
    } catch (error) {
      s.error = error.message;
    }
    render();
  }

  // Queued with the version it was taken on; sent at once when the service can be reached. A step
  // the service refuses outright (a wrong quantity) leaves the queue and the form keeps its input.
  async function step(body) {
    const order = s.order;
    s.busy = true;
    render();
    try {
      const result = await queue.take(order, { ...body, note: s.note, photo: s.photo });
      s.busy = false;
      if (result.state === 'refused') {
        await queue.discard(result.step);
        s.error = result.step.problem.message;
        render();
        return;
      }
      clearForm();
      if (result.state !== 'sent') return render();
      if (result.order) map.fire('zg:workorder-changed', { id: result.order.id, state: result.order.state });
      await select(order.id);
      await load();
    } catch (error) {
      s.busy = false;
      s.error = error.message;
      render();
    }
  }

  function completeForm(o) {
    const unit = s.catalogue.unitOf(o.kind);
    const complete = (e) => {
      e.preventDefault();
      step(unit ? { to: COMPLETE, quantity: Number(s.quantity), quantityUnit: unit } : { to: COMPLETE });
    };
    return el('form', { className: 'zg-wo-form zg-crew-complete', onSubmit: complete }, [
      unit
        ? el('label', { className: 'zg-crew-quantity' }, [
            el('span', { text: t('crew.quantity', { unit: label.unit(unit) }) }),
            Object.assign(
              el('input', {
                type: 'number',
                name: 'quantity',
                min: '0.01',
                step: '0.01',
                required: true,
                inputmode: 'decimal',
                onInput: (e) => {
                  s.quantity = e.target.value;
                },
              }),
              { value: s.quantity },
            ),
          ])
        : null,
      el('label', {}, [
        el('span', { text: t('wo.photo') }),
        el('input', {
          type: 'file',
          name: 'photo',
          accept: 'image/jpeg,image/png,image/webp',
          capture: 'environment',
          onChange: (e) => {
            s.photo = e.target.files[0] || null;
          },
        }),
      ]),
      el('button', { type: 'submit', className: 'zg-button zg-crew-done', disabled: s.busy }, t('crew.complete')),
    ]);
  }

  // The way to the site: the phone's map app through a geo: link, and the plane coordinates
  // surveyors and drawings use.
  function navigation(o) {
    if (!o.location) return null;
    const plane = toPlane ? formatPlane(toPlane(o.location.lon, o.location.lat)) : null;
    return el('div', { className: 'zg-crew-navigation' }, [
      el(
        'a',
        { className: 'zg-button zg-crew-navigate', href: geoUri(o.location, o.code), rel: 'noopener' },
        t('crew.navigate'),
      ),
      el('span', {
        className: 'zg-crew-coords',
        text: [
          t('coords.lonLat', { lon: o.location.lon.toFixed(6), lat: o.location.lat.toFixed(6) }),
          plane ? `${t('coords.plane', plane)} (EPSG:${config.measureSrid})` : null,
        ]
          .filter(Boolean)
          .join(' · '),
      }),
    ]);
  }

  function row(f) {
    const node = orderRow(f.id, f.properties, { selected: false, onSelect: select });
    const waiting = queue?.badge(f.id);
    // Inside the code's cell, so the row keeps its grid.
    if (waiting) node.querySelector('.zg-wo-code')?.append(' ', waiting);
    if (s.fresh.has(f.id)) {
      node.classList.add('zg-wo-new-order');
      node.querySelector('.zg-wo-code')?.after(el('span', { className: 'zg-crew-fresh', text: t('crew.fresh') }));
    }
    return node;
  }

  function detail() {
    const o = s.order;
    // Once its waiting steps are sent the order moves on: the crew may take the next step meanwhile.
    const steps = queue && !queue.blocked(o.id) ? s.catalogue.crewSteps(queue.expectedState(o)) : [];
    return el('div', { className: 'zg-wo-detail', dataset: { orderId: o.id, state: o.state } }, [
      el('div', { className: 'zg-wo-header' }, [
        el('h3', { className: 'zg-wo-subtitle', text: o.code }),
        el(
          'button',
          {
            type: 'button',
            className: 'zg-button zg-button-quiet zg-crew-back',
            onClick: () => {
              s.order = null;
              clearForm();
              render();
            },
          },
          t('crew.back'),
        ),
      ]),
      orderFacts(o),
      navigation(o),
      queue?.details(o.id),
      steps.length
        ? Object.assign(
            el('textarea', {
              className: 'zg-wo-note',
              rows: 2,
              placeholder: t('wo.note'),
              onInput: (e) => {
                s.note = e.target.value;
              },
            }),
            { value: s.note },
          )
        : null,
      steps.includes(START)
        ? el(
            'button',
            {
              type: 'button',
              className: 'zg-button zg-crew-start',
              disabled: s.busy,
              onClick: () => step({ to: START }),
            },
            t('crew.start'),
          )
        : null,
      steps.includes(COMPLETE) ? completeForm(o) : null,
      el('h3', { className: 'zg-wo-subtitle', text: t('wo.timeline') }),
      timeline(o),
    ]);
  }

  function render() {
    fill(sheet, [
      queue?.networkNote(),
      s.order ? null : el('h2', { className: 'zg-panel-title', text: t('crew.title', { count: s.orders.length }) }),
      s.error ? el('div', { className: 'zg-wo-error', role: 'alert', text: s.error }) : null,
      s.order
        ? detail()
        : el('ul', { className: 'zg-wo-list' }, [
            // Orders that just arrived lead the list, where the crew member looks first.
            ...s.orders.filter((f) => s.fresh.has(f.id)).map(row),
            ...s.orders.filter((f) => !s.fresh.has(f.id)).map(row),
          ]),
      !s.order && !s.orders.length ? el('div', { className: 'zg-wo-hint', text: t('crew.none') }) : null,
    ]);
  }

  const offLanguage = onLanguageChange(render);
  document.addEventListener('visibilitychange', reload);
  const offLive = onLiveEvent(map, 'work_order.', reload);
  render();
  start();

  return function unmount() {
    mounted = false;
    offLive();
    queue?.disconnect();
    document.removeEventListener('visibilitychange', reload);
    offLanguage();
    if (markers) map.removeLayer(markers);
    map.getContainer().classList.remove('zg-crew-mode');
    undock();
  };
}
