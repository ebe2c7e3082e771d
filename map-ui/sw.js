// Service worker of the map page: keeps the app shell and the recently viewed layers so the map opens
// without signal. Writes are never touched here: the page's outbox (IndexedDB) sends them.
const VERSION = 'v7';
const SHELL = `shell-${VERSION}`;
const DATA = `data-${VERSION}`;
const DATA_MAX = 150;
const SHELL_FILES = [
  '/', '/index.html', '/login.html', '/css/app.css', '/icon.svg', '/manifest.webmanifest',
  '/js/app.js', '/js/api.js', '/js/detail.js', '/js/dom.js', '/js/i18n.js', '/js/inspection.js', '/js/layers.js',
  '/js/login.js', '/js/mvt.js', '/js/palette.js', '/js/tiles.js', '/js/tile-draw.js', '/js/queue.js', '/js/source.js', '/js/state.js', '/js/upload.js', '/js/register.js', '/js/planning.js',
  '/i18n/zh-CN.json', '/i18n/en.json',
  '/webjars/leaflet/dist/leaflet.js', '/webjars/leaflet/dist/leaflet.css',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== SHELL && k !== DATA).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

const isData = (url) => url.pathname.startsWith('/api/') || url.pathname.startsWith('/ogc/');

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(fetch(req).catch(() => caches.match(req, { ignoreSearch: true })
      .then((r) => r || caches.match('/'))));
  } else if (isData(url)) {
    event.respondWith(networkFirst(req));
  } else {
    event.respondWith(caches.match(req).then((hit) => hit || fetch(req)));
  }
});

/** Fresh data when there is signal; the last copy seen when there is not. */
async function networkFirst(req) {
  const cache = await caches.open(DATA);
  try {
    const res = await fetch(req);
    if (res.ok) {
      await cache.put(req, res.clone());
      trim(cache);
    }
    return res;
  } catch (e) {
    const hit = await cache.match(req);
    if (hit) return hit;
    throw e;
  }
}

async function trim(cache) {
  const keys = await cache.keys();
  for (const k of keys.slice(0, Math.max(0, keys.length - DATA_MAX))) await cache.delete(k);
}
