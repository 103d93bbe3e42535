import { describe, expect, it } from 'vitest';
import { lookup } from '../i18n/core';
import type { Lookup } from '../lib/problem';
import './messages';
import { notificationText, type NoticeComplaint } from './notificationText';

const lookupIn =
  (lang: 'id' | 'en'): Lookup =>
  (key, params) =>
    lookup(lang, key, params);

const complaint: NoticeComplaint = { register_number: '00007/ADUAN/2026', kind: 'complaint', sla: { state: 'on_track' } };
const TITLE = 'Pengaduan baru di antrean Anda: 00007/ADUAN/2026';

describe('notificationText', () => {
  it('words each kind in Indonesian and English with the register number', () => {
    const notice = { kind: 'new_complaint' as const, title: TITLE };
    expect(notificationText(notice, complaint, lookupIn('id'))).toBe('Ada pengaduan baru di antrean Anda: 00007/ADUAN/2026');
    expect(notificationText(notice, complaint, lookupIn('en'))).toBe('New complaint in your queue: 00007/ADUAN/2026');
    expect(notificationText(notice, { ...complaint, kind: 'suggestion' }, lookupIn('en'))).toBe(
      'New suggestion in your queue: 00007/ADUAN/2026',
    );
    expect(notificationText({ kind: 'dispositioned', title: TITLE }, complaint, lookupIn('en'))).toBe(
      'Dispositioned to you: 00007/ADUAN/2026',
    );
    expect(notificationText({ kind: 'info_added', title: TITLE }, complaint, lookupIn('id'))).toBe(
      'Pelapor menambahkan keterangan: 00007/ADUAN/2026',
    );
    expect(notificationText({ kind: 'disputed', title: TITLE }, complaint, lookupIn('en'))).toBe(
      'The reporter disputes the answer: 00007/ADUAN/2026',
    );
  });

  it('says why an escalation came, from the deadline state', () => {
    const notice = { kind: 'escalated' as const, title: TITLE };
    expect(notificationText(notice, { ...complaint, sla: { state: 'overdue' } }, lookupIn('id'))).toBe(
      'Eskalasi: 00007/ADUAN/2026 melewati batas waktu',
    );
    expect(notificationText(notice, { ...complaint, sla: { state: 'at_risk' } }, lookupIn('en'))).toBe(
      'Escalation: 00007/ADUAN/2026 is close to its deadline',
    );
    // The clock is paused or stopped: no state to explain it by.
    expect(notificationText(notice, { ...complaint, sla: { state: null } }, lookupIn('en'))).toBe(
      'Escalated to you: 00007/ADUAN/2026',
    );
  });

  it("falls back to the API's title for an unknown kind or an unknown complaint", () => {
    const unknown = { kind: 'something_new' as never, title: 'Judul dari API' };
    expect(notificationText(unknown, complaint, lookupIn('en'))).toBe('Judul dari API');
    expect(notificationText({ kind: 'new_complaint', title: TITLE }, undefined, lookupIn('en'))).toBe(TITLE);
  });
});
