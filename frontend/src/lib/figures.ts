// Shapes the count lists the reports and the transparency page share into
// chart rows (see components/charts.tsx): same order every time, labels
// translated by the caller.
import type { ChartRow } from '../components/charts';
import { formatNumber, type Lang } from './format';

interface Share {
  count: number;
  of: number;
  percent?: number | null;
}

/** A share as a percentage: the API's when given, else computed; null when there is nothing to count. */
export function sharePercent(share: Share): number | null {
  if (share.percent !== null && share.percent !== undefined) return share.percent;
  return share.of > 0 ? (share.count / share.of) * 100 : null;
}

/** A share as text: "66,7%" / "66.7%", or a dash when there is nothing to count. */
export function percentText(share: Share, lang: Lang): string {
  const percent = sharePercent(share);
  return percent === null ? '—' : `${formatNumber(percent, lang, 1)}%`;
}

/**
 * The satisfaction index with its grade (PermenPANRB 14/2017, the API grades
 * it), e.g. "90,12 (A — sangat baik)"; a dash without any evaluation.
 */
export function indexText(summary: { index?: number | null; grade?: string | null }, lang: Lang, gradeName: (grade: string) => string): string {
  if (summary.index === null || summary.index === undefined) return '—';
  const grade = summary.grade ? ` (${summary.grade.toUpperCase()} — ${gradeName(summary.grade)})` : '';
  return `${formatNumber(summary.index, lang, 2)}${grade}`;
}

/**
 * One row per known value in `order` that has a count (unknown values the
 * API may add later come last), each labelled by `label`.
 */
export function orderedRows<K extends string>(
  counts: { key: K; count: number }[],
  order: readonly K[],
  label: (key: K) => string,
): ChartRow[] {
  const rank = (key: K) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) => rank(a.key) - rank(b.key))
    .map((c) => ({ key: c.key, label: label(c.key), values: [c.count] }));
}

/** Named counts (categories, divisions), largest first. */
export function rankedRows(counts: { key: string; label: string; count: number }[]): ChartRow[] {
  return [...counts]
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .map((c) => ({ key: c.key, label: c.label, values: [c.count] }));
}

/** Received against finished per month, in calendar order. */
export function monthRows(months: { month: string; received: number; finished: number }[], label: (month: string) => string): ChartRow[] {
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((m) => ({ key: m.month, label: label(m.month), values: [m.received, m.finished] }));
}
