// The report's text beside its candidates: every proposed figure marked where it is written,
// the chosen candidate's quote highlighted in place, and the numbers set aside with the
// engine's reason. Offsets come from the engine in UTF-16 code units, as JavaScript counts.
import { messages } from '../i18n.js';
import { addReportWords } from '../i18n/add-report.js';

/** The most set-aside numbers listed; a long text has thousands of dates and codes. */
const MAX_LISTED = 400;

/**
 * @param {HTMLElement} pane
 * @param {{extraction: import('../../pkg/ict_compare_full.js').Extraction, decisions: {status: string|null}[],
 *   selected: number|null, lang: 'vi'|'en', onPick: (index: number) => void}} model
 */
export function renderText(pane, { extraction, decisions, selected, lang, onPick }) {
  const t = addReportWords(lang);
  const { text, candidates } = extraction;
  const quote = selected != null ? candidates[selected]?.quoteSpan : null;
  const cuts = new Set([0, text.length]);
  for (const c of candidates) {
    cuts.add(c.span.start);
    cuts.add(c.span.end);
  }
  if (quote) {
    cuts.add(quote.start);
    cuts.add(quote.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Candidates in order of their spans, which never overlap.
  let next = 0;
  const body = document.createElement('div');
  body.className = 'report-text';
  body.lang = 'vi';
  body.tabIndex = 0;
  body.setAttribute('role', 'region');
  body.setAttribute('aria-label', t.textLabel);
  let quoteEl = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    while (next < candidates.length && candidates[next].span.end <= from) next++;
    const piece = text.slice(from, to);
    const inQuote = quote && from >= quote.start && to <= quote.end;
    if (inQuote && !quoteEl) {
      quoteEl = document.createElement('mark');
      quoteEl.className = 'quote-current';
      body.append(quoteEl);
    }
    const parent = inQuote ? quoteEl : body;
    const candidate = candidates[next];
    if (candidate && candidate.span.start <= from && to <= candidate.span.end) {
      const index = next;
      const mark = document.createElement('span');
      mark.className = `figure ${decisions[index]?.status ?? ''}`.trim();
      if (index === selected) mark.classList.add('current');
      mark.dataset.index = String(index);
      mark.textContent = piece;
      mark.addEventListener('click', () => onPick(index));
      parent.append(mark);
    } else {
      parent.append(piece);
    }
  }
  pane.replaceChildren(body);
  if (quoteEl) quoteEl.scrollIntoView?.({ block: 'nearest' });
}

/**
 * The numbers the engine set aside, each with its reason.
 * @param {import('../../pkg/ict_compare_full.js').Rejected[]} rejected
 * @param {'vi'|'en'} lang
 */
export function setAsideList(rejected, lang) {
  const t = addReportWords(lang);
  const details = document.createElement('details');
  details.className = 'set-aside';
  const summary = document.createElement('summary');
  summary.textContent = t.setAside(rejected.length);
  const list = document.createElement('ul');
  for (const r of rejected.slice(0, MAX_LISTED)) {
    const item = document.createElement('li');
    const written = document.createElement('span');
    written.lang = 'vi';
    written.className = 'written';
    written.textContent = r.written;
    item.append(written, ` — ${t.reasons[r.reason] ?? r.reason}`);
    list.append(item);
  }
  if (rejected.length > MAX_LISTED) {
    const more = document.createElement('li');
    more.textContent = '…';
    list.append(more);
  }
  details.append(summary, list);
  return details;
}
