import { describe, expect, it, vi } from 'vitest';
import { AuthManager, REFRESH_MARGIN_MS, SESSION_KEY, type Session } from './auth';
import { memoryStore } from './storage';

const NOW = Date.parse('2026-11-28T01:00:00Z');
const user = { id: 'u1', username: 'wayan', full_name: 'I Wayan', role: 'team_lead', division_id: null };

function pair(n: number, expiresInMs = 15 * 60_000, now = NOW) {
  return {
    access_token: `access-${n}`,
    token_type: 'Bearer',
    access_token_expires_at: new Date(now + expiresInMs).toISOString(),
    refresh_token: `refresh-${n}`,
    refresh_token_expires_at: new Date(now + 30 * 86_400_000).toISOString(),
    user,
  };
}

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function setup(initial?: Session) {
  const store = memoryStore();
  if (initial) store.setItem(SESSION_KEY, JSON.stringify(initial));
  let clock = NOW;
  let issued = 1;
  const timers: { fn: () => void; ms: number }[] = [];
  const calls: { url: string; auth: string | null; body: string }[] = [];
  const api = vi.fn(async (request: Request) => {
    const url = new URL(request.url).pathname;
    const body = await request.clone().text();
    calls.push({ url, auth: request.headers.get('authorization'), body });
    if (url.endsWith('/auth/login')) return json(pair(issued++, 15 * 60_000, clock));
    if (url.endsWith('/auth/refresh')) {
      const { refresh_token } = JSON.parse(body) as { refresh_token: string };
      if (refresh_token === 'revoked') return json({ type: 'urn:aduan:problem:unauthenticated', title: 'x', status: 401, detail: 'x' }, 401);
      return json(pair(issued++, 15 * 60_000, clock));
    }
    if (url.endsWith('/auth/logout')) return new Response(null, { status: 204 });
    // A protected resource: accepts only the newest access token.
    const current = `Bearer access-${issued - 1}`;
    return request.headers.get('authorization') === current ? json({ ok: true }) : json({ status: 401 }, 401);
  });
  const auth = new AuthManager({
    store,
    fetch: api,
    now: () => clock,
    baseUrl: 'http://test/api/v1',
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
  });
  return { auth, store, api, calls, timers, advance: (ms: number) => (clock += ms) };
}

describe('staff sign-in', () => {
  it('signs in, keeps the pair, and schedules a refresh before expiry', async () => {
    const { auth, store, timers } = setup();
    const session = await auth.login('wayan', 'rahasia-sekali');
    expect(session.accessToken).toBe('access-1');
    expect(JSON.parse(store.getItem(SESSION_KEY)!).refreshToken).toBe('refresh-1');
    expect(timers.at(-1)?.ms).toBe(15 * 60_000 - REFRESH_MARGIN_MS);
  });

  it('refreshes silently when the access token is about to expire', async () => {
    const { auth, calls, advance } = setup();
    await auth.login('wayan', 'rahasia-sekali');
    expect(await auth.accessToken()).toBe('access-1');
    advance(14.5 * 60_000);
    expect(await auth.accessToken()).toBe('access-2');
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
    expect(JSON.parse(calls.find((c) => c.url.endsWith('/auth/refresh'))!.body)).toEqual({ refresh_token: 'refresh-1' });
  });

  it('runs one refresh at a time, so a rotating token is never used twice', async () => {
    const { auth, calls, advance } = setup();
    await auth.login('wayan', 'rahasia-sekali');
    advance(20 * 60_000);
    const tokens = await Promise.all([auth.accessToken(), auth.accessToken(), auth.refresh()]);
    expect(new Set(tokens.map((t) => (typeof t === 'string' ? t : t?.accessToken)))).toEqual(new Set(['access-2']));
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('on a 401 refreshes once and retries the request with the new token', async () => {
    const { auth, calls } = setup();
    await auth.login('wayan', 'rahasia-sekali');
    // The server rotated keys: the held token is refused.
    await auth.refresh(); // issues access-2 (held now)
    const stale = auth.current!;
    // Pretend this tab still holds the old token:
    (auth as unknown as { session: Session }).session = { ...stale, accessToken: 'access-1' };
    const response = await auth.fetch(new Request('http://test/api/v1/complaints'));
    expect(response.status).toBe(200);
    const protectedCalls = calls.filter((c) => c.url.endsWith('/complaints'));
    expect(protectedCalls.map((c) => c.auth)).toEqual(['Bearer access-1', 'Bearer access-3']);
  });

  it('signs out when the refresh token is refused', async () => {
    const expired: Session = { accessToken: 'old', accessExpiresAt: NOW - 1000, refreshToken: 'revoked', user };
    const { auth, store } = setup(expired);
    const seen: (Session | null)[] = [];
    auth.subscribe((s) => seen.push(s));
    expect(await auth.accessToken()).toBeNull();
    expect(auth.current).toBeNull();
    expect(store.getItem(SESSION_KEY)).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('adopts a pair another tab already rotated instead of reusing the old refresh token', async () => {
    const { auth, store, api, advance } = setup();
    await auth.login('wayan', 'rahasia-sekali');
    advance(14.5 * 60_000);
    const rotatedElsewhere: Session = {
      accessToken: 'from-other-tab',
      accessExpiresAt: NOW + 14.5 * 60_000 + 15 * 60_000,
      refreshToken: 'refresh-other',
      user,
    };
    store.setItem(SESSION_KEY, JSON.stringify(rotatedElsewhere));
    const before = api.mock.calls.length;
    expect(await auth.accessToken()).toBe('from-other-tab');
    expect(api.mock.calls.length).toBe(before);
  });

  it('signs out on logout, telling the server', async () => {
    const { auth, calls } = setup();
    await auth.login('wayan', 'rahasia-sekali');
    await auth.logout();
    expect(auth.current).toBeNull();
    expect(calls.at(-1)?.url).toMatch(/\/auth\/logout$/);
    expect(JSON.parse(calls.at(-1)!.body)).toEqual({ refresh_token: 'refresh-1' });
  });
});
