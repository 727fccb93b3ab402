// What the import dialog sends: the file's format from its name, the CGCS2000 Gauss-Krüger CRS
// list, and the multipart upload itself. The upload uses XMLHttpRequest, not fetch, because only
// XHR reports upload progress for the progress bar.
import { readCookie, ApiError } from './api.js';
import { getLanguage } from './i18n.js';

// File name ending → the service's `format` parameter. A Shapefile travels as a zip.
const FORMATS = {
  txt: 'txt',
  zip: 'shp',
  kml: 'kml',
  kmz: 'kmz',
  gpkg: 'gpkg',
  dxf: 'dxf',
  geojson: 'geojson',
  json: 'geojson',
};

export const importFormats = ['txt', 'shp', 'kml', 'kmz', 'gpkg', 'dxf', 'geojson'];

export function formatOf(fileName) {
  const dot = String(fileName || '').lastIndexOf('.');
  return dot < 0 ? null : (FORMATS[fileName.slice(dot + 1).toLowerCase()] ?? null);
}

// The CGCS2000 Gauss-Krüger EPSG codes (FORMATS.md): 3° zones 25–45 are 4513–4533 with the zone
// number in front of eastings and 4534–4554 without; 6° zones 13–23 are 4491–4501 and 4502–4512.
export function gaussKrugerCrs() {
  const list = [];
  const family = (width, first, last, prefixed, bare, meridian) => {
    for (let zone = first; zone <= last; zone += 1) {
      list.push({ srid: prefixed + zone - first, width, zone, cm: meridian(zone), prefixed: true });
      list.push({ srid: bare + zone - first, width, zone, cm: meridian(zone), prefixed: false });
    }
  };
  family(6, 13, 23, 4491, 4502, (zone) => 6 * zone - 3);
  family(3, 25, 45, 4513, 4534, (zone) => 3 * zone);
  return list.sort((a, b) => a.srid - b.srid);
}

// The query string of an import: dryRun always (the service refuses an import that does not say),
// then only the parameters the user set.
export function importQuery({ format, dryRun, repair = false, srid, encoding, fields = {}, progress }) {
  if (typeof dryRun !== 'boolean') throw new TypeError('an import must say whether it is a dry run');
  const params = new URLSearchParams({ format, dryRun: String(dryRun) });
  if (progress) params.set('progress', progress);
  if (repair) params.set('repair', 'true');
  if (srid) params.set('srid', String(srid));
  if (encoding) params.set('encoding', encoding);
  for (const [name, value] of Object.entries(fields)) {
    if (value && value.trim()) params.set(`${name}Field`, value.trim());
  }
  return params.toString();
}

// POSTs the file; onProgress(fraction) while sending, onProgress(null) once the server works on it,
// and onStep({ stage, done, total }) as the server reports its steps under the query's progress id
// (polled: any instance may answer). Resolves with the report; rejects with an ApiError carrying the
// problem details.
export function uploadImport(query, file, onProgress, onStep = () => {}) {
  const progressId = new URLSearchParams(query).get('progress');
  let stopPolling = () => {};
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/parcels/import?${query}`);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Accept-Language', getLanguage() === 'en' ? 'en' : 'zh-CN');
    const token = readCookie('XSRF-TOKEN');
    if (token) xhr.setRequestHeader('X-XSRF-TOKEN', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.upload.onload = () => onProgress(null);
    xhr.onloadend = () => stopPolling();
    xhr.onload = () => {
      let body;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body);
        return;
      }
      if (xhr.status === 401) document.dispatchEvent(new CustomEvent('zg:unauthorized'));
      reject(new ApiError(body?.detail || body?.title || `HTTP ${xhr.status}`, xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(`HTTP ${xhr.status}`, xhr.status, null));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
    // Polled from the start, not from the upload's end: a request that a service worker or an
    // intercepting proxy handles fires no upload events. Polls before the server has the file
    // find no step and are skipped.
    if (progressId) stopPolling = pollSteps(progressId, onStep);
  });
}

// Asks for the import's last step every half second until stopped; a poll that fails (the step is not
// recorded yet) is skipped.
function pollSteps(progressId, onStep, intervalMs = 500) {
  let stopped = false;
  let timer = null;
  const poll = async () => {
    try {
      const response = await fetch(`/api/parcels/import/progress/${encodeURIComponent(progressId)}`, {
        headers: { Accept: 'application/json' },
      });
      if (!stopped && response.ok) onStep(await response.json());
    } catch {
      // The import's own request reports real failures.
    }
    if (!stopped) timer = setTimeout(poll, intervalMs);
  };
  timer = setTimeout(poll, intervalMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

// The export address of a selection in any import format: the parcels in a lon/lat box
// ({ bounds }: a Leaflet LatLngBounds) or the parcels of the given ids ({ ids }).
// The parcels of a selection (ids, or the map's view) as /api/parcels/export and the parcels
// spreadsheet both read it.
export function selectionQuery({ bounds, ids }) {
  const params = new URLSearchParams();
  if (ids) params.set('ids', ids.join(','));
  if (bounds) {
    params.set(
      'bbox',
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map((v) => v.toFixed(6)).join(','),
    );
  }
  return params;
}

export function exportUrl(format, selection) {
  const params = new URLSearchParams([['format', format], ...selectionQuery(selection)]);
  return `/api/parcels/export?${params}`;
}
