// zh-CN first, English second: the page's own words from i18n/*.json, server labels as {zh, en}.
let lang = 'zh';
let words = {};
let fallback = {};

export async function loadLanguage(requested) {
  lang = requested === 'en' ? 'en' : 'zh';
  const get = async (l) => (await fetch(`i18n/${l === 'en' ? 'en' : 'zh-CN'}.json`)).json();
  fallback = await get('zh');
  words = lang === 'zh' ? fallback : await get('en');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  return lang;
}

export const currentLang = () => lang;

/** The page's word for key, with {0}, {1}… filled in. */
export function t(key, ...args) {
  const text = words[key] ?? fallback[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => (args[i] ?? ''));
}

/** A server label {zh, en} in the current language. */
export function label(l, code) {
  if (!l) return code ?? '';
  return (lang === 'en' ? l.en : l.zh) ?? l.zh ?? code ?? '';
}

export function applyStaticText(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
}
