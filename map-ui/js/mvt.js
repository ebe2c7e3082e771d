// A small Mapbox Vector Tile (protobuf) reader: just what the site layers need, written here instead of vendoring
// a plugin (no build step). It builds no object per feature: a zoom-11 tile can hold 150,000 points, so features
// are visited in place (a cursor over the tile's bytes) and values are decoded only when asked for.
// Hand-written instead of a library (@mapbox/vector-tile + pbf from npm) because the page has no build step and
// the library builds an object per feature. Gain: not measured against that library; docs/benchmarks.md holds the
// page's tile-draw figures (MapPageBenchmark). Held equal to the server's tiles by MapPageIT and TilesContract
// (decoded with the Java decoder, same layers and properties).
const utf8 = new TextDecoder();

class Pbf {
  constructor(buf, pos = 0, end = buf.length) { this.buf = buf; this.pos = pos; this.end = end; }

  varint() {
    const buf = this.buf;
    let b = buf[this.pos++];
    if (b < 0x80) return b;
    let result = b & 0x7f; let mul = 0x80;
    do {
      b = buf[this.pos++];
      result += (b & 0x7f) * mul;
      mul *= 0x80;
    } while (b >= 0x80 && mul < 2 ** 70);
    return result;
  }

  svarint() { const n = this.varint(); return n % 2 === 1 ? (n + 1) / -2 : n / 2; }

  /** The length-delimited field here, as [start, end); moves past it. */
  range() { const len = this.varint(); const start = this.pos; this.pos += len; return [start, this.pos]; }

  string() { const [s, e] = this.range(); return utf8.decode(this.buf.subarray(s, e)); }

  skip(wire) {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos += this.varint();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }
}

const zigzag = (n) => (n % 2 === 1 ? (n + 1) / -2 : n / 2);

function value(buf, start, end) {
  const p = new Pbf(buf, start, end);
  let v = null;
  while (p.pos < p.end) {
    const key = p.varint(); const f = key >> 3;
    if (f === 1) v = p.string();
    else if (f === 2) { v = new DataView(buf.buffer, buf.byteOffset + p.pos, 4).getFloat32(0, true); p.pos += 4; }
    else if (f === 3) { v = new DataView(buf.buffer, buf.byteOffset + p.pos, 8).getFloat64(0, true); p.pos += 8; }
    else if (f === 4 || f === 5) v = p.varint();
    else if (f === 6) v = p.svarint();
    else if (f === 7) v = p.varint() === 1;
    else p.skip(key & 7);
  }
  return v;
}

/** One layer of a tile: its keys, values (decoded on demand) and a cursor over its features. */
class Layer {
  constructor(buf, start, end) {
    this.buf = buf; this.name = ''; this.extent = 4096; this.keys = [];
    this.valueRanges = []; this.values = []; this.featureRanges = [];
    const p = new Pbf(buf, start, end);
    while (p.pos < p.end) {
      const key = p.varint(); const f = key >> 3;
      if (f === 1) this.name = p.string();
      else if (f === 2) { const len = p.varint(); this.featureRanges.push(p.pos, p.pos + len); p.pos += len; }
      else if (f === 3) this.keys.push(p.string());
      else if (f === 4) { const len = p.varint(); this.valueRanges.push(p.pos, p.pos + len); p.pos += len; }
      else if (f === 5) this.extent = p.varint();
      else p.skip(key & 7);
    }
  }

  /** The value at index i of the layer's value table. */
  value(i) {
    if (!(i in this.values)) this.values[i] = value(this.buf, this.valueRanges[2 * i], this.valueRanges[2 * i + 1]);
    return this.values[i];
  }

  /**
   * Calls fn(feature) for every feature with one reused cursor: feature.type (1 point, 2 line, 3 polygon),
   * feature.id, feature.valueIndex(keyIndex) (index into the value table, or -1) and feature.geometry(visitor).
   */
  forEach(fn) {
    const cursor = new Feature(this.buf);
    for (let i = 0; i < this.featureRanges.length; i += 2) {
      cursor.read(this.featureRanges[i], this.featureRanges[i + 1]);
      fn(cursor);
    }
  }
}

class Feature {
  constructor(buf) { this.p = new Pbf(buf); this.tags = [0, 0]; this.geom = [0, 0]; }

  read(start, end) {
    const p = this.p;
    p.pos = start; p.end = end;
    this.id = undefined; this.type = 0; this.tags[0] = this.tags[1] = this.geom[0] = this.geom[1] = 0;
    while (p.pos < p.end) {
      const key = p.varint(); const f = key >> 3;
      if (f === 1) this.id = p.varint();
      else if (f === 2) { const len = p.varint(); this.tags[0] = p.pos; p.pos += len; this.tags[1] = p.pos; }
      else if (f === 3) this.type = p.varint();
      else if (f === 4) { const len = p.varint(); this.geom[0] = p.pos; p.pos += len; this.geom[1] = p.pos; }
      else p.skip(key & 7);
    }
  }

  /** The value-table index of the property with the given key index, or -1 when the feature lacks it. */
  valueIndex(keyIndex) {
    const p = this.p;
    p.pos = this.tags[0]; p.end = this.tags[1];
    while (p.pos < p.end) {
      const k = p.varint(); const v = p.varint();
      if (k === keyIndex) return v;
    }
    return -1;
  }

  /**
   * Walks the geometry in tile coordinates: visitor.moveTo(x, y) starts a point or a ring, visitor.lineTo(x, y)
   * continues a line or ring, visitor.closePath() closes a ring.
   */
  geometry(visitor) {
    const p = this.p;
    p.pos = this.geom[0]; p.end = this.geom[1];
    let x = 0; let y = 0;
    while (p.pos < p.end) {
      const c = p.varint(); const cmd = c & 7; const count = c >> 3;
      if (cmd === 7) { visitor.closePath(); continue; }
      for (let k = 0; k < count; k++) {
        x += zigzag(p.varint()); y += zigzag(p.varint());
        if (cmd === 1) visitor.moveTo(x, y); else visitor.lineTo(x, y);
      }
    }
  }
}

/** Reads a tile into {layerName: Layer}. */
export function readTile(arrayBuffer) {
  const buf = new Uint8Array(arrayBuffer);
  const p = new Pbf(buf);
  const layers = {};
  while (p.pos < p.end) {
    const key = p.varint();
    if (key >> 3 === 3 && (key & 7) === 2) {
      const [s, e] = p.range();
      const layer = new Layer(buf, s, e);
      layers[layer.name] = layer;
    } else p.skip(key & 7);
  }
  return layers;
}
