// The site layer of one kind as vector tiles, for when more than 5,000 sites are in view: each tile is
// fetched from /ogc/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}, decoded here and drawn on a canvas
// with the same palette as the markers (aggregated cells are drawn larger, by their count).
import { decode } from './mvt.js';
import { statusColour, kindShape } from './palette.js';

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
      fetch(`/ogc/collections/${kind.collectionId}/tiles/WebMercatorQuad/${coords.z}/${coords.y}/${coords.x}${q}`)
        .then((r) => (r.ok && r.status !== 204 ? r.arrayBuffer() : null))
        .then((buf) => {
          if (buf && buf.byteLength) draw(canvas, decode(buf)[kind.collectionId], kind.id, ratio);
          done(null, canvas);
        })
        .catch((e) => done(e, canvas));
      return canvas;
    },
  });
  return new Layer({
    tileSize: 256, updateWhenZooming: false, keepBuffer: 1, maxNativeZoom: 18, maxZoom: 22,
    bounds: L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]),
  });
}

function draw(canvas, layer, kindId, ratio) {
  if (!layer) return;
  const ctx = canvas.getContext('2d');
  const scale = canvas.width / layer.extent;
  ctx.lineWidth = ratio;
  ctx.strokeStyle = '#1a1a1a';
  for (const f of layer.features) {
    ctx.fillStyle = statusColour(f.properties.status);
    if (f.type === 3) {
      ctx.beginPath();
      for (const ring of f.parts) ring.forEach(([x, y], i) => (i ? ctx.lineTo(x * scale, y * scale) : ctx.moveTo(x * scale, y * scale)));
      ctx.globalAlpha = 0.6; ctx.fill(); ctx.globalAlpha = 1; ctx.stroke();
    } else if (f.type === 1) {
      const r = (f.properties.count > 1 ? Math.min(10, 3 + Math.log2(f.properties.count)) : 4) * ratio;
      for (const part of f.parts) for (const [x, y] of part) mark(ctx, kindId, x * scale, y * scale, r);
    }
  }
}

function mark(ctx, kindId, x, y, r) {
  ctx.beginPath();
  switch (kindShape(kindId)) {
    case 'square': ctx.rect(x - r, y - r, 2 * r, 2 * r); break;
    case 'triangle': ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r); ctx.lineTo(x - r, y + r); ctx.closePath(); break;
    case 'diamond': ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.closePath(); break;
    default: ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.stroke();
}
