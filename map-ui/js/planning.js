// Planning panel (PLANNER, ADMIN): pick a process from /ogc/processes, fill its inputs from their JSON schemas,
// click the map for a point or polygon input, run it as a job, then see the result drawn on the map and listed,
// with buttons that download it as GeoPackage, XLSX, KML or CSV (GET /ogc/jobs/{id}/results?f=...).
import { el, clear, append } from './dom.js';
import { t, currentLang } from './i18n.js';
import { getJson, send } from './api.js';

const lang = () => (currentLang() === 'en' ? 'en' : 'zh');

/** One form field for an input, from its schema; returns [node, read()] where read() gives the value or undefined. */
function field(name, input, picked) {
  const s = input.schema || {};
  const title = `${input.title}${input.minOccurs ? ' *' : ''}`;
  if (s.format === 'geojson-geometry') {
    const status = el('span', { class: 'muted', 'data-testid': `plan-geom-${name}` }, t('planning.clickMap'));
    picked.onPick.push((g) => { picked.values[name] = g; status.textContent = t('planning.picked'); });
    return [el('label', {}, el('span', {}, title), status), () => picked.values[name]];
  }
  if (s.type === 'array' && s.items?.enum) {
    const select = el('select', { multiple: true, name }, s.items.enum.map((v) => el('option', { value: v }, v)));
    return [el('label', {}, el('span', {}, title), select), () => {
      const v = [...select.selectedOptions].map((o) => o.value);
      return v.length ? v : undefined;
    }];
  }
  if (s.type === 'boolean') {
    const box = el('input', { type: 'checkbox', name });
    box.checked = s.default !== false;
    return [el('label', {}, el('span', {}, title), box), () => box.checked];
  }
  const numeric = s.type === 'number' || s.type === 'integer';
  const input2 = el('input', { name, type: numeric ? 'number' : (s.format === 'date' ? 'date' : 'text'),
    placeholder: s.default !== undefined ? String(s.default) : '', 'data-testid': `plan-input-${name}` });
  return [el('label', {}, el('span', {}, title), input2), () => {
    if (input2.value === '') return undefined;
    if (s.type === 'array') return input2.value.split(',').map((v) => v.trim()).filter(Boolean);
    return numeric ? Number(input2.value) : input2.value;
  }];
}

function resultTable(fc, onRow) {
  const features = fc.features || [];
  if (!features.length) return el('p', { class: 'muted', 'data-testid': 'plan-empty' }, t('planning.none'));
  const columns = Object.keys(features[0].properties || {}).slice(0, 6);
  return el('table', { 'data-testid': 'plan-results' },
    el('thead', {}, el('tr', {}, columns.map((c) => el('th', {}, c)))),
    el('tbody', {}, features.slice(0, 500).map((f) => el('tr', { tabindex: 0, onclick: () => onRow(f) },
      columns.map((c) => el('td', {}, f.properties[c] === null ? '' : String(f.properties[c])))))));
}

/** The formats a result can be downloaded in: f value and i18n key of the button. */
const EXPORTS = [['gpkg', 'planning.exportGpkg'], ['xlsx', 'planning.exportXlsx'], ['kml', 'planning.exportKml'],
  ['csv', 'planning.exportCsv']];

function exportButtons(jobId) {
  return el('p', { class: 'plan-exports', 'data-testid': 'plan-exports' }, [el('span', {}, t('planning.export')),
    ...EXPORTS.map(([f, key]) => el('a', { class: 'button', href: `/ogc/jobs/${jobId}/results?f=${f}`, download: '',
      'data-testid': `plan-export-${f}` }, t(key)))]);
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** Runs the process as a job (kept by the service, so its result can be downloaded later) and waits for it. */
async function runJob(processId, inputs) {
  const job = await send('POST', `/ogc/processes/${processId}/execution`, { inputs },
    { Prefer: 'respond-async' });
  let status = job;
  for (let wait = 100; status.status === 'accepted' || status.status === 'running'; wait = Math.min(wait * 2, 1000)) {
    await sleep(wait);
    status = await getJson(`/ogc/jobs/${job.jobID}`);
  }
  const results = await getJson(`/ogc/jobs/${job.jobID}/results`); // a failed job answers its problem here
  return { jobId: job.jobID, fc: results.result };
}

export async function planningSection(container, map) {
  const list = await getJson(`/ogc/processes?lang=${lang()}`);
  const picked = { values: {}, onPick: [] };
  let drawn = null;
  const select = el('select', { 'data-testid': 'plan-process' },
    // echo is OGC's test process (named outputs, nothing to draw): not a planner's question
    list.processes.filter((p) => p.id !== 'echo').map((p) => el('option', { value: p.id }, p.title)));
  const form = el('div', { class: 'plan-form' });
  const output = el('div', { class: 'plan-output', 'data-testid': 'plan-output' });
  const readers = {};
  const showForm = async () => {
    const d = await getJson(`/ogc/processes/${select.value}?lang=${lang()}`);
    picked.values = {};
    picked.onPick = [];
    clear(form);
    Object.keys(readers).forEach((k) => delete readers[k]);
    for (const [name, input] of Object.entries(d.inputs)) {
      const [node, read] = field(name, input, picked);
      readers[name] = read;
      append(form, [node]);
    }
  };
  map.on('click', (e) => {
    if (!picked.onPick.length) return;
    const g = { type: 'Point', coordinates: [e.latlng.lng, e.latlng.lat] };
    picked.onPick.forEach((f) => f(g));
  });
  const run = el('button', { type: 'button', 'data-testid': 'plan-run', onclick: async () => {
    const inputs = {};
    for (const [name, read] of Object.entries(readers)) {
      const v = read();
      if (v !== undefined) inputs[name] = v;
    }
    run.disabled = true;
    clear(output);
    try {
      const { jobId, fc } = await runJob(select.value, inputs);
      if (drawn) drawn.remove();
      drawn = L.geoJSON(fc, { pointToLayer: (f, ll) => L.circleMarker(ll, { radius: 7, color: '#D55E00' }),
        style: { color: '#D55E00', weight: 3 } }).addTo(map);
      const summary = el('p', { class: 'muted', 'data-testid': 'plan-summary' },
        t('planning.count', (fc.features || []).length));
      append(output, [summary, exportButtons(jobId), resultTable(fc, (f) => {
        if (f.geometry) map.fitBounds(L.geoJSON(f.geometry).getBounds(), { maxZoom: 16 });
      })]);
      document.body.dataset.planResult = String((fc.features || []).length);
    } catch (e) {
      append(output, [el('p', { class: 'error', 'data-testid': 'plan-error' }, e.message)]);
    } finally {
      run.disabled = false;
    }
  } }, t('planning.run'));
  select.addEventListener('change', showForm);
  append(container, [el('h2', {}, t('planning.title')), select, form, run, output]);
  container.hidden = false;
  await showForm();
  container.dataset.ready = 'true';
}
