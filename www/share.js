// Sharing the view: a link that reopens it (the snippets that embed it are in embed.js). It
// carries only the view (provinces, indicators, tab…), never a reader's data, so it stays short
// whatever file is open.
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
