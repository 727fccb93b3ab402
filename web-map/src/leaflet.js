// Leaflet with the plugins the map uses. Import L from here, never from 'leaflet' directly,
// so the plugins are always registered.
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';

export default L;

// Keeps clicks and wheel events inside a panel from reaching the map. Leaflet's own
// disableClickPropagation checks the click target's ancestors, which fails when a click
// handler re-renders the panel and detaches the target: the map would then take it for a
// map click and close the open popup. Stopping the click at the panel avoids that.
export function isolateFromMap(panel) {
  L.DomEvent.disableClickPropagation(panel);
  L.DomEvent.disableScrollPropagation(panel);
  L.DomEvent.on(panel, 'click', L.DomEvent.stopPropagation);
}
