// Where things go on the line chart: the value grid's round steps, the years that fit under the
// axis, and the end labels moved apart. Geometry only: nothing here knows what is drawn.

/**
 * Round steps (1, 2, 2.5 or 5 times a power of ten) covering `low`…`high` in about `count`
 * intervals; a single value gets a band around it.
 * @returns {{min: number, max: number, ticks: number[]}}
 */
export function niceScale(low, high, count) {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return { min: 0, max: 1, ticks: [0, 1] };
  if (low === high) {
    const pad = Math.abs(low) * 0.1 || 1;
    [low, high] = [low - pad, high + pad];
  }
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  const ticks = [];
  // Ticks by index, rounded to the step's decimals, so that 0.1 + 0.2 is written 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = 0; min + i * step <= max + step / 1e6; i++) ticks.push(Number((min + i * step).toFixed(decimals)));
  return { min, max, ticks };
}

/**
 * The years whose labels fit side by side: the first always, then each one clear of the last
 * kept; the last year replaces the one before it when both cannot be shown.
 * @param {number[]} years @param {(year: number) => number} x @param {(year: number) => number} width
 */
export function spacedYears(years, x, width) {
  const kept = [];
  for (const year of years) {
    const previous = kept.at(-1);
    if (previous == null || x(year) - width(year) / 2 >= x(previous) + width(previous) / 2) kept.push(year);
    else if (year === years.at(-1) && kept.length > 1) kept[kept.length - 1] = year;
  }
  return kept;
}

/**
 * Centres for labels of the given heights, each as near its target as it can be without
 * overlapping another, all between `top` and `bottom`. Returned in the order given.
 * @param {{target: number, height: number}[]} labels
 * @returns {number[]}
 */
export function layoutLabels(labels, top, bottom) {
  const gap = 2;
  const order = labels.map((label, index) => ({ ...label, index })).sort((a, b) => a.target - b.target);
  // Downwards from the top: each label starts at its target or under the one above.
  let edge = top;
  const starts = order.map((label) => {
    const start = Math.max(edge, label.target - label.height / 2);
    edge = start + label.height + gap;
    return start;
  });
  // Upwards from the bottom: whatever went past it is pushed back up.
  edge = bottom;
  for (let i = order.length - 1; i >= 0; i--) {
    starts[i] = Math.min(starts[i], edge - order[i].height);
    edge = starts[i] - gap;
  }
  const centres = new Array(labels.length);
  order.forEach((label, i) => {
    centres[label.index] = starts[i] + label.height / 2;
  });
  return centres;
}
