import { describe, expect, it } from 'vitest';
import { indexText, monthRows, orderedRows, percentText, rankedRows, sharePercent } from './figures';

describe('figures for charts', () => {
  it("prefers the API's percentage and computes one otherwise", () => {
    expect(sharePercent({ count: 1, of: 3, percent: 33.3 })).toBe(33.3);
    expect(sharePercent({ count: 1, of: 4 })).toBe(25);
    expect(sharePercent({ count: 0, of: 0, percent: null })).toBeNull();
  });

  it('orders known keys, drops zeros and keeps unknown keys last', () => {
    const rows = orderedRows(
      [
        { key: 'closed', count: 2 },
        { key: 'new_status', count: 1 },
        { key: 'received', count: 5 },
        { key: 'verified', count: 0 },
      ],
      ['received', 'verified', 'closed'],
      (k) => k.toUpperCase(),
    );
    expect(rows).toEqual([
      { key: 'received', label: 'RECEIVED', values: [5] },
      { key: 'closed', label: 'CLOSED', values: [2] },
      { key: 'new_status', label: 'NEW_STATUS', values: [1] },
    ]);
  });

  it('ranks named counts largest first, ties by name', () => {
    expect(
      rankedRows([
        { key: 'b', label: 'Beta', count: 2 },
        { key: 'a', label: 'Alpha', count: 2 },
        { key: 'c', label: 'Gamma', count: 7 },
        { key: 'z', label: 'Zero', count: 0 },
      ]).map((r) => r.key),
    ).toEqual(['c', 'a', 'b']);
  });

  it('puts months in calendar order with received then finished', () => {
    expect(
      monthRows(
        [
          { month: '2026-11', received: 4, finished: 1 },
          { month: '2026-10', received: 2, finished: 3 },
        ],
        (m) => `M${m}`,
      ),
    ).toEqual([
      { key: '2026-10', label: 'M2026-10', values: [2, 3] },
      { key: '2026-11', label: 'M2026-11', values: [4, 1] },
    ]);
  });

  it('writes shares and the graded index in the reader\'s language', () => {
    expect(percentText({ count: 2, of: 3 }, 'id')).toBe('66,7%');
    expect(percentText({ count: 2, of: 3 }, 'en')).toBe('66.7%');
    expect(percentText({ count: 0, of: 0 }, 'en')).toBe('—');
    const names = (g: string) => ({ a: 'sangat baik', b: 'baik' })[g] ?? g;
    expect(indexText({ index: 90.125, grade: 'a' }, 'id', names)).toBe('90,13 (A — sangat baik)');
    expect(indexText({ index: 80, grade: null }, 'en', names)).toBe('80');
    expect(indexText({ index: null, grade: null }, 'id', names)).toBe('—');
  });
});
