// Layer panel: one row per layer from /api/layers with a visibility switch, feature count and
// legend, plus the base map choice. Loads each layer's GeoJSON from /api/{id} (the large ones as vector
// tiles, work orders per view of the map) and opens feature popups, also for `zg:feature-focus`
// fired by search.
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { buildFeatureLayer } from './feature-layer.js';
import { buildTileLayer, tiledLayers, tileHitAt } from './vector-layers.js';
import { buildViewLayer, viewLayers } from './view-layer.js';
import { openFeaturePopup, layerTitle } from './popup.js';
import { legendList } from './legend.js';
import { styleSpec } from './layer-styles.js';

const defaults = {
  legendOpen: new Set(['parcels']),
  // Stacking: areas under lines under points, whatever order the layers arrive in. Leaflet's
  // overlayPane is 400 and markerPane (work orders, flow arrows) 600.
  paneBase: { polygon: 410, line: 430, circle: 450, marker: 470, auto: 470 },
  // Areas that hold other features (parcels lie in expansion zones): their edge takes a click as
  // any path does, their inside only where no other feature lies (styles.css, pickUnderlay).
  underlays: ['expansion_zones'],
};

function createPane(map, id, index) {
  const name = `zg-pane-${id}`;
  if (!map.getPane(name)) {
    map.createPane(name).style.zIndex = String((defaults.paneBase[styleSpec(id).shape] ?? 470) + index);
  }
  return name;
}

// deps: { api, layers: layer definitions, base: the object createMap returned }
export function mountLayers(map, { api, layers: defs, base, dock }) {
  const state = new Map(
    defs.map((def) => [def.id, { def, status: 'loading', visible: true, legend: defaults.legendOpen.has(def.id) }]),
  );
  const panel = el('div', { className: 'zg-panel zg-layers' });
  isolateFromMap(panel);

  const undock = dock.add(panel, { id: 'layers', side: 'right', title: 'layers.title', pinned: true });

  // A layer is drawn when switched on and the map is zoomed in far enough for it.
  function show(s) {
    if (!s.built) return;
    const zoom = map.getZoom();
    for (const part of [{ layer: s.built.layer, minZoom: s.built.minZoom }, ...s.built.extras]) {
      const wanted = s.visible && zoom >= part.minZoom;
      if (wanted !== map.hasLayer(part.layer)) map[wanted ? 'addLayer' : 'removeLayer'](part.layer);
    }
  }

  // Tells other panels (the map print) which layers are switched on, bottom first.
  function announce() {
    const ids = [...state.values()].filter((s) => s.visible).map((s) => s.def.id);
    map.fire('zg:layers-visible', { ids: ids.reverse() });
  }

  function toggle(id, visible) {
    const s = state.get(id);
    s.visible = visible;
    show(s);
    render();
    announce();
  }

  function onZoom() {
    for (const s of state.values()) show(s);
    render();
  }

  function statusText(s) {
    if (s.status === 'loading') return t('layers.loading');
    if (s.status === 'error') return t('layers.failed');
    if (s.visible && map.getZoom() < s.built.minZoom) return t('layers.zoomIn', { count: s.built.count });
    return t('layers.count', { count: s.built.count });
  }

  function row(s) {
    const id = s.def.id;
    const dataset = {
      layerId: id,
      state: s.status,
      count: s.built ? s.built.count : '',
      minZoom: s.built ? s.built.minZoom : '',
    };
    return el('li', { className: 'zg-layer-row', dataset }, [
      el('label', { className: 'zg-layer-label' }, [
        el('input', { type: 'checkbox', checked: s.visible, onChange: (e) => toggle(id, e.target.checked) }),
        el('span', { className: 'zg-layer-title', text: layerTitle(s.def) }),
        el('span', {
          className: `zg-layer-status zg-layer-status-${s.status}`,
          text: statusText(s),
          title: s.error || null,
        }),
      ]),
      el(
        'button',
        {
          type: 'button',
          className: 'zg-legend-toggle',
          'aria-expanded': String(s.legend),
          title: t('layers.legend'),
          onClick: () => {
            s.legend = !s.legend;
            render();
          },
        },
        t(s.legend ? 'layers.legendHide' : 'layers.legendShow'),
      ),
      s.legend ? legendList(id) : null,
    ]);
  }

  function baseMapChooser() {
    return el('label', { className: 'zg-base-map' }, [
      el('span', { text: t('layers.baseMap') }),
      el(
        'select',
        { onChange: (e) => base.setBaseMap(e.target.value) },
        base.baseMapIds.map((id) => el('option', { value: id, selected: id === base.baseMap() }, t(`map.base.${id}`))),
      ),
    ]);
  }

  // Redrawn only when something it shows has changed (or the language): a pan or a zoom changes
  // the work-order count or a layer's zoom hint now and then, not every time.
  let drawn = null;
  function render({ language = false } = {}) {
    const shows = JSON.stringify([
      base.baseMap(),
      ...[...state.values()].map((s) => [
        s.status,
        s.error,
        s.visible,
        s.legend,
        s.built?.count,
        s.built && map.getZoom() < s.built.minZoom,
      ]),
    ]);
    if (shows === drawn && !language) return;
    drawn = shows;
    fill(panel, [
      el('h2', { className: 'zg-panel-title', text: t('layers.title') }),
      baseMapChooser(),
      el('ul', { className: 'zg-layer-list' }, [...state.values()].map(row)),
    ]);
  }

  // Panels that act on a feature (the parcel panel, zone contents) listen for zg:feature-selected.
  function openPopup(id, feature, latlng) {
    openFeaturePopup(map, state.get(id).def, feature, latlng);
    map.fire('zg:feature-selected', { layer: id, feature, latlng });
  }

  async function load(s, index) {
    const id = s.def.id;
    const pane = createPane(map, id, index);
    try {
      const onFeatureClick = (feature, latlng) => openPopup(id, feature, latlng);
      const onCount = (count) => {
        if (s.built) s.built.count = count;
        render();
      };
      let built;
      if (tiledLayers.has(id)) built = await buildTileLayer(id, { api, def: s.def, pane, onFeatureClick });
      else if (viewLayers.has(id)) built = await buildViewLayer(id, { api, map, pane, onFeatureClick, onCount });
      else built = buildFeatureLayer(id, await api.get(`/api/${encodeURIComponent(id)}`), { pane, onFeatureClick });
      if (!mounted) return;
      s.built = built;
      // The layer's own minZoom from /api/layers wins when it asks for more. Its maxZoom is
      // where vector tiles stop being cut (they are over-zoomed beyond), not a visibility limit.
      s.built.minZoom = Math.max(s.built.minZoom, Number(s.def.minZoom) || 0);
      s.status = 'loaded';
      show(s);
    } catch (error) {
      s.status = 'error';
      s.error = error.message;
    }
    render();
  }

  // A click inside an underlay area that hit nothing else opens the area. Not while a tool takes
  // map clicks (drawing, measuring, picking an asset).
  function pickUnderlay(event) {
    const container = map.getContainer();
    if (map.pm?.globalDrawModeEnabled() || container.classList.contains('zg-asset-pick')) return;
    if (event.originalEvent?.target !== container && event.originalEvent?.target?.closest?.('.leaflet-interactive'))
      return;
    if (tileHitAt(map, event.latlng)) return;
    for (const id of defaults.underlays) {
      const s = state.get(id);
      if (!s?.built?.featureAt || !map.hasLayer(s.built.layer)) continue;
      const feature = s.built.featureAt(event.latlng);
      if (feature) {
        openPopup(id, feature, event.latlng);
        return;
      }
    }
  }

  // Search results name a layer and a feature id; fall back to the result's point if the
  // feature is not among the loaded ones.
  function focus(event) {
    const s = state.get(event.layer);
    const open = (feature, latlng) => openPopup(event.layer, feature, latlng);
    if (s?.built && s.visible && s.built.reveal(map, event.id, open)) return;
    if (event.bbox)
      map.fitBounds(
        [
          [event.bbox[1], event.bbox[0]],
          [event.bbox[3], event.bbox[2]],
        ],
        { maxZoom: 17 },
      );
    else if (Number.isFinite(event.lat)) map.setView([event.lat, event.lon], Math.max(map.getZoom(), 16));
    if (s && Number.isFinite(event.lat)) {
      open({ id: event.id, properties: { label: event.label } }, L.latLng(event.lat, event.lon));
    }
  }

  // `zg:layer-changed` { layer } (an import, an edit elsewhere) reloads that layer from the server.
  function reload(event) {
    const s = state.get(event.layer);
    if (!s || s.status === 'loading') return;
    if (s.built) for (const part of [s.built.layer, ...s.built.extras.map((e) => e.layer)]) map.removeLayer(part);
    Object.assign(s, { built: null, status: 'loading' });
    render();
    load(s, [...state.keys()].indexOf(event.layer));
  }

  // A saved feature (an editor's `zg:feature-saved`) reloads a GeoJSON layer; tiled layers
  // fetch their tiles again themselves (vector-layers.js).
  function saved(event) {
    if (!tiledLayers.has(event.layer)) reload(event);
  }

  let mounted = true;
  // Subscribed together on mount, removed together on unmount. The map may change to the local
  // base by itself (no network, map.js): zg:base-map shows the choice it made.
  const mapEvents = {
    'zg:feature-focus': focus,
    'zg:layer-changed': reload,
    'zg:feature-saved': saved,
    click: pickUnderlay,
    'zg:base-map': render,
    zoomend: onZoom,
  };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(() => render({ language: true }));
  render();
  Promise.all([...state.values()].map(load)).then(() => {
    announce();
    map.fire('zg:layers-loaded');
  });

  return function unmount() {
    mounted = false;
    offLanguage();
    map.off(mapEvents);
    for (const s of state.values()) {
      if (s.built) for (const part of [s.built.layer, ...s.built.extras.map((e) => e.layer)]) map.removeLayer(part);
    }
    undock();
  };
}
