// How each layer is drawn, keyed by layer id from /api/layers. One table feeds both the map
// and the legend, so a class added here shows up in both. Class values are the CHECK values of
// the schema (V1__foundation_schema.sql); legend and popup labels are `value.<layer>.<property>.<value>`.

const RED_LINE = '#e31a1c';

// Projects are coloured by investment progress = completed / total, in quarter steps.
export function progressOf(props) {
  const total = Number(props.total_investment_wan);
  const done = Number(props.completed_investment_wan);
  if (total > 0 && Number.isFinite(done)) return done / total;
  const given = Number(props.progress);
  return Number.isFinite(given) ? given : 0;
}

export function progressClass(props) {
  const p = progressOf(props);
  if (p >= 1) return 'done';
  if (p >= 0.75) return 'p75';
  if (p >= 0.5) return 'p50';
  if (p >= 0.25) return 'p25';
  return 'p0';
}

// Circle area grows with total investment (万元); clamped so a huge project does not hide the map.
function projectRadius(props) {
  const total = Math.max(0, Number(props.total_investment_wan) || 0);
  return Math.min(16, 4 + Math.sqrt(total) / 16);
}

export const layerStyles = {
  parcels: {
    shape: 'polygon',
    base: { color: RED_LINE, weight: 2, fillOpacity: 0.45 },
    dimensions: [
      {
        property: 'status',
        classes: {
          planned: { fillColor: '#fff3b0' },
          red_line_issued: { fillColor: '#fdae61' },
          filed: { fillColor: '#f46d43' },
          listed: { fillColor: '#74add1' },
          transferred: { fillColor: '#1a9850' },
          recovered: { fillColor: '#8c510a' },
          cancelled: { fillColor: '#bdbdbd', dashArray: '4 4' },
        },
      },
    ],
    extraLegend: [{ key: 'legend.parcels.redLine', swatch: { shape: 'outline', color: RED_LINE } }],
  },
  land_recoveries: {
    shape: 'polygon',
    base: { weight: 2, fillOpacity: 1, hatch: true },
    dimensions: [
      {
        property: 'reason',
        classes: {
          idle: { color: '#b2182b' },
          low_efficiency: { color: '#d6604d' },
          court_ruling: { color: '#762a83' },
          term_expired: { color: '#5e3c99' },
          other: { color: '#636363' },
        },
      },
    ],
  },
  expansion_zones: {
    shape: 'polygon',
    base: { weight: 3, fill: true, fillOpacity: 0.04 },
    dimensions: [
      {
        property: 'kind',
        classes: {
          chemical_park_subzone: { color: '#7b3294', fillColor: '#7b3294' },
          contiguous_development: { color: '#008837', fillColor: '#008837' },
        },
      },
      { property: 'status', classes: { proposed: { dashArray: '3 7' }, approved: { dashArray: '14 6' } } },
    ],
  },
  enterprises: {
    shape: 'circle',
    base: { radius: 7, weight: 1.5, color: '#ffffff', fillOpacity: 0.9 },
    dimensions: [
      {
        property: 'relocation_state',
        classes: {
          relocate: { fillColor: '#d7191c' },
          convert: { fillColor: '#fdae61' },
          retain: { fillColor: '#2c7bb6' },
          none: { fillColor: '#969696' },
        },
      },
      { property: 'is_chemical', classes: { true: { color: '#4d004b', weight: 3.5 }, false: {} }, legend: ['true'] },
    ],
  },
  // The half-year report's registers: a building by its property certificate, a self-built house by
  // its appraisal, an application to enter the chemical park by the review's outcome.
  buildings: {
    shape: 'polygon',
    base: { color: '#525252', weight: 1.5, fillOpacity: 0.6 },
    dimensions: [
      {
        property: 'property_cert_state',
        classes: {
          none: { fillColor: '#d7301f' },
          applying: { fillColor: '#fc8d59' },
          issued: { fillColor: '#4575b4' },
          cancelled: { fillColor: '#bdbdbd', dashArray: '4 4' },
        },
      },
    ],
  },
  self_built_houses: {
    shape: 'circle',
    base: { radius: 6, weight: 1.5, color: '#ffffff', fillOpacity: 0.9 },
    dimensions: [
      {
        property: 'appraisal_state',
        classes: {
          none: { fillColor: '#e34a33' },
          commissioned: { fillColor: '#fdbb84' },
          done: { fillColor: '#31a354' },
        },
      },
    ],
  },
  park_entry_reviews: {
    shape: 'circle',
    base: { radius: 6, weight: 1.5, color: '#4d004b', fillOpacity: 0.9 },
    dimensions: [
      {
        property: 'outcome',
        classes: {
          pending: { fillColor: '#ffffbf' },
          approved: { fillColor: '#1a9641' },
          conditional: { fillColor: '#a6d96a' },
          refused: { fillColor: '#d7191c' },
        },
      },
    ],
  },
  roads: {
    shape: 'line',
    base: { opacity: 0.9, lineCap: 'round' },
    dimensions: [
      {
        property: 'road_class',
        classes: {
          arterial: { color: '#525252', weight: 7 },
          secondary: { color: '#737373', weight: 5 },
          branch: { color: '#969696', weight: 3.5 },
          access: { color: '#bdbdbd', weight: 2.5, dashArray: '6 4' },
        },
      },
    ],
  },
  pipes: {
    shape: 'line',
    // Hundreds of arrows only clutter the zone-wide view; they help once single pipes show.
    flowArrows: { minZoom: 16 },
    base: { weight: 3, opacity: 0.95 },
    dimensions: [
      {
        property: 'kind',
        classes: {
          rain: { color: '#1f78b4' },
          sewage: { color: '#8c510a' },
          water: { color: '#17becf' },
          dedicated: { color: '#6a3d9a' },
        },
      },
    ],
    extraLegend: [{ key: 'legend.pipes.flow', swatch: { shape: 'arrow', color: '#333333' } }],
  },
  wells: {
    shape: 'circle',
    // Wells and streetlights line every road; below street level they hide the roads.
    minZoom: 16,
    base: { radius: 3.5, weight: 1, color: '#252525', fillOpacity: 1 },
    dimensions: [
      {
        property: 'kind',
        classes: {
          rain: { fillColor: '#1f78b4' },
          sewage: { fillColor: '#8c510a' },
          inspection: { fillColor: '#ffffff' },
        },
      },
      {
        property: 'cover_state',
        classes: { intact: {}, damaged: { color: '#ff7f00', weight: 2.5 }, missing: { color: '#e31a1c', weight: 2.5 } },
        legend: ['damaged', 'missing'],
      },
    ],
  },
  streetlights: {
    shape: 'circle',
    minZoom: 16,
    base: { radius: 4.5, weight: 1, color: '#404040', fillOpacity: 1 },
    dimensions: [
      {
        property: 'state',
        classes: {
          normal: { fillColor: '#ffd92f' },
          faulty: { fillColor: '#e31a1c' },
          under_repair: { fillColor: '#ff7f00' },
          off: { fillColor: '#636363' },
        },
      },
    ],
  },
  cables: {
    shape: 'line',
    base: { weight: 2.5, dashArray: '8 4' },
    dimensions: [
      {
        property: 'state',
        classes: { normal: { color: '#33a02c' }, faulty: { color: '#e31a1c' }, under_repair: { color: '#ff7f00' } },
      },
    ],
  },
  projects: {
    shape: 'circle',
    radius: projectRadius,
    base: { weight: 1.5, color: '#252525', fillOpacity: 0.8 },
    dimensions: [
      {
        property: 'progress',
        value: progressClass,
        classes: {
          p0: { fillColor: '#fee5d9' },
          p25: { fillColor: '#fcae91' },
          p50: { fillColor: '#fb6a4a' },
          p75: { fillColor: '#de2d26' },
          done: { fillColor: '#a50f15' },
        },
      },
    ],
    extraLegend: [{ key: 'legend.projects.size', swatch: { shape: 'circle', fillColor: '#ffffff', color: '#252525' } }],
  },
  work_orders: {
    shape: 'marker',
    clustered: true,
    base: { color: '#ffffff' },
    dimensions: [
      {
        property: 'state',
        classes: {
          new: { fillColor: '#e31a1c' },
          dispatched: { fillColor: '#ff7f00' },
          in_progress: { fillColor: '#ffd92f' },
          completed: { fillColor: '#33a02c' },
          rejected: { fillColor: '#6a3d9a' },
          verified: { fillColor: '#1f78b4' },
          closed: { fillColor: '#969696' },
          cancelled: { fillColor: '#d9d9d9' },
        },
      },
      { property: 'overdue', classes: { true: { color: '#000000', overdue: true }, false: {} }, legend: ['true'] },
    ],
  },
  crews: {
    shape: 'circle',
    base: { radius: 6, weight: 2, color: '#00441b', fillOpacity: 1 },
    dimensions: [{ property: 'active', classes: { true: { fillColor: '#41ab5d' }, false: { fillColor: '#d9d9d9' } } }],
  },
};

// Layers the server adds later still draw, in a neutral style, instead of failing.
const fallback = { shape: 'auto', base: { color: '#3388ff', weight: 2, radius: 5, fillOpacity: 0.3 }, dimensions: [] };

export function styleSpec(layerId) {
  return layerStyles[layerId] || fallback;
}

function classValue(dimension, props) {
  const raw = dimension.value ? dimension.value(props) : props[dimension.property];
  const value = String(raw);
  return Object.hasOwn(dimension.classes, value) ? value : null;
}

// Leaflet path options for one feature. Class names only ever carry known class values, so a
// hostile property value cannot smuggle CSS classes into the DOM.
export function featureStyle(layerId, props = {}) {
  const spec = styleSpec(layerId);
  const style = { ...spec.base };
  const classNames = ['zg-feature', `zg-layer-${layerId}`];
  for (const dimension of spec.dimensions) {
    const value = classValue(dimension, props);
    if (value === null) continue;
    Object.assign(style, dimension.classes[value]);
    classNames.push(`zg-${dimension.property}-${value}`);
  }
  if (spec.radius) style.radius = spec.radius(props);
  style.className = classNames.join(' ');
  return style;
}

// Legend rows: every class of every dimension (or the ones listed in `legend`), plus extras.
export function legendEntries(layerId) {
  const spec = styleSpec(layerId);
  const rows = [];
  for (const dimension of spec.dimensions) {
    const values = dimension.legend || Object.keys(dimension.classes);
    for (const value of values) {
      rows.push({
        key: `value.${layerId}.${dimension.property}.${value}`,
        swatch: { shape: spec.shape, ...spec.base, ...dimension.classes[value] },
      });
    }
  }
  return rows.concat(spec.extraLegend || []);
}
