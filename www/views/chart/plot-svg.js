// Plot's SVG made fit for the page: no <style> element (a strict CSP refuses it), no labels on
// groups without a role, and the tspans that colour parts of a label.
import { node } from '../svg.js';

export function span(content, attributes) {
  return node('tspan', attributes, content);
}

/**
 * Plot's SVG without the <style> element Plot always adds (a strict CSP refuses it), and
 * without the labels Plot puts on its groups ("rule", "bar"): ARIA forbids a label on an
 * element with no role, and the chart is described once, as a whole, with its data table.
 */
export function adopt(chart) {
  for (const style of chart.querySelectorAll('style')) style.remove();
  for (const group of chart.querySelectorAll('[aria-label]:not([role])')) group.removeAttribute('aria-label');
  chart.removeAttribute('class');
  return chart;
}
