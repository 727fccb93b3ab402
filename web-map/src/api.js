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
    const response = await fetch(path, { method: upper, headers, body, credentials: 'same-origin', signal });
    if (!response.ok) {
      // An expired session anywhere else sends the app back to the login page (main.js).
      if (response.status === 401 && !SESSION_PROBES.has(path)) globalThis.document?.dispatchEvent?.(new CustomEvent('zg:unauthorized'));
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
