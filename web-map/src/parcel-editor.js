// Red-line editor (用地红线) for planners: draw a parcel or a rectangle, move vertices, cut holes,
// snapping to the parcels and roads on the map (Leaflet-Geoman); the live plane area in m², 亩
// and 公顷; the server's validity and overlap answers shown on the map before and after saving.
// Starts on `zg:edit-tool` (drawRedLine) or `zg:parcel-edit` (a stored parcel from the panel).
// Parcels are drawn from vector tiles, which nothing can snap to: while editing, the parcels in
// view come as GeoJSON instead and the tiles hide (`zg:editing`, see vector-layers.js).
import L, { isolateFromMap } from './leaflet.js';
import { el, fill, typedText } from './dom.js';
import { t, getLanguage, onLanguageChange } from './i18n.js';
import { planeArea, polygonsOf, formatArea } from './plane-area.js';
import { markRefusedField } from './field-problem.js';

const defaults = {
  roles: ['PLANNER', 'ADMIN'],
  // Pixels kept around a parcel zoomed to (the panels sit beside the map, not over it).
  fitPadding: [60, 60],
  fields: ['code', 'name', 'land_use', 'land_class_code', 'holder', 'note'],
  // pmIgnore keeps our own overlays out of Geoman's editing and snapping.
  // The server's answers are drawn above the boundary being edited (Leaflet's overlayPane is 400).
  marksPane: { name: 'zg-pane-red-line-answers', zIndex: 640 },
  snapStyle: { color: '#d7191c', weight: 1.5, fillColor: '#fde0dd', fillOpacity: 0.35, className: 'zg-snap-parcel' },
  overlapStyle: {
    color: '#b10026',
    weight: 2,
    fillColor: '#ff0000',
    fillOpacity: 0.55,
    className: 'zg-overlap',
    pmIgnore: true,
  },
  defectStyle: { radius: 9, color: '#b10026', weight: 3, fillOpacity: 0, className: 'zg-defect', pmIgnore: true },
  // Problems that a redraw answers with a server-side fix the planner may choose.
  fixes: { 'red-line-overlap': 'clip', 'invalid-geometry': 'repair' },
};

export function mountParcelEditor(map, { api, user, config, dock }) {
  if (!user.roles.some((role) => defaults.roles.includes(role))) return function unmount() {};
  const panel = el('div', { className: 'zg-panel zg-parcel-editor', hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'parcel-editor', title: 'editor.title', close: () => stop() });
  const marks = L.layerGroup([], { pmIgnore: true }).addTo(map);
  const pane = defaults.marksPane.name;
  if (!map.getPane(pane)) map.createPane(pane).style.zIndex = String(defaults.marksPane.zIndex);
  // pmIgnore: not editable; snapIgnore false: still a snapping target.
  const neighbours = L.layerGroup([], { pmIgnore: true }).addTo(map);
  map.pm.setGlobalOptions({ snappable: true, snapDistance: 15 });

  let state = null;

  function areaOf(geometry) {
    return planeArea(polygonsOf(geometry), config.measureProj4);
  }

  function setArea(areaM2) {
    state.area = areaM2;
    const line = panel.querySelector('.zg-editor-area');
    if (line) line.textContent = t('editor.area', formatArea(areaM2));
  }

  function measure() {
    if (state?.layer) setArea(areaOf(state.layer.toGeoJSON(false).geometry));
  }

  function adopt(layer) {
    if (state.layer && state.layer !== layer) state.layer.remove();
    state.layer = layer;
    layer.pm.enable({ snappable: true, allowSelfIntersection: true });
    layer.on('pm:edit pm:markerdragend pm:vertexremoved', measure);
    measure();
    render();
  }

  async function loadNeighbours(exceptId) {
    const b = map.getBounds().pad(0.5);
    const bbox = [
      Math.max(b.getWest(), -180),
      Math.max(b.getSouth(), -90),
      Math.min(b.getEast(), 180),
      Math.min(b.getNorth(), 90),
    ];
    const collection = await api.get(`/api/parcels?bbox=${bbox.map((v) => v.toFixed(6)).join(',')}`);
    neighbours.clearLayers();
    const others = collection.features.filter((f) => f.id !== exceptId);
    L.geoJSON(
      { type: 'FeatureCollection', features: others },
      { style: () => defaults.snapStyle, pmIgnore: true, snapIgnore: false },
    ).addTo(neighbours);
  }

  function start(parcel) {
    stop();
    // An open popup would take the clicks meant for vertices.
    map.closePopup();
    map.fire('zg:editing', { layer: 'parcels', active: true });
    loadNeighbours(parcel?.id).catch(() => neighbours.clearLayers());
    state = {
      id: parcel?.id ?? null,
      version: parcel?.properties.version,
      properties: { ...(parcel?.properties || {}) },
      layer: null,
      area: 0,
      problem: null,
      saved: null,
    };
    panel.hidden = false;
    if (parcel) {
      const rings = polygonsOf(parcel.geometry).map((rs) => rs.map((ring) => ring.map(([lon, lat]) => [lat, lon])));
      adopt(L.polygon(rings.length === 1 ? rings[0] : rings).addTo(map));
      map.fitBounds(state.layer.getBounds(), {
        maxZoom: 18,
        padding: defaults.fitPadding,
      });
    } else {
      render();
      draw('Polygon');
    }
  }

  function stop() {
    map.pm.disableDraw();
    state?.layer?.remove();
    marks.clearLayers();
    neighbours.clearLayers();
    if (state) map.fire('zg:editing', { layer: 'parcels', active: false });
    state = null;
    panel.hidden = true;
  }

  function draw(shape) {
    if (state.layer) state.layer.remove();
    state.layer = null;
    map.pm.enableDraw(shape, { snappable: true, allowSelfIntersection: true });
  }

  function cutHole() {
    map.pm.enableDraw('Cut', { snappable: true, layersToCut: [state.layer] });
  }

  // While drawing, the area of the ring so far closed through the pointer.
  function onDrawStart({ workingLayer }) {
    const live = (e) => {
      if (!state) return;
      const points = workingLayer
        .getLatLngs()
        .flat(2)
        .map((p) => [p.lng, p.lat]);
      if (e?.latlng && workingLayer instanceof L.Polyline && !(workingLayer instanceof L.Polygon))
        points.push([e.latlng.lng, e.latlng.lat]);
      if (points.length >= 3) setArea(planeArea([[points]], config.measureProj4));
    };
    map.on('mousemove', live);
    workingLayer.on('pm:vertexadded', live);
    map.once('pm:drawend', () => map.off('mousemove', live));
  }

  function readForm() {
    const properties = {};
    for (const name of defaults.fields) {
      const input = panel.querySelector(`[name="${name}"]`);
      properties[name] = input ? typedText(input.value) : null;
    }
    return properties;
  }

  function feature() {
    state.properties = { ...state.properties, ...readForm() };
    const properties = Object.fromEntries(defaults.fields.map((name) => [name, state.properties[name] ?? null]));
    return { type: 'Feature', geometry: state.layer.toGeoJSON(false).geometry, properties };
  }

  function showProblem(problem) {
    state.problem = problem;
    marks.clearLayers();
    for (const conflict of problem.conflictingParcels || [])
      L.geoJSON(conflict.overlap, { pane, style: () => defaults.overlapStyle }).addTo(marks);
    if (Array.isArray(problem.location))
      L.circleMarker([problem.location[1], problem.location[0]], { ...defaults.defectStyle, pane }).addTo(marks);
    render();
    markRefusedField(panel, problem)?.focus();
  }

  // options: { clip: true } or { repair: true } let the server change the boundary.
  async function save(options = {}) {
    if (!state.layer) return;
    const query = new URLSearchParams(options).toString();
    const path = state.id === null ? '/api/parcels' : `/api/parcels/${state.id}`;
    const url = query ? `${path}?${query}` : path;
    try {
      const saved =
        state.id === null
          ? await api.post(url, feature())
          : await api.put(url, feature(), { ifMatch: `"${state.version}"` });
      state.layer.remove();
      state.layer = null;
      marks.clearLayers();
      state.problem = null;
      state.saved = saved;
      render();
      map.fire('zg:parcel-saved', { parcel: saved });
      map.fire('zg:feature-saved', { layer: 'parcels' });
    } catch (error) {
      showProblem(error.problem || { detail: error.message });
    }
  }

  // Asks the server what it would refuse, storing nothing.
  async function check() {
    if (!state.layer) return;
    try {
      const problems = await api.post('/api/parcels/check', feature());
      const own = problems.filter((p) => p.type !== 'parcel-exists' || state.id === null);
      if (own.length)
        showProblem({ ...own[0].properties, type: own[0].type, detail: own.map((p) => p.detail).join('\n') });
      else showProblem({ detail: t('editor.checkClean'), clean: true });
    } catch (error) {
      showProblem(error.problem || { detail: error.message });
    }
  }

  function button(key, onClick, props = {}) {
    return el(
      'button',
      { type: 'button', className: 'zg-button zg-editor-button', dataset: { action: key }, onClick, ...props },
      t(`editor.${key}`),
    );
  }

  function problemView(problem) {
    if (!problem) return null;
    const slug = String(problem.type || '')
      .split('/')
      .pop();
    const fix = defaults.fixes[slug];
    const conflicts = problem.conflictingParcels || [];
    // An overlap is said once, as a list; the server's detail repeats it for API callers.
    const summary = conflicts.length ? t('editor.overlap', { count: conflicts.length }) : problem.detail || '';
    return el('div', { className: `zg-editor-problem${problem.clean ? ' zg-editor-clean' : ''}`, role: 'alert' }, [
      el('p', { className: 'zg-editor-problem-detail', text: summary }),
      el(
        'ul',
        { className: 'zg-editor-conflicts' },
        conflicts.map((c) =>
          el(
            'li',
            { className: 'zg-editor-conflict', dataset: { code: c.code } },
            t('editor.conflict', { code: c.code, area: c.overlapAreaM2.toFixed(1) }),
          ),
        ),
      ),
      fix ? button(fix, () => save({ [fix]: true })) : null,
    ]);
  }

  function savedView(saved) {
    const p = saved.properties;
    return el('div', { className: 'zg-editor-saved', role: 'status' }, [
      el('p', {
        text: t('editor.saved', {
          code: p.code,
          m2: p.area_m2.toFixed(2),
          mu: p.area_mu.toFixed(4),
          ha: p.area_ha.toFixed(4),
        }),
      }),
      saved.clip ? el('p', { text: t('editor.clipped', { codes: saved.clip.clippedBy.join(', ') }) }) : null,
      saved.repair
        ? el('p', {
            text: t('editor.repaired', { before: saved.repair.areaBeforeM2, after: saved.repair.areaAfterM2 }),
          })
        : null,
      button('close', stop),
    ]);
  }

  function render() {
    if (!state) return;
    if (state.saved) {
      fill(panel, [el('h2', { className: 'zg-panel-title', text: t('editor.title') }), savedView(state.saved)]);
      return;
    }
    const title =
      state.id === null ? t('editor.newTitle') : t('editor.editTitle', { code: state.properties.code || '' });
    fill(panel, [
      el('h2', { className: 'zg-panel-title', text: title }),
      el('p', { className: 'zg-editor-area', text: t('editor.area', formatArea(state.area)) }),
      el('div', { className: 'zg-editor-tools' }, [
        button('drawPolygon', () => draw('Polygon')),
        button('drawRectangle', () => draw('Rectangle')),
        button('cutHole', cutHole, { disabled: !state.layer }),
      ]),
      el(
        'div',
        { className: 'zg-editor-form' },
        defaults.fields.map((name) =>
          el('label', {}, [
            el('span', { text: t(`prop.${name}`) }),
            el('input', { name, value: state.properties[name] ?? '', required: name === 'code' }),
          ]),
        ),
      ),
      problemView(state.problem),
      el('div', { className: 'zg-editor-actions' }, [
        button('check', check, { disabled: !state.layer }),
        button('save', () => save(), {
          disabled: !state.layer,
          className: 'zg-button zg-editor-button zg-button-primary',
        }),
        button('cancel', stop),
      ]),
    ]);
    // The inputs were rebuilt from state.properties: mark again the one the server refused. Its
    // message beside the field replaces the server's detail above the buttons.
    if (state.problem && markRefusedField(panel, state.problem)) panel.querySelector('.zg-editor-problem')?.remove();
  }

  // While drawing, clicks on stored features place vertices instead of opening them (styles.css).
  const onDrawing = (e) => map.getContainer().classList.toggle('zg-drawing', e.type === 'pm:drawstart');
  const onPopup = () => {
    if (map.pm.globalDrawModeEnabled()) map.closePopup();
  };
  const onTool = ({ tool }) => {
    if (tool === 'drawRedLine') start(null);
  };
  const onEdit = ({ parcel }) => start(parcel);
  const onCreate = ({ layer }) => {
    if (state && !layer.options.measure) adopt(layer);
  };
  const onCut = ({ layer }) => {
    if (state) adopt(layer);
  };
  const onLanguage = () => {
    map.pm.setLang(getLanguage() === 'en' ? 'en' : 'zh');
    render();
  };
  // Pairs, not one event map: Leaflet splits space-separated types only when given as a string.
  const listeners = [
    ['zg:edit-tool', onTool],
    ['zg:parcel-edit', onEdit],
    ['pm:drawstart', onDrawStart],
    ['pm:create', onCreate],
    ['pm:cut', onCut],
    ['pm:drawstart pm:drawend', onDrawing],
    ['popupopen', onPopup],
  ];
  for (const [types, handler] of listeners) map.on(types, handler);
  onLanguage();
  const offLanguage = onLanguageChange(onLanguage);

  return function unmount() {
    stop();
    offLanguage();
    for (const [types, handler] of listeners) map.off(types, handler);
    marks.remove();
    neighbours.remove();
    undock();
  };
}
