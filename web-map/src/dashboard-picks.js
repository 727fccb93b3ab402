// What each bar of the overview opens (dashboard.js): its rows, each pick as { key (data-pick for
// tests), title, layer (for `zg:feature-focus`), load (a FeatureCollection), label (a row's text) },
// read from the endpoint of the feature that owns them.
import { t, formatNumber, formatPercent } from './i18n.js';
import { bboxOf } from './zone-contents.js';

// The states in which a crew holds an order (its open workload, /api/crews/workload).
export const CREW_STATES = ['dispatched', 'in_progress'];

const defaults = {
  // The most parcels a state's bar lists (the OGC API's largest page).
  maxRows: 10000,
};

const query = (params) => new URLSearchParams(params).toString();
const mu = (value) => formatNumber(value, 2);

// figures and month: functions that return the overview's current figures and month.
export function createPicks({ api, figures, month }) {
  const parcelLabel = (f) =>
    t('dashboard.rows.parcel', {
      code: f.properties.code,
      name: f.properties.name ?? '',
      status: t(`value.parcels.status.${f.properties.status}`),
      mu: mu(f.properties.area_mu),
    });
  const orderLabel = (f) =>
    t(f.properties.overdue ? 'dashboard.rows.orderOverdue' : 'dashboard.rows.order', {
      code: f.properties.code,
      kind: t(`value.work_orders.kind.${f.properties.kind}`),
      state: t(`value.work_orders.state.${f.properties.state}`),
      crew: f.properties.crewName ?? '—',
    });

  return {
    landState: (status) => ({
      key: `land:${status}`,
      title: t(`value.parcels.status.${status}`),
      layer: 'parcels',
      load: () =>
        api.get(
          `/ogc/collections/parcels/items?${query({ filter: `status='${status}'`, limit: defaults.maxRows, f: 'json' })}`,
        ),
      label: parcelLabel,
    }),
    zoneState: (zone, status) => ({
      key: `zone:${zone.zoneId}${status ? `:${status}` : ''}`,
      title: status ? `${zone.name} · ${t(`value.parcels.status.${status}`)}` : zone.name,
      layer: 'parcels',
      // The zone's own list (its contents), drawn from the parcels layer within the zone's box.
      load: async () => {
        const contents = await api.get(`/api/zones/${zone.zoneId}/contents`);
        const listed = new Set(contents.parcels.filter((p) => !status || p.status === status).map((p) => String(p.id)));
        if (!listed.size) return { features: [] };
        const parcels = await api.get(`/api/parcels?bbox=${bboxOf(await api.get(`/api/zones/${zone.zoneId}`))}`);
        return { features: parcels.features.filter((f) => listed.has(String(f.id))) };
      },
      label: parcelLabel,
    }),
    recoveries: (reason) => ({
      key: `recoveries:${reason}`,
      title: t(`value.land_recoveries.reason.${reason}`),
      layer: 'land_recoveries',
      load: () => api.get(`/api/land-recoveries?${query({ year: figures().year, reason })}`),
      label: (f) =>
        t('dashboard.rows.recovery', {
          code: f.properties.parcel_code,
          holder: f.properties.former_holder,
          date: f.properties.decision_date,
          mu: mu(f.properties.area_mu),
        }),
    }),
    kind: (kind) => ({
      key: `kind:${kind}`,
      title: t('dashboard.rows.kindDue', { kind: t(`value.work_orders.kind.${kind}`), month: month() }),
      layer: 'work_orders',
      // The month's first and next month's first instant: the orders its SLA is measured on.
      load: () =>
        api.get(`/api/workorders?${query({ kind, dueFrom: figures().orders.from, dueTo: figures().orders.to })}`),
      label: orderLabel,
    }),
    crew: (crew, state) => ({
      key: `crew:${crew.crewId}${state ? `:${state}` : ''}`,
      title: state ? `${crew.name} · ${t(`value.work_orders.state.${state}`)}` : crew.name,
      layer: 'work_orders',
      load: () => api.get(`/api/workorders?${query({ crewId: crew.crewId, state: state ?? CREW_STATES.join(',') })}`),
      label: orderLabel,
    }),
    project: (project) => ({
      key: `project:${project.id}`,
      title: project.properties.name,
      layer: 'projects',
      load: async () => ({ features: [project] }),
      label: (f) =>
        t('dashboard.rows.project', {
          name: f.properties.name,
          state: t(`value.projects.state.${f.properties.state}`),
          percent: formatPercent(f.properties.progress),
        }),
    }),
  };
}
