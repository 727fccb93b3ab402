// Drawing like a GIS, for every Geoman drawing on the map (red line, split line, measuring): undo
// and redo of the last vertex (buttons, Ctrl+Z / Ctrl+Y), Enter finishes, Esc cancels, a snapping
// switch, and a vertex placed by its surveyed X (northing) and Y (easting) in the measuring CRS.
// A map control, shown only while a drawing is under way.
import L, { isolateFromMap } from './leaflet.js';
import proj4 from 'proj4';
import { el, fill } from './dom.js';
import { t, onLanguageChange } from './i18n.js';
import { markRefusedField } from './field-problem.js';
import './draw-tools.css';

const defaults = { position: 'topleft' };
const CGCS2000_GEOGRAPHIC = '+proj=longlat +ellps=GRS80 +no_defs';

// deps: { config (from /api/config: measureProj4, measureSrid) }
export function mountDrawTools(map, { config }) {
  const box = el('div', { className: 'zg-panel zg-draw-tools', hidden: true });
  isolateFromMap(box);
  const control = new (L.Control.extend({ onAdd: () => box }))({ position: defaults.position }).addTo(map);
  const toLonLat = proj4(config.measureProj4, CGCS2000_GEOGRAPHIC);
  let drawing = null; // { shape, layer, redo: [latlng] }
  let snapping = true;
  let typed = { northing: '', easting: '' };
  let problem = null;

  const draw = () => drawing && map.pm.Draw[drawing.shape];
  const vertexCount = () => (drawing ? drawing.layer.getLatLngs().flat(2).length : 0);
  const announce = () => {
    box.dataset.zgVertices = String(vertexCount());
  };

  function undo() {
    if (!vertexCount()) return;
    const latlngs = drawing.layer.getLatLngs().flat(2);
    drawing.redo.push(latlngs[latlngs.length - 1]);
    // Geoman leaves drawing when the only vertex goes; keep drawing, with nothing placed yet.
    if (latlngs.length === 1) restart();
    else draw()._removeLastVertex();
    render();
  }

  function restart() {
    const { shape, redo } = drawing;
    const options = { ...draw().options };
    drawing.restarting = true;
    map.pm.disableDraw();
    map.pm.enableDraw(shape, options);
    drawing.redo = redo;
  }

  function place(latlng, { keepRedo = false } = {}) {
    const tool = draw();
    // _createVertex places where the hint marker is, unless it is snapped to something.
    tool._hintMarker._snapped = false;
    drawing.keepRedo = keepRedo;
    tool._createVertex({ latlng });
    drawing.keepRedo = false;
    render();
  }

  function redo() {
    if (!drawing?.redo.length) return;
    place(drawing.redo.pop(), { keepRedo: true });
  }

  function finish() {
    const tool = draw();
    if (tool) tool._finishShape();
  }

  function cancel() {
    map.pm.disableDraw();
  }

  function setSnapping(on) {
    snapping = on;
    map.pm.setGlobalOptions({ snappable: on });
    if (draw()) draw().options.snappable = on;
    render();
  }

  function placeTyped(event) {
    event.preventDefault();
    const northing = Number(typed.northing);
    const easting = Number(typed.easting);
    problem = null;
    if (typed.northing.trim() === '' || !Number.isFinite(northing)) problem = 'northing';
    else if (typed.easting.trim() === '' || !Number.isFinite(easting)) problem = 'easting';
    if (problem) {
      render();
      return;
    }
    const [lon, lat] = toLonLat.forward([easting, northing]);
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
      problem = 'northing';
      render();
      return;
    }
    typed = { northing: '', easting: '' };
    place(L.latLng(lat, lon));
  }

  function onKey(event) {
    if (!drawing) return;
    const target = event.target;
    const inField = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    const key = event.key.toLowerCase();
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && !inField) {
      event.preventDefault();
      finish();
    } else if ((event.ctrlKey || event.metaKey) && !inField && (key === 'z' || key === 'y')) {
      event.preventDefault();
      if (key === 'y' || event.shiftKey) redo();
      else undo();
    }
  }

  function onDrawStart({ shape, workingLayer }) {
    const redoKept = drawing?.restarting ? drawing.redo : [];
    drawing = { shape, layer: workingLayer, redo: redoKept };
    workingLayer.on('pm:vertexadded', () => {
      if (!drawing.keepRedo) drawing.redo = [];
      render();
    });
    if (draw()) draw().options.snappable = snapping;
    render();
  }

  function onDrawEnd() {
    if (drawing?.restarting) return;
    drawing = null;
    problem = null;
    render();
  }

  function button(key, onClick, disabled = false) {
    return el('button', {
      type: 'button',
      className: `zg-draw-button zg-draw-${key}`,
      title: t(`draw.${key}.hint`),
      disabled,
      onClick,
      text: t(`draw.${key}`),
    });
  }

  function field(name) {
    return el('input', {
      className: 'zg-input zg-draw-coordinate',
      name,
      inputmode: 'decimal',
      placeholder: t(`draw.${name}`),
      'aria-label': t(`draw.${name}`),
      value: typed[name],
      onInput: (e) => (typed[name] = e.target.value),
    });
  }

  function render() {
    box.hidden = !drawing;
    map.getContainer().classList.toggle('zg-draw-active', Boolean(drawing));
    announce();
    if (!drawing) return fill(box, []);
    fill(box, [
      el('div', { className: 'zg-draw-row' }, [
        button('undo', undo, !vertexCount()),
        button('redo', redo, !drawing.redo.length),
        button('finish', finish, vertexCount() < (drawing.shape === 'Line' ? 2 : 3)),
        button('cancel', cancel),
        el('label', { className: 'zg-draw-snap' }, [
          el('input', { type: 'checkbox', checked: snapping, onChange: (e) => setSnapping(e.target.checked) }),
          t('draw.snap'),
        ]),
      ]),
      el('form', { className: 'zg-draw-row zg-draw-by-coordinate', onSubmit: placeTyped }, [
        field('northing'),
        field('easting'),
        el('button', { type: 'submit', className: 'zg-draw-button zg-draw-place', text: t('draw.place') }),
      ]),
      el('p', { className: 'zg-draw-crs', text: t('draw.crs', { srid: config.measureSrid }) }),
      problem ? el('p', { className: 'zg-draw-problem', role: 'alert', text: t(`draw.problem.${problem}`) }) : null,
    ]);
    if (problem) markRefusedField(box, { property: problem });
  }

  document.addEventListener('keydown', onKey);
  const mapEvents = { 'pm:drawstart': onDrawStart, 'pm:drawend': onDrawEnd };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(render);
  render();

  return function unmount() {
    document.removeEventListener('keydown', onKey);
    map.off(mapEvents);
    offLanguage();
    control.remove();
  };
}
