// The public disclosure page (信息公开): sites signed off in a period and the open list by township, printable.
import { loadLanguage, applyStaticText, t, label, currentLang } from './i18n.js';
import { getJson } from './api.js';
import { $ } from './dom.js';

const params = new URLSearchParams(location.search);

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  row.append(td);
  return td;
}

function area(m2) {
  return m2 == null ? '' : Math.round(m2).toLocaleString(currentLang() === 'en' ? 'en' : 'zh-CN');
}

function drawSignedOff(rows) {
  const body = $('#signed-off tbody');
  body.replaceChildren();
  rows.forEach((s, i) => {
    const tr = document.createElement('tr');
    tr.dataset.code = s.code;
    cell(tr, String(i + 1));
    cell(tr, s.code);
    const name = cell(tr, '');
    const link = document.createElement('a');
    link.href = `/?site=${s.id}`;
    link.textContent = s.name || s.code;
    name.append(link);
    cell(tr, label(s.kindLabel, s.kind));
    cell(tr, s.township);
    cell(tr, area(s.areaM2));
    cell(tr, [s.before.registeredOn ? t('disclosure.registeredOn', s.before.registeredOn) : '',
      label(s.before.statusLabel, s.before.status)].filter(Boolean).join(' · '));
    cell(tr, [label(s.after.statusLabel, s.after.status), label(s.after.modeLabel, s.after.rectificationMode),
      s.after.publicNote].filter(Boolean).join(' · '));
    cell(tr, s.after.signedOffOn);
    body.append(tr);
  });
  $('#signed-off-count').textContent = t('disclosure.count', rows.length);
  $('#signed-off-empty').hidden = rows.length > 0;
}

function drawOpen(groups) {
  const list = $('#open-list');
  list.replaceChildren();
  let total = 0;
  for (const g of groups) {
    total += g.count;
    const h = document.createElement('h3');
    h.textContent = `${g.township || t('disclosure.noTownship')}（${g.count}）`;
    const ul = document.createElement('ul');
    ul.className = 'open-sites';
    for (const s of g.sites) {
      const li = document.createElement('li');
      li.dataset.code = s.code;
      li.textContent = [s.code, s.name, label(s.kindLabel, s.kind), label(s.statusLabel, s.status),
        s.deadline ? t('disclosure.deadline', s.deadline) : '', s.overdue ? t('disclosure.overdue') : '']
        .filter(Boolean).join(' · ');
      if (s.overdue) li.classList.add('overdue');
      ul.append(li);
    }
    list.append(h, ul);
  }
  $('#open-count').textContent = t('disclosure.count', total);
}

async function show() {
  const form = $('#disclosure-form');
  const query = new URLSearchParams();
  for (const name of ['from', 'to', 'township']) {
    if (form.elements[name].value) query.set(name, form.elements[name].value);
  }
  const error = $('#disclosure-error');
  try {
    const d = await getJson(`/api/disclosure?${query}`);
    error.hidden = true;
    form.elements.from.value ||= d.period.from;
    form.elements.to.value ||= d.period.to;
    $('#disclosure-period').textContent = t('disclosure.period', d.period.from, d.period.to,
      d.township || t('disclosure.allTownships'));
    drawSignedOff(d.signedOff);
    drawOpen(d.open);
    $('#disclosure-footer').textContent = t('disclosure.generated', new Date(d.generatedAt).toLocaleString());
    if (currentLang() === 'en') query.set('lang', 'en');
    history.replaceState(null, '', `?${query}`);
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
  }
}

async function start() {
  await loadLanguage(params.get('lang') || localStorage.getItem('lang'));
  applyStaticText();
  document.title = t('disclosure.title');
  const form = $('#disclosure-form');
  const config = await getJson('/api/ui/config');
  for (const tw of config.district?.townships ?? []) {
    const option = document.createElement('option');
    option.value = tw.name ?? tw;
    option.textContent = tw.name ?? tw;
    form.elements.township.append(option);
  }
  // the period defaults to the server's: dates are the district's (a browser's UTC date is the day before
  // between midnight in the district and midnight UTC, and would leave out what was signed off today)
  form.elements.to.value = params.get('to') || '';
  form.elements.from.value = params.get('from') || '';
  form.elements.township.value = params.get('township') || '';
  form.addEventListener('submit', (e) => { e.preventDefault(); show(); });
  $('#disclosure-print').addEventListener('click', () => window.print());
  await show();
  document.body.dataset.ready = 'true';
}

start();
