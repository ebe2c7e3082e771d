// The site panel: attributes with their labels, status, deadline and overdue warning, history timeline,
// inspection photos and links to the site as GeoJSON. Everything from the server is set as text.
import { el, clear, append } from './dom.js';
import { t, label, currentLang } from './i18n.js';
import { getJson } from './api.js';
import { statusColour, symbol } from './palette.js';

const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString(currentLang() === 'en' ? 'en-GB' : 'zh-CN') : '');

function attributeValue(def, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (def && def.values.length) {
    const byCode = Object.fromEntries(def.values.map((v) => [v.code, v.label]));
    const many = Array.isArray(value) ? value : String(value).split(',');
    return many.map((v) => label(byCode[v], v)).join('、');
  }
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  return Array.isArray(value) ? value.join('、') : String(value);
}

function attributes(site, kind) {
  const defs = Object.fromEntries((kind?.attributes || []).map((d) => [d.name, d]));
  const rows = Object.entries(site.attributes || {}).map(([name, value]) =>
    [el('dt', {}, label(defs[name]?.label, name)), el('dd', {}, attributeValue(defs[name], value))]);
  return el('dl', { class: 'attributes', 'data-testid': 'attributes' },
    el('dt', {}, t('site.code')), el('dd', {}, site.code),
    el('dt', {}, t('site.township')), el('dd', {}, site.township || '—'),
    site.areaM2 ? [el('dt', {}, t('site.area')), el('dd', {}, `${Math.round(site.areaM2).toLocaleString()} m²`)] : null,
    rows);
}

function rectification(site) {
  const r = site.rectification;
  if (!r || !r.deadline) return null;
  return el('p', { class: r.overdue ? 'deadline overdue' : 'deadline', 'data-testid': 'deadline' },
    t('site.deadline', r.deadline), r.overdue ? el('strong', {}, ` ${t('site.overdue')}`) : null);
}

function history(events) {
  return el('ol', { class: 'timeline', 'data-testid': 'history' }, events.map((e) => el('li', {},
    el('div', { class: 'when' }, fmtTime(e.at), ' · ', e.actor || ''),
    el('div', { class: 'what' }, e.type === 'transition' || e.type === 'created'
      ? [e.fromLabel ? `${label(e.fromLabel, e.from)} → ` : '', label(e.toLabel, e.to)]
      : t(`event.${e.type}`)),
    e.note ? el('div', { class: 'note' }, e.note) : null,
    (e.evidence || []).length ? el('ul', { class: 'evidence' }, e.evidence.map((v) =>
      el('li', {}, t(`evidence.${v.type}`), v.ref ? [': ', v.ref] : '', v.notApplicableReason ? [' — ', v.notApplicableReason] : ''))) : null)));
}

function photos(inspections) {
  const all = inspections.flatMap((i) => i.photos.map((p) => ({ ...p, inspection: i })));
  if (!all.length) return el('p', { class: 'muted' }, t('site.noPhotos'));
  return el('ul', { class: 'photos', 'data-testid': 'photos' }, all.map((p) => el('li', {},
    el('a', { href: p.url, target: '_blank', rel: 'noopener' },
      el('img', { src: p.thumbnailUrl, alt: t('site.photoOf', p.inspection.inspector, fmtTime(p.inspection.createdAt)), loading: 'lazy' })))));
}

function inspectionNotes(inspections) {
  return el('ul', { class: 'inspections', 'data-testid': 'inspections' }, inspections.map((i) => el('li', {},
    el('div', { class: 'when' }, fmtTime(i.createdAt), ' · ', i.inspector,
      i.distanceM !== undefined && i.distanceM !== null ? ` · ${t('inspection.distance', Math.round(i.distanceM))}` : ''),
    i.note ? el('div', { class: 'note' }, i.note) : null)));
}

/** Loads and renders one site; returns the site JSON (with allowedTransitions for the caller). */
export async function showSite(panel, id, kinds, ogc) {
  const [site, events, inspections] = await Promise.all([
    getJson(`/api/sites/${id}`), getJson(`/api/sites/${id}/history`), getJson(`/api/sites/${id}/inspections`)]);
  const kind = kinds.find((k) => k.id === site.kind);
  const geojson = ogc ? `/ogc/collections/${kind.collectionId}/items/${id}` : `/api/sites/${id}`;
  append(clear(panel), [
    el('header', {},
      el('h2', { 'data-testid': 'site-name' }, site.name),
      el('p', { class: 'status', 'data-testid': 'site-status' },
        symbol(site.kind, site.status, 18), el('span', { style: `border-bottom:3px solid ${statusColour(site.status)}` },
          label(site.statusLabel, site.status)), ' · ', label(site.kindLabel, site.kind))),
    rectification(site),
    attributes(site, kind),
    el('p', { class: 'links' }, el('a', { href: geojson, target: '_blank', rel: 'noopener', 'data-testid': 'geojson-link' }, t('site.geojson'))),
    el('h3', {}, t('site.photos')), photos(inspections),
    el('h3', {}, t('site.inspections')), inspectionNotes(inspections),
    el('h3', {}, t('site.history')), history(events),
    el('div', { id: 'inspection-slot' })]);
  return site;
}
