import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './download';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 extended form', () => {
    expect(
      filenameFromDisposition(`attachment; filename="register.csv"; filename*=UTF-8''register%20Bangli%20%E2%80%93%202026.csv`, 'x'),
    ).toBe('register Bangli – 2026.csv');
  });

  it('reads a quoted or bare filename', () => {
    expect(filenameFromDisposition('attachment; filename="rekap \\"bulanan\\".xlsx"', 'x')).toBe('rekap "bulanan".xlsx');
    expect(filenameFromDisposition('attachment; filename=ADU-2026.zip', 'x')).toBe('ADU-2026.zip');
  });

  it('falls back when the header is missing, empty or undecodable', () => {
    expect(filenameFromDisposition(null, 'export.csv')).toBe('export.csv');
    expect(filenameFromDisposition('attachment', 'export.csv')).toBe('export.csv');
    expect(filenameFromDisposition(`attachment; filename*=UTF-8''%E2%28`, 'export.csv')).toBe('export.csv');
  });

  it('never keeps a path separator', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/passwd"', 'x')).toBe('.._.._etc_passwd');
  });
});
