// Office section for ADMIN: a register import (清单入库). The chosen file is sent for a proposed column mapping,
// shown as one select per column (and one per status value found) for the user to fix; the import runs only when
// the user says so, with the mapping as shown. A refused register lists every row's reason.
import { el, clear, append } from './dom.js';
import { t, label } from './i18n.js';
import { send, getJson, HttpError } from './api.js';

const COMMON = ['code', 'name', 'status', 'township', 'deadline'];

function targetLabel(kind, target) {
  const a = kind.attributes.find((x) => x.name === target);
  return a ? label(a.label, target) : t(`register.field.${target}`);
}

function select(testid, options, chosen, dataset) {
  return el('select', { 'data-testid': testid, dataset },
    el('option', { value: '' }, t('register.skip')),
    options.map(([value, text]) => el('option', { value, selected: value === chosen }, text)));
}

/** The mapping step: a row per column and per status value, preselected with the proposal. */
function mappingForm(kind, proposal) {
  const targets = proposal.targets.map((x) => [x, targetLabel(kind, x)]);
  const columns = proposal.columns.map((c) => el('tr', {},
    el('td', {}, c), el('td', {}, select('register-target', targets, proposal.mapping[c] || '', { column: c }))));
  const states = kind.statuses.map((s) => [s.code, label(s.label, s.code)]);
  const statuses = Object.entries(proposal.statuses).map(([value, state]) => el('tr', {},
    el('td', {}, value), el('td', {}, select('register-status', states, state || '', { value }))));
  return el('div', {},
    el('table', { 'data-testid': 'register-mapping' }, el('thead', {}, el('tr', {}, el('th', {}, t('register.column')),
      el('th', {}, t('register.field')))), el('tbody', {}, columns)),
    statuses.length ? el('table', { 'data-testid': 'register-statuses' }, el('thead', {}, el('tr', {},
      el('th', {}, t('register.statusValue')), el('th', {}, t('register.state')))), el('tbody', {}, statuses)) : null);
}

function chosen(root) {
  const mapping = {};
  root.querySelectorAll('[data-testid=register-target]').forEach((s) => { if (s.value) mapping[s.dataset.column] = s.value; });
  const statuses = {};
  root.querySelectorAll('[data-testid=register-status]').forEach((s) => { if (s.value) statuses[s.dataset.value] = s.value; });
  return { mapping, statuses };
}

function errorList(problem) {
  return el('ul', { class: 'register-errors' }, (problem?.errors || []).map((e) => el('li', { 'data-testid': 'register-error', dataset: { code: e.code } },
    e.row ? t('register.errorRow', e.row, e.column || e.field || '', e.message) : `${e.column || e.field || ''}：${e.message}`)));
}

export function registerSection(container, kinds, onDone) {
  const kind = el('select', { 'data-testid': 'register-kind' }, kinds.map((k) => el('option', { value: k.id }, label(k.label, k.id))));
  const input = el('input', { type: 'file', 'data-testid': 'register-input', accept: '.zip,.gpkg,.geojson,.json,.csv,.xlsx,.kml,.kmz' });
  const form = el('div', { class: 'register-form' });
  const result = el('div', { 'data-testid': 'register-result', 'aria-live': 'polite' });
  const run = async (file, k) => {
    const { mapping, statuses } = chosen(form);
    const body = new FormData();
    body.append('file', file);
    body.append('kind', k.id);
    body.append('mapping', JSON.stringify(mapping));
    body.append('statuses', JSON.stringify(statuses));
    clear(result);
    try {
      let r = await send('POST', '/api/imports/register', body);
      // a large register is queued (202): follow it until it has ended, showing how far it is
      const progress = el('progress', { max: 1, value: r.progress || 0, 'data-testid': 'register-progress' });
      if (r.state === 'queued' || r.state === 'running') append(result, [progress]);
      while (r.state === 'queued' || r.state === 'running') {
        await new Promise((done) => setTimeout(done, 500));
        r = await getJson(`/api/imports/register/${r.id}`);
        progress.value = r.progress || 0;
      }
      clear(result);
      if (r.state === 'failed') {
        append(result, [el('p', {}, t('register.failed', r.errorCount)), errorList(r)]);
        return;
      }
      append(result, [el('p', { 'data-testid': 'register-done', dataset: { created: r.created, existing: r.existing } },
        t('register.done', r.created, r.existing, r.updated))]);
      onDone();
    } catch (e) {
      append(result, [el('p', {}, e.message), e instanceof HttpError ? errorList(e.problem) : null]);
    }
  };
  const propose = async (file) => {
    clear(form); clear(result);
    const k = kinds.find((x) => x.id === kind.value);
    const body = new FormData();
    body.append('file', file);
    body.append('kind', k.id);
    try {
      const proposal = await send('POST', '/api/imports/register/proposal', body);
      append(form, [el('p', { class: 'muted' }, t('register.confirm')), mappingForm(k, proposal),
        el('button', { type: 'button', 'data-testid': 'register-run', onclick: () => run(file, k) }, t('register.run'))]);
    } catch (e) {
      append(result, [el('p', {}, e.message)]);
    }
  };
  input.addEventListener('change', () => input.files[0] && propose(input.files[0]));
  append(clear(container), [el('h2', {}, t('register.title')), el('label', {}, t('register.kind'), kind),
    el('label', { class: 'upload-drop' }, t('register.choose'), input), form, result]);
  container.hidden = false;
}
