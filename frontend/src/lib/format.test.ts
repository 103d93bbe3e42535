import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDay, formatMonth, formatNumber, todayInWita, witaLocalToIso } from './format';

describe('dates in WITA (Asia/Makassar, UTC+8)', () => {
  it('shows an instant in WITA, whatever the machine zone', () => {
    // 16:30 UTC is 00:30 the next day in Bali.
    expect(formatDateTime('2026-11-27T16:30:00Z', 'id')).toBe('28 Nov 2026, 00.30 WITA');
    expect(formatDateTime('2026-11-27T16:30:00Z', 'en')).toBe('28 Nov 2026, 00:30 WITA');
    expect(formatDateTime(null, 'id')).toBe('');
  });

  it('shows a calendar day as itself, in words', () => {
    expect(formatDay('2026-12-29', 'id')).toBe('Selasa, 29 Desember 2026');
    expect(formatDay('2026-12-29', 'en')).toMatch(/^Tuesday,? 29 December 2026$/);
    expect(formatDay('2026-01-01', 'id', false)).toBe('1 Januari 2026');
  });

  it("knows today's date in Bali", () => {
    expect(todayInWita(new Date('2026-11-27T15:59:00Z'))).toBe('2026-11-27');
    expect(todayInWita(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
  });

  it('reads a local date-time typed by staff as WITA', () => {
    expect(witaLocalToIso('2026-11-28T08:15')).toBe('2026-11-28T00:15:00.000Z');
    expect(witaLocalToIso('nonsense')).toBeNull();
  });

  it('formats sizes per language', () => {
    expect(formatBytes(1536, 'id')).toBe('1,5 KB');
    expect(formatBytes(1536, 'en')).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024, 'en')).toBe('10 MB');
  });
});

describe('months and numbers', () => {
  it('shows a month in short words', () => {
    expect(formatMonth('2026-08', 'id')).toBe('Agu 2026');
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
    expect(formatMonth('bogus', 'en')).toBe('bogus');
  });

  it('uses the decimal comma in Indonesian', () => {
    expect(formatNumber(88.456, 'id', 1)).toBe('88,5');
    expect(formatNumber(88.456, 'en', 2)).toBe('88.46');
    expect(formatNumber(1234, 'id')).toBe('1.234');
  });
});
