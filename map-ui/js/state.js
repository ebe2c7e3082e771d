// The URL keeps the view and the filters, so a link shows a colleague the same map.
const KEYS = ['lang', 'kinds', 'status', 'township', 'category', 'since', 'q', 'site', 'tilesAbove'];

export function readState() {
  const p = new URLSearchParams(location.search);
  const s = Object.fromEntries(KEYS.map((k) => [k, p.get(k) || null]));
  s.kinds = s.kinds ? s.kinds.split(',') : null;
  const view = (p.get('view') || '').split(',').map(Number);
  s.view = view.length === 3 && view.every(Number.isFinite) ? { lat: view[0], lon: view[1], zoom: view[2] } : null;
  return s;
}

export function writeState(s, map) {
  const p = new URLSearchParams();
  for (const k of KEYS) {
    const v = k === 'kinds' ? (s.kinds ? s.kinds.join(',') : null) : s[k];
    if (v) p.set(k, v);
  }
  if (map) {
    const c = map.getCenter();
    p.set('view', `${c.lat.toFixed(5)},${c.lng.toFixed(5)},${map.getZoom()}`);
  }
  history.replaceState(null, '', `${location.pathname}?${p.toString().replaceAll('%2C', ',')}`);
}
