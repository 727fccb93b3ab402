// What the crew's service worker keeps for offline use: the reads the crew view makes, and nothing
// else. vite.config.js builds them into sw.js (Workbox, network first: online the crew always gets
// the service's answer, offline the last one it gave); pwa.js asks the same question of a URL.
// Writes are never cached: Workbox routes GET only.

// The map layers a crew works with; land administration (parcels, recoveries, zones) is not theirs.
export const CREW_LAYERS = ['roads', 'pipes', 'wells', 'streetlights', 'cables'];

const origin = String.raw`^https?://[^/]+`;
const query = String.raw`(\?.*)?$`;
const layers = CREW_LAYERS.join('|');

// Full URLs, as Workbox matches them: the match must start at the beginning.
const crewReads = {
  // What the page needs to start: its settings, who is signed in, the layers, the order catalogue.
  app: new RegExp(`${origin}/api/(config|me|layers|workorders/catalogue)${query}`),
  // The crew's orders: the list and each order with its timeline.
  orders: new RegExp(`${origin}/api/workorders(/\\d+)?${query}`),
  // The crew's layers: GeoJSON from /api/{id}, vector tiles and their tileset documents from OGC.
  layers: new RegExp(`${origin}/(api/(${layers})|ogc/collections/(${layers})(/[^?]*)?)${query}`),
};

export function isCrewRead(url) {
  return Object.values(crewReads).some((pattern) => pattern.test(url));
}

export const CREW_CACHE_PREFIX = 'zg-crew-';

export const crewRuntimeCaching = [
  { urlPattern: crewReads.app, cacheName: `${CREW_CACHE_PREFIX}app` },
  { urlPattern: crewReads.orders, cacheName: `${CREW_CACHE_PREFIX}orders` },
  {
    urlPattern: crewReads.layers,
    cacheName: `${CREW_CACHE_PREFIX}layers`,
    // A day's worth of panning around the zone; the oldest tiles go first.
    expiration: { maxEntries: 3000 },
  },
].map(({ urlPattern, cacheName, expiration }) => ({
  urlPattern,
  handler: 'NetworkFirst',
  method: 'GET',
  options: {
    cacheName,
    // Only whole answers: a 401 after the session ended, a 503 in an outage pass through unkept.
    cacheableResponse: { statuses: [200] },
    ...(expiration ? { expiration } : {}),
  },
}));
