// The audit page's filters (kept in the URL) and a one-line reading of an
// entry's details.
import type { components } from '../api/schema';

export const AUDIT_FILTER_KEYS = ['action', 'actor_id', 'from', 'to', 'object_id'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];
export type AuditFilters = Partial<Record<AuditFilterKey, string>>;

export function auditFilters(params: URLSearchParams): AuditFilters {
  const out: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function auditSearch(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

function flatten(value: unknown, prefix: string, out: [string, string][]): void {
  if (value === null || value === undefined || value === '') return;
  if (Array.isArray(value)) {
    if (value.length) out.push([prefix, value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')]);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix, String(value)]);
  }
}

/**
 * An entry's details as `name: value` pairs, nested names joined by dots and
 * empty values left out (an export's unused filters say nothing).
 */
export function detailPairs(details: unknown): [string, string][] {
  const out: [string, string][] = [];
  flatten(details, '', out);
  return out;
}

type AuditAction = components['schemas']['AuditAction'];

/** Every action the log records, in the order the filter offers them. */
export const AUDIT_ACTIONS: AuditAction[] = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'token_reused',
  'identity_revealed',
  'export',
  'intake',
  'verify',
  'request_info',
  'reject',
  'disposition',
  'start',
  'resolve',
  'close',
  'archive',
  'extend',
  'note',
  'reply',
  'user_created',
  'user_updated',
  'division_created',
  'division_updated',
  'category_created',
  'category_updated',
  'holiday_created',
  'holiday_removed',
  'holiday_set_updated',
];
