// Crew view for a crew member on a phone: the crew's orders as a list and on the map, and for the
// chosen order: start it, then complete it with the quantity of work, a note and a photo. A
// bottom sheet so the map stays visible above it on a 390×844 screen.
import { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { label, loadCatalogue, orderRow, orderFacts, timeline, orderMarkers } from './work-order-parts.js';

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

// A crew member works only their crew's orders; dispatchers and planners get the board instead.
export function worksInCrew(user) {
  const roles = user.roles || [];
  return roles.includes('CREW') && !roles.some((role) => ['DISPATCHER', 'PLANNER', 'ADMIN'].includes(role));
}

// deps: { api, user (from /api/me), dock }
export function mountCrewView(map, { api, user, dock }) {
  if (!worksInCrew(user)) return function unmount() {};
  const sheet = el('section', { className: 'zg-panel zg-crew', dataset: { testid: 'crew-view' } });
  isolateFromMap(sheet);
  const undock = dock.add(sheet, { id: 'crew', title: 'crew.tab' });
  map.getContainer().classList.add('zg-crew-mode');
  const s = { catalogue: null, orders: [], order: null, quantity: '', note: '', photo: null, busy: false, error: '' };
  let markers = null;
  let mounted = true;

  // Which orders and steps are the crew's comes from the service's catalogue: the list waits for it.
  async function start() {
    try {
      s.catalogue = await loadCatalogue(api);
    } catch (error) {
      s.error = error.message;
      render();
      return;
    }
    if (mounted) load();
  }

  async function load() {
    try {
      const collection = await api.get(`/api/workorders?state=${crewStates(s.catalogue).join(',')}`);
      if (!mounted) return;
      s.orders = collection.features;
      if (markers) map.removeLayer(markers);
      markers = orderMarkers(map, collection, select).addTo(map);
    } catch (error) {
      s.error = error.message;
    }
    render();
  }

  // What the crew member typed stays while the same order is shown, whatever re-renders the sheet.
  const clearForm = () => Object.assign(s, { quantity: '', note: '', photo: null });

  async function select(id) {
    try {
      const order = await api.get(`/api/workorders/${id}`);
      if (order.id !== s.order?.id) clearForm();
      s.order = order;
      s.error = '';
      map.panTo([s.order.location.lat, s.order.location.lon]);
    } catch (error) {
      s.error = error.message;
    }
    render();
  }

  async function step(body) {
    s.busy = true;
    render();
    try {
      const attachmentIds = [];
      if (s.photo) {
        const form = new FormData();
        form.append('file', s.photo);
        attachmentIds.push((await api.upload(`/api/workorders/${s.order.id}/attachments`, form)).id);
      }
      const order = await api.post(`/api/workorders/${s.order.id}/transitions`, {
        ...body,
        note: s.note || null,
        attachmentIds,
      });
      map.fire('zg:workorder-changed', { id: order.id, state: order.state });
      s.busy = false;
      clearForm();
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

  function detail() {
    const o = s.order;
    const steps = s.catalogue.crewSteps(o.state);
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
      s.order ? null : el('h2', { className: 'zg-panel-title', text: t('crew.title', { count: s.orders.length }) }),
      s.error ? el('div', { className: 'zg-wo-error', role: 'alert', text: s.error }) : null,
      s.order
        ? detail()
        : el(
            'ul',
            { className: 'zg-wo-list' },
            s.orders.map((f) => orderRow(f.id, f.properties, { selected: false, onSelect: select })),
          ),
      !s.order && !s.orders.length ? el('div', { className: 'zg-wo-hint', text: t('crew.none') }) : null,
    ]);
  }

  const offLanguage = onLanguageChange(render);
  render();
  start();

  return function unmount() {
    mounted = false;
    offLanguage();
    if (markers) map.removeLayer(markers);
    map.getContainer().classList.remove('zg-crew-mode');
    undock();
  };
}
