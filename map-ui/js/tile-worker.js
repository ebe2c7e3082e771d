// The tile worker: fetches a site-layer tile and draws it on the OffscreenCanvas the page handed over, so that
// reading and drawing 100,000-point tiles never blocks the page (and runs on more than one core).
import { drawTile } from './tile-draw.js';

self.onmessage = async ({ data }) => {
  const { id, url, canvas, layer, kindId, ratio } = data;
  const fetchStart = performance.timeOrigin + performance.now();
  try {
    const r = await fetch(url, { credentials: 'same-origin' });
    const buf = r.ok && r.status !== 204 ? await r.arrayBuffer() : null;
    const drawStart = performance.timeOrigin + performance.now();
    if (buf && buf.byteLength) drawTile(canvas, buf, layer, kindId, ratio);
    const timing = performance.getEntriesByName(new URL(url, self.location.href).href).pop();
    self.postMessage({
      id, fetchStart, drawStart, drawEnd: performance.timeOrigin + performance.now(),
      bytes: timing ? timing.encodedBodySize : (buf ? buf.byteLength : 0),
    });
  } catch (e) {
    self.postMessage({ id, error: String(e && e.message ? e.message : e) });
  }
};
