// The staff sign-in shared by the staff pages, and the API client that sends
// the bearer token (refreshing it silently).
import createClient from 'openapi-fetch';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { API_BASE, SPEC_BASE } from '../api/public';
import type { paths, Role } from '../api/types';
import { useI18n } from '../i18n';
import type { Params } from '../i18n/core';
import { AuthManager, type Session } from '../lib/auth';
import { browserStore } from '../lib/storage';
import type { StaffKey } from './messages';
import './messages';

function webLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('aduan-token-refresh', fn) as unknown as Promise<T>) : fn();
}

export const auth = new AuthManager({
  store: browserStore(),
  fetch: (request) => fetch(request),
  baseUrl: API_BASE,
  lock: webLock,
});

export const staffApi = createClient<paths>({
  baseUrl: SPEC_BASE,
  fetch: (request) => auth.fetch(request),
});

/** `If-Match` for a change based on `version`. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"v${version}"` };
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(auth.current);
  useEffect(() => auth.subscribe(setSession), []);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session | null {
  return useContext(SessionContext);
}

export function useRole(): Role | null {
  return (useSession()?.user.role as Role | undefined) ?? null;
}

/** Staff text: like `t`, for the staff dictionary. */
export function useST() {
  const i18n = useI18n();
  return useMemo(
    () => ({ ...i18n, st: (key: StaffKey, params?: Params) => i18n.lookup(key, params) ?? key }),
    [i18n],
  );
}

export const VERIFYING_ROLES: Role[] = ['admin', 'team_lead', 'complaint_officer', 'it_operator'];
export const INTAKE_ROLES: Role[] = VERIFYING_ROLES;
export const REPORT_ROLES: Role[] = ['admin', 'supervisor', 'team_lead'];
export const AUDIT_ROLES: Role[] = ['admin', 'supervisor'];

/** Where a role starts after signing in: supervisors on the dashboard, everyone else in the inbox. */
export function landingPath(role: Role | null | undefined): string {
  return role === 'supervisor' ? '/staff/dashboard' : '/staff';
}

/** The channels a role may key in (api/src/domain/complaint.rs, may_be_keyed_in_by). */
export function intakeChannels(role: Role | null) {
  switch (role) {
    case 'complaint_officer':
      return ['walk_in', 'letter', 'phone', 'suggestion_box'] as const;
    case 'it_operator':
      return ['email', 'phone', 'whatsapp', 'facebook', 'sp4n_lapor'] as const;
    case 'admin':
    case 'team_lead':
      return ['walk_in', 'letter', 'phone', 'suggestion_box', 'email', 'whatsapp', 'facebook', 'sp4n_lapor'] as const;
    default:
      return [] as const;
  }
}
