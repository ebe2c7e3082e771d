// Office section: drag-and-drop upload of screening results with upload progress, then the import job's
// progress and its triage (new / known / changed). Shown only to roles that may upload, and only when the
// service offers /api/imports.
import { el, clear } from './dom.js';
import { t } from './i18n.js';
import { getJson } from './api.js';

const SOURCES = ['satellite', 'drone', 'manual'];

/** POSTs the file with XMLHttpRequest, the one browser API that reports upload progress. */
function upload(file, source, csrf, onProgress) {
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
    if (['done', 'succeeded', 'completed', 'failed', 'DONE', 'FAILED', 'SUCCEEDED', 'COMPLETED'].includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function uploadSection(container, csrf, onFlyTo) {
  const source = el('select', { name: 'source' }, SOURCES.map((s) => el('option', { value: s }, s)));
  const input = el('input', { type: 'file', 'data-testid': 'upload-input', accept: '.geojson,.json,.zip,.kml,.kmz,.gpkg,.csv,.xlsx,.tif,.tiff' });
  const drop = el('div', { class: 'upload-drop', 'data-testid': 'upload-drop' }, t('upload.drop'), input);
  const bar = el('progress', { max: 100, value: 0, 'data-testid': 'upload-progress' });
  const status = el('p', { class: 'muted', 'data-testid': 'upload-status' });
  const triage = el('div', { class: 'triage', 'data-testid': 'triage' });
  const start = async (file) => {
    clear(triage);
    try {
      const { location } = await upload(file, source.value, csrf, (p) => { bar.value = p; status.textContent = t('upload.progress', p); });
      const job = await follow(location, (j) => { status.textContent = t('upload.job', Math.round(j.progress ?? 0), j.state); });
      const c = job.triage || {};
      triage.append(el('h3', {}, t('triage.title')), el('p', { 'data-testid': 'triage-counts' },
        `${t('triage.new')} ${c.new ?? 0} · ${t('triage.known')} ${c.known ?? 0} · ${t('triage.changed')} ${c.changed ?? 0}`));
      const rows = job.detections || job.items || [];
      if (rows.length) {
        triage.append(el('table', {}, el('tbody', {}, rows.map((d) => el('tr', { onclick: () => onFlyTo(d) },
          el('td', {}, d.triage || d.result || ''), el('td', {}, d.name || d.id || ''))))));
      }
    } catch (e) {
      status.textContent = e.message;
    }
  };
  input.addEventListener('change', () => input.files[0] && start(input.files[0]));
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) start(e.dataTransfer.files[0]); });
  clear(container).append(el('h2', {}, t('upload.title')), el('label', {}, t('upload.source'), source), drop, bar, status, triage);
  container.hidden = false;
}
