import { describe, expect, it } from 'vitest';
import { lookup } from '../i18n/core';
import { ApiProblem, fieldGroup, problemSlug, toProblem, translateProblem, type Problem } from './problem';

const validation: Problem = {
  type: 'urn:aduan:problem:validation',
  title: 'Validation failed',
  status: 422,
  detail: '3 fields are invalid',
  errors: [
    { field: 'reporter.id_number', code: 'invalid_nik', message: 'a NIK has exactly 16 digits' },
    { field: 'subject', code: 'too_short', message: 'must have at least 5 characters' },
    { field: 'files[1]', code: 'brand_new_code', message: 'something new from the API' },
  ],
  request_id: 'req-1',
};

describe('problem mapping', () => {
  it('translates field errors by code, field-specific first, English message as fallback', () => {
    const id = translateProblem(validation, (k, p) => lookup('id', k, p));
    expect(id.fields['reporter.id_number']).toBe('NIK harus 16 angka yang sah.');
    expect(id.fields.subject).toBe('Judul paling sedikit 5 karakter.');
    expect(id.fields['files[1]']).toBe('something new from the API');
    expect(id.summary).toBe('Ada 3 isian yang perlu diperbaiki.');
    expect(id.requestId).toBe('req-1');
    const en = translateProblem(validation, (k, p) => lookup('en', k, p));
    expect(en.fields['reporter.id_number']).toBe('A NIK is a valid 16-digit number.');
    expect(en.summary).toBe('3 fields need fixing.');
  });

  it('translates the whole problem by type and recognises a stale version', () => {
    const stale: Problem = {
      type: 'urn:aduan:problem:stale-version',
      title: 'Changed by someone else',
      status: 412,
      detail: 'the complaint is at version 3',
      current_version: 3,
    };
    const shown = translateProblem(stale, (k, p) => lookup('en', k, p));
    expect(shown.stale).toBe(true);
    expect(shown.summary).toMatch(/Someone else changed it first/);
    expect(problemSlug(stale)).toBe('stale-version');
  });

  it("falls back to the API's detail for an unknown type", () => {
    const odd: Problem = { type: 'urn:aduan:problem:teapot', title: 'Teapot', status: 418, detail: 'short and stout' };
    expect(translateProblem(odd, (k, p) => lookup('id', k, p)).summary).toBe('short and stout');
  });

  it('turns thrown values into problems', () => {
    expect(toProblem(new ApiProblem(validation))).toBe(validation);
    expect(toProblem(new TypeError('Failed to fetch')).type).toBe('urn:aduan:problem:network');
    expect(translateProblem(toProblem('boom'), (k, p) => lookup('id', k, p)).summary).toMatch(/Tidak dapat terhubung/);
  });

  it('groups indexed fields', () => {
    expect(fieldGroup('files[3]')).toBe('files');
    expect(fieldGroup('reporter.name')).toBe('reporter.name');
  });
});
