import { describe, expect, it } from 'vitest';
import { isDay, lastDayOfMonth, monthOf, monthStart, periodFromParams, periodParams, presetPeriod } from './period';

describe('report periods', () => {
  it('computes the presets from the agency-local day', () => {
    expect(presetPeriod('this_month', '2026-11-28')).toEqual({ from: '2026-11-01', to: '2026-11-28' });
    expect(presetPeriod('last_month', '2026-11-28')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('last_month', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('last_month', '2024-03-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('this_quarter', '2026-11-28')).toEqual({ from: '2026-10-01', to: '2026-11-28' });
    expect(presetPeriod('this_quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('this_year', '2026-11-28')).toEqual({ from: '2026-01-01', to: '2026-11-28' });
  });

  it('knows month lengths and month starts across years', () => {
    expect(lastDayOfMonth(2026, 2)).toBe(28);
    expect(lastDayOfMonth(2028, 2)).toBe(29);
    expect(monthStart('2026-11-28')).toBe('2026-11-01');
    expect(monthStart('2026-03-10', 5)).toBe('2025-10-01');
    expect(monthOf({ from: '2026-10-01', to: '2026-10-31' })).toBe('2026-10');
    expect(monthOf({ from: '2026-01-01', to: '2026-11-28' })).toBe('2026-11');
  });

  it('checks days strictly', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay(null)).toBe(false);
  });

  it('reads the period from the URL, falling back to this month', () => {
    const today = '2026-11-28';
    expect(periodFromParams(new URLSearchParams(''), today)).toEqual({ preset: 'this_month', from: '2026-11-01', to: today });
    expect(periodFromParams(new URLSearchParams('preset=last_month'), today)).toEqual({
      preset: 'last_month',
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(periodFromParams(new URLSearchParams('preset=custom&from=2026-05-01&to=2026-06-30'), today)).toEqual({
      preset: 'custom',
      from: '2026-05-01',
      to: '2026-06-30',
    });
    // Reversed or malformed custom periods are not trusted.
    expect(periodFromParams(new URLSearchParams('preset=custom&from=2026-07-01&to=2026-06-30'), today).preset).toBe('this_month');
    expect(periodFromParams(new URLSearchParams('preset=bogus'), today).preset).toBe('this_month');
  });

  it('writes only what a link needs', () => {
    expect(periodParams({ preset: 'this_year', from: '2026-01-01', to: '2026-11-28' })).toEqual({ preset: 'this_year' });
    expect(periodParams({ preset: 'custom', from: '2026-01-01', to: '2026-02-01' })).toEqual({
      preset: 'custom',
      from: '2026-01-01',
      to: '2026-02-01',
    });
  });
});
