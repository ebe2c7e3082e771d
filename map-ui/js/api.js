// Talks to the service: JSON reads, session writes with the CSRF token from /api/ui/config.
let csrf = null;

export function setCsrf(c) { csrf = c; }

export const csrfHeader = () => csrf;

export class HttpError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function problemOf(res) {
  try { return await res.json(); } catch { return null; }
}

export async function getJson(url) {
  const res = await fetch(url, { headers: { Accept: 'application/json, application/geo+json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
  if (!res.ok) throw new HttpError(res.status, await problemOf(res));
  return res.json();
}

/** A write with the session cookie and CSRF header; network failures surface as TypeError. */
export async function send(method, url, body, headers = {}) {
  const h = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...headers };
  if (csrf) h[csrf.header] = csrf.token;
  if (body && !(body instanceof FormData)) {
    h['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  const res = await fetch(url, { method, body, headers: h, credentials: 'same-origin' });
  if (!res.ok) throw new HttpError(res.status, await problemOf(res));
  return res.status === 204 ? null : res.json();
}
