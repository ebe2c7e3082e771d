// The site layers, one per kind, drawn as symbols (kind shape, status colour), and the legend with counts
// per status taken from what the server matched.
import { el, clear } from './dom.js';
import { t, label } from './i18n.js';
import { symbol, statusColour } from './palette.js';
import { loadKind, countKind, narrowsOnServer, TILES_ABOVE } from './source.js';
import { siteTileLayer } from './tiles.js';

export class SiteLayers {
  constructor(map, kinds, onSelect, bbox) {
    this.map = map;
    this.bbox = bbox;
    this.kinds = kinds;
    this.onSelect = onSelect;
    this.groups = new Map(kinds.map((k) => [k.id, L.layerGroup()]));
    this.markers = new Map();
    this.loaded = new Map();
    this.selected = null;
    this.firstLoad = true;
    this.onCounts = () => {};
  }

  /**
   * Reloads the enabled kinds with the filter; returns all features now on the map. Kinds with more matching
   * sites than TILES_ABOVE are drawn from vector tiles: when that is every kind, from one dataset tile per grid
   * cell holding all of them (12 requests and canvases for the district view instead of 60).
   */
  async reload(enabled, filter, ogc, tilesOffered) {
    // on the first load the configuration's per-kind counts decide markers or tiles without asking (they may be
    // stale later: an upload adds sites)
    const known = (kind, f) => (this.firstLoad && !narrowsOnServer(kind, f) && 'count' in kind
      ? kind.count ?? Infinity : null);
    this.markers.clear();
    this.tileLoads = [];
    if (this.shared) { this.shared.remove(); this.shared = null; }
    const above = filter.tilesAbove ? Number(filter.tilesAbove) : TILES_ABOVE;
    const matched = new Map(await Promise.all(this.kinds.filter((k) => enabled.includes(k.id) && ogc && tilesOffered)
      .map(async (kind) => [kind.id, known(kind, filter) ?? await countKind(kind, filter)])));
    const tiled = this.kinds.filter((k) => matched.get(k.id) > above);
    if (tiled.length === this.kinds.length) {
      this.shared = siteTileLayer(tiled, filter, this.bbox).addTo(this.map);
      this.tileLoads.push(this.tiled(tiled, filter, matched, this.shared));
    }
    const results = await Promise.all(this.kinds.map(async (kind) => {
      const group = this.groups.get(kind.id);
      group.clearLayers();
      if (!enabled.includes(kind.id)) { group.remove(); this.loaded.delete(kind.id); return; }
      if (this.shared) return;
      if (tiled.includes(kind)) {
        const tiles = siteTileLayer([kind], filter, this.bbox);
        this.tileLoads.push(this.tiled([kind], filter, matched, tiles));
        group.addLayer(tiles);
        group.addTo(this.map);
        return;
      }
      const result = await loadKind(kind, filter, ogc);
      const shown = result.features.filter((f) => localMatch(f, filter, ogc));
      for (const f of shown) this.addMarker(group, f);
      group.addTo(this.map);
      this.loaded.set(kind.id, { ...result, shown });
    }));
    this.firstLoad = false;
    document.body.dataset.sitesLoaded = String(this.markers.size);
    return results;
  }

  /** Marks the kinds as drawn from the tile layer; resolves when the tiles in view are drawn. */
  tiled(kinds, filter, matched, tiles) {
    const entries = kinds.map((kind) => {
      const entry = { features: [], shown: [], numberMatched: matched.get(kind.id), tiled: true, statusCounts: {} };
      this.loaded.set(kind.id, entry);
      return entry;
    });
    // per-status counts feed only the legend: asked once the tiles in view are drawn, so that their requests
    // never queue in front of tiles
    return new Promise((resolve) => tiles.once('load', () => {
      resolve();
      kinds.forEach((kind, i) => statusCounts(kind, filter)
        .then((c) => { entries[i].statusCounts = c; this.onCounts(); }).catch(() => {}));
    }));
  }

  features() { return [...this.loaded.values()].flatMap((r) => r.shown); }

  /** Resolves when every tile layer has drawn the tiles in view (Leaflet's 'load'). */
  tilesDrawn() { return Promise.all(this.tileLoads || []); }

  /** Kinds currently drawn from vector tiles (their sites are not in memory). */
  tiledKinds() { return this.kinds.filter((k) => this.loaded.get(k.id)?.tiled); }

  addMarker(group, f) {
    if (!Number.isFinite(f.lat) || !Number.isFinite(f.lon)) return;
    const marker = L.marker([f.lat, f.lon], { icon: icon(f), title: `${f.code} ${f.name}`, keyboard: true, riseOnHover: true });
    marker.feature = f;
    marker.on('click', () => this.onSelect(f.id));
    marker.addTo(group);
    this.markers.set(f.id, marker);
  }

  /** Recolours one marker after its status changed, without reloading anything else. */
  update(site) {
    const m = this.markers.get(site.id);
    if (!m) return;
    m.feature = { ...m.feature, status: site.status, name: site.name };
    m.setIcon(icon(m.feature, this.selected === site.id));
  }

  select(id) {
    const prev = this.markers.get(this.selected);
    if (prev) prev.setIcon(icon(prev.feature, false));
    this.selected = id;
    const m = this.markers.get(id);
    if (m) m.setIcon(icon(m.feature, true));
    return m;
  }

  renderLegend(node, totalNode) {
    const counts = new Map();
    const statuses = [];
    for (const [kindId, r] of this.loaded) {
      const kind = this.kinds.find((k) => k.id === kindId);
      for (const s of kind.statuses) {
        if (!counts.has(s.code)) { counts.set(s.code, 0); statuses.push({ ...s, kind: kindId }); }
      }
      for (const f of r.shown) counts.set(f.status, (counts.get(f.status) || 0) + 1);
      for (const [status, n] of Object.entries(r.statusCounts || {})) counts.set(status, (counts.get(status) || 0) + n);
    }
    clear(node).append(...statuses.map((s) => el('li', { dataset: { status: s.code } },
      el('span', { class: 'swatch', style: `display:inline-block;width:14px;height:14px;background:${statusColour(s.code)};border:1px solid #333` }),
      label(s.label, s.code), el('span', { class: 'count', 'data-testid': `legend-count-${s.code}` }, amount(counts.get(s.code))))));
    const matched = [...this.loaded.values()].reduce((n, r) => n + r.numberMatched, 0);
    const tiled = [...this.loaded.values()].reduce((n, r) => n + (r.tiled ? r.numberMatched : 0), 0);
    totalNode.textContent = t('legend.total', amount(this.features().length + tiled), amount(matched));
  }
}

/** A count as shown: the server leaves numberMatched out above its counting ceiling. */
const amount = (n) => (Number.isFinite(n) ? String(n) : t('legend.many'));

async function statusCounts(kind, filter) {
  const statuses = filter.status ? [filter.status] : kind.statuses.map((s) => s.code);
  const counts = await Promise.all(statuses.map((s) => countKind(kind, filter, s)));
  return Object.fromEntries(statuses.map((s, i) => [s, counts[i]]));
}

/** Filters the server could not apply (search text, and on the domain API the update date). */
function localMatch(f, filter, ogc) {
  if (!ogc && filter.since && f.updatedAt && f.updatedAt.slice(0, 10) < filter.since) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    if (!(`${f.code}`.toLowerCase().includes(q) || `${f.name}`.toLowerCase().includes(q))) return false;
  }
  return true;
}

function icon(f, selected = false) {
  const wrap = el('div', { dataset: { siteId: f.id, status: f.status, kind: f.kind } });
  wrap.append(symbol(f.kind, f.status, 24));
  return L.divIcon({ html: wrap, className: selected ? 'site-marker selected' : 'site-marker', iconSize: [44, 44], iconAnchor: [22, 22] });
}
