// Scale arithmetic for the SVG bar charts, free of React so it can be unit-tested.

/** The smallest "nice" number (1, 2 or 5 times a power of ten) at or above `value`. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    // Rounded so float noise (0.30000000000000004) does not pick the next step.
    const candidate = Number((step * power).toPrecision(12));
    if (candidate >= value) return candidate;
  }
  return 10 * power;
}

export interface Scale {
  /** The axis end: a multiple of `step`, at or above the largest value. */
  max: number;
  step: number;
  /** Tick values from 0 to `max`. */
  ticks: number[];
}

/**
 * An axis for values up to `largest`, with about `target` intervals. Counts
 * are whole numbers, so the step never goes below `minStep` (1 by default).
 */
export function scaleFor(largest: number, target = 4, minStep = 1): Scale {
  const step = Math.max(minStep, niceCeil(Math.max(largest, 0) / target));
  const max = Math.max(step, Math.ceil(Math.max(largest, 0) / step) * step);
  const ticks: number[] = [];
  for (let i = 0; i * step <= max + step / 1e6; i += 1) ticks.push(Number((i * step).toPrecision(12)));
  return { max, step, ticks };
}

/** `value` as a percentage of `max`, clamped to 0–100 (0 when `max` is not positive). */
export function percentOf(value: number, max: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.min(100, (value / max) * 100);
}

/** The largest value of any series in any row (0 for no data). */
export function largestValue(rows: { values: number[] }[]): number {
  return rows.reduce((most, row) => Math.max(most, ...row.values), 0);
}

/** `label` cut to at most `max` characters, an ellipsis marking the cut. */
export function shortLabel(label: string, max: number): string {
  return label.length > max ? `${label.slice(0, max - 1)}…` : label;
}
