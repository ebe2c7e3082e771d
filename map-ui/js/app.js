// Wires the map page together: configuration, language, map and reference layers, site layers and legend,
// filters kept in the URL, search and "near me", the site panel, the inspection form and the outbox.
import { el, clear, $ } from './dom.js';
import { loadLanguage, t, label, applyStaticText, currentLang } from './i18n.js';
import { getJson, setCsrf } from './api.js';
import { readState, writeState } from './state.js';
import { SiteLayers } from './layers.js';
import { showSite } from './detail.js';
import { inspectionForm, configureChecklists } from './inspection.js';
import { metres } from './source.js';
import * as queue from './queue.js';
import { symbol, configurePalette } from './palette.js';
import { uploadSection } from './upload.js';
import { registerSection } from './register.js';
import { planningSection } from './planning.js';

const state = readState();
const INSPECTORS = ['ADMIN', 'INSPECTOR'];
let config; let map; let layers; let detectionOutline = null;

function toast(text) {
  const node = $('#toast');
  node.textContent = text;
  node.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { node.hidden = true; }, 5000);
}

const roles = () => config.user?.roles || [];
const ogc = () => Boolean(config.services?.ogcItems);

async function start() {
  state.lang = state.lang || localStorage.getItem('lang') || 'zh';
  // both asked at once: the configuration only needs the language's code, not its words
  [, config] = await Promise.all([loadLanguage(state.lang),
    getJson(`/api/ui/config?lang=${state.lang === 'en' ? 'en' : 'zh'}`)]);
  setCsrf(config.csrf);
  applyStaticText();
  document.title = t('app.title');
  setupHeader();
  setupMap();
  setupControls();
  if (config.services?.imports && roles().some((r) => ['ADMIN', 'UPLOADER'].includes(r))) {
    uploadSection($('#upload-section'), (f) => {
      const g = L.geoJSON(f.geometry);
      map.fitBounds(g.getBounds(), { maxZoom: 17 });
      if (detectionOutline) detectionOutline.remove();
      detectionOutline = g.setStyle({ color: '#D55E00', weight: 3, dashArray: '5 4' }).addTo(map);
    }, () => reload());
  }
  if (config.services?.imports && roles().includes('ADMIN')) {
    registerSection($('#register-section'), config.kinds, () => reload());
  }
  if (roles().some((r) => ['ADMIN', 'PLANNER'].includes(r))) {
    planningSection($('#planning-section'), map).catch((e) => toast(e.message));
  }
  queue.onChange(showOutbox);
  window.addEventListener('online', () => sendQueue());
  setInterval(() => { if (navigator.onLine) sendQueue(); }, 30000);
  await reload();
  if (state.site) await openSite(Number(state.site), false);
  document.body.dataset.ready = 'true';
  sendQueue();
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => {});
}

function setupHeader() {
  $('#lang').textContent = currentLang() === 'en' ? '中文' : 'EN';
  $('#lang').addEventListener('click', () => {
    state.lang = currentLang() === 'en' ? 'zh' : 'en';
    localStorage.setItem('lang', state.lang);
    writeState(state, map);
    location.reload();
  });
  if (config.user) {
    $('#login').hidden = true;
    $('#logout').hidden = false;
    $('#user').textContent = `${config.user.name} (${config.user.roles.map((r) => t(`role.${r}`)).join('、')})`;
    $('#logout input[name=_csrf]').name = config.csrf.parameter;
    $('#logout input[type=hidden]').value = config.csrf.token;
  }
  $('#toggle-controls').addEventListener('click', () => {
    const open = $('#controls').classList.toggle('open');
    $('#toggle-controls').setAttribute('aria-expanded', String(open));
  });
  $('#panel-close').addEventListener('click', closePanel);
  const search = $('#search');
  search.value = state.q || '';
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { state.q = search.value.trim() || null; reload().then(showSearchResults); }, 250);
  });
  $('#near-me').addEventListener('click', nearMe);
}

function setupMap() {
  const [w, s, e, n] = config.district.bbox;
  map = L.map('map', { zoomControl: true, preferCanvas: false, fadeAnimation: false });
  if (state.view) map.setView([state.view.lat, state.view.lon], state.view.zoom);
  else map.fitBounds([[s, w], [n, e]]);
  const bases = {};
  for (const b of config.basemaps) {
    bases[label({ zh: b.name, en: b.nameEn || b.name })] = L.tileLayer(b.url,
      { subdomains: b.subdomains || 'abc', attribution: b.attribution || '', maxZoom: b.maxZoom || 18 });
  }
  const first = Object.values(bases)[0];
  if (first) first.addTo(map);
  const townships = L.geoJSON(null, { style: { color: '#555', weight: 1.5, dashArray: '4 3', fill: true, fillOpacity: 0.03 },
    onEachFeature: (f, l) => l.bindTooltip(currentLang() === 'en' ? f.properties.name_en : f.properties.name) });
  const rivers = L.geoJSON(null, { style: (f) => ({ color: '#56B4E9', weight: 2.5, dashArray: f.properties.seasonal ? '6 4' : null }) });
  townships.addTo(map); rivers.addTo(map);
  getJson('/api/ui/reference/townships').then((d) => townships.addData(d));
  getJson('/api/ui/reference/rivers').then((d) => rivers.addData(d));
  L.control.layers(bases, { [t('layers.townships')]: townships, [t('layers.rivers')]: rivers }, { collapsed: true }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  map.on('moveend', () => writeState(state, map));
  configurePalette(config.kinds);
  configureChecklists(config.kinds);
  layers = new SiteLayers(map, config.kinds, (id) => openSite(id, true), config.district.bbox);
  layers.onCounts = () => layers.renderLegend($('#legend'), $('#total'));
  map.on('click', pickTiledSite);
}

/** On kinds drawn from tiles a click asks the server which site lies under the pointer (±8 px). */
async function pickTiledSite(e) {
  const kinds = layers.tiledKinds();
  if (!kinds.length) return;
  const p = map.latLngToContainerPoint(e.latlng);
  const sw = map.containerPointToLatLng([p.x - 8, p.y + 8]);
  const ne = map.containerPointToLatLng([p.x + 8, p.y - 8]);
  const bbox = [sw.lng, sw.lat, ne.lng, ne.lat].map((v) => v.toFixed(6)).join(',');
  for (const k of kinds) {
    const body = await getJson(`/ogc/collections/${k.collectionId}/items?limit=1&skipGeometry=true&bbox=${bbox}`);
    if (body.features.length) { openSite(Number(body.features[0].id), false); return; }
  }
}

function options(select, items, current, allLabel) {
  clear(select).append(el('option', { value: '' }, allLabel),
    ...items.map((i) => el('option', { value: i.code, selected: i.code === current }, label(i.label, i.code))));
}

function setupControls() {
  const enabled = state.kinds || config.kinds.map((k) => k.id);
  state.kinds = enabled;
  $('#layers').append(...config.kinds.map((k) => {
    const box = el('input', { type: 'checkbox', value: k.id, checked: enabled.includes(k.id), 'data-testid': `layer-${k.id}` });
    box.addEventListener('change', () => {
      state.kinds = [...$('#layers').querySelectorAll('input:checked')].map((b) => b.value);
      reload();
    });
    return el('li', {}, el('label', {}, box, symbol(k.id, 'none', 20), label(k.label, k.id)));
  }));
  const statuses = new Map();
  config.kinds.forEach((k) => k.statuses.forEach((s) => { if (!statuses.has(s.code)) statuses.set(s.code, s); }));
  options($('#f-status'), [...statuses.values()], state.status, t('filters.all'));
  options($('#f-township'), config.district.townships.map((x) => ({ code: x.name, label: { zh: x.name, en: x.nameEn } })), state.township, t('filters.all'));
  // The category filter lists the codes of every kind that has a 'category' attribute (the heaps' today).
  const category = config.kinds.flatMap((k) => k.attributes.filter((a) => a.name === 'category'));
  options($('#f-category'), category.flatMap((a) => a.values), state.category, t('filters.all'));
  $('#f-category').disabled = !ogc();
  $('#f-since').value = state.since || '';
  for (const [id, key] of [['#f-status', 'status'], ['#f-township', 'township'], ['#f-category', 'category'], ['#f-since', 'since']]) {
    $(id).addEventListener('change', () => { state[key] = $(id).value || null; reload(); });
  }
}

async function reload() {
  writeState(state, map);
  try {
    await layers.reload(state.kinds, state, ogc(), Boolean(config.services?.tiles));
  } catch (e) {
    toast(t('error.load', e.message));
  }
  layers.renderLegend($('#legend'), $('#total'));
  performance.mark('sites-drawn');
  layers.tilesDrawn().then(() => {
    performance.mark('tiles-drawn');
    document.body.dataset.tilesDrawn = 'true';
  });
}

function showResults(title, rows) {
  const box = $('#results');
  clear(box).append(el('h2', {}, title), el('button', { type: 'button', class: 'close', onclick: () => { box.hidden = true; } }, '×'),
    rows.length ? el('ol', { 'data-testid': 'result-list' }, rows.map((r) => el('li', {},
      el('button', { type: 'button', onclick: () => openSite(r.f.id, true) }, `${r.f.code} ${r.f.name}`, r.m !== undefined ? el('span', { class: 'muted' }, t('near.metres', Math.round(r.m))) : null))))
      : el('p', {}, t('search.none')));
  box.hidden = false;
}

function showSearchResults() {
  if (!state.q) { $('#results').hidden = true; return; }
  showResults(t('search.results', state.q), layers.features().slice(0, 50).map((f) => ({ f })));
}

function nearMe() {
  if (!navigator.geolocation) { toast(t('gps.unknown')); return; }
  navigator.geolocation.getCurrentPosition((p) => {
    const radius = Number($('#f-radius').value);
    const { latitude: lat, longitude: lon } = p.coords;
    const rows = layers.features().map((f) => ({ f, m: metres(lat, lon, f.lat, f.lon) }))
      .filter((r) => r.m <= radius).sort((a, b) => a.m - b.m);
    L.circle([lat, lon], { radius, color: '#0072B2', weight: 1, fillOpacity: 0.05 }).addTo(map);
    map.setView([lat, lon], 13);
    showResults(t('near.results', radius / 1000), rows);
  }, () => toast(t('gps.unknown')), { enableHighAccuracy: true, timeout: 10000 });
}

let outline = null;
async function openSite(id, fly) {
  const panel = $('#panel');
  panel.hidden = false;
  state.site = String(id);
  writeState(state, map);
  const marker = layers.select(id);
  try {
    const site = await showSite($('#panel-body'), id, config.kinds, ogc());
    site.anchor = marker ? [marker.getLatLng().lng, marker.getLatLng().lat] : config.district.seat;
    if (outline) outline.remove();
    outline = L.geoJSON(JSON.parse(JSON.stringify(site.geometry)), { style: { color: '#000', weight: 2, fill: false } }).addTo(map);
    if (fly && marker) map.panTo(marker.getLatLng());
    if (roles().some((r) => INSPECTORS.includes(r))) {
      const slot = $('#inspection-slot');
      slot.append(el('button', { type: 'button', class: 'primary', 'data-testid': 'start-inspection',
        onclick: () => inspectionForm(slot, site, (outcome, item) => afterInspection(outcome, item)) }, t('inspection.start')));
    }
  } catch (e) {
    clear($('#panel-body')).append(el('p', { class: 'error' }, t('error.load', e.message)));
  }
}

function closePanel() {
  $('#panel').hidden = true;
  layers.select(null);
  state.site = null;
  if (outline) { outline.remove(); outline = null; }
  writeState(state, map);
}

async function afterInspection(outcome, item) {
  report(outcome);
  const sent = outcome.sent.find((s) => s.item.id === item.id);
  if (!sent && !outcome.needsLogin) toast(t('outbox.queued'));
  if (sent && Number(state.site) === item.siteId) await openSite(item.siteId, false);
}

function report(outcome) {
  for (const { item, result } of outcome.sent) {
    const tr = result.transitionResult;
    toast(tr && tr !== 'applied' ? t('inspection.savedNoTransition', tr) : t('inspection.saved'));
    getJson(`/api/sites/${item.siteId}`).then((site) => layers.update(site)).catch(() => {});
  }
  for (const { error } of outcome.failed) toast(t('inspection.refused', error.message));
  if (outcome.needsLogin) {
    toast(t('outbox.login'));
    setTimeout(() => { location.href = `login.html?next=${encodeURIComponent(location.pathname + location.search)}`; }, 1500);
  }
}

async function sendQueue() {
  if ((await queue.count()) === 0) return;
  report(await queue.flush());
}

function showOutbox(n) {
  const node = $('#outbox');
  node.hidden = n === 0;
  node.textContent = t('outbox.waiting', n);
  document.body.dataset.outbox = String(n);
}

start().then(() => queue.count().then(showOutbox)).catch((e) => { toast(String(e.message || e)); });
