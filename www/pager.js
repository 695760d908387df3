// One page of a long list at a time: "21–40 of 100 000" with previous and next. Long lists (a
// reader's file may hold a hundred thousand figures or twenty thousand sources) are asked of
// the engine a page at a time and drawn a page at a time, so that no view holds more than a
// screenful of rows and no action blocks the page.
import { formatNumber } from './format.js';
import { messages } from './i18n.js';

/** Rows drawn at once in any list: about a screenful. */
export const PAGE_ROWS = 20;

/**
 * A navigation bar for a list of `total` items showing `offset`…`offset + limit`, or null when
 * everything fits on one page.
 * @param {{total: number, offset: number, limit: number, lang: 'vi'|'en', label: string,
 *          onPage: (offset: number, button: string) => void}} options
 */
export function pager({ total, offset, limit, lang, label, onPage }) {
  if (total <= limit && offset === 0) return null;
  const t = messages(lang);
  const nav = document.createElement('nav');
  nav.className = 'pager';
  nav.setAttribute('aria-label', label);
  const button = (text, target, name) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.dataset.page = name;
    b.disabled = target < 0 || target >= total || target === offset;
    b.addEventListener('click', () => onPage(target, name));
    return b;
  };
  const last = Math.max(0, Math.floor((total - 1) / limit) * limit);
  const status = document.createElement('span');
  status.className = 'pager-status';
  status.setAttribute('aria-live', 'polite');
  const end = Math.min(total, offset + limit);
  status.textContent = t.pageOf(formatNumber(Math.min(offset + 1, total), lang), formatNumber(end, lang), formatNumber(total, lang));
  nav.append(
    button(t.pageFirst, 0, 'first'),
    button(t.pagePrevious, Math.max(0, offset - limit), 'previous'),
    status,
    button(t.pageNext, offset + limit, 'next'),
    button(t.pageLast, last, 'last'),
  );
  return nav;
}

/**
 * After a redraw, puts the focus back on the pager button that was pressed (`first`,
 * `previous`, `next`, `last`), or on the nearest one still enabled, so that a keyboard reader
 * can keep paging.
 * @param {ParentNode} scope @param {string} button
 */
export function refocus(scope, button) {
  const pager = scope.querySelector('.pager');
  if (!pager) return;
  const same = /** @type {HTMLButtonElement | null} */ (pager.querySelector(`button[data-page="${button}"]:not(:disabled)`));
  const next = [...pager.querySelectorAll('button:not(:disabled)')].map((b) => /** @type {HTMLButtonElement} */ (b));
  (same ?? (button === 'next' || button === 'last' ? next.at(-1) : next[0]))?.focus();
}
