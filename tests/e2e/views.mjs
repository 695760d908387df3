// Reading the page's views in the end-to-end tests: the comparison table as text, and every
// page of a paged list.

/** Runs `collect` on each page of a paged list inside `scope` and returns all it found. */
export async function everyPage(scope, collect) {
  const found = [...await collect()];
  const pager = scope.locator('.pager').first();
  const next = pager.locator('button[data-page=next]');
  while (await next.count() && await next.isEnabled()) {
    const shown = await pager.locator('.pager-status').textContent();
    await next.click();
    // The next page is drawn once the engine answers, which may be after the click returns:
    // read it only when the pager says it is shown.
    await pager.locator('.pager-status').filter({ hasNotText: shown }).waitFor();
    found.push(...await collect());
  }
  return found;
}

/** The comparison table as text: header cells and, per row, the indicator and value cells. */
export async function tableText(page) {
  return page.locator('ict-compare table.compare').evaluate((table) => ({
    head: [...table.tHead.rows[0].cells].map((c) => c.textContent.trim()),
    rows: [...table.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim())),
  }));
}
