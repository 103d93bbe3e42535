// Pure shaping of the statistics report for the reports page and the
// dashboard: the filters a report link carries, chart rows for backlog and
// workload, and the query of each export.
import type { ChartRow } from '../components/charts';
import type { components } from '../api/schema';
import { isDay, periodParams, type ChosenPeriod, type Period } from '../lib/period';

type S = components['schemas'];
export type Statistics = S['StatisticsReport'];

export const REPORT_FILTER_KEYS = ['kind', 'channel', 'category_id', 'division_id'] as const;
export type ReportFilterKey = (typeof REPORT_FILTER_KEYS)[number];
export type ReportFilters = Partial<Record<ReportFilterKey, string>>;

export function reportFilters(params: URLSearchParams): ReportFilters {
  const out: ReportFilters = {};
  for (const key of REPORT_FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** The URL of a report: its period, then its filters, so the link can be shared. */
export function reportSearch(period: ChosenPeriod, filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams(periodParams(period));
  for (const key of REPORT_FILTER_KEYS) if (filters[key]) params.set(key, filters[key]!);
  return params;
}

/** The backlog by working days since receipt, youngest first. */
export function ageRows(ages: S['AgeCount'][]): ChartRow[] {
  return [...ages]
    .sort((a, b) => a.min_days - b.min_days)
    .map((a) => ({ key: a.label, label: a.label, values: [a.count] }));
}

/** Workload per division or handler: open, overdue, finished; busiest first, the unassigned last. */
export function workloadRows(list: S['WorkloadView'][], unassigned: string): ChartRow[] {
  return [...list]
    .sort((a, b) => Number(!a.id) - Number(!b.id) || b.open - a.open || (a.name ?? '').localeCompare(b.name ?? ''))
    .map((w) => ({ key: w.id ?? '-', label: w.id ? (w.name ?? w.id) : unassigned, values: [w.open, w.overdue, w.finished] }));
}

export const EXPORTS = [
  { report: 'register', format: 'csv' },
  { report: 'register', format: 'xlsx' },
  { report: 'monthly', format: 'csv' },
  { report: 'monthly', format: 'xlsx' },
] as const;
export type ExportKind = (typeof EXPORTS)[number];

/** The period of an export, with the month (YYYY-MM) of the monthly report. */
export interface ExportPeriod extends Period {
  month: string;
}

/**
 * The path and query of an export: the register covers the period, the
 * monthly report its month.
 */
export function exportRequest(kind: ExportKind, period: ExportPeriod, filters: ReportFilters, includeIdentity = false) {
  const path = `/api/v1/reports/${kind.report}.${kind.format}` as const;
  const range = kind.report === 'register' ? { from: period.from, to: period.to } : { month: period.month };
  const identity = kind.report === 'register' && includeIdentity ? { include_identity: true } : {};
  return { path, query: { ...range, ...filters, ...identity }, fallbackName: exportFallbackName(kind, period) };
}

/** The file name to use when the server sends none. */
export function exportFallbackName(kind: ExportKind, period: ExportPeriod): string {
  const span = kind.report === 'register' ? `${period.from}-${period.to}` : period.month;
  return `${kind.report}-${span}.${kind.format}`;
}

/** Whether a period can be asked for at all (the API refuses reversed or malformed ones). */
export function isValidPeriod(period: Period): boolean {
  return isDay(period.from) && isDay(period.to) && period.from <= period.to;
}
