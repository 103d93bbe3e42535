import { describe, expect, it } from 'vitest';
import { addFiles, checkFile, MAX_FILE_BYTES } from './files';

const f = (name: string, size: number, type: string) => ({ name, size, type });

describe('file checks before upload', () => {
  it('accepts JPEG, PNG, WebP, GIF and PDF up to 10 MB', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'])
      expect(checkFile(f('x', 1000, type))).toBeNull();
    expect(checkFile(f('x.pdf', MAX_FILE_BYTES, 'application/pdf'))).toBeNull();
  });

  it('refuses other types, empty files and files over 10 MB', () => {
    expect(checkFile(f('a.docx', 10, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toEqual({ code: 'file_type', name: 'a.docx' });
    expect(checkFile(f('a.png', 0, 'image/png'))).toEqual({ code: 'file_empty', name: 'a.png' });
    expect(checkFile(f('a.png', MAX_FILE_BYTES + 1, 'image/png'))).toEqual({ code: 'file_too_large', name: 'a.png' });
  });

  it('falls back to the extension when the browser gives no type', () => {
    expect(checkFile(f('scan.PDF', 10, ''))).toBeNull();
    expect(checkFile(f('notes.txt', 10, ''))).toEqual({ code: 'file_type', name: 'notes.txt' });
  });

  it('keeps at most five files, skips duplicates, and reports what it refused', () => {
    const four = [1, 2, 3, 4].map((i) => f(`${i}.jpg`, 100, 'image/jpeg'));
    const result = addFiles(four, [f('4.jpg', 100, 'image/jpeg'), f('5.jpg', 100, 'image/jpeg'), f('6.jpg', 100, 'image/jpeg'), f('x.exe', 1, 'application/x-msdownload')]);
    expect(result.files.map((x) => x.name)).toEqual(['1.jpg', '2.jpg', '3.jpg', '4.jpg', '5.jpg']);
    expect(result.problems).toEqual([{ code: 'file_type', name: 'x.exe' }, { code: 'too_many_files', max: 5 }]);
  });
});
