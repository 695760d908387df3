// What a number and an "i" open: a figure's sources and an indicator's definition. Both are
// among the dataset's long texts, fetched once (engine.js `loadTexts`): a popover asked for
// before they arrive opens when they do, unless the reader has moved on meanwhile (asked for
// another, pressed Escape, clicked elsewhere, changed the view or the dataset, or moved the
// pointer off the number a hover asked for).
import { loadTexts } from '../engine.js';
import { indicatorName, messages } from '../i18n.js';
import { provenanceContent } from '../provenance.js';

/**
 * Shows the sources of `figure`: asked of the engine by its `ref` (a table's cell, a ranking's
 * bar), or as given (a profile's figure carries its own). A click opens them and keeps them
 * open; a hover shows them while the pointer is on the number (or on the quote), never over a
 * quote the reader opened by clicking, nor in place of one still on its way.
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor
 * @param {any} figure
 */
export async function openFigure(app, anchor, figure, { focus = false, hover = false, leave = false } = {}) {
  if (leave) {
    if (app.opening?.hover) app.opening = null;
    app.popover.leave(anchor);
    return;
  }
  if (hover && (app.popover.isPinned() || app.opening?.hover === false)) return;
  const opening = (app.opening = { hover, dataset: app.dataset });
  const full = figure.ref ? await withTexts(() => opening.dataset.provenance(figure.ref)) : figure;
  if (!stillAsked(app, opening, anchor)) return;
  // A failure is said to a reader who clicked; a passing pointer is not stopped by it.
  if (!full && hover) return;
  const content = full
    ? provenanceContent(full, { sources: app.sources, provinces: app.provinces, lang: app.state.lang })
    : failed(app);
  app.opening = null;
  app.popover.show(anchor, content, { focus, pinned: !hover });
}

/**
 * Shows what `indicator` counts and how its figures are made.
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor
 * @param {any} indicator
 */
export async function openDefinition(app, anchor, indicator) {
  const opening = (app.opening = { hover: false, dataset: app.dataset });
  const definition = await withTexts(() => opening.dataset.definition(indicator.id));
  if (!stillAsked(app, opening, anchor)) return;
  const lang = app.state.lang;
  const box = document.createElement('div');
  box.className = 'definition';
  const name = document.createElement('strong');
  name.textContent = indicatorName(indicator, lang);
  box.append(name);
  if (!definition) box.append(failed(app));
  const texts = definition ? (lang === 'en' ? [definition.definitionEn, definition.methodologyEn] : [definition.definitionVi, definition.methodologyVi]) : [];
  texts.forEach((text, i) => {
    if (!text) return;
    const paragraph = document.createElement('p');
    if (i === 1) paragraph.className = 'methodology';
    paragraph.textContent = text;
    box.append(paragraph);
  });
  app.opening = null;
  app.popover.show(anchor, box, { focus: true });
}

/** Forgets the popover on its way, if any: the reader dismissed it or the view changed. */
export function cancelOpening(app) {
  app.opening = null;
}

/**
 * Whether the popover `opening` asked for is still wanted: no other was asked for since, it
 * was not dismissed, its number is still on screen, and the dataset that answered is the one
 * shown (a reader's file opened meanwhile replaces it, and frees the old one).
 */
function stillAsked(app, opening, anchor) {
  return opening === app.opening && anchor.isConnected && opening.dataset === app.dataset;
}

/**
 * Whether the long texts are attached, fetching them if need be; when they cannot be, says so
 * beside `anchor` (the button the reader pressed).
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor
 */
export async function textsReady(app, anchor) {
  if ((await withTexts(() => true))) {
    // A failure said beside this button earlier is no longer true.
    if (app.popover.anchor === anchor) app.popover.hide();
    return true;
  }
  app.popover.show(anchor, failed(app), { focus: true });
  return false;
}

/**
 * Whether the views' engine is in use (for a download), loading it if need be; when it cannot
 * be, says so beside `anchor` (the button the reader pressed).
 * @param {import('../app.js').App} app
 * @param {HTMLElement} anchor
 */
export async function viewsReady(app, anchor) {
  try {
    await app.useViews();
    return true;
  } catch (error) {
    app.popover.show(anchor, failed(app, error.message), { focus: true });
    return false;
  }
}

/**
 * The engine's answer once the texts are attached, or null when they could not be fetched or
 * the engine refused (a bug; the console says which).
 */
async function withTexts(ask) {
  try {
    await loadTexts();
    return ask();
  } catch (error) {
    console.warn('ict-compare could not answer with its texts:', error);
    return null;
  }
}

function failed(app, text = messages(app.state.lang).textsFailed) {
  const note = document.createElement('p');
  note.setAttribute('role', 'alert');
  note.textContent = text;
  return note;
}
