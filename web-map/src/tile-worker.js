// Fetches, decodes and draws vector tiles off the page's main thread, so panning and zooming over a
// large zone keeps its frames. Gets { job, url, layerId, size, dpr, withArrows } and answers
// { job, bitmap, features, buffer }: the tile as an ImageBitmap, its feature count and its MVT
// bytes (both transferred, not copied); { job, unavailable: true } on a 503, for the page to ask
// again once the service is back; or { job, error }. { cancel: job } drops a tile that has left
// the map: its fetch is aborted and nothing is answered.
import { decodeTile, drawFeatures, tileDefaults } from './tile-features.js';

const pending = new Map();

async function drawTile({ job, url, layerId, size, dpr, withArrows }) {
  const abort = new AbortController();
  pending.set(job, abort);
  try {
    const response = await fetch(url, {
      credentials: 'same-origin',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
      signal: abort.signal,
    });
    if (response.status === 503) return self.postMessage({ job, unavailable: true });
    if (response.status === 204) return self.postMessage({ job, bitmap: null, features: 0, buffer: null });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const buffer = await response.arrayBuffer();
    if (abort.signal.aborted) return;
    const features = decodeTile(new Uint8Array(buffer), layerId, size / tileDefaults.tileSize);
    const canvas = new OffscreenCanvas(size * dpr, size * dpr);
    const ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    drawFeatures(ctx, layerId, features, withArrows);
    const bitmap = canvas.transferToImageBitmap();
    self.postMessage({ job, bitmap, features: features.length, buffer }, [bitmap, buffer]);
  } catch (error) {
    if (!abort.signal.aborted) self.postMessage({ job, error: error.message });
  } finally {
    pending.delete(job);
  }
}

self.onmessage = ({ data }) => {
  if (data.cancel) pending.get(data.cancel)?.abort();
  else drawTile(data);
};
