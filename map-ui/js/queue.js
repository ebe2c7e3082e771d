// The outbox of inspections: every inspection is stored in IndexedDB first and sent from there, so one made
// without signal (or with an expired session) waits on the phone and is sent once the connection is back.
// The client-made id makes a resend harmless: the server stores each id once.
import { send, HttpError } from './api.js';

const DB = 'gis-map';
const STORE = 'outbox';
let sending = null;
const listeners = new Set();

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function tx(mode, fn) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const t = db.transaction(STORE, mode);
    const result = fn(t.objectStore(STORE));
    t.oncomplete = () => { db.close(); resolve(result.result ?? result); };
    t.onerror = () => { db.close(); reject(t.error); };
  });
}

export const all = () => tx('readonly', (s) => s.getAll());
export const count = () => tx('readonly', (s) => s.count());
const put = (item) => tx('readwrite', (s) => s.put(item));
const remove = (id) => tx('readwrite', (s) => s.delete(id));

/** Called with the number waiting whenever it may have changed. */
export function onChange(fn) { listeners.add(fn); }

async function changed() {
  const n = await count();
  listeners.forEach((fn) => fn(n));
  return n;
}

/** Queues an inspection {id, siteId, form, photos: Blob[]} and tries to send the queue at once. */
export async function enqueue(item) {
  await put({ ...item, queuedAt: new Date().toISOString(), attempts: 0 });
  await changed();
  return flush();
}

/**
 * Sends what waits, one at a time. Returns {sent: [...results], failed: [...], needsLogin}. An item leaves the
 * queue when the server answered it (stored, or refused for good); it stays on network errors, server errors
 * and when the session has expired (401).
 */
export function flush() {
  if (!sending) sending = doFlush().finally(() => { sending = null; });
  return sending;
}

async function doFlush() {
  const outcome = { sent: [], failed: [], needsLogin: false };
  for (const item of await all()) {
    const body = new FormData();
    body.append('inspection', JSON.stringify(item.form));
    item.photos.forEach((p, i) => body.append('photos', p, `photo-${i + 1}.jpg`));
    try {
      const result = await send('POST', `/api/sites/${item.siteId}/inspections`, body);
      await remove(item.id);
      outcome.sent.push({ item, result });
    } catch (e) {
      if (!(e instanceof HttpError) || e.status >= 500 || e.status === 408 || e.status === 429) break;
      if (e.status === 401) { outcome.needsLogin = true; break; }
      await remove(item.id);
      outcome.failed.push({ item, error: e });
    }
  }
  await changed();
  return outcome;
}
