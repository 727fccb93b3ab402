// leaflet.markercluster is a UMD script that extends a global `L`; this module runs first
// (see leaflet.js) so the global exists whatever order the bundler evaluates CommonJS in.
import L from 'leaflet';

globalThis.L = L;
export default L;
