// The inspection form: photos resized in the browser, GPS with accuracy warnings, a checklist per kind, and the
// next status offered only from the site's allowedTransitions. Submitting always goes through the outbox.
import { el, clear } from './dom.js';
import { t, label } from './i18n.js';
import { metres } from './source.js';
import * as queue from './queue.js';

const MAX_SIDE = 1600;
const WARN_ACCURACY_M = 50;
const WARN_DISTANCE_M = 500;

// The checklist per kind comes from the kind definitions (/api/ui/config kinds[].checklist: code → {zh, en}).
const CHECKLISTS = {};

export function configureChecklists(kinds) {
  for (const k of kinds || []) CHECKLISTS[k.id] = k.checklist || {};
}

/** A random UUID; crypto.randomUUID exists only in secure contexts (https or localhost). */
function uuid() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Resizes a photo to at most MAX_SIDE pixels as JPEG; the server checks it again anyway. */
async function resize(file) {
  const bitmap = await createImageBitmap(file);
  const f = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * f);
  canvas.height = Math.round(bitmap.height * f);
  canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
}

function locate() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) { resolve({ error: 'unsupported' }); return; }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy }),
      (e) => resolve({ error: e.code === 1 ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 });
  });
}

/** Renders the form for a site into container; onQueued(outcome) runs after the outbox tried to send. */
export function inspectionForm(container, site, onQueued) {
  const photos = [];
  let position = null;
  const gps = el('p', { class: 'gps', 'data-testid': 'gps-status' }, t('gps.locating'));
  const warnings = el('ul', { class: 'warnings', 'data-testid': 'gps-warnings' });
  const photoInput = el('input', {
    type: 'file', accept: 'image/*', capture: 'environment', multiple: true, name: 'photos', 'data-testid': 'photo-input',
  });
  const photoList = el('ul', { class: 'photo-list' });
  const photoError = el('p', { class: 'error', role: 'alert' });
  photoInput.addEventListener('change', async () => {
    photoError.textContent = '';
    for (const file of photoInput.files) {
      try {
        photos.push(await resize(file));
        photoList.append(el('li', {}, file.name));
      } catch {
        photoError.textContent = t('inspection.photoUnreadable', file.name);
      }
    }
    photoInput.value = '';
  });
  const note = el('textarea', { name: 'note', rows: 3, maxlength: 4000, 'data-testid': 'note' });
  const checks = Object.entries(CHECKLISTS[site.kind] || {}).map(([item, labels]) => {
    const box = el('input', { type: 'checkbox', name: item, value: 'yes' });
    const text = t(`check.${item}`);
    return { item, box, row: el('label', { class: 'check' }, box, text === `check.${item}` ? label(labels, item) : text) };
  });
  const next = el('select', { name: 'nextStatus', 'data-testid': 'next-status' },
    el('option', { value: '' }, t('inspection.noChange')),
    (site.allowedTransitions || []).map((tr) => el('option', { value: tr.to }, label(tr.label, tr.to))));
  const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'submit-inspection' }, t('inspection.submit'));
  const form = el('form', { class: 'inspection', 'data-testid': 'inspection-form' },
    el('h3', {}, t('inspection.title')),
    el('label', {}, t('inspection.photos'), photoInput), photoList, photoError,
    gps, warnings,
    el('label', {}, t('inspection.note'), note),
    el('fieldset', {}, el('legend', {}, t('inspection.checklist')), checks.map((c) => c.row)),
    el('label', {}, t('inspection.nextStatus'), next),
    submit);

  locate().then((p) => {
    clear(warnings);
    if (p.error) { gps.textContent = t('gps.unknown'); return; }
    position = p;
    gps.textContent = t('gps.position', p.lat.toFixed(5), p.lon.toFixed(5), Math.round(p.accuracy));
    if (p.accuracy > WARN_ACCURACY_M) warnings.append(el('li', {}, t('gps.inaccurate', Math.round(p.accuracy))));
    const far = metres(p.lat, p.lon, site.anchor[1], site.anchor[0]);
    if (far > WARN_DISTANCE_M) warnings.append(el('li', {}, t('gps.far', Math.round(far))));
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    submit.disabled = true;
    const chosen = next.value || null;
    const item = {
      id: uuid(),
      siteId: site.id,
      form: {
        note: note.value,
        checklist: Object.fromEntries(checks.map((c) => [c.item, c.box.checked])),
        position: position ? { lat: position.lat, lon: position.lon, accuracy: position.accuracy } : null,
        observedAt: new Date().toISOString(),
        nextStatus: chosen,
        siteVersion: site.version,
      },
      photos,
    };
    item.form.id = item.id;
    const outcome = await queue.enqueue(item);
    submit.disabled = false;
    onQueued(outcome, item);
  });
  clear(container).append(form);
}
