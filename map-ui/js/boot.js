// The page's first requests, started as soon as this small module and its imports arrive: index.html loads it as
// an async module in <head>, so the configuration and the language's words are asked while the document, Leaflet
// and the other modules still load (app.js, a deferred module, runs only after all of them), and the site tiles
// can be asked ~0.2 s earlier. app.js imports the same module instance, so nothing is asked twice.
import { readState } from './state.js';
import { loadLanguage } from './i18n.js';
import { getJson } from './api.js';

export const state = readState();
state.lang = state.lang || localStorage.getItem('lang') || 'zh';

/** [language, configuration], both asked at once: the configuration only needs the language's code. */
export const started = Promise.all([loadLanguage(state.lang),
  getJson(`/api/ui/config?lang=${state.lang === 'en' ? 'en' : 'zh'}`)]);
// a failure is reported by app.js when it awaits this; not as an unhandled rejection before it does
started.catch(() => {});
