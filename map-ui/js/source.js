// Where the sites come from: OGC API Features items (GeoJSON, CQL2 filters) when the service offers them,
// otherwise the domain API /api/sites. Both give the same normalised features and a server-side count.
import { getJson } from './api.js';

const PAGE = 1000;
/** Above this many matching sites a kind is drawn from vector tiles instead of GeoJSON. */
export const TILES_ABOVE = 5000;

/** Loads every site of one kind matching the server-side part of the filter. */
export async function loadKind(kind, filter, ogc) {
  return ogc ? loadOgc(kind, filter) : loadDomain(kind, filter);
}

async function loadDomain(kind, filter) {
  const features = [];
  let total = 0;
  for (let page = 0; ; page++) {
    const q = new URLSearchParams({ kind: kind.id, size: PAGE, page });
    if (filter.status) q.set('status', filter.status);
    if (filter.township) q.set('township', filter.township);
    const body = await getJson(`/api/sites?${q}`);
    total = body.total;
    for (const s of body.items) {
      features.push({
        id: s.id, code: s.code, name: s.name, kind: s.kind, status: s.status, township: s.township,
        updatedAt: s.updatedAt, lon: s.point[0], lat: s.point[1], category: null,
      });
    }
    if (body.items.length < PAGE || features.length >= total) break;
  }
  return { features, numberMatched: total, url: `/api/sites?kind=${kind.id}` };
}

function cql(filter) {
  const parts = [];
  const quote = (v) => `'${String(v).replaceAll("'", "''")}'`;
  if (filter.status) parts.push(`status=${quote(filter.status)}`);
  if (filter.township) parts.push(`township=${quote(filter.township)}`);
  if (filter.category) parts.push(`category=${quote(filter.category)}`);
  return parts.join(' AND ');
}

/** Whether the kind's definition has a 'category' attribute the category filter applies to. */
const hasCategory = (kind) => (kind.attributes || []).some((a) => a.name === 'category');

/** The OGC query string of a kind's filter (without paging). */
function ogcQuery(kind, filter, extra = {}) {
  const q = new URLSearchParams(extra);
  const where = cql(hasCategory(kind) ? filter : { ...filter, category: null });
  if (where) { q.set('filter', where); q.set('filter-lang', 'cql2-text'); }
  if (filter.since) q.set('datetime', `${filter.since}T00:00:00Z/..`);
  return q;
}

/** Whether the filter narrows the kind's sites on the server (then only a count says how many match). */
export const narrowsOnServer = (kind, filter) => ogcQuery(kind, filter).size > 0;

/** How many sites of a kind match, per the server; Infinity when it stopped counting (above its ceiling). */
export async function countKind(kind, filter, status) {
  const q = ogcQuery(kind, status ? { ...filter, status } : filter, { limit: 1, skipGeometry: 'true' });
  const body = await getJson(`/ogc/collections/${kind.collectionId}/items?${q}`);
  return body.numberMatched ?? Infinity;
}

async function loadOgc(kind, filter) {
  const q = new URLSearchParams({ limit: PAGE });
  const where = cql(hasCategory(kind) ? filter : { ...filter, category: null });
  if (where) { q.set('filter', where); q.set('filter-lang', 'cql2-text'); }
  if (filter.since) q.set('datetime', `${filter.since}T00:00:00Z/..`);
  const first = `/ogc/collections/${kind.collectionId}/items?${q}`;
  const features = [];
  let numberMatched = 0;
  for (let url = first; url;) {
    const body = await getJson(url);
    numberMatched = body.numberMatched ?? numberMatched;
    for (const f of body.features) features.push(normalise(f, kind));
    const next = (body.links || []).find((l) => l.rel === 'next');
    // links are absolute (for GDAL); keep only path and query so the request stays on this origin
    url = next ? (({ pathname, search }) => pathname + search)(new URL(next.href, location.href)) : null;
  }
  return { features, numberMatched: numberMatched || features.length, url: first };
}

function normalise(f, kind) {
  const p = f.properties || {};
  const [lon, lat] = anchor(f.geometry);
  return {
    id: Number(f.id), code: p.code, name: p.name, kind: p.kind || kind.id, status: p.status, township: p.township,
    updatedAt: p.updated_at, lon, lat, category: p.category ?? null,
  };
}

/** A point to put the marker on: the point itself, or the middle of the geometry's box. */
function anchor(g) {
  if (!g) return [NaN, NaN];
  if (g.type === 'Point') return g.coordinates;
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]); minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]);
    } else c.forEach(walk);
  };
  walk(g.coordinates);
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/** Great-circle distance in metres (haversine on the WGS84 mean radius). */
export function metres(lat1, lon1, lat2, lon2) {
  const r = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}
