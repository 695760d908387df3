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
import { formatNumber } from './format.js';
import { messages } from './i18n.js';

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
    app.userError = true;
    app.userMessage = `${t.userTooLarge(file.name, USER_FILE_LIMIT_MB)}${previous ? ` ${t.userKept(previous)}` : ''}`;
    app.renderNotice();
    return;
  }
  // Say so before the engine reads it: a large file holds the page for a moment.
  app.userMessage = t.userReading;
  app.renderNotice();
  const bytes = new Uint8Array(await file.arrayBuffer());
  // After the message is painted (or a tenth of a second, in a tab that paints nothing).
  await new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });
  let merged;
  try {
    merged = app.bundled.withUserFile(bytes, file.name);
  } catch (error) {
    app.userError = true;
    const cause = error.cause ?? {};
    const where = cause.line ? ` (${t.userAt(cause.line, cause.column)})` : '';
    const kept = previous ? ` ${t.userKept(previous)}` : '';
    const hint = cause.kind === 'bundledId' ? ` ${t.userBundledHint}` : '';
    app.userMessage = `${t.userFailed(file.name)}${where}: ${cause.message ?? error.message}.${hint}${kept}`;
    app.renderNotice();
    return;
  }
  const figures = formatNumber(merged.userFigures().figures, app.state.lang);
  app.userMessage = previous ? t.userReplaced(figures, file.name, previous) : t.userLoaded(figures, file.name);
  show(app, merged, file.name, false);
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
  app.userError = false;
  app.userMessage = null;
  show(app, app.bundled.withUserCsv(csv, name), name, true);
}

/** Shows `merged` (the bundled figures and a reader's) in place of what was shown. */
function show(app, merged, name, fromReport) {
  const added = merged.userFigures();
  if (app.dataset !== app.bundled) app.dataset.free();
  app.dataset = merged;
  app.userFile = name;
  app.userFigures = added;
  app.userFromReport = fromReport;
  app.setCatalog(merged.catalog());
  app.resetPositions();
  const provinces = app.toScheme(added.provinces.slice(0, ADDED_TO_VIEW), app.state.scheme);
  const indicators = added.indicators.slice(0, ADDED_TO_VIEW);
  // Only what the bundled data and the file both know stays chosen.
  app.update({
    provinces: [...new Set([...app.state.provinces.filter((p) => app.provinces.has(p)), ...provinces])],
    indicators: [...new Set([...app.state.indicators.filter((i) => app.indicators.has(i)), ...indicators])],
  });
}

/** Back to the bundled figures alone. @param {import('./app.js').App} app */
export function clearUserFile(app) {
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

