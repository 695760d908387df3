// A reader's own CSV file, previewed next to the bundled figures and never sent anywhere.
//
// One file at a time: a second file *replaces* the first, and the page says so. Adding would
// let two files' ids meet (and the engine refuses a file that names what is already loaded),
// and a reader checking a corrected file wants the corrected figures, not both versions side
// by side. A file that fails to load changes nothing: the previous one stays, and the message
// says which is shown.
//
// Whatever ids the file uses, its figures are credited to the file: the engine refuses a file
// that names a bundled report or a bundled figure's id, and every view marks the reader's
// figures and names the file. Opening a file adds to the view only the few provinces and
// indicators with most of its figures, so the page's address stays short whatever the file.
import { loadTexts } from './engine.js';
import { loadSecondEngine, secondEngine, secondEngineWords } from './second-engine.js';
import { formatNumber } from './format.js';
import { messages } from './i18n.js';
import { renderNotice } from './app/chrome.js';

/** The largest CSV a reader may open: a provincial office's file is a few kilobytes. */
export const USER_FILE_LIMIT_MB = 10;

/** Provinces and indicators of a file added to the view when it opens (most figures first). */
export const ADDED_TO_VIEW = 8;

/**
 * Loads `file` in place of any earlier one; says what happened in the app's notice.
 * @param {import('./app.js').App} app
 * @param {File} file
 */
export async function openUserFile(app, file) {
  const t = messages(app.state.lang);
  const previous = app.userFile;
  app.userError = false;
  if (file.size > USER_FILE_LIMIT_MB * 1024 * 1024) {
    // Refused before it is read: a file still being read goes on.
    app.userError = true;
    app.userMessage = `${t.userTooLarge(file.name, USER_FILE_LIMIT_MB)}${previous ? ` ${t.userKept(previous)}` : ''}`;
    renderNotice(app);
    return;
  }
  const turn = nextTurn(app);
  // Say so before the engine reads it: a large file holds the page for a moment.
  app.userMessage = t.userReading;
  renderNotice(app);
  // Asked for now, so that the second module downloads while the file is read.
  const second = askForSecondEngine();
  const bytes = new Uint8Array(await file.arrayBuffer());
  // After the message is painted (or a tenth of a second, in a tab that paints nothing).
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
  const engine = await readyToRead(app, previous, second, turn);
  if (!engine) return;
  let merged;
  try {
    merged = engine.bundled().withUserFile(bytes, file.name);
  } catch (error) {
    app.userError = true;
    // The words for a refused file load when one is refused.
    const { errorPlace, errorSentence } = await import('./user-errors.js');
    const cause = error.cause ?? {};
    const where = errorPlace(cause, app.state.lang);
    const kept = previous ? ` ${t.userKept(previous)}` : '';
    const hint = cause.kind === 'bundledId' ? ` ${t.userBundledHint}` : '';
    app.userMessage = `${t.userFailed(file.name)}${where}: ${errorSentence(cause, app.state.lang, error.message)}.${hint}${kept}`;
    renderNotice(app);
    return;
  }
  const added = use(app, merged, file.name);
  const figures = formatNumber(added.figures, app.state.lang);
  app.userMessage = previous ? t.userReplaced(figures, file.name, previous) : t.userLoaded(figures, file.name);
  if (!keep(app, bytes, file.name)) app.userMessage += ` ${t.userNotKept}`;
  addToView(app, added);
}

/**
 * The figures a reader accepted from a report (rows of `observations.csv` the engine wrote) in
 * place of any earlier file, or none (`csv` empty) to go back to the bundled figures.
 * @param {import('./app.js').App} app
 * @param {string} csv
 * @param {string} name
 */
export function useReportFigures(app, csv, name) {
  if (!csv && !app.userFromReport) return;
  if (!csv) {
    clearUserFile(app);
    return;
  }
  // The assistant that wrote these rows is part of the engine's second module, so that module
  // is loaded; a refusal throws to the view, which shows it beside the figure, and changes
  // nothing else. Accepted, the rows replace any file still being read.
  const merged = secondEngine().bundled().withUserCsv(csv, name);
  nextTurn(app);
  const added = use(app, merged, name);
  app.userFromReport = true;
  app.userError = false;
  app.userMessage = null;
  keep(app, new TextEncoder().encode(csv), name);
  addToView(app, added);
}

/** The engine's second module, which reads a reader's file (second-engine.js), asked for now. */
function askForSecondEngine() {
  const second = loadSecondEngine();
  // Its failure is said when it is awaited (`engineOrSay`).
  second.catch(() => {});
  return second;
}

/**
 * The second module, once the first module's texts are attached and `second` has loaded, or
 * null when either could not be (the notice says so) or a file opened since `turn` replaces
 * this one, which is then dropped unread. A file waits for the texts, as it always has: the page
 * then has them whichever dataset it shows, the reader's or, once the file is removed, the
 * bundled alone.
 */
async function readyToRead(app, shown, second, turn, lang = app.state.lang) {
  if (!(await textsOrSay(app, shown, turn, lang)) || !current(app, turn)) return null;
  const engine = await engineOrSay(app, shown, second, turn, lang);
  return engine && current(app, turn) ? engine : null;
}

/**
 * Whether the bundled dataset's long texts are attached, fetching them if need be; when they
 * cannot be, the notice says so (and which file is still shown), unless the reader has moved
 * on since `turn`, and nothing else changes.
 */
async function textsOrSay(app, shown, turn, lang = app.state.lang) {
  try {
    await loadTexts();
    return true;
  } catch (error) {
    console.warn('ict-compare could not fetch its texts:', error);
    if (current(app, turn)) sayUnavailable(app, messages(lang).textsFailed, shown, lang);
    return false;
  }
}

/**
 * The engine's second module, which reads a reader's file, once `loading` settles; when it
 * could not be loaded, or is of another build than the page's, the notice says so (and which
 * file is still shown), unless the reader has moved on since `turn`, and it is null.
 */
async function engineOrSay(app, shown, loading, turn, lang = app.state.lang) {
  try {
    return await loading;
  } catch (error) {
    console.warn('ict-compare could not load its second module:', error);
    if (current(app, turn)) sayUnavailable(app, secondEngineWords(error, messages(lang)), shown, lang);
    return null;
  }
}

// Which opening of a file is the latest, for each app: one chosen while another was still
// being read replaces it, and the earlier one, when it arrives, changes nothing.
const turns = new WeakMap();

/** A new turn for the app's reader's figures; the ones before it are stale. */
function nextTurn(app) {
  const turn = (turns.get(app) ?? 0) + 1;
  turns.set(app, turn);
  return turn;
}

function current(app, turn) {
  return turns.get(app) === turn;
}

/** Says in the notice that `words`' part could not be loaded, and which file is still shown. */
function sayUnavailable(app, words, shown, lang) {
  app.userError = true;
  app.userMessage = `${words}${shown ? ` ${messages(lang).userKept(shown)}` : ''}`;
  if (app.notice) renderNotice(app);
}

/** Adds to the view the few provinces and indicators with most of the reader's figures. */
function addToView(app, added) {
  const provinces = app.toScheme(added.provinces.slice(0, ADDED_TO_VIEW), app.state.scheme);
  const indicators = added.indicators.slice(0, ADDED_TO_VIEW);
  // Only what the bundled data and the file both know stays chosen.
  app.update({
    provinces: [...new Set([...app.state.provinces.filter((p) => app.provinces.has(p)), ...provinces])],
    indicators: [...new Set([...app.state.indicators.filter((i) => app.indicators.has(i)), ...indicators])],
  });
}

/** Makes `merged` the app's dataset; returns what the reader's file added. */
function use(app, merged, name) {
  const added = merged.userFigures();
  if (app.dataset !== app.bundled) app.dataset.free();
  app.dataset = merged;
  app.userFile = name;
  app.userFromReport = false;
  app.userFigures = added;
  app.setCatalog(merged.catalog());
  app.resetPositions();
  return added;
}

// The page's address keeps the provinces and indicators a file added, so a reload must keep
// the file's figures too, or its columns come back empty. The file is kept in this tab's
// session storage (it never leaves the browser, and goes with the tab); a file too large for
// it is not kept, and the notice says so when it opens.
const KEPT = 'ict-compare:user-file';

/** Keeps the reader's file for a reload of the page; false when it cannot be kept. */
function keep(app, bytes, name) {
  if (!app.syncUrl) return true;
  try {
    sessionStorage.setItem(KEPT, JSON.stringify({ name, text: new TextDecoder().decode(bytes) }));
    return true;
  } catch {
    forget();
    return false;
  }
}

function forget() {
  try {
    sessionStorage.removeItem(KEPT);
  } catch {
    // Storage refused (a privacy setting): nothing was kept.
  }
}

/**
 * Reopens the file kept before a reload, leaving the view as the address says; says so in the
 * notice. @param {import('./app.js').App} app
 */
export async function reopenKeptFile(app) {
  if (!app.syncUrl) return;
  let kept;
  try {
    kept = JSON.parse(sessionStorage.getItem(KEPT) ?? 'null');
  } catch {
    kept = null;
  }
  if (!kept || typeof kept.name !== 'string' || typeof kept.text !== 'string') return;
  const lang = app.initialLang();
  const turn = nextTurn(app);
  // The reader's figures are part of the first view then; if what reads them cannot be
  // fetched, the file stays kept for the next reload and the notice says why.
  const engine = await readyToRead(app, null, askForSecondEngine(), turn, lang);
  if (!engine) return;
  try {
    const added = use(app, engine.bundled().withUserFile(new TextEncoder().encode(kept.text), kept.name), kept.name);
    app.userMessage = messages(lang).userReopened(formatNumber(added.figures, lang), kept.name);
  } catch {
    // The engine changed under a kept file (a new release): drop it rather than fail the page.
    forget();
  }
}

/** Back to the bundled figures alone. @param {import('./app.js').App} app */
export function clearUserFile(app) {
  nextTurn(app);
  forget();
  if (app.dataset !== app.bundled) app.dataset.free();
  app.dataset = app.bundled;
  app.userFile = null;
  app.userFromReport = false;
  app.userFigures = null;
  app.userMessage = null;
  app.userError = false;
  app.setCatalog(app.bundled.catalog());
  app.resetPositions();
  app.update({
    provinces: app.state.provinces.filter((p) => app.provinces.has(p)),
    indicators: app.state.indicators.filter((i) => app.indicators.has(i)),
  });
}

