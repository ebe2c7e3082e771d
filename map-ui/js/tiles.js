// The site layer of one kind, or of every kind, as vector tiles, for when more than 5,000 sites are in view: each
// tile is fetched from /ogc/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x} (one kind) or the dataset tile
// /ogc/tiles/WebMercatorQuad/{z}/{y}/{x} (every site layer in one tile) and drawn on its canvas (tile-draw.js).
// Drawing in a pool of workers on transferred canvases was tried and measured slower on the district view
// (4.5-4.8 s against 3.6-4.4 s until every tile was drawn, 1M sites, 2 cores): each worker warms its own JIT and
// reads back its OffscreenCanvas more slowly. One worker taking a tile whenever it was idle (the main thread drawing
// the rest) was slower too (1.7-2.4 s against 1.3-1.7 s): its first tile, with its modules loaded and its JIT cold,
// took 1.0-1.4 s while the main thread drew the other eleven.
import { drawTile } from './tile-draw.js';

/** kinds: drawn in this order; bbox [w, s, e, n]: tiles are asked only inside it (none beyond the district). */
export function siteTileLayer(kinds, filter, bbox) {
  const base = kinds.length === 1 ? `/ogc/collections/${kinds[0].collectionId}/tiles` : '/ogc/tiles';
  const layers = kinds.map((k) => ({ name: k.collectionId, kindId: k.id }));
  const Layer = L.GridLayer.extend({
    createTile(coords, done) {
      const size = this.getTileSize();
      const ratio = window.devicePixelRatio || 1;
      const canvas = document.createElement('canvas');
      canvas.width = size.x * ratio;
      canvas.height = size.y * ratio;
      const q = filter.status ? `?status=${encodeURIComponent(filter.status)}` : '';
      const url = `${base}/WebMercatorQuad/${coords.z}/${coords.y}/${coords.x}${q}`;
      load(canvas, url, layers, ratio, done);
      return canvas;
    },
  });
  return new Layer({
    tileSize: 256, updateWhenZooming: false, keepBuffer: 1, maxNativeZoom: 18, maxZoom: 22,
    bounds: L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]),
  });
}

/** Fetches and draws a tile, with its timings on the page's performance timeline. */
function load(canvas, url, layers, ratio, done) {
  const fetchStart = performance.now();
  fetch(url)
    .then((r) => (r.ok && r.status !== 204 ? r.arrayBuffer() : null))
    .then((buf) => {
      const drawStart = performance.now();
      if (buf && buf.byteLength) drawTile(canvas, buf, layers, ratio);
      performance.measure('tile-fetch', { start: fetchStart, end: drawStart });
      performance.measure('tile-draw', { start: drawStart, end: performance.now() });
      done(null, canvas);
    })
    .catch((e) => done(e, canvas));
}
