// Decodes and draws vector tiles off the page's main thread, so panning and zooming over a large
// zone keeps its frames: gets { job, buffer, layerId, size, dpr, withArrows }, answers
// { job, bitmap, features } with the tile as an ImageBitmap (transferred, not copied) and its
// feature count, or { job, error }.
import { decodeTile, drawFeatures, tileDefaults } from './tile-features.js';

self.onmessage = ({ data: { job, buffer, layerId, size, dpr, withArrows } }) => {
  try {
    const features = decodeTile(new Uint8Array(buffer), layerId, size / tileDefaults.tileSize);
    const canvas = new OffscreenCanvas(size * dpr, size * dpr);
    const ctx = canvas.getContext('2d');
    ctx.scale(dpr, dpr);
    drawFeatures(ctx, layerId, features, withArrows);
    const bitmap = canvas.transferToImageBitmap();
    self.postMessage({ job, bitmap, features: features.length }, [bitmap]);
  } catch (error) {
    self.postMessage({ job, error: error.message });
  }
};
