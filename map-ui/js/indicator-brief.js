// The 工作简报 (work brief) a bureau sends upward: the indicators table (baseline, target, now, progress) and the
// overdue sites by township. Hidden on screen; the print stylesheet prints only this, on A4.
import { t, label, currentLang } from './i18n.js';
import { $, el, clear } from './dom.js';

export function fillBrief({ district, scope, date, indicators, overdue, number }) {
  const name = currentLang() === 'en' ? district?.nameEn || district?.name : district?.name;
  $('#brief-title').textContent = t('brief.title', name ?? '');
  $('#brief-meta').textContent = t('brief.meta', date, scope);
  const body = clear($('#brief .brief-indicators tbody'));
  for (const i of indicators) {
    body.append(el('tr', { dataset: { id: i.id } },
      el('td', {}, i.annex), el('td', {}, label(i.name, i.id)), el('td', {}, i.unit),
      el('td', {}, number(i.baseline, i.unit)), el('td', {}, number(i.target, i.unit)),
      el('td', {}, number(i.value, i.unit)),
      el('td', {}, i.progress === null || i.progress === undefined ? '—' : `${Math.round(i.progress * 100)}%`),
      el('td', {}, label(i.leadBureau, ''))));
  }
  const byTownship = new Map();
  for (const s of overdue) {
    const key = s.township ?? '—';
    if (!byTownship.has(key)) byTownship.set(key, []);
    byTownship.get(key).push(s);
  }
  const rows = clear($('#brief .brief-overdue tbody'));
  for (const [township, sites] of [...byTownship.entries()].sort((a, b) => b[1].length - a[1].length)) {
    rows.append(el('tr', { dataset: { township } }, el('td', {}, township), el('td', {}, sites.length),
      el('td', {}, sites.map((s) => `${s.code} ${s.name ?? ''} ${s.deadline ?? ''}`.trim()).join('；'))));
  }
  if (!overdue.length) rows.append(el('tr', {}, el('td', { colspan: 3 }, t('brief.noOverdue'))));
}
