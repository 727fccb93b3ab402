// Leaflet with the plugins the map uses. Import L from here, never from 'leaflet' directly,
// so the plugins are always registered.
import L from './leaflet-global.js';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';

export default L;
