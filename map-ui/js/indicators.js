// The indicator board (无废城市建设指标): one card per annex-1 indicator with value, baseline, target and a
// progress bar; a card's "sites" button lists the sites behind its numerator and denominator.
import { loadLanguage, applyStaticText, t, label, currentLang } from './i18n.js';
import { getJson } from './api.js';
import { $, el, clear } from './dom.js';

const params = new URLSearchParams(location.search);
const kinds = new Map();

function kindLabel(kind) {
  return label(kinds.get(kind)?.label, kind);
}

function statusLabel(kind, status) {
  return label(kinds.get(kind)?.statuses?.find((s) => s.code === status)?.label, status);
}

function number(v, unit) {
  if (v === null || v === undefined) return '—';
  const digits = unit === '%' ? 1 : 0;
  return v.toLocaleString(currentLang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: digits });
}

function query() {
  const q = new URLSearchParams();
  if (params.get('at')) q.set('at', params.get('at'));
  if (params.get('township')) q.set('township', params.get('township'));
  const s = q.toString();
  return s ? `?${s}` : '';
}

function card(i) {
  const withTarget = i.target !== null && i.target !== undefined;
  const bar = withTarget ? el('div', { class: 'progress', role: 'progressbar',
    'aria-valuenow': Math.round((i.progress ?? 0) * 100), 'aria-valuemin': 0, 'aria-valuemax': 100 },
  el('span', { style: `width:${Math.round((i.progress ?? 0) * 100)}%` })) : null;
  const ratio = i.denominator !== null && i.denominator !== undefined
    ? el('p', { class: 'muted ratio' }, t('indicators.ratio', number(i.numerator), number(i.denominator))) : null;
  return el('article', { class: 'indicator-card', dataset: { id: i.id } },
    el('p', { class: 'annex' }, t('indicators.annex', i.annex)),
    el('h2', {}, label(i.name, i.id)),
    el('p', { class: 'value' }, el('strong', {}, number(i.value, i.unit)), ' ', i.unit),
    ratio,
    withTarget ? el('p', { class: 'muted' }, t('indicators.baselineTarget', number(i.baseline, i.unit),
      number(i.target, i.unit), i.unit)) : null,
    bar,
    el('p', { class: 'muted lead' }, t('indicators.lead', label(i.leadBureau, ''))),
    el('button', { type: 'button', class: 'no-print drill', onclick: () => drill(i) }, t('indicators.sites')));
}

async function drill(i) {
  const d = await getJson(`/api/indicators/${encodeURIComponent(i.id)}/sites${query()}`);
  const body = clear($('#indicator-sites tbody'));
  const rows = [...d.numerator.map((s) => [s, 'numerator']), ...d.denominator.map((s) => [s, 'denominator'])];
  for (const [s, part] of rows) {
    body.append(el('tr', { dataset: { code: s.code } },
      el('td', {}, s.code), el('td', {}, el('a', { href: `/?site=${s.id}` }, s.name || s.code)),
      el('td', {}, kindLabel(s.kind)), el('td', {}, statusLabel(s.kind, s.status)), el('td', {}, s.township ?? ''),
      el('td', {}, t(`indicators.${part}`))));
  }
  $('#indicator-sites-title').textContent = t('indicators.sitesOf', label(i.name, i.id), rows.length);
  $('#indicator-sites').hidden = false;
  $('#indicator-sites').scrollIntoView();
}

async function main() {
  await loadLanguage(params.get('lang'));
  applyStaticText();
  const form = $('#indicators-form');
  form.at.value = params.get('at') ?? '';
  const config = await getJson('/api/ui/config').catch(() => null);
  for (const k of config?.kinds ?? []) kinds.set(k.id, k);
  for (const tw of config?.district?.townships ?? []) {
    form.township.append(el('option', { value: tw.name }, currentLang() === 'en' ? tw.nameEn || tw.name : tw.name));
  }
  form.township.value = params.get('township') ?? '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    if (form.at.value) q.set('at', form.at.value);
    if (form.township.value) q.set('township', form.township.value);
    if (params.get('lang')) q.set('lang', params.get('lang'));
    location.search = q.toString();
  });
  $('#indicators-print').addEventListener('click', () => window.print());
  try {
    const board = await getJson(`/api/indicators${query()}`);
    const cards = clear($('#indicator-cards'));
    board.indicators.forEach((i) => cards.append(card(i)));
    const first = board.indicators[0];
    $('#indicators-computed').textContent = t('indicators.computed', params.get('at') || new Date(first?.computedAt ?? Date.now()).toLocaleString(currentLang() === 'en' ? 'en' : 'zh-CN'));
  } catch (e) {
    $('#indicators-error').textContent = e.message;
    $('#indicators-error').hidden = false;
  }
  document.body.dataset.ready = 'true';
}

main();
