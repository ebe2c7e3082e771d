// The site layer of one kind as vector tiles, for when more than 5,000 sites are in view: each tile is
// fetched from /ogc/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x} and drawn on its canvas (tile-draw.js) by
// a pool of tile workers when the browser can hand a canvas to a worker, otherwise on the page.
import { drawTile } from './tile-draw.js';

/** bbox [w, s, e, n]: tiles are asked only inside it (the service has no tiles beyond the district). */
export function siteTileLayer(kind, filter, bbox) {
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const size = this.getTileSize();
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      const q = filter.status ? `?status=${encodeURIComponent(filter.status)}` : '';
      const url = `/ogc/collections/${kind.collectionId}/tiles/WebMercatorQuad/${coords.z}/${coords.y}/${coords.x}${q}`;
      const job = { url, layer: kind.collectionId, kindId: kind.id, ratio };
      if (workers.usable()) workers.draw(canvas, job, done);
      else drawHere(canvas, job, done);
      return canvas;
    },
  });
  return new Layer({
    tileSize: 256, updateWhenZooming: false, keepBuffer: 1, maxNativeZoom: 18, maxZoom: 22,
    bounds: L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]),
  });
}

/** Fetches and draws a tile on the page itself (no OffscreenCanvas, or the workers failed to start). */
function drawHere(canvas, job, done) {
  const fetchStart = performance.now();
  let bytes = 0;
  fetch(job.url)
    .then((r) => (r.ok && r.status !== 204 ? r.arrayBuffer() : null))
    .then((buf) => {
      const drawStart = performance.now();
      if (buf && buf.byteLength) {
        bytes = buf.byteLength;
        drawTile(canvas, buf, job.layer, job.kindId, job.ratio);
      }
      measure(fetchStart, drawStart, performance.now(), bytes);
      done(null, canvas);
    })
    .catch((e) => done(e, canvas));
}

/** Timings of a tile for the page's performance timeline: its fetch and its drawing. */
function measure(fetchStart, drawStart, drawEnd, bytes) {
  performance.measure('tile-fetch', { start: fetchStart, end: drawStart, detail: { bytes } });
  performance.measure('tile-draw', { start: drawStart, end: drawEnd });
}

/** A small pool of module workers; each tile's canvas is transferred to one of them, round robin. */
const workers = {
  pool: null,
  broken: false,
  next: 0,
  seq: 0,
  pending: new Map(),

  usable() {
    if (this.broken || new URLSearchParams(location.search).get('tileWorkers') === '0'
      || typeof OffscreenCanvas !== 'function'
      || !('transferControlToOffscreen' in HTMLCanvasElement.prototype)) return false;
    if (!this.pool) this.start();
    return !this.broken;
  },

  start() {
    const n = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
    try {
      this.pool = Array.from({ length: n }, () => {
        const w = new Worker('/js/tile-worker.js', { type: 'module' });
        w.onmessage = ({ data }) => this.finish(data);
        w.onerror = () => this.fail();
        return w;
      });
    } catch (e) {
      this.fail();
    }
  },

  draw(canvas, job, done) {
    const id = ++this.seq;
    this.pending.set(id, { canvas, done });
    const offscreen = canvas.transferControlToOffscreen();
    this.pool[this.next++ % this.pool.length].postMessage({ ...job, id, canvas: offscreen }, [offscreen]);
  },

  finish(data) {
    const p = this.pending.get(data.id);
    if (!p) return;
    this.pending.delete(data.id);
    if (data.error) { p.done(new Error(data.error), p.canvas); return; }
    const local = (t) => t - performance.timeOrigin;
    measure(local(data.fetchStart), local(data.drawStart), local(data.drawEnd), data.bytes);
    p.done(null, p.canvas);
  },

  /** A worker could not start (e.g. no module workers): draw on the page from now on. */
  fail() {
    this.broken = true;
    for (const [, p] of this.pending) p.done(new Error('tile worker failed'), p.canvas);
    this.pending.clear();
  },
};
