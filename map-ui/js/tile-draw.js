// Drawing of one site-layer tile on its canvas: the tile is read in place (mvt.js) and drawn with the same palette
// and shapes as the markers (aggregated cells larger, by their count).
import { readTile } from './mvt.js';
import { statusColour, kindShape } from './palette.js';

/** Draws the layers [{name, kindId}] of the MVT bytes on the canvas, in that order (skipping any it lacks). */
export function drawTile(canvas, bytes, layers, ratio) {
  const tile = readTile(bytes);
  for (const { name, kindId } of layers) {
    if (tile[name]) draw(canvas, tile[name], kindId, ratio);
  }
}

/**
 * Draws a layer batched by status colour. Polygons of one colour form one path, filled and stroked once. Points
 * are stamped straight into the tile's pixels (getImageData/putImageData) from a symbol rendered once per
 * shape, colour and size: a canvas call per point is what made a 150,000-point tile take seconds. A point within
 * the same 2-pixel cell as one already stamped in its colour adds nothing visible under a 9-pixel symbol and is
 * skipped; every feature stays in the tile's data.
 */
function draw(canvas, layer, kindId, ratio) {
  // read back for the point stamps: keep the canvas in memory, not on the GPU
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const scale = canvas.width / layer.extent;
  const statusKey = layer.keys.indexOf('status');
  const countKey = layer.keys.indexOf('count');
  const shape = kindShape(kindId);
  const side = canvas.width;
  const CELL = 2 * ratio;
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
  let path = null;
  let startX = 0; let startY = 0;
  // a ring is closed by a line back to its start: Path2D.closePath grows with the path's length in Chromium
  // (27,000 rings in one path: 9.6 s against 0.07 s), and fill closes every subpath anyway
  const ring = {
    moveTo: (x, y) => { startX = x * scale; startY = y * scale; path.moveTo(startX, startY); },
    lineTo: (x, y) => path.lineTo(x * scale, y * scale),
    closePath: () => path.lineTo(startX, startY),
  };
  let points = 0;
  layer.forEach((f) => {
    if (f.type === 1) { points++; return; }
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
  if (!points) return;
  // points over polygons, in the tile's order
  const image = ctx.getImageData(0, 0, side, side);
  const pixels = image.data;
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, pixels.length / 4);
  let seen = null; let sprite = null;
  const local = new Map(); // this tile's sprites by status and radius (no string key per point)
  const point = {
    moveTo: (x, y) => {
      const px = Math.round(x * scale); const py = Math.round(y * scale);
      if (seen && px >= 0 && py >= 0 && px < side && py < side) {
        const cell = Math.floor(py / CELL) * cells + Math.floor(px / CELL);
        if (seen[cell]) return;
        seen[cell] = 1;
      }
      stamp(pixels, words, side, sprite, px - sprite.half, py - sprite.half);
    },
    lineTo: () => {},
    closePath: () => {},
  };
  layer.forEach((f) => {
    if (f.type !== 1) return;
    const vi = statusKey < 0 ? -1 : f.valueIndex(statusKey);
    const b = batch(vi);
    const ci = countKey < 0 ? -1 : f.valueIndex(countKey);
    const count = ci < 0 ? 1 : Number(layer.value(ci));
    const r = Math.round((count > 1 ? Math.min(10, 3 + Math.log2(count)) : 4) * ratio);
    const key = (vi + 1) * 64 + r;
    sprite = local.get(key);
    if (!sprite) local.set(key, sprite = symbolSprite(shape, b.colour, r, ratio));
    seen = count > 1 ? null : b.seen || (b.seen = new Uint8Array(cells * cells));
    f.geometry(point);
  });
  ctx.putImageData(image, 0, 0);
}

/**
 * Source-over of the symbol's pixels onto the tile's (RGBA, not premultiplied), clipped to the tile. Opaque
 * symbol pixels (most of them) are copied as one 32-bit word.
 */
function stamp(pixels, words, side, sprite, left, top) {
  const { size, rgba, rgba32 } = sprite;
  for (let sy = 0; sy < size; sy++) {
    const y = top + sy;
    if (y < 0 || y >= side) continue;
    for (let sx = 0; sx < size; sx++) {
      const x = left + sx;
      const s = sy * size + sx;
      const a = rgba[4 * s + 3];
      if (a === 0 || x < 0 || x >= side) continue;
      const p = y * side + x;
      if (a === 255) {
        words[p] = rgba32[s];
      } else {
        const d = 4 * p;
        const da = pixels[d + 3] * (255 - a) / 255;
        const oa = a + da;
        pixels[d] = (rgba[4 * s] * a + pixels[d] * da) / oa;
        pixels[d + 1] = (rgba[4 * s + 1] * a + pixels[d + 1] * da) / oa;
        pixels[d + 2] = (rgba[4 * s + 2] * a + pixels[d + 2] * da) / oa;
        pixels[d + 3] = oa;
      }
    }
  }
}

const sprites = new Map();
let scratch = null; // one small canvas every symbol is rendered on (a canvas per symbol cost ~1 ms each)

/** The kind's symbol in a status colour, rendered once and kept as its RGBA pixels. */
function symbolSprite(shape, colour, r, ratio) {
  const key = `${shape}|${colour}|${r}|${ratio}`;
  let s = sprites.get(key);
  if (!s) {
    const half = r + Math.ceil(ratio);
    const size = 2 * half;
    if (!scratch || scratch.canvas.width < size) {
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = Math.max(64, size);
      scratch = canvas.getContext('2d', { willReadFrequently: true });
    }
    const c = scratch;
    c.clearRect(0, 0, size, size);
    c.lineWidth = ratio;
    c.strokeStyle = '#1a1a1a';
    c.fillStyle = colour;
    const p = new Path2D();
    mark(p, shape, half, half, r);
    c.fill(p);
    c.stroke(p);
    const rgba = c.getImageData(0, 0, size, size).data;
    s = { size, half, rgba, rgba32: new Uint32Array(rgba.buffer, rgba.byteOffset, size * size) };
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
