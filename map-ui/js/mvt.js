// A small Mapbox Vector Tile (protobuf) decoder: just what the site layers need — layers, features with
// properties, and geometries in tile coordinates. Written here instead of vendoring a plugin (no build step).
class Pbf {
  constructor(buf) { this.buf = buf; this.pos = 0; this.end = buf.length; }

  varint() {
    let result = 0; let shift = 0; let b;
    do {
      b = this.buf[this.pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80 && shift < 70);
    return result;
  }

  svarint() { const n = this.varint(); return n % 2 === 1 ? (n + 1) / -2 : n / 2; }

  bytes() { const len = this.varint(); const start = this.pos; this.pos += len; return this.buf.subarray(start, this.pos); }

  string() { return new TextDecoder().decode(this.bytes()); }

  skip(wire) {
    if (wire === 0) this.varint();
    else if (wire === 1) this.pos += 8;
    else if (wire === 2) this.pos += this.varint();
    else if (wire === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wire}`);
  }

  /** Calls fn(field, wire, pbf) for each field of the message between pos and end. */
  fields(fn) {
    while (this.pos < this.end) {
      const key = this.varint();
      const before = this.pos;
      fn(key >> 3, key & 7, this);
      if (this.pos === before) this.skip(key & 7);
    }
  }

  sub() { const b = this.bytes(); return new Pbf(b); }

  packed() { const p = this.sub(); const out = []; while (p.pos < p.end) out.push(p.varint()); return out; }
}

function value(p) {
  let v = null;
  p.fields((f, w, q) => {
    if (f === 1) v = q.string();
    else if (f === 2) { v = new DataView(q.buf.buffer, q.buf.byteOffset + q.pos, 4).getFloat32(0, true); q.pos += 4; }
    else if (f === 3) { v = new DataView(q.buf.buffer, q.buf.byteOffset + q.pos, 8).getFloat64(0, true); q.pos += 8; }
    else if (f === 4 || f === 5) v = q.varint();
    else if (f === 6) v = q.svarint();
    else if (f === 7) v = q.varint() === 1;
  });
  return v;
}

/** Rings or point lists in tile coordinates (0..extent). */
function geometry(commands) {
  const parts = [];
  let part = null; let x = 0; let y = 0;
  for (let i = 0; i < commands.length;) {
    const cmd = commands[i] & 7; const count = commands[i] >> 3; i++;
    if (cmd === 7) { if (part) part.push(part[0]); continue; }
    for (let k = 0; k < count; k++) {
      const dx = commands[i++]; const dy = commands[i++];
      x += dx % 2 === 1 ? (dx + 1) / -2 : dx / 2;
      y += dy % 2 === 1 ? (dy + 1) / -2 : dy / 2;
      if (cmd === 1) { part = []; parts.push(part); }
      part.push([x, y]);
    }
  }
  return parts;
}

/** Decodes a tile into {layerName: {extent, features: [{type, properties, parts}]}}. */
export function decode(arrayBuffer) {
  const tile = new Pbf(new Uint8Array(arrayBuffer));
  const layers = {};
  tile.fields((f, w, p) => {
    if (f !== 3) return;
    const l = p.sub();
    const layer = { name: '', extent: 4096, keys: [], values: [], raw: [] };
    l.fields((lf, lw, q) => {
      if (lf === 1) layer.name = q.string();
      else if (lf === 2) layer.raw.push(q.bytes());
      else if (lf === 3) layer.keys.push(q.string());
      else if (lf === 4) layer.values.push(value(q.sub()));
      else if (lf === 5) layer.extent = q.varint();
    });
    layer.features = layer.raw.map((bytes) => {
      const fp = new Pbf(bytes);
      const feature = { type: 0, properties: {}, parts: [] };
      let tags = []; let geom = [];
      fp.fields((ff, fw, q) => {
        if (ff === 1) feature.id = q.varint();
        else if (ff === 2) tags = q.packed();
        else if (ff === 3) feature.type = q.varint();
        else if (ff === 4) geom = q.packed();
      });
      for (let i = 0; i + 1 < tags.length; i += 2) feature.properties[layer.keys[tags[i]]] = layer.values[tags[i + 1]];
      feature.parts = geometry(geom);
      return feature;
    });
    delete layer.raw;
    layers[layer.name] = layer;
  });
  return layers;
}
