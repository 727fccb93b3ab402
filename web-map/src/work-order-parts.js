// Pieces both work order panels show: labels, an order's row in a list, its timeline with photos,
// and the marker layer. Every value from the server enters as text through el().
import { el } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import { buildFeatureLayer } from './feature-layer.js';

// Map pane for the panels' own markers: above the layers' work orders (markerPane is 600).
export const PANE = 'zg-pane-workorder-panel';

export const label = {
  kind: (kind) => t(`value.work_orders.kind.${kind}`),
  state: (state) => t(`value.work_orders.state.${state}`),
  priority: (priority) => t(`value.work_orders.priority.${priority}`),
  unit: (unit) => t(`wo.unit.${unit}`),
};

// What the service's work order enums define (/api/workorders/catalogue): the states and the steps
// between them, the kinds and their units, the priorities, and the asset types an order (or a fault
// report) is raised on. Labels come from i18n, keyed by these codes.
export async function loadCatalogue(api) {
  const catalogue = await api.get('/api/workorders/catalogue');
  const states = new Map(catalogue.states.map((state) => [state.code, state]));
  const stepsFrom = (from, byCrew) => (states.get(from)?.next ?? []).filter((to) => states.get(to).crewStep === byCrew);
  return {
    states: catalogue.states.map((state) => state.code),
    // States an order can still move on from: the orders a board shows open.
    openStates: catalogue.states.filter((state) => state.next.length).map((state) => state.code),
    crewSteps: (from) => stepsFrom(from, true),
    dispatcherSteps: (from) => stepsFrom(from, false),
    kinds: catalogue.kinds.map((kind) => kind.code),
    // The unit a kind's quantity is counted in on completion; undefined when it has none of its own.
    unitOf: (kind) => catalogue.kinds.find((k) => k.code === kind)?.unit,
    priorities: catalogue.priorities,
    defaultPriority: catalogue.defaultPriority,
    // The asset type of a collection id (streetlights → streetlight, its fault repair).
    assetType: (collection) => catalogue.assetTypes.find((type) => type.collection === collection),
  };
}

function formatTime(iso) {
  if (!iso) return '';
  return formatDateTime(iso);
}

// One order in a list; p are the GeoJSON properties. Overdue orders carry zg-wo-overdue.
export function orderRow(id, p, { selected, onSelect }) {
  const className = `zg-wo-row${p.overdue ? ' zg-wo-overdue' : ''}${selected ? ' zg-wo-selected' : ''}`;
  return el('li', { className, dataset: { orderId: id, state: p.state } }, [
    el('button', { type: 'button', className: 'zg-wo-row-button', onClick: () => onSelect(id) }, [
      el('span', { className: 'zg-wo-code', text: p.code }),
      el('span', { className: `zg-wo-state zg-wo-state-${p.state}`, text: label.state(p.state) }),
      el('span', { className: 'zg-wo-kind', text: `${label.kind(p.kind)} · ${label.priority(p.priority)}` }),
      el('span', {
        className: 'zg-wo-due',
        text: p.overdue
          ? t('wo.overdueSince', { time: formatTime(p.dueAt) })
          : t('wo.due', { time: formatTime(p.dueAt) }),
      }),
      el('span', { className: 'zg-wo-description', text: p.description }),
    ]),
  ]);
}

// The order's events, oldest first: when, who, the step, the note, the photos.
export function timeline(order) {
  return el(
    'ol',
    { className: 'zg-wo-timeline' },
    (order.events || []).map((e) =>
      el('li', { className: 'zg-wo-event', dataset: { toState: e.toState } }, [
        el('div', { className: 'zg-wo-event-head' }, [
          el('span', { className: 'zg-wo-event-state', text: label.state(e.toState) }),
          el('span', { className: 'zg-wo-event-meta', text: `${formatTime(e.at)} · ${e.by}` }),
        ]),
        e.note ? el('div', { className: 'zg-wo-event-note', text: e.note }) : null,
        ...(e.attachments || []).map((a) =>
          el('a', { href: a.url, target: '_blank', rel: 'noopener', className: 'zg-wo-photo-link' }, [
            el('img', { src: a.url, alt: a.filename, className: 'zg-wo-photo' }),
          ]),
        ),
      ]),
    ),
  );
}

// Facts of one order as label/value rows.
export function orderFacts(order) {
  const rows = [
    [t('wo.kind'), `${label.kind(order.kind)} · ${label.priority(order.priority)}`],
    [t('wo.state'), label.state(order.state)],
    [t('wo.dueAt'), formatTime(order.dueAt)],
    order.crewName ? [t('wo.crew'), order.crewName] : null,
    order.quantity != null ? [t('wo.quantity'), `${order.quantity} ${label.unit(order.quantityUnit)}`] : null,
    [t('wo.description'), order.description],
  ].filter(Boolean);
  return el(
    'dl',
    { className: `zg-wo-facts${order.overdue ? ' zg-wo-overdue' : ''}` },
    rows.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: String(value) })]),
  );
}

// Clustered, state-coloured markers for a FeatureCollection, as the work order layer draws them.
export function orderMarkers(map, collection, onSelect) {
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = '620';
  return buildFeatureLayer('work_orders', collection, { pane: PANE, onFeatureClick: (feature) => onSelect(feature.id) })
    .layer;
}
