// The indicator the chart and the map draw, read by the tabs and by the controls around them
// (which options apply to it) without loading the tabs' code.

/** The focus if chosen, else the first chosen indicator with figures, else the first chosen. */
export function focusIndicator(app) {
  if (app.state.focus && app.state.indicators.includes(app.state.focus)) return app.state.focus;
  return app.state.indicators.find((id) => (app.coverage.get(id)?.provinces.length ?? 0) > 0) ?? app.state.indicators[0] ?? null;
}
