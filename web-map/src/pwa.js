// The crew's phone keeps working without network: a service worker (sw.js, built by vite-plugin-pwa
// from offline-routes.js) serves the app shell and the crew's last reads. Only a crew member's
// browser gets one; anyone else's loses it at sign-in, so the office map talks to the service
// exactly as before. `data-zg-service-worker` on <html> says where it stands: registering, active
// (it controls the page and holds what the page read before), none (office), unsupported, failed.
import { isCrewRead, CREW_CACHE_PREFIX } from './offline-routes.js';

const options = {
  script: '/sw.js',
  // How many resources the page may list before the worker takes over (tiles count too).
  resourceEntries: 1000,
};

const supported = () => 'serviceWorker' in navigator && !import.meta.env?.DEV;

function announce(state) {
  document.documentElement.dataset.zgServiceWorker = state;
}

// Resolves true once a worker controls this page and has kept what was read before it did.
let ready = null;

function controlled() {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
}

// GETs through the worker, which keeps each answer for offline use; a failure leaves the cache as
// it was (the next online visit fills it).
function readThrough(paths) {
  return Promise.all(
    paths.map((path) =>
      fetch(path, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } }).catch(() => null),
    ),
  );
}

// On the first visit the page read its settings, orders and layers before the worker existed: ask
// for them again through it, so the next start without network finds them.
function readBeforeControl() {
  return performance
    .getEntriesByType('resource')
    .filter((entry) => entry.initiatorType === 'fetch' && isCrewRead(entry.name))
    .map((entry) => entry.name);
}

export function registerCrewWorker() {
  if (!supported()) {
    announce('unsupported');
    return Promise.resolve(false);
  }
  if (ready) return ready;
  performance.setResourceTimingBufferSize?.(options.resourceEntries);
  announce('registering');
  const wasControlled = Boolean(navigator.serviceWorker.controller);
  ready = navigator.serviceWorker
    .register(options.script, { scope: '/' })
    .then(() => controlled())
    .then(() => (wasControlled ? null : readThrough([...new Set(readBeforeControl())])))
    .then(() => {
      announce('active');
      return true;
    })
    .catch(() => {
      announce('failed');
      return false;
    });
  return ready;
}

// Reads the crew will want offline later (an order's detail before it is opened), through the worker.
export async function readAhead(paths) {
  if (!ready || !(await ready) || !navigator.onLine) return;
  await readThrough(paths);
}

// The crew's reads are theirs alone: gone at log-out, so the next person on the phone starts clean.
export async function forgetCrewReads() {
  if (!('caches' in globalThis)) return;
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(CREW_CACHE_PREFIX)).map((name) => caches.delete(name)));
}

// An office user on a browser a crew member used before: no worker between them and the service.
// Resolves true when the page must load again to be free of a worker that still controls it.
export async function removeCrewWorker() {
  if (!supported()) return false;
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
  await forgetCrewReads();
  if (navigator.serviceWorker.controller) return true;
  announce('none');
  return false;
}
