// Drawing of one site-layer tile on a canvas (a page canvas or, in the tile worker, an OffscreenCanvas): the tile
// is read in place (mvt.js) and drawn with the same palette and shapes as the markers (aggregated cells larger,
// by their count). No DOM is needed when OffscreenCanvas exists, so the tile worker imports this as it is.
import { readTile } from './mvt.js';
import { statusColour, kindShape } from './palette.js';

/** Draws the named layer of the MVT bytes on the canvas; returns the number of features in it. */
export function drawTile(canvas, bytes, layerName, kindId, ratio) {
  const layer = readTile(bytes)[layerName];
  if (!layer) return 0;
  draw(canvas, layer, kindId, ratio);
  return layer.length;
}

/**
 * Draws a layer batched by status colour. Polygons of one colour form one path, filled and stroked once; a point
 * is a copy of a pre-drawn symbol (a canvas call per shape is what made a 150,000-point tile slow). A point
 * within the same 2-pixel cell as one already drawn in its colour adds nothing visible under a 9-pixel symbol and
 * is not drawn again; every feature stays in the tile's data.
 */
function draw(canvas, layer, kindId, ratio) {
  if (!layer) return;
  const ctx = canvas.getContext('2d');
  const scale = canvas.width / layer.extent;
  const statusKey = layer.keys.indexOf('status');
  const countKey = layer.keys.indexOf('count');
  const shape = kindShape(kindId);
  const side = canvas.width;
  const CELL = 2 * ratio; // a symbol is 9 px wide: another one within 2 px of it shows nothing new
  const cells = Math.ceil(side / CELL);
  const batches = new Map(); // value index of the status -> {colour, polygons: Path2D, seen}
  const batch = (vi) => {
    let b = batches.get(vi);
    if (!b) {
      b = { colour: statusColour(vi < 0 ? null : layer.value(vi)), polygons: null, seen: null };
      batches.set(vi, b);
    }
    return b;
  };
  let path = null; let seen = null; let sprite = null;
  const ring = {
    moveTo: (x, y) => path.moveTo(x * scale, y * scale),
    lineTo: (x, y) => path.lineTo(x * scale, y * scale),
    closePath: () => path.closePath(),
  };
  const point = {
    moveTo: (x, y) => {
      const px = Math.round(x * scale); const py = Math.round(y * scale);
      if (seen && px >= 0 && py >= 0 && px < side && py < side) {
        const cell = Math.floor(py / CELL) * cells + Math.floor(px / CELL);
        if (seen[cell]) return;
        seen[cell] = 1;
      }
      ctx.drawImage(sprite, px - sprite.half, py - sprite.half);
    },
    lineTo: () => {},
    closePath: () => {},
  };
  layer.forEach((f) => {
    if (f.type !== 3) return;
    const b = batch(statusKey < 0 ? -1 : f.valueIndex(statusKey));
    path = b.polygons || (b.polygons = new Path2D());
    f.geometry(ring);
  });
  ctx.lineWidth = ratio;
  ctx.strokeStyle = '#1a1a1a';
  for (const b of batches.values()) {
    if (!b.polygons) continue;
    ctx.fillStyle = b.colour;
    ctx.globalAlpha = 0.6; ctx.fill(b.polygons); ctx.globalAlpha = 1; ctx.stroke(b.polygons);
  }
  // points over polygons, in the tile's order
  layer.forEach((f) => {
    if (f.type !== 1) return;
    const b = batch(statusKey < 0 ? -1 : f.valueIndex(statusKey));
    const ci = countKey < 0 ? -1 : f.valueIndex(countKey);
    const count = ci < 0 ? 1 : Number(layer.value(ci));
    const r = Math.round((count > 1 ? Math.min(10, 3 + Math.log2(count)) : 4) * ratio);
    sprite = symbolSprite(shape, b.colour, r, ratio);
    seen = count > 1 ? null : b.seen || (b.seen = new Uint8Array(cells * cells));
    f.geometry(point);
  });
}

const sprites = new Map();

/** The kind's symbol in a status colour, drawn once on a small canvas and then copied for each point. */
function symbolSprite(shape, colour, r, ratio) {
  const key = `${shape}|${colour}|${r}|${ratio}`;
  let s = sprites.get(key);
  if (!s) {
    const half = r + Math.ceil(ratio);
    s = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(2 * half, 2 * half) : document.createElement('canvas');
    s.width = s.height = 2 * half;
    s.half = half;
    const c = s.getContext('2d');
    c.lineWidth = ratio;
    c.strokeStyle = '#1a1a1a';
    c.fillStyle = colour;
    const p = new Path2D();
    mark(p, shape, half, half, r);
    c.fill(p);
    c.stroke(p);
    sprites.set(key, s);
  }
  return s;
}

/** Adds the kind's symbol at (x, y) to the path, as its own closed subpath. */
function mark(path, shape, x, y, r) {
  switch (shape) {
    case 'square': path.rect(x - r, y - r, 2 * r, 2 * r); break;
    case 'triangle': path.moveTo(x, y - r); path.lineTo(x + r, y + r); path.lineTo(x - r, y + r); path.closePath(); break;
    case 'diamond': path.moveTo(x, y - r); path.lineTo(x + r, y); path.lineTo(x, y + r); path.lineTo(x - r, y); path.closePath(); break;
    case 'hexagon':
      path.moveTo(x - r / 2, y - r); path.lineTo(x + r / 2, y - r); path.lineTo(x + r, y); path.lineTo(x + r / 2, y + r);
      path.lineTo(x - r / 2, y + r); path.lineTo(x - r, y); path.closePath(); break;
    default: path.moveTo(x + r, y); path.arc(x, y, r, 0, 2 * Math.PI); path.closePath();
  }
}
