// Embedding the view: the element and iframe snippets, each with a Copy button, the portal's
// fallback (the table on screen and a link), where to host the files and the policy line to add,
// and a live preview. Loaded when the dialog is first opened. The snippets carry only the view,
// never a reader's data.
import { messages } from './i18n.js';
import { shareUrl } from './share.js';

/** The view's attributes for `<ict-compare>`, in the order the README lists them. */
function attributesOf(state) {
  return [
    ['provinces', state.provinces.join(',')],
    ['indicators', state.indicators.join(',')],
    ['lang', state.lang],
    ['tab', state.tab],
    ...(state.period !== 'latest' ? [['period', state.period]] : []),
    ...(state.scheme !== 'p63' ? [['scheme', state.scheme]] : []),
    ...(state.focus ? [['focus', state.focus]] : []),
    ...(state.province ? [['province', state.province]] : []),
    ...(state.perCapita ? [['per-capita', '']] : []),
  ];
}

const escape = (v) => String(v).replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The fallback a portal keeps inside the element: the comparison table on screen as plain
 * rows (at most a dozen) and a link to the full view. It shows before the engine is ready,
 * and stays where it cannot start (no WebAssembly, a blocked file).
 */
function fallbackMarkup(app, base) {
  const t = messages(app.state.lang);
  const table = app.root.querySelector('table.compare');
  const lines = [];
  if (table) {
    const rows = [...table.querySelectorAll('tr')].slice(0, 13).map((tr) =>
      [...tr.children].map((cell) => {
        const tag = cell.tagName === 'TH' ? 'th' : 'td';
        return `<${tag}>${escape(cell.textContent.replace(/\s+/g, ' ').trim())}</${tag}>`;
      }).join(''));
    lines.push(`  <table>\n${rows.map((r) => `    <tr>${r}</tr>`).join('\n')}\n  </table>`);
  }
  lines.push(`  <p><a href="${escape(shareUrl(app, base))}">${escape(t.embedFallbackLink)}</a></p>`);
  return lines.join('\n');
}

/** The element and iframe snippets for the view on screen. */
export function embedSnippets(app, base) {
  const { state } = app;
  const script = new URL('ict-compare.js', base).href;
  const attributes = attributesOf(state).map(([k, v]) => (v === '' ? k : `${k}="${escape(v)}"`)).join(' ');
  const element = `<script type="module" src="${escape(script)}"></script>\n<ict-compare ${attributes}>\n${fallbackMarkup(app, base)}\n</ict-compare>`;
  const iframe = `<iframe src="${escape(shareUrl(app, base, { embed: true }))}" title="ict-compare" width="100%" height="720" loading="lazy"></iframe>`;
  return { element, iframe };
}

/** Opens the app's embed dialog: where to host the files, both snippets, each with a Copy button, and a live preview. */
export function showEmbed(app, base) {
  const t = messages(app.state.lang);
  const { element, iframe } = embedSnippets(app, base);
  const heading = document.createElement('h3');
  heading.textContent = t.embedTitle;
  const hosting = document.createElement('p');
  hosting.className = 'embed-hosting';
  hosting.textContent = t.embedHosting;
  const csp = document.createElement('code');
  csp.className = 'embed-csp';
  csp.textContent = "script-src 'self' 'wasm-unsafe-eval'";
  const cspNote = document.createElement('p');
  cspNote.append(`${t.embedCsp} `, csp);
  const block = (label, text, name) => {
    const wrap = document.createElement('div');
    wrap.className = 'embed-snippet';
    const caption = document.createElement('label');
    caption.textContent = label;
    const area = document.createElement('textarea');
    area.readOnly = true;
    area.rows = name === 'element' ? 8 : 3;
    area.name = name;
    area.value = text;
    caption.append(area);
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.dataset.copy = name;
    copy.textContent = t.copy;
    const status = document.createElement('span');
    status.className = 'copy-status';
    status.setAttribute('aria-live', 'polite');
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(area.value);
        status.textContent = t.copied;
      } catch {
        // Where the clipboard is refused, the text is selected for Ctrl+C.
        area.focus();
        area.select();
        status.textContent = t.copyByHand;
      }
    });
    wrap.append(caption, copy, status);
    return wrap;
  };
  // The preview is the element itself with the snippet's attributes: what the portal will show.
  const previewHeading = document.createElement('h4');
  previewHeading.textContent = t.embedPreview;
  const preview = document.createElement('ict-compare');
  preview.className = 'embed-preview';
  for (const [k, v] of attributesOf(app.state)) preview.setAttribute(k, v);
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = t.close;
  close.addEventListener('click', () => app.embedDialog.close());
  app.embedDialog.replaceChildren(heading, hosting, cspNote, block(t.embedScript, element, 'element'), block(t.embedIframe, iframe, 'iframe'), previewHeading, preview, close);
  app.embedDialog.addEventListener('close', () => preview.remove(), { once: true });
  app.embedDialog.showModal();
}
