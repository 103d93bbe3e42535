import { describe, expect, it } from 'vitest';
import { workingDaysAfter } from './workingDays';

describe('working days', () => {
  const none = new Set<string>();

  it('counts weekdays after the start up to the end', () => {
    // Friday 27 Nov 2026 to Monday 30 Nov: only the Monday counts.
    expect(workingDaysAfter('2026-11-27', '2026-11-30', none)).toBe(1);
    expect(workingDaysAfter('2026-11-23', '2026-11-27', none)).toBe(4);
    expect(workingDaysAfter('2026-11-23', '2026-12-07', none)).toBe(10);
  });

  it('is zero when the end is not after the start', () => {
    expect(workingDaysAfter('2026-11-27', '2026-11-27', none)).toBe(0);
    expect(workingDaysAfter('2026-11-27', '2026-11-20', none)).toBe(0);
  });

  it('skips holidays on weekdays', () => {
    expect(workingDaysAfter('2026-12-23', '2026-12-28', new Set(['2026-12-25', '2026-12-26']))).toBe(2);
  });
});
