// Staff sign-in: keeps the token pair, refreshes the access token silently
// shortly before it expires and, once, when a request comes back 401. The
// refresh token rotates (a reused one revokes the whole sign-in), so only one
// refresh runs at a time: in this tab through a shared promise, across tabs
// through the Web Locks API, re-reading storage in case another tab rotated.
import { problemFromResponse } from './problem';
import { readJson, type KeyValueStore } from './storage';

export const SESSION_KEY = 'aduan.session.v1';
/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60_000;

export interface SessionUser {
  id: string;
  username: string;
  full_name: string;
  role: string;
  division_id?: string | null;
}

export interface Session {
  accessToken: string;
  accessExpiresAt: number;
  refreshToken: string;
  user: SessionUser;
}

interface TokenPair {
  access_token: string;
  access_token_expires_at: string;
  refresh_token: string;
  user: SessionUser;
}

export interface AuthOptions {
  store: KeyValueStore;
  fetch: (request: Request) => Promise<Response>;
  now?: () => number;
  baseUrl?: string;
  /** Runs `fn` under a cross-tab lock (navigator.locks in the browser). */
  lock?: <T>(fn: () => Promise<T>) => Promise<T>;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

type Listener = (session: Session | null) => void;

function toSession(pair: TokenPair, now: number): Session {
  const expires = Date.parse(pair.access_token_expires_at);
  return {
    accessToken: pair.access_token,
    accessExpiresAt: Number.isNaN(expires) ? now + 15 * 60_000 : expires,
    refreshToken: pair.refresh_token,
    user: pair.user,
  };
}


export class AuthManager {
  private session: Session | null;
  private refreshing: Promise<Session | null> | null = null;
  private listeners = new Set<Listener>();
  private timer: unknown = null;
  private readonly opts: Required<Omit<AuthOptions, 'lock'>> & Pick<AuthOptions, 'lock'>;

  constructor(options: AuthOptions) {
    this.opts = {
      now: () => Date.now(),
      baseUrl: '/api/v1',
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      ...options,
    };
    this.session = readJson<Session>(this.opts.store, SESSION_KEY);
    this.schedule();
  }

  get current(): Session | null {
    return this.session;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(session: Session | null): void {
    this.session = session;
    if (session) this.opts.store.setItem(SESSION_KEY, JSON.stringify(session));
    else this.opts.store.removeItem(SESSION_KEY);
    this.schedule();
    for (const listener of this.listeners) listener(session);
  }

  private schedule(): void {
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    this.timer = null;
    if (!this.session) return;
    const wait = Math.max(0, this.session.accessExpiresAt - REFRESH_MARGIN_MS - this.opts.now());
    // Timers longer than ~24 days overflow; access tokens last minutes.
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      void this.refresh().catch(() => undefined);
    }, Math.min(wait, 2 ** 31 - 1));
  }

  private url(path: string): string {
    const base = this.opts.baseUrl.endsWith('/') ? this.opts.baseUrl.slice(0, -1) : this.opts.baseUrl;
    const origin = typeof location !== 'undefined' ? location.origin : 'http://localhost';
    return new URL(base + path, origin).toString();
  }

  private post(path: string, body: unknown, token?: string): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    return this.opts.fetch(new Request(this.url(path), { method: 'POST', headers, body: JSON.stringify(body) }));
  }

  async login(username: string, password: string): Promise<Session> {
    const response = await this.post('/auth/login', { username, password });
    if (!response.ok) throw await problemFromResponse(response);
    const session = toSession((await response.json()) as TokenPair, this.opts.now());
    this.set(session);
    return session;
  }

  async logout(): Promise<void> {
    const session = this.session;
    this.set(null);
    if (session) {
      try {
        await this.post('/auth/logout', { refresh_token: session.refreshToken }, session.accessToken);
      } catch {
        // signed out locally either way
      }
    }
  }

  /** Exchanges the refresh token for a new pair; one exchange at a time. */
  refresh(): Promise<Session | null> {
    if (!this.refreshing) {
      const run = () => this.exchange();
      const locked = this.opts.lock ? this.opts.lock(run) : run();
      this.refreshing = locked.finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async exchange(): Promise<Session | null> {
    const held = this.session;
    // Another tab may have rotated the pair while we waited for the lock.
    const stored = readJson<Session>(this.opts.store, SESSION_KEY);
    if (!stored) {
      if (held) this.set(null);
      return null;
    }
    if (!held || stored.refreshToken !== held.refreshToken) {
      if (stored.accessExpiresAt - REFRESH_MARGIN_MS > this.opts.now()) {
        this.set(stored);
        return stored;
      }
    }
    const response = await this.post('/auth/refresh', { refresh_token: stored.refreshToken });
    if (response.status === 401 || response.status === 403 || response.status === 422) {
      this.set(null);
      return null;
    }
    if (!response.ok) throw await problemFromResponse(response);
    const session = toSession((await response.json()) as TokenPair, this.opts.now());
    this.set(session);
    return session;
  }

  /** A valid access token, refreshed first when it is about to expire. */
  async accessToken(): Promise<string | null> {
    const session = this.session;
    if (!session) return null;
    if (session.accessExpiresAt - REFRESH_MARGIN_MS > this.opts.now()) return session.accessToken;
    const fresh = await this.refresh();
    return fresh?.accessToken ?? null;
  }

  /** fetch with the bearer token; on 401 refreshes once and retries. */
  async fetch(request: Request): Promise<Response> {
    const retry = request.clone();
    const token = await this.accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    const response = await this.opts.fetch(request);
    if (response.status !== 401 || !this.session) return response;
    const fresh = await this.refresh();
    if (!fresh) return response;
    retry.headers.set('authorization', `Bearer ${fresh.accessToken}`);
    return this.opts.fetch(retry);
  }
}
