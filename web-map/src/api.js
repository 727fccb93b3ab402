// Fetch wrapper for the ZoneGIS service. Spring Security expects the XSRF-TOKEN cookie echoed
// in X-XSRF-TOKEN on state-changing calls, and X-Requested-With marks us as script so it answers
// 401 instead of redirecting to a login page. Errors are RFC 9457 problem details.
import { getLanguage } from './i18n.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Calls whose 401 is an answer (who am I, wrong password), not an expired session.
const SESSION_PROBES = new Set(['/api/me', '/api/login']);

// Requests in flight, announced on document as `zg:requests` (detail: the count), so the map can
// say it is idle only once nothing it asked for is pending (map.js).
let inFlight = 0;

function countRequest(delta) {
  inFlight += delta;
  globalThis.document?.dispatchEvent?.(new CustomEvent('zg:requests', { detail: inFlight }));
}

export function requestsInFlight() {
  return inFlight;
}

// A 503 means the service is there but its database is not: the person stays logged in. Reads
// wait and are sent again once the service is back; writes fail with the server's message so the
// form that sent them keeps what was typed. `zg:service` on document tells the page (banner).
export const SERVICE_EVENT = 'zg:service';
export const serviceRetry = {
  probe: '/actuator/health/readiness',
  // Back-off between probes: doubles from firstMs up to maxMs.
  firstMs: 1000,
  maxMs: 5000,
};
// Resolves when the service is back; null while it is up.
let serviceBack = null;

export function serviceState() {
  return serviceBack ? 'unavailable' : 'ok';
}

function announce(state) {
  globalThis.document?.dispatchEvent?.(new CustomEvent(SERVICE_EVENT, { detail: { state } }));
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function probeUntilBack() {
  for (let delay = serviceRetry.firstMs; ; delay = Math.min(delay * 2, serviceRetry.maxMs)) {
    await pause(delay);
    try {
      if ((await fetch(serviceRetry.probe, { cache: 'no-store', credentials: 'same-origin' })).ok) return;
    } catch {
      // Not back yet: try again after the next pause.
    }
  }
}

// Marks the service unavailable (once) and returns the promise of its return.
function serviceUnavailable() {
  if (!serviceBack) {
    serviceBack = probeUntilBack().then(() => {
      serviceBack = null;
      announce('ok');
    });
    announce('unavailable');
  }
  return serviceBack;
}

// Resolves when the service is back (marking it unavailable until then), or rejects once signal aborts.
export function untilServiceBack(signal) {
  const back = serviceUnavailable();
  if (!signal) return back;
  return new Promise((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    back.then(resolve);
  });
}

export class ApiError extends Error {
  constructor(message, status, problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function readCookie(name, cookies = globalThis.document?.cookie || '') {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

async function toError(response) {
  const type = response.headers.get('content-type') || '';
  let problem = null;
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
  }
  const message = problem?.detail || problem?.title || `HTTP ${response.status}`;
  return new ApiError(message, response.status, problem);
}

// fetch(), but a read that meets a 503 waits until the service is back and is sent again; a write
// that meets one marks the service unavailable and returns the 503 for the caller to report.
async function fetchThroughOutage(path, init = {}) {
  const safe = SAFE_METHODS.has((init.method || 'GET').toUpperCase());
  let response = await fetch(path, init);
  while (response.status === 503 && safe) {
    await untilServiceBack(init.signal);
    response = await fetch(path, init);
  }
  if (response.status === 503) serviceUnavailable();
  return response;
}

// options: method, json (sent as JSON), form (object sent url-encoded), multipart (FormData), signal,
// ifMatch (the ETag a write expects, for optimistic locking).
export async function request(path, { method = 'GET', json, form, multipart, signal, ifMatch } = {}) {
  const headers = {
    Accept: 'application/json, application/geo+json, application/problem+json',
    'X-Requested-With': 'XMLHttpRequest',
    // Server messages (problem details) come in the language the user reads.
    'Accept-Language': getLanguage() === 'en' ? 'en' : 'zh-CN',
  };
  const upper = method.toUpperCase();
  if (!SAFE_METHODS.has(upper)) {
    const token = readCookie('XSRF-TOKEN');
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
  let body;
  if (form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  } else if (multipart) {
    // The browser writes the multipart Content-Type with its boundary.
    body = multipart;
  } else if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  countRequest(1);
  try {
    const response = await fetchThroughOutage(path, {
      method: upper,
      headers,
      body,
      credentials: 'same-origin',
      signal,
    });
    if (!response.ok) {
      // An expired session anywhere else sends the app back to the login page (main.js).
      if (response.status === 401 && !SESSION_PROBES.has(path))
        globalThis.document?.dispatchEvent?.(new CustomEvent('zg:unauthorized'));
      throw await toError(response);
    }
    if (response.status === 204) return null;
    const type = response.headers.get('content-type') || '';
    return await (type.includes('json') ? response.json() : response.text());
  } finally {
    countRequest(-1);
  }
}

export const api = {
  get: (path, options) => request(path, { ...options, method: 'GET' }),
  post: (path, json, options) => request(path, { ...options, method: 'POST', json }),
  postForm: (path, form, options) => request(path, { ...options, method: 'POST', form }),
  put: (path, json, options) => request(path, { ...options, method: 'PUT', json }),
  del: (path, options) => request(path, { ...options, method: 'DELETE' }),
  upload: (path, formData, options) => request(path, { ...options, method: 'POST', multipart: formData }),
};
