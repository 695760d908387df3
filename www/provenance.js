// The source behind a number: on hover, focus or tap, a small panel with the verbatim quote,
// the report, its outlet and date — or, for a figure of a published table, the table, row,
// column and cell, the publisher's page and the credit it asks for — and how a derived value
// was computed.
import { formatPeriod } from './format.js';
import { messages } from './i18n.js';
import { publisherLink } from './links.js';

/**
 * Builds the panel's content for a figure.
 * @param {import('../pkg/ict_compare.js').Figure} figure
 * @param {{sources: Map<string, any>, provinces: Map<string, any>, lang: 'vi'|'en'}} context
 */
export function provenanceContent(figure, { sources, provinces, lang }) {
  const t = messages(lang);
  const fragment = document.createDocumentFragment();
  if (figure.derived) {
    const note = document.createElement('p');
    note.className = 'derived-note';
    const d = figure.derived;
    const names = figure.provenance.map((p) => provinces.get(p.province)?.name ?? p.province).join(', ');
    const parts = [];
    if (d.kind === 'rollUp' || d.members > 1) {
      parts.push(t.derivedRollUp(d.reported, d.members, names));
    }
    if (d.kind === 'perCapita' && d.populationYear) parts.push(t.derivedPerCapita(d.populationYear));
    if (d.reported < d.members) parts.push(t.partial(d.reported, d.members));
    note.textContent = parts.join('. ');
    fragment.append(note);
  }
  for (const p of figure.provenance) {
    const source = sources.get(p.source);
    if (p.cell) {
      fragment.append(cellBlock(p, source, figure.provenance.length > 1 ? provinces.get(p.province)?.name ?? p.province : '', t));
      continue;
    }
    const block = document.createElement('figure');
    block.className = 'quote';
    const quote = document.createElement('blockquote');
    quote.lang = 'vi';
    quote.textContent = `“${p.quote}”`;
    const caption = document.createElement('figcaption');
    const where = [];
    if (figure.provenance.length > 1) where.push(provinces.get(p.province)?.name ?? p.province);
    if (source && p.origin === 'bundled' && source.origin === 'bundled') {
      where.push(source.title, source.outlet, formatPeriod(source.published));
    } else {
      // A reader's figure is credited to the reader's file, whatever its source id says.
      where.push(`${t.userSource}: ${source?.file || p.source}`, p.source);
    }
    caption.textContent = where.filter(Boolean).join(' · ');
    block.append(quote, caption);
    fragment.append(block);
  }
  return fragment;
}

/** A figure read from a published table: the table, row, column and cell, and the credit. */
function cellBlock(p, source, province, t) {
  const block = document.createElement('figure');
  block.className = 'table-cell';
  const list = document.createElement('dl');
  const rows = [
    [t.tableCell.table, source?.title ?? p.source, 'vi'],
    [t.tableCell.row, p.cell.row, 'vi'],
    [t.tableCell.column, p.cell.column, ''],
    [t.tableCell.cell, p.cell.text, ''],
  ];
  for (const [label, value, lang] of rows) {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    if (lang) detail.lang = lang;
    list.append(term, detail);
  }
  const caption = document.createElement('figcaption');
  const credit = [province, source?.table?.attribution ?? p.source].filter(Boolean).join(' · ');
  caption.append(credit);
  const link = publisherLink(source?.url, t.publisherPage);
  if (link) caption.append(' · ', link);
  block.append(list, caption);
  return block;
}

/** How long a hovered quote stays after the pointer leaves, so that it can be reached. */
const LINGER_MS = 250;

/**
 * A popover anchored to a button; one per app, reused. Opened by a click it is pinned and
 * stays until closed; opened by a hover it follows the pointer: it goes when the pointer leaves
 * the number (unless it moves onto the quote), so that it never shows one number's quote
 * beside another.
 */
export class ProvenancePopover {
  /** @param {HTMLElement} frame the element the popover is drawn inside when no panel holds the anchor */
  constructor(frame, lang) {
    this.frame = frame;
    this.pinned = false;
    this.timer = 0;
    this.panel = document.createElement('div');
    this.panel.className = 'provenance';
    this.panel.setAttribute('role', 'dialog');
    this.panel.hidden = true;
    this.body = document.createElement('div');
    this.closeButton = document.createElement('button');
    this.closeButton.type = 'button';
    this.closeButton.className = 'close';
    this.closeButton.addEventListener('click', () => this.hide(true));
    this.panel.append(this.closeButton, this.body);
    this.setLang(lang);
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.hide(true);
    });
    this.panel.addEventListener('mouseenter', () => clearTimeout(this.timer));
    this.panel.addEventListener('mouseleave', () => this.leave(this.anchor));
  }

  setLang(lang) {
    const t = messages(lang);
    this.closeButton.textContent = '×';
    this.closeButton.setAttribute('aria-label', t.close);
    this.panel.setAttribute('aria-label', t.quote);
  }

  /** Whether a quote opened by a click is on screen. */
  isPinned() {
    return this.pinned && !this.panel.hidden;
  }

  /**
   * Shows `content` under `anchor`, inside the panel that holds it (which scrolls with it) or
   * the app's frame, kept within the frame's width.
   */
  show(anchor, content, { focus = false, pinned = true } = {}) {
    clearTimeout(this.timer);
    if (this.anchor && this.anchor !== anchor) this.anchor.setAttribute('aria-expanded', 'false');
    this.anchor = anchor;
    this.pinned = pinned;
    this.body.replaceChildren(content);
    this.panel.hidden = false;
    const host = anchor.closest('.panel') ?? this.frame;
    if (this.panel.parentNode !== host) host.append(this.panel);
    const box = anchor.getBoundingClientRect();
    const frame = host.getBoundingClientRect();
    const width = this.panel.offsetWidth;
    const left = Math.max(0, Math.min(box.left - frame.left + host.scrollLeft, frame.width - width));
    this.panel.style.left = `${left}px`;
    this.panel.style.top = `${box.bottom - frame.top + host.scrollTop + 6}px`;
    anchor.setAttribute('aria-expanded', 'true');
    if (focus) {
      this.closeButton.focus({ preventScroll: true });
      this.panel.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  /** The pointer left `anchor` (or the quote): a hovered quote goes, a pinned one stays. */
  leave(anchor) {
    if (this.pinned || anchor !== this.anchor) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), LINGER_MS);
  }

  hide(returnFocus = false) {
    clearTimeout(this.timer);
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.pinned = false;
    this.anchor?.setAttribute('aria-expanded', 'false');
    if (returnFocus) this.anchor?.focus();
  }
}
