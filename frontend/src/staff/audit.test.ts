import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditFilters, auditSearch, detailPairs } from './audit';
import { staffEn, staffId } from './messages';

describe('audit page', () => {
  it('keeps only known, non-empty filters in the URL', () => {
    const filters = auditFilters(new URLSearchParams('action=export&actor_id=&from=2026-11-01&cursor=abc&bogus=1'));
    expect(filters).toEqual({ action: 'export', from: '2026-11-01' });
    expect(auditSearch({ ...filters, object_id: ' c1 ', to: '' }).toString()).toBe('action=export&from=2026-11-01&object_id=c1');
  });

  it("reads an export's details as flat pairs without the empty ones", () => {
    expect(
      detailPairs({
        report: 'register',
        format: 'csv',
        filters: { kind: 'complaint', channel: null },
        identity_included: false,
        rows: 3,
        tags: ['a', 'b'],
        none: [],
      }),
    ).toEqual([
      ['report', 'register'],
      ['format', 'csv'],
      ['filters.kind', 'complaint'],
      ['identity_included', 'false'],
      ['rows', '3'],
      ['tags', 'a, b'],
    ]);
    expect(detailPairs(null)).toEqual([]);
  });

  it('names every action in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect((staffId as Record<string, string>)[`audit.action.${action}`], action).toBeTruthy();
      expect((staffEn as Record<string, string>)[`audit.action.${action}`], action).toBeTruthy();
    }
  });
});
