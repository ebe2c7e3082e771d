// Office section: drag-and-drop upload of screening results with upload progress, then the import job's
// progress and its triage (new / known / changed). Shown only to roles that may upload, and only when the
// service offers /api/imports.
import { el, clear, append } from './dom.js';
import { t } from './i18n.js';
import { getJson, send, csrfHeader } from './api.js';

const SOURCES = ['satellite', 'drone', 'inspection', 'manual'];

/** POSTs the file with XMLHttpRequest, the one browser API that reports upload progress. */
function upload(file, source, onProgress) {
  const csrf = csrfHeader();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    if (csrf) xhr.setRequestHeader(csrf.header, csrf.token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((100 * e.loaded) / e.total)); };
    xhr.onload = () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* empty body */ }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve({ location: xhr.getResponseHeader('Location') || (body && `/api/imports/${body.id}`), body });
      } else reject(new Error(body?.detail || `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.append('file', file);
    form.append('source', source);
    xhr.send(form);
  });
}

async function follow(location, onJob) {
  for (;;) {
    const job = await getJson(location);
    onJob(job);
    if (job.state === 'succeeded' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 400));
  }
}

const percent = (job) => Math.round(100 * (job.state === 'succeeded' ? 1 : (job.progress ?? 0)));

/** The triage table: one row per detection; a click flies to it, `new` ones can be promoted. */
function triageTable(job, features, onFlyTo, onPromoted) {
  const promote = async (id, button) => {
    button.disabled = true;
    try {
      const p = await send('POST', `/api/detections/${id}/promote`);
      button.replaceWith(el('span', { class: 'muted' }, t('triage.promoted', p.siteId)));
      onPromoted();
    } catch (e) { button.disabled = false; button.title = e.message; }
  };
  const row = (f) => {
    const p = f.properties;
    if (p.duplicateOf) {
      return el('tr', { tabindex: 0, class: 'duplicate', dataset: { triage: 'duplicate', duplicateOf: p.duplicateOf }, onclick: () => onFlyTo(f) },
        el('td', {}, t('triage.duplicate', p.duplicateOf)), el('td', {}, p.name || `#${p.featureIndex}`),
        el('td', {}, p.promotedSiteId ? el('span', { class: 'muted' }, t('triage.promoted', p.promotedSiteId)) : (p.dismissed ? t('triage.dismissed') : '')));
    }
    const action = p.triage === 'new' && !p.promotedSiteId
      ? el('button', { type: 'button', 'data-testid': 'promote', onclick: (ev) => { ev.stopPropagation(); promote(f.id, ev.currentTarget); } }, t('triage.promote'))
      : (p.promotedSiteId ? el('span', { class: 'muted' }, t('triage.promoted', p.promotedSiteId)) : '');
    return el('tr', { tabindex: 0, dataset: { triage: p.triage }, onclick: () => onFlyTo(f) },
      el('td', {}, t(`triage.${p.triage}`)), el('td', {}, p.name || `#${p.featureIndex}`), el('td', {}, action));
  };
  // entries of the queue first; reports of entries already in the queue grouped below, by the entry they join
  const duplicates = features.filter((f) => f.properties.duplicateOf)
    .sort((a, b) => a.properties.duplicateOf - b.properties.duplicateOf);
  const rows = [...features.filter((f) => !f.properties.duplicateOf).map(row),
    duplicates.length ? el('tr', { class: 'group', 'data-testid': 'duplicate-group' }, el('th', { colspan: 3 }, t('triage.duplicates', duplicates.length))) : null,
    ...duplicates.map(row)];
  const bulk = el('button', { type: 'button', 'data-testid': 'promote-all', onclick: async () => {
    bulk.disabled = true;
    try {
      const r = await send('POST', `/api/imports/${job.id}/promote`, { allNew: true });
      bulk.textContent = t('triage.promotedMany', r.promoted.length);
      onPromoted();
    } catch (e) { bulk.disabled = false; bulk.title = e.message; }
  } }, t('triage.promoteAll'));
  return [el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, t('triage.result')), el('th', {}, t('triage.name')), el('th', {}, ''))),
    el('tbody', {}, rows)), job.triage.new > 0 ? bulk : null];
}

export function uploadSection(container, onFlyTo, onPromoted) {
  const source = el('select', { name: 'source', 'data-testid': 'upload-source' }, SOURCES.map((s) => el('option', { value: s }, t(`source.${s}`))));
  const input = el('input', { type: 'file', 'data-testid': 'upload-input', accept: '.geojson,.json,.zip,.kml,.kmz,.gpkg,.csv,.xlsx,.tif,.tiff' });
  const drop = el('label', { class: 'upload-drop', 'data-testid': 'upload-drop' }, t('upload.drop'), input);
  const bar = el('progress', { max: 100, value: 0, 'data-testid': 'upload-progress' });
  const jobBar = el('progress', { max: 100, value: 0, 'data-testid': 'job-progress' });
  const status = el('p', { class: 'muted', 'data-testid': 'upload-status' });
  const triage = el('div', { class: 'triage', 'data-testid': 'triage' });
  const start = async (file) => {
    clear(triage);
    bar.value = 0; jobBar.value = 0;
    try {
      const { location } = await upload(file, source.value, (p) => { bar.value = p; status.textContent = t('upload.progress', p); });
      const job = await follow(location, (j) => { jobBar.value = percent(j); status.textContent = t('upload.job', percent(j), t(`job.${j.state}`)); });
      const c = job.triage || {};
      append(triage, [el('h3', {}, t('triage.title')), el('p', { 'data-testid': 'triage-counts', dataset: { new: c.new, known: c.known, changed: c.changed } },
        t('triage.counts', c.new ?? 0, c.known ?? 0, c.changed ?? 0, job.rejected ?? 0)),
        c.duplicate ? el('p', { 'data-testid': 'triage-duplicates', dataset: { duplicate: c.duplicate } }, t('triage.duplicates', c.duplicate)) : null]);
      const features = (await getJson(`${job.detections}?limit=1000`)).features;
      append(triage, triageTable(job, features, onFlyTo, onPromoted));
    } catch (e) {
      status.textContent = e.message;
    }
  };
  input.addEventListener('change', () => input.files[0] && start(input.files[0]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) start(e.dataTransfer.files[0]); });
  append(clear(container), [el('h2', {}, t('upload.title')), el('label', {}, t('upload.source'), source), drop,
    el('label', {}, t('upload.sent'), bar), el('label', {}, t('upload.processed'), jobBar), status, triage]);
  container.hidden = false;
}
