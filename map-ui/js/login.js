// The sign-in page: fills in the CSRF token and tells the inspector how many inspections still wait to be sent.
import { loadLanguage, applyStaticText, t } from './i18n.js';
import { getJson } from './api.js';
import { count } from './queue.js';
import { $ } from './dom.js';

async function start() {
  await loadLanguage(new URLSearchParams(location.search).get('lang') || localStorage.getItem('lang'));
  applyStaticText();
  document.title = t('login.title');
  const config = await getJson('/api/ui/config');
  const hidden = $('input[type=hidden]');
  hidden.name = config.csrf.parameter;
  hidden.value = config.csrf.token;
  $('#login-error').hidden = !new URLSearchParams(location.search).has('error');
  const waiting = await count();
  if (waiting > 0) {
    $('#login-outbox').hidden = false;
    $('#login-outbox').textContent = t('outbox.waitingLogin', waiting);
  }
  document.body.dataset.ready = 'true';
}

start();
