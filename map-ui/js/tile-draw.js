// Drawing of one site-layer tile on its canvas: the tile is read in place (mvt.js) and drawn with the same palette
// and shapes as the markers (aggregated cells larger, by their count).
// Hand-written because Leaflet draws no vector tiles and a plugin (Leaflet.VectorGrid) would bring its own MVT
// reader and styling; gain not measured against it (page figures: docs/benchmarks.md, MapPageBenchmark).
// Held to the markers' look by MapPageIT.
import { readTile } from './mvt.js';
import { statusColour, kindShape } from './palette.js';

/**
 * Draws the layers [{name, kindId}] of the MVT bytes on the canvas (skipping any it lacks): the polygons of every
 * layer first, in that order, then the points of every layer over them, in that order (symbols are never hidden
 * under a pond or mine), so the tile's pixels are read back and written once, not once per layer.
 */
export function drawTile(canvas, bytes, layers, ratio) {
  const tile = readTile(bytes);
  // read back for the point stamps: keep the canvas in memory, not on the GPU
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const present = layers.filter((l) => tile[l.name]).map((l) => new LayerDraw(tile[l.name], l.kindId, canvas.width, ratio));
  const withPoints = present.filter((d) => d.polygons(ctx) > 0);
  if (!withPoints.length) return;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  for (const d of withPoints) d.points(image);
  ctx.putImageData(image, 0, 0);
}

/**
 * One layer of a tile, drawn batched by status colour. Polygons of one colour form one path, filled and stroked
 * once. Points are stamped straight into the tile's pixels from a symbol rendered once per shape, colour and size:
 * a canvas call per point is what made a 150,000-point tile take seconds. A point within the same 2-pixel cell as
 * one already stamped in its colour adds nothing visible under a 9-pixel symbol and is skipped; every feature stays
 * in the tile's data.
 */
class LayerDraw {
  constructor(layer, kindId, side, ratio) {
    this.layer = layer; this.ratio = ratio; this.side = side;
    this.scale = side / layer.extent;
    this.statusKey = layer.keys.indexOf('status');
    this.countKey = layer.keys.indexOf('count');
    this.shape = kindShape(kindId);
    this.batches = new Map(); // value index of the status -> {colour, polygons: Path2D, seen}
  }

  batch(vi) {
    let b = this.batches.get(vi);
    if (!b) {
      b = { colour: statusColour(vi < 0 ? null : this.layer.value(vi)), polygons: null, seen: null };
      this.batches.set(vi, b);
    }
    return b;
  }

  /** Fills and strokes the layer's polygons; returns how many points it has. */
  polygons(ctx) {
    const { scale, statusKey } = this;
    let path = null;
    let startX = 0; let startY = 0; let lastX = 0; let lastY = 0;
    // a ring is closed by a line back to its start: Path2D.closePath grows with the path's length in Chromium
    // (27,000 rings in one path: 9.6 s against 0.07 s), and fill closes every subpath anyway
    const ring = {
      moveTo: (x, y) => { startX = lastX = x * scale; startY = lastY = y * scale; path.moveTo(startX, startY); },
      lineTo: (x, y) => {
        const px = x * scale; const py = y * scale;
        if (Math.abs(px - lastX) < this.ratio && Math.abs(py - lastY) < this.ratio) return;
        lastX = px; lastY = py; path.lineTo(px, py);
      },
      closePath: () => path.lineTo(startX, startY),
    };
    let points = 0;
    this.layer.forEach((f) => {
      if (f.type === 1) { points++; return; }
      if (f.type !== 3) return;
      const b = this.batch(statusKey < 0 ? -1 : f.valueIndex(statusKey));
      path = b.polygons || (b.polygons = new Path2D());
      f.geometry(ring);
    });
    ctx.lineWidth = this.ratio;
    ctx.strokeStyle = '#1a1a1a';
    for (const b of this.batches.values()) {
      if (!b.polygons) continue;
      ctx.fillStyle = b.colour;
      ctx.globalAlpha = 0.6; ctx.fill(b.polygons); ctx.globalAlpha = 1; ctx.stroke(b.polygons);
    }
    return points;
  }

  /** Stamps the layer's points into the image's pixels, in the tile's order. */
  points(image) {
    const { layer, scale, statusKey, countKey, shape, side, ratio } = this;
    const pixels = image.data;
    // pixels as signed 32-bit words: an opaque pixel (alpha 0xff in the top byte) is then a small negative
    // integer, which V8 keeps unboxed in every tier; as Uint32 each read of one allocated a number until optimised
    const words = new Int32Array(pixels.buffer, pixels.byteOffset, pixels.length / 4);
    const CELL = 2 * ratio;
    const cells = Math.ceil(side / CELL);
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
      const b = this.batch(vi);
      const ci = countKey < 0 ? -1 : f.valueIndex(countKey);
      const count = ci < 0 ? 1 : Number(layer.value(ci));
      const r = Math.round((count > 1 ? Math.min(10, 3 + Math.log2(count)) : 4) * ratio);
      const key = (vi + 1) * 64 + r;
      sprite = local.get(key);
      if (!sprite) local.set(key, sprite = placed(symbolSprite(shape, b.colour, r, ratio), side));
      seen = count > 1 ? null : b.seen || (b.seen = new Uint8Array(cells * cells));
      f.geometry(point);
    });
  }
}

/**
 * Source-over of the symbol's pixels onto the tile's (RGBA, not premultiplied). A symbol wholly inside the tile
 * (nearly all) copies its opaque pixels as 32-bit words at offsets worked out once per tile width and blends only
 * its antialiased edge; one crossing the tile's edge is clipped pixel by pixel.
 */
function stamp(pixels, words, side, placedSprite, left, top) {
  const { sprite, opaqueAt, opaque, edgeAt, edge } = placedSprite;
  const size = sprite.size;
  if (left < 0 || top < 0 || left + size > side || top + size > side) {
    clippedStamp(pixels, words, side, sprite, left, top);
    return;
  }
  const base = top * side + left;
  for (let i = 0; i < opaqueAt.length; i++) words[base + opaqueAt[i]] = opaque[i];
  const { rgba, rgba32 } = sprite;
  for (let i = 0; i < edgeAt.length; i++) blend(pixels, words, base + edgeAt[i], rgba, rgba32, edge[i]);
}

function clippedStamp(pixels, words, side, sprite, left, top) {
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
      if (a === 255) words[p] = rgba32[s];
      else blend(pixels, words, p, rgba, rgba32, s);
    }
  }
}

/**
 * Source-over of the translucent symbol pixel s onto the tile pixel p: a copy where the tile is still empty,
 * integer arithmetic on whole words where it is opaque (most of the rest), the general formula otherwise.
 */
function blend(pixels, words, p, rgba, rgba32, s) {
  const w = words[p];
  const da = w >>> 24;
  if (da === 0) { words[p] = rgba32[s]; return; }
  const o = 4 * s;
  const a = rgba[o + 3];
  if (da === 255) {
    const k = 255 - a;
    const r = (rgba[o] * a + (w & 0xff) * k + 127) / 255 | 0;
    const g = (rgba[o + 1] * a + ((w >>> 8) & 0xff) * k + 127) / 255 | 0;
    const b = (rgba[o + 2] * a + ((w >>> 16) & 0xff) * k + 127) / 255 | 0;
    words[p] = 0xff000000 | (b << 16) | (g << 8) | r;
    return;
  }
  const d = 4 * p;
  const dd = da * (255 - a) / 255;
  const oa = a + dd;
  pixels[d] = (rgba[o] * a + pixels[d] * dd) / oa;
  pixels[d + 1] = (rgba[o + 1] * a + pixels[d + 1] * dd) / oa;
  pixels[d + 2] = (rgba[o + 2] * a + pixels[d + 2] * dd) / oa;
  pixels[d + 3] = oa;
}

/** The symbol's opaque and edge pixels as offsets into a row-major image of the given width (kept per width). */
function placed(sprite, side) {
  const known = sprite.placed.get(side);
  if (known) return known;
  const opaqueAt = []; const opaque = []; const edgeAt = []; const edge = [];
  for (let sy = 0; sy < sprite.size; sy++) {
    for (let sx = 0; sx < sprite.size; sx++) {
      const s = sy * sprite.size + sx;
      const a = sprite.rgba[4 * s + 3];
      if (a === 255) { opaqueAt.push(sy * side + sx); opaque.push(sprite.rgba32[s]); }
      else if (a > 0) { edgeAt.push(sy * side + sx); edge.push(s); }
    }
  }
  const p = { sprite, half: sprite.half, opaqueAt: Int32Array.from(opaqueAt), opaque: Int32Array.from(opaque),
    edgeAt: Int32Array.from(edgeAt), edge: Int32Array.from(edge) };
  sprite.placed.set(side, p);
  return p;
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
    s = { size, half, rgba, rgba32: new Int32Array(rgba.buffer, rgba.byteOffset, size * size), placed: new Map() };
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
