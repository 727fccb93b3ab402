// Pipe trace (管网追踪): with the tool on, a click picks the nearest pipe (/api/assets/nearest) and
// traces it down or up the flow (/api/pipes/{id}/trace). The traced pipes and wells are drawn, and
// the enterprises whose dedicated pipes (一企一管) join the traced part are listed: who is affected
// if the pipe is blocked. Other panels (the dispatch board) trace through
// `map.fire('zg:pipe-trace', { pipeId, direction })`; each result is announced as `zg:pipe-traced`.
import L, { isolateFromMap } from './leaflet.js';
import { el, fill } from './dom.js';
import { t, getLanguage, onLanguageChange } from './i18n.js';
import './pipe-trace.css';

const defaults = {
  position: 'topleft',
  direction: 'down',
  // A click this many pixels from a pipe still picks it, whatever the zoom.
  pickPixels: 12,
  // Apart from every layer colour (pipes are blue and brown), so the traced part stands out.
  colors: { down: '#e7298a', up: '#ff7f00' },
  // Above every layer's pane (layers.js stacks them from 410 to about 490), below markers (600).
  paneZIndex: 560,
};

function tracePane(map) {
  if (!map.getPane('zg-pane-trace')) map.createPane('zg-pane-trace').style.zIndex = String(defaults.paneZIndex);
  return 'zg-pane-trace';
}

function metres(value) {
  return Number(value).toLocaleString(getLanguage() === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 1 });
}

// deps: { api, dock }
// The switch is a small map control; what the tool says and finds is a docked panel.
export function mountPipeTrace(map, { api, dock }) {
  const toggle = el('button', {
    type: 'button',
    className: 'zg-panel zg-trace-toggle',
    onClick: () => setActive(!active),
  });
  isolateFromMap(toggle);
  const control = new (L.Control.extend({ onAdd: () => toggle }))({ position: defaults.position }).addTo(map);
  const panel = el('div', { className: 'zg-panel zg-trace', dataset: { state: 'idle' }, hidden: true });
  isolateFromMap(panel);
  const undock = dock.add(panel, { id: 'trace', title: 'trace.title', close: () => stop() });
  const drawn = L.layerGroup().addTo(map);
  let active = false;
  let direction = defaults.direction;
  let result = null;
  let message = null;

  function setState(state) {
    panel.dataset.state = state;
  }

  function draw() {
    drawn.clearLayers();
    if (!result) return;
    const color = defaults.colors[result.direction];
    const pane = tracePane(map);
    const pipes = L.geoJSON(result.pipes, {
      pane,
      interactive: false,
      style: (f) => ({
        color,
        weight: f.id === result.pipeId ? 9 : 6,
        opacity: 0.85,
        className: `zg-trace-pipe${f.id === result.pipeId ? ' zg-trace-start' : ''}`,
      }),
    });
    const wells = L.geoJSON(result.wells, {
      interactive: false,
      pointToLayer: (f, latlng) =>
        L.circleMarker(latlng, {
          pane,
          interactive: false,
          radius: 4,
          color: '#fff',
          weight: 1.5,
          fillColor: color,
          fillOpacity: 1,
          className: 'zg-trace-well',
        }),
    });
    drawn.addLayer(pipes).addLayer(wells);
    const bounds = pipes.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [60, 60], maxZoom: 17 });
  }

  async function trace(pipeId, dir = direction) {
    direction = dir;
    setState('tracing');
    message = null;
    try {
      result = await api.get(`/api/pipes/${encodeURIComponent(pipeId)}/trace?direction=${dir}`);
      if (!mounted) return;
      setState('traced');
      draw();
      map.fire('zg:pipe-traced', {
        pipeId: result.pipeId,
        direction: dir,
        totalLengthM: result.totalLengthM,
        enterprises: result.enterprises,
      });
    } catch (error) {
      result = null;
      message = t('trace.failed', { detail: error.message });
      setState('error');
      draw();
    }
    render();
  }

  async function pick(event) {
    if (!active) return;
    const { lat, lng } = event.latlng;
    const metresPerPixel = map.distance(event.latlng, map.containerPointToLatLng(event.containerPoint.add([1, 0])));
    try {
      const nearest = await api.get(`/api/assets/nearest?type=pipes&k=1&lon=${lng.toFixed(7)}&lat=${lat.toFixed(7)}`);
      const pipe = nearest.features[0];
      if (pipe && pipe.properties.distance_m <= defaults.pickPixels * metresPerPixel) {
        await trace(pipe.id);
        return;
      }
      message = t('trace.noPipe');
    } catch (error) {
      message = t('trace.failed', { detail: error.message });
    }
    setState('error');
    render();
  }

  function setActive(on) {
    active = on;
    map.getContainer().classList.toggle('zg-trace-active', on);
    render();
  }

  function stop() {
    setActive(false);
    clear();
  }

  function clear() {
    result = null;
    message = null;
    setState('idle');
    draw();
    render();
  }

  function directionChoice(dir) {
    return el('label', { className: 'zg-trace-direction' }, [
      el('input', {
        type: 'radio',
        name: 'zg-trace-direction',
        value: dir,
        checked: dir === direction,
        onChange: () => (result ? trace(result.pipeId, dir) : (direction = dir)),
      }),
      el('span', { text: t(`trace.direction.${dir}`) }),
    ]);
  }

  function enterprise(e) {
    return el(
      'li',
      { className: 'zg-trace-enterprise', dataset: { enterpriseId: e.id } },
      el('button', {
        type: 'button',
        className: 'zg-trace-enterprise-name',
        title: e.pipes.join(', '),
        text: e.name,
        onClick: () =>
          map.fire('zg:feature-focus', { layer: 'enterprises', id: e.id, lon: e.lon, lat: e.lat, label: e.name }),
      }),
    );
  }

  function results() {
    if (message) return el('p', { className: 'zg-trace-message', text: message });
    if (!result) return active ? el('p', { className: 'zg-trace-message', text: t('trace.hint') }) : null;
    return [
      el('p', {
        className: 'zg-trace-summary',
        text: t('trace.summary', {
          pipes: result.pipeCount,
          wells: result.wellCount,
          length: metres(result.totalLengthM),
        }),
      }),
      el('h3', { className: 'zg-trace-heading', text: t('trace.enterprises', { count: result.enterprises.length }) }),
      result.enterprises.length
        ? el('ul', { className: 'zg-trace-enterprises' }, result.enterprises.map(enterprise))
        : el('p', { className: 'zg-trace-message', text: t('trace.noEnterprise') }),
      el('button', { type: 'button', className: 'zg-trace-clear', text: t('trace.clear'), onClick: clear }),
    ];
  }

  function render() {
    toggle.setAttribute('aria-pressed', String(active));
    toggle.textContent = t('trace.title');
    panel.hidden = !active && !result && !message;
    fill(panel, [
      el('h2', { className: 'zg-panel-title', text: t('trace.title') }),
      el('div', { className: 'zg-trace-body' }, [
        el('div', { className: 'zg-trace-directions', role: 'radiogroup' }, ['down', 'up'].map(directionChoice)),
        ...[].concat(results()),
      ]),
    ]);
  }

  function traceRequested(event) {
    trace(event.pipeId, event.direction || direction);
  }

  let mounted = true;
  const mapEvents = { click: pick, 'zg:pipe-trace': traceRequested };
  map.on(mapEvents);
  const offLanguage = onLanguageChange(render);
  render();

  return function unmount() {
    mounted = false;
    offLanguage();
    map.off(mapEvents);
    map.getContainer().classList.remove('zg-trace-active');
    map.removeLayer(drawn);
    control.remove();
    undock();
  };
}
