import { describe, expect, it } from 'vitest';
import type { EventView } from '../api/types';
import { lookup as lookupIn } from '../i18n/core';
import type { Lookup } from '../lib/problem';
import './messages';
import { explainSystemEvent } from './systemEvents';

const id: Lookup = (key, params) => lookupIn('id', key, params);
const en: Lookup = (key, params) => lookupIn('en', key, params);
const day = (ymd: string) => `[${ymd}]`;
const lead = { full_name: 'I Wayan Ketua', role: 'team_lead' as const };
const people = (userId: string) => (userId === 'u-lead' ? lead : undefined);

function system(kind: EventView['kind'], details: Record<string, unknown>) {
  return { kind, actor_kind: 'system' as const, visibility: 'public' as const, details: details as EventView['details'] };
}

describe('explainSystemEvent', () => {
  it('explains an escalation step: to whom, which step, and why', () => {
    const event = { ...system('escalated', { to_user_id: 'u-lead', level: 1, reason: 'at_risk', due_on: '2026-12-01' }), visibility: 'internal' as const };
    expect(explainSystemEvent(event, people, id, day)).toEqual([
      'Eskalasi tingkat 1 kepada I Wayan Ketua (Ketua tim pengaduan).',
      'Alasan: tenggat [2026-12-01] sudah dekat (berisiko terlambat).',
    ]);
    const overdue = system('escalated', { to_user_id: 'u-head', level: 3, reason: 'overdue', due_on: '2026-12-01' });
    expect(explainSystemEvent(overdue, people, en, day)).toEqual([
      'Escalation step 3 to the next supervisor in the chain.',
      'Why: the deadline of [2026-12-01] has passed.',
    ]);
  });

  it('explains the timed rejection, close and archive', () => {
    expect(explainSystemEvent(system('rejected', { rule: 'reporter_did_not_answer', reason: 'incomplete' }), people, id, day)).toEqual([
      'Ditolak otomatis sebagai tidak lengkap: pelapor tidak menjawab permintaan keterangan sampai batas waktunya.',
    ]);
    expect(explainSystemEvent(system('closed', { rule: 'evaluation_window_passed' }), people, en, day)[0]).toMatch(/^Closed automatically/);
    expect(explainSystemEvent(system('archived', { rule: 'archive_period_passed' }), people, en, day)[0]).toMatch(/^Archived automatically/);
  });

  it('says nothing of staff events, unknown rules or missing details', () => {
    expect(explainSystemEvent({ ...system('closed', { rule: 'evaluation_window_passed' }), actor_kind: 'staff' }, people, id, day)).toEqual([]);
    expect(explainSystemEvent(system('closed', { rule: 'a_future_rule' }), people, id, day)).toEqual([]);
    expect(explainSystemEvent({ ...system('closed', {}), details: null }, people, id, day)).toEqual([]);
  });
});
