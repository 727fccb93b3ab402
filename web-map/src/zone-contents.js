// Clicking an expansion zone lists what it holds (/api/zones/{id}/contents): parcels with the
// area inside, enterprises with their relocation state, projects, and the totals; the listed
// features are highlighted on the map.
import { spreadsheetLink } from './spreadsheet-link.js';
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';

const defaults = {
  highlight: {
    color: '#00bfff',
    weight: 3,
    fillColor: '#00bfff',
    fillOpacity: 0.25,
    className: 'zg-zone-highlight',
    pmIgnore: true,
    // A marked parcel still opens on a click: the mark lies over it but takes no pointer.
    interactive: false,
  },
  // The layers whose features the contents name, and the list each comes in.
  layers: { parcels: 'parcels', enterprises: 'enterprises', projects: 'projects' },
};

// west,south,east,north of a feature, for a `bbox` parameter.
export function bboxOf(feature) {
  const bounds = L.geoJSON(feature).getBounds();
  return [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].join(',');
}

export function mountZoneContents(map, { api, dock }) {
  const panel = el('div', { className: 'zg-panel zg-zone-contents', hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, {
    id: 'zone-contents',
    side: 'right',
    title: 'dock.zoneContents',
    close: () => close(),
  });
  const highlight = L.layerGroup([], { pmIgnore: true }).addTo(map);
  let contents = null;

  async function open(zone) {
    try {
      contents = await api.get(`/api/zones/${zone.id}/contents`);
    } catch (error) {
      fill(panel, el('p', { className: 'zg-parcel-problem', text: error.message }));
      panel.hidden = false;
      return;
    }
    panel.hidden = false;
    render();
    highlightContents(bboxOf(zone));
  }

  // Draws the listed features, fetched from their layers within the zone's box.
  async function highlightContents(bbox) {
    highlight.clearLayers();
    for (const [layer, list] of Object.entries(defaults.layers)) {
      const ids = new Set(contents[list].map((item) => String(item.id)));
      const collection = await api.get(`/api/${layer}?bbox=${bbox}`);
      const listed = collection.features.filter((f) => ids.has(String(f.id)));
      L.geoJSON(
        { type: 'FeatureCollection', features: listed },
        {
          style: () => defaults.highlight,
          pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...defaults.highlight, radius: 8 }),
        },
      ).addTo(highlight);
    }
  }

  function close() {
    highlight.clearLayers();
    contents = null;
    panel.hidden = true;
  }

  const area = (m) => t('editor.areaShort', { m2: m.m2.toFixed(2), mu: m.mu.toFixed(4), ha: m.ha.toFixed(4) });

  function section(key, items, line) {
    return el('section', { className: `zg-zone-section zg-zone-${key}` }, [
      el('h3', { text: t(`zone.${key}`, { count: items.length }) }),
      el(
        'ul',
        {},
        items.map((item) => el('li', { dataset: { id: item.id, relation: item.relation } }, line(item))),
      ),
    ]);
  }

  function render() {
    const { zone, totals } = contents;
    fill(panel, [
      el('button', { type: 'button', className: 'zg-panel-close', title: t('parcel.close'), onClick: close }, '×'),
      el('h2', { className: 'zg-panel-title', text: `${zone.code} ${zone.name}` }),
      spreadsheetLink('zone-contents', `zone=${zone.id}`),
      el(
        'p',
        { className: 'zg-zone-totals' },
        t('zone.totals', {
          parcels: totals.parcels,
          area: area(totals.parcelAreaInside),
          enterprises: totals.enterprises,
          projects: totals.projects,
        }),
      ),
      el('div', { className: 'zg-zone-lists' }, [
        section('parcels', contents.parcels, (p) =>
          t('zone.parcel', {
            code: p.code,
            status: t(`value.parcels.status.${p.status}`),
            area: area(p.areaInside),
            relation: t(`zone.relation.${p.relation}`),
          }),
        ),
        zone.kind === 'chemical_park_subzone'
          ? section('relocation', contents.nonChemicalEnterprises, (e) =>
              t('zone.enterprise', {
                name: e.name,
                state: t(`value.enterprises.relocation_state.${e.relocationState}`),
              }),
            )
          : null,
        section('enterprises', contents.enterprises, (e) => e.name),
        section('projects', contents.projects, (p) => p.name),
      ]),
    ]);
  }

  const onSelect = ({ layer, feature }) => {
    if (layer === 'expansion_zones') open(feature);
  };
  // A parcel saved here or by another planner (live-refresh.js) shows its new status in the list.
  const onSaved = ({ layer, feature }) => {
    const listed = layer === 'parcels' && feature && contents?.parcels.find((p) => String(p.id) === String(feature.id));
    if (!listed || listed.status === feature.properties.status) return;
    listed.status = feature.properties.status;
    render();
  };
  const mapEvents = { 'zg:feature-selected': onSelect, 'zg:feature-saved': onSaved };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(() => {
    if (contents) render();
  });

  return function unmount() {
    offLanguage();
    map.off(mapEvents);
    highlight.remove();
    undock();
  };
}
