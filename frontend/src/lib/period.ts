// Report periods: presets counted in the agency's calendar (WITA, see
// format.ts), as YYYY-MM-DD days the API reads as agency-local.
export const PRESETS = ['this_month', 'last_month', 'this_quarter', 'this_year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Period {
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whether `value` is a real calendar day written as YYYY-MM-DD. */
export function isDay(value: string | null | undefined): value is string {
  if (!value || !DAY.test(value)) return false;
  const [y, m, d] = parts(value);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The period of a preset, given today's agency-local day. Running periods
 * (this month, quarter, year) end today: later days have no data yet.
 */
export function presetPeriod(preset: Exclude<Preset, 'custom'>, today: string): Period {
  const [y, m] = parts(today);
  switch (preset) {
    case 'this_month':
      return { from: ymd(y, m, 1), to: today };
    case 'last_month': {
      const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: ymd(ly, lm, 1), to: ymd(ly, lm, lastDayOfMonth(ly, lm)) };
    }
    case 'this_quarter':
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today };
    case 'this_year':
      return { from: ymd(y, 1, 1), to: today };
  }
}

/** The first day of the month `back` months before today's (0: this month). */
export function monthStart(today: string, back = 0): string {
  const [y, m] = parts(today);
  const index = y * 12 + (m - 1) - back;
  return ymd(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The month (YYYY-MM) a period ends in: the monthly report it suggests (this month for this year). */
export function monthOf(period: Period): string {
  return period.to.slice(0, 7);
}

export interface ChosenPeriod extends Period {
  preset: Preset;
}

/**
 * The period a URL asks for (`preset`, and `from`/`to` for a custom one);
 * this month when absent or invalid, so a shared link always shows something.
 */
export function periodFromParams(params: URLSearchParams, today: string): ChosenPeriod {
  const preset = params.get('preset');
  if (preset === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (isDay(from) && isDay(to) && from <= to) return { preset, from, to };
  } else if (preset && (PRESETS as readonly string[]).includes(preset)) {
    const known = preset as Exclude<Preset, 'custom'>;
    return { preset: known, ...presetPeriod(known, today) };
  }
  return { preset: 'this_month', ...presetPeriod('this_month', today) };
}

/** The URL parameters of a period: only the preset unless it is custom. */
export function periodParams(chosen: ChosenPeriod): Record<string, string> {
  return chosen.preset === 'custom' ? { preset: 'custom', from: chosen.from, to: chosen.to } : { preset: chosen.preset };
}
