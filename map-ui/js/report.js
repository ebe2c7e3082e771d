// The public report page (举报): pick a point (map or GPS), describe, attach a photo, get a tracking code; and look
// up what became of a report. Everything the server sends back is shown as text, never as markup.
import { loadLanguage, applyStaticText, t, label } from './i18n.js';
import { $ } from './dom.js';

const params = new URLSearchParams(location.search);
let config = null;
let marker = null;
let map = null;

function showError(text) {
  const p = $('#report-error');
  p.textContent = text;
  p.hidden = !text;
}

function place(lat, lon) {
  $('#report-lon').value = lon.toFixed(6);
  $('#report-lat').value = lat.toFixed(6);
  $('#report-where').textContent = t('report.pointAt', lon.toFixed(5), lat.toFixed(5));
  if (marker) marker.setLatLng([lat, lon]);
  else marker = L.marker([lat, lon]).addTo(map);
}

function setupMap() {
  const [w, s, e, n] = config.district.bbox;
  map = L.map('report-map', { fadeAnimation: false });
  map.fitBounds([[s, w], [n, e]]);
  for (const b of config.basemaps.slice(0, 1)) {
    L.tileLayer(b.url, { subdomains: b.subdomains || 'abc', attribution: b.attribution || '', maxZoom: b.maxZoom || 18 }).addTo(map);
  }
  L.rectangle([[s, w], [n, e]], { color: '#555', weight: 1, dashArray: '4 3', fill: false, interactive: false }).addTo(map);
  fetch('/api/ui/reference/townships').then((r) => (r.ok ? r.json() : null)).then((d) => {
    if (d) L.geoJSON(d, { style: { color: '#555', weight: 1, fillOpacity: 0.03 }, interactive: false }).addTo(map);
  }).catch(() => {});
  map.on('click', (ev) => place(ev.latlng.lat, ev.latlng.lng));
}

function useGps() {
  if (!navigator.geolocation) { showError(t('report.noGps')); return; }
  navigator.geolocation.getCurrentPosition(
    (p) => { place(p.coords.latitude, p.coords.longitude); map.setView([p.coords.latitude, p.coords.longitude], 15); },
    () => showError(t('report.noGps')), { enableHighAccuracy: true, timeout: 15000 });
}

async function problemText(response) {
  try {
    const p = await response.json();
    return p.detail || p.title || t('report.failed');
  } catch (e) {
    return t('report.failed');
  }
}

async function submit(ev) {
  ev.preventDefault();
  showError('');
  if (!$('#report-lon').value) { showError(t('report.pickPoint')); return; }
  if (!$('#report-description').value.trim()) { showError(t('report.describe')); return; }
  const form = new FormData($('#report-form'));
  if (!$('#report-photo').files.length) form.delete('photo');
  if (!String(form.get('phone') || '').trim()) form.delete('phone');
  const headers = { 'Accept-Language': params.get('lang') === 'en' ? 'en' : 'zh-CN' };
  if (config.csrf) headers[config.csrf.header] = config.csrf.token;
  $('#report-submit').disabled = true;
  try {
    const r = await fetch('/api/reports', { method: 'POST', body: form, headers, credentials: 'same-origin' });
    if (r.status !== 201) { showError(await problemText(r)); return; }
    const body = await r.json();
    $('#report-code').textContent = body.trackingCode;
    $('#report-done').hidden = false;
    $('#report-form').hidden = true;
    $('#track-code').value = body.trackingCode;
  } catch (e) {
    showError(t('report.failed'));
  } finally {
    $('#report-submit').disabled = false;
  }
}

async function track(ev) {
  ev.preventDefault();
  const code = $('#track-code').value.trim().toUpperCase();
  const out = $('#track-result');
  if (!code) return;
  const r = await fetch(`/api/reports/${encodeURIComponent(code)}`,
    { headers: { 'Accept-Language': params.get('lang') === 'en' ? 'en' : 'zh-CN' } });
  if (!r.ok) { out.textContent = await problemText(r); return; }
  const s = await r.json();
  out.textContent = t('report.trackResult', s.trackingCode, s.receivedOn, label(s.statusLabel, s.status));
}

async function start() {
  await loadLanguage(params.get('lang'));
  applyStaticText();
  document.title = t('report.title');
  config = await (await fetch('/api/ui/config', { credentials: 'same-origin' })).json();
  setupMap();
  $('#report-gps').addEventListener('click', useGps);
  $('#report-form').addEventListener('submit', submit);
  $('#track-form').addEventListener('submit', track);
  if (params.get('code')) { $('#track-code').value = params.get('code'); $('#track-form').requestSubmit(); }
  document.body.dataset.ready = 'true';
}

start();
