// The indicator board (无废城市建设指标): one card per annex-1 indicator with value, baseline, target and a
// progress bar; the selected indicator's monthly series (chart) and its value by township (choropleth); a card's
// or a township's "sites" lists the sites behind the numerator and denominator and links to them on the map;
// printing gives the 工作简报.
import { loadLanguage, applyStaticText, t, label, currentLang } from './i18n.js';
import { getJson } from './api.js';
import { $, el, clear } from './dom.js';
import { drawSeries } from './indicator-chart.js';
import { TownshipMap } from './indicator-map.js';
import { fillBrief } from './indicator-brief.js';

/** The count indicator whose sites the work brief lists by township (an id of gis-data/indicators.yml). */
const OVERDUE = 'sites-overdue';

const params = new URLSearchParams(location.search);
const kinds = new Map();
let townshipMap = null;

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

/** The API query of the page's date and township (or of another township). */
function query(township = params.get('township')) {
  const q = new URLSearchParams();
  if (params.get('at')) q.set('at', params.get('at'));
  if (township) q.set('township', township);
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
    el('p', { class: 'no-print actions' },
      el('button', { type: 'button', class: 'select', onclick: () => select(i) }, t('indicators.trend')),
      el('button', { type: 'button', class: 'drill', onclick: () => drill(i, params.get('township')) }, t('indicators.sites'))));
}

/** A map link that filters to the drilled-down sites: their kinds, the township, and the status when only one. */
function mapLink(rows, township) {
  const q = new URLSearchParams();
  const kindSet = [...new Set(rows.map((s) => s.kind))];
  const statuses = [...new Set(rows.map((s) => s.status))];
  if (kindSet.length) q.set('kinds', kindSet.join(','));
  if (statuses.length === 1) q.set('status', statuses[0]);
  if (township) q.set('township', township);
  if (rows.length === 1) q.set('site', rows[0].id);
  if (params.get('lang')) q.set('lang', params.get('lang'));
  return `/?${q.toString().replaceAll('%2C', ',')}`;
}

async function drill(i, township) {
  const d = await getJson(`/api/indicators/${encodeURIComponent(i.id)}/sites${query(township)}`);
  const body = clear($('#indicator-sites tbody'));
  const rows = [...d.numerator.map((s) => [s, 'numerator']), ...d.denominator.map((s) => [s, 'denominator'])];
  for (const [s, part] of rows) {
    body.append(el('tr', { dataset: { code: s.code } },
      el('td', {}, s.code), el('td', {}, el('a', { href: `/?site=${s.id}` }, s.name || s.code)),
      el('td', {}, kindLabel(s.kind)), el('td', {}, statusLabel(s.kind, s.status)), el('td', {}, s.township ?? ''),
      el('td', {}, t(`indicators.${part}`))));
  }
  const title = township ? `${label(i.name, i.id)} · ${township}` : label(i.name, i.id);
  $('#indicator-sites-title').textContent = t('indicators.sitesOf', title, rows.length);
  $('#indicator-sites-map').href = mapLink(rows.map(([s]) => s), township);
  $('#indicator-sites').hidden = false;
  $('#indicator-sites').dataset.indicator = i.id;
  $('#indicator-sites').dataset.township = township ?? '';
  $('#indicator-sites').scrollIntoView();
}

let selected = null;

async function select(i) {
  selected = i;
  for (const c of document.querySelectorAll('.indicator-card')) c.classList.toggle('selected', c.dataset.id === i.id);
  townshipMap?.show(i);
  $('#indicator-map-title').textContent = t('indicators.choroplethOf', label(i.name, i.id));
  const q = params.get('township') ? `?township=${encodeURIComponent(params.get('township'))}` : '';
  const series = await getJson(`/api/indicators/${encodeURIComponent(i.id)}/series${q}`);
  drawSeries($('#indicator-chart'), i, series);
  $('#indicator-chart').dataset.indicator = i.id;
  $('#indicator-chart').dataset.points = String(series.points.length);
}

async function brief(config, indicators) {
  const overdue = indicators.some((i) => i.id === OVERDUE)
    ? (await getJson(`/api/indicators/${OVERDUE}/sites${query()}`)).numerator : [];
  const date = params.get('at') || new Date().toLocaleDateString(currentLang() === 'en' ? 'en' : 'zh-CN');
  fillBrief({ district: config?.district, scope: params.get('township') || t('indicators.allTownships'), date,
    indicators, overdue, number });
}

function setUpForm(config) {
  const form = $('#indicators-form');
  form.at.value = params.get('at') ?? '';
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
}

async function main() {
  await loadLanguage(params.get('lang'));
  applyStaticText();
  const config = await getJson('/api/ui/config').catch(() => null);
  for (const k of config?.kinds ?? []) kinds.set(k.id, k);
  setUpForm(config);
  try {
    const board = await getJson(`/api/indicators${query()}`);
    const cards = clear($('#indicator-cards'));
    board.indicators.forEach((i) => cards.append(card(i)));
    const first = board.indicators[0];
    $('#indicators-computed').textContent = t('indicators.computed', params.get('at') || new Date(first?.computedAt ?? Date.now()).toLocaleString(currentLang() === 'en' ? 'en' : 'zh-CN'));
    townshipMap = new TownshipMap($('#indicator-map'), $('#indicator-map-legend'), (tw) => drill(selected, tw));
    await Promise.all([townshipMap.load((tw) => query(tw)), brief(config, board.indicators)]);
    if (first) await select(first);
  } catch (e) {
    $('#indicators-error').textContent = e.message;
    $('#indicators-error').hidden = false;
  }
  document.body.dataset.ready = 'true';
}

main();
