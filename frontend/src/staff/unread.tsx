// The signed-in user's unread notification count: polled while the tab is
// visible, refreshed at once after the user marks something read, and shown
// as a bell in the staff header.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { unwrap } from '../api/public';
import { visiblePoll } from '../lib/visiblePoll';
import { staffApi, useST } from './session';
import './notifications.css';

const POLL_MS = 30_000;

interface Unread {
  count: number;
  refresh: () => void;
}

const UnreadContext = createContext<Unread>({ count: 0, refresh: () => undefined });

export function UnreadProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState(0);
  const refresh = useCallback(() => {
    unwrap(staffApi.GET('/api/v1/notifications/unread-count'))
      .then((r) => setCount(r.unread))
      // A missed poll is retried on the next one; the header is no place for an error.
      .catch(() => undefined);
  }, []);
  useEffect(() => visiblePoll(refresh, POLL_MS), [refresh]);
  const value = useMemo(() => ({ count, refresh }), [count, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export function useUnread(): Unread {
  return useContext(UnreadContext);
}

export function UnreadBell() {
  const { st } = useST();
  const { count } = useUnread();
  return (
    <NavLink to="/staff/notifications" className="bell" data-testid="bell">
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="22" height="22">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      <span className="visually-hidden">{st('notify.title')}</span>
      <span aria-live="polite" aria-atomic="true">
        {count > 0 ? (
          <>
            <span className="bell-count" aria-hidden="true" data-testid="unread-count">
              {count > 99 ? '99+' : count}
            </span>
            <span className="visually-hidden">{count === 1 ? st('notify.unreadOne') : st('notify.unread', { count })}</span>
          </>
        ) : null}
      </span>
    </NavLink>
  );
}
