import { describe, expect, it } from 'vitest';
import { largestValue, niceCeil, percentOf, scaleFor, shortLabel } from './chart';

describe('chart scales', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeil(0)).toBe(1);
    expect(niceCeil(0.3)).toBe(0.5);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.2)).toBe(2);
    expect(niceCeil(3)).toBe(5);
    expect(niceCeil(7)).toBe(10);
    expect(niceCeil(23)).toBe(50);
    expect(niceCeil(200)).toBe(200);
  });

  it('gives whole-number ticks from zero past the largest value', () => {
    expect(scaleFor(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(scaleFor(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] });
    expect(scaleFor(9)).toEqual({ max: 10, step: 5, ticks: [0, 5, 10] });
    expect(scaleFor(37)).toEqual({ max: 40, step: 10, ticks: [0, 10, 20, 30, 40] });
    expect(scaleFor(100, 4, 1).ticks).toEqual([0, 50, 100]);
  });

  it('allows fractional steps when asked (percentages, scores)', () => {
    expect(scaleFor(0.8, 4, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });

  it('converts values to clamped percentages', () => {
    expect(percentOf(5, 10)).toBe(50);
    expect(percentOf(15, 10)).toBe(100);
    expect(percentOf(-1, 10)).toBe(0);
    expect(percentOf(3, 0)).toBe(0);
  });

  it('finds the largest value of any series', () => {
    expect(largestValue([])).toBe(0);
    expect(largestValue([{ values: [1, 4] }, { values: [3, 2] }])).toBe(4);
  });

  it('shortens long labels with an ellipsis', () => {
    expect(shortLabel('Pelayanan', 10)).toBe('Pelayanan');
    expect(shortLabel('Penanaman Modal', 10)).toBe('Penanaman…');
  });
});
