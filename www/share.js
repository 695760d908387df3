// Sharing the view: a link that reopens it, and the snippets that embed it (the element or an
// iframe). Both carry only the view (provinces, indicators, tab…), never a reader's data, so
// they stay short whatever file is open.
import { messages } from './i18n.js';
import { serializeState } from './state.js';

/** The address of the view on screen (`embed` adds the iframe's flag). */
export function shareUrl(app, base, { embed = false } = {}) {
  const page = app.syncUrl ? new URL(location.href) : new URL('index.html', base);
  const query = serializeState(app.state);
  page.search = embed ? (query ? `${query}&embed=1` : 'embed=1') : query;
  page.hash = '';
  return page.href;
}

/** Copies the view's address, or shows it where the clipboard is refused. */
export async function share(app, base) {
  const t = messages(app.state.lang);
  const url = shareUrl(app, base);
  try {
    await navigator.clipboard.writeText(url);
    app.shareStatus.textContent = t.shareCopied;
  } catch {
    app.shareStatus.textContent = url;
  }
}

/** The element and iframe snippets for the view on screen. */
export function embedSnippets(app, base) {
  const { state } = app;
  const script = new URL('ict-compare.js', base).href;
  const attributes = [
    ['provinces', state.provinces.join(',')],
    ['indicators', state.indicators.join(',')],
    ['lang', state.lang],
    ['tab', state.tab],
    ...(state.period !== 'latest' ? [['period', state.period]] : []),
    ...(state.scheme !== 'p63' ? [['scheme', state.scheme]] : []),
    ...(state.focus ? [['focus', state.focus]] : []),
    ...(state.province ? [['province', state.province]] : []),
  ];
  const escape = (v) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  const element = `<script type="module" src="${escape(script)}"></script>\n<ict-compare ${attributes.map(([k, v]) => `${k}="${escape(v)}"`).join(' ')}${state.perCapita ? ' per-capita' : ''}></ict-compare>`;
  const iframe = `<iframe src="${escape(shareUrl(app, base, { embed: true }))}" title="ict-compare" width="100%" height="720" loading="lazy"></iframe>`;
  return { element, iframe };
}

/** Opens the app's embed dialog with both snippets. */
export function showEmbed(app, base) {
  const t = messages(app.state.lang);
  const { element, iframe } = embedSnippets(app, base);
  const heading = document.createElement('h3');
  heading.textContent = t.embedTitle;
  const block = (label, text, name) => {
    const wrap = document.createElement('label');
    wrap.textContent = label;
    const area = document.createElement('textarea');
    area.readOnly = true;
    area.rows = 4;
    area.name = name;
    area.value = text;
    wrap.append(area);
    return wrap;
  };
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t.close;
  close.addEventListener('click', () => app.embedDialog.close());
  app.embedDialog.replaceChildren(heading, block(t.embedScript, element, 'element'), block(t.embedIframe, iframe, 'iframe'), close);
  app.embedDialog.showModal();
}
