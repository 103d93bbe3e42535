import { describe, expect, it } from 'vitest';
import { staffEn, staffId } from '../staff/messages';
import { extendMessages, initialLang, interpolate, lookup, translate } from './core';
import { en, id } from './messages';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

describe('dictionaries', () => {
  for (const [name, a, b] of [
    ['common', id, en],
    ['staff', staffId, staffEn],
  ] as const) {
    it(`${name}: English has every Indonesian key, none empty, same placeholders`, () => {
      const ai = a as Record<string, string>;
      const bi = b as Record<string, string>;
      expect(Object.keys(bi).sort()).toEqual(Object.keys(ai).sort());
      for (const key of Object.keys(ai)) {
        expect(ai[key].trim(), key).not.toBe('');
        expect(bi[key].trim(), key).not.toBe('');
        expect(placeholders(bi[key]), key).toEqual(placeholders(ai[key]));
      }
    });
  }

  it('has a label for every status, kind, channel and role the API knows', () => {
    const ids = id as Record<string, string>;
    for (const s of ['received', 'needs_info', 'verified', 'rejected', 'dispositioned', 'in_progress', 'resolved', 'closed', 'archived'])
      expect(ids[`status.${s}`]).toBeTruthy();
    for (const c of ['web', 'mobile_app', 'email', 'phone', 'whatsapp', 'facebook', 'walk_in', 'letter', 'suggestion_box', 'sp4n_lapor', 'api_client'])
      expect(ids[`channel.${c}`]).toBeTruthy();
    for (const r of ['admin', 'supervisor', 'team_lead', 'complaint_officer', 'it_operator', 'division_staff'])
      expect(ids[`role.${r}`]).toBeTruthy();
  });
});

describe('translation', () => {
  it('interpolates named values and leaves unknown ones', () => {
    expect(interpolate('Halo {name}, {n} berkas', { name: 'Wayan', n: 2 })).toBe('Halo Wayan, 2 berkas');
    expect(interpolate('{missing}', {})).toBe('{missing}');
  });

  it('translates by language, Indonesian by default', () => {
    expect(translate('id', 'nav.submit')).toBe('Sampaikan pengaduan');
    expect(translate('en', 'nav.submit')).toBe('Submit a complaint');
    expect(initialLang(null)).toBe('id');
    expect(initialLang('en')).toBe('en');
    expect(initialLang('fr')).toBe('id');
  });

  it('looks up added messages, and says when a key is unknown', () => {
    extendMessages({ id: { 'x.test': 'Uji {n}' }, en: { 'x.test': 'Test {n}' } });
    expect(lookup('en', 'x.test', { n: 1 })).toBe('Test 1');
    expect(lookup('id', 'x.test', { n: 1 })).toBe('Uji 1');
    expect(lookup('en', 'no.such.key')).toBeUndefined();
  });
});
