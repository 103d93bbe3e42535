import { describe, expect, it } from 'vitest';
import { ageRows, EXPORTS, exportRequest, isValidPeriod, reportFilters, reportSearch, workloadRows } from './statistics';

describe('statistics shaping', () => {
  it('reads the filters from a report link and writes them back with the period', () => {
    const params = new URLSearchParams('preset=this_year&kind=complaint&channel=&division_id=d1&other=x');
    expect(reportFilters(params)).toEqual({ kind: 'complaint', division_id: 'd1' });
    expect(reportSearch({ preset: 'this_year', from: '2026-01-01', to: '2026-11-28' }, { kind: 'complaint' }).toString()).toBe(
      'preset=this_year&kind=complaint',
    );
    expect(reportSearch({ preset: 'custom', from: '2026-01-01', to: '2026-01-31' }, {}).toString()).toBe(
      'preset=custom&from=2026-01-01&to=2026-01-31',
    );
  });

  it('orders the backlog by age', () => {
    expect(
      ageRows([
        { label: '21+', min_days: 21, max_days: null, count: 1 },
        { label: '0-5', min_days: 0, max_days: 5, count: 4 },
      ]),
    ).toEqual([
      { key: '0-5', label: '0-5', values: [4] },
      { key: '21+', label: '21+', values: [1] },
    ]);
  });

  it('lists the busiest first and the unassigned last', () => {
    const rows = workloadRows(
      [
        { id: null, name: null, open: 9, overdue: 2, finished: 0 },
        { id: 'a', name: 'Pelayanan', open: 1, overdue: 0, finished: 5 },
        { id: 'b', name: 'Modal', open: 3, overdue: 1, finished: 2 },
      ],
      'Belum ditentukan',
    );
    expect(rows.map((r) => r.label)).toEqual(['Modal', 'Pelayanan', 'Belum ditentukan']);
    expect(rows[0].values).toEqual([3, 1, 2]);
  });

  it('builds each export request from the period and filters', () => {
    const period = { from: '2026-10-01', to: '2026-10-31', month: '2026-10' };
    const [registerCsv, , monthlyCsv, monthlyXlsx] = EXPORTS;
    expect(exportRequest(registerCsv, period, { kind: 'complaint' })).toEqual({
      path: '/api/v1/reports/register.csv',
      query: { from: '2026-10-01', to: '2026-10-31', kind: 'complaint' },
      fallbackName: 'register-2026-10-01-2026-10-31.csv',
    });
    expect(exportRequest(registerCsv, period, {}, true).query).toEqual({ from: '2026-10-01', to: '2026-10-31', include_identity: true });
    expect(exportRequest(monthlyCsv, period, {}, true).query).toEqual({ month: '2026-10' });
    expect(exportRequest(monthlyXlsx, period, { division_id: 'd' })).toEqual({
      path: '/api/v1/reports/monthly.xlsx',
      query: { month: '2026-10', division_id: 'd' },
      fallbackName: 'monthly-2026-10.xlsx',
    });
  });

  it('refuses reversed or malformed periods', () => {
    expect(isValidPeriod({ from: '2026-10-01', to: '2026-10-31' })).toBe(true);
    expect(isValidPeriod({ from: '2026-11-01', to: '2026-10-31' })).toBe(false);
    expect(isValidPeriod({ from: '', to: '2026-10-31' })).toBe(false);
  });
});
