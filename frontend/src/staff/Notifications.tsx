// The signed-in user's notifications, newest first, unread ones marked; each
// leads to its complaint and is marked read on the way.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { unwrap } from '../api/public';
import type { ComplaintView, NotificationPage } from '../api/types';
import { Loading, PageTitle, ProblemBanner } from '../components/ui';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { CursorPager } from './CursorPager';
import { notificationText } from './notificationText';
import { staffApi, useST } from './session';
import { useUnread } from './unread';

const PAGE_SIZE = 20;

/** The complaints a page points to, for wording; one the user can no longer open is left out. */
async function complaintsOf(page: NotificationPage): Promise<Map<string, ComplaintView>> {
  const ids = [...new Set(page.items.map((n) => n.complaint_id))];
  const found = await Promise.allSettled(
    ids.map((id) => unwrap(staffApi.GET('/api/v1/complaints/{id}', { params: { path: { id } } }))),
  );
  const byId = new Map<string, ComplaintView>();
  found.forEach((result) => {
    if (result.status === 'fulfilled') byId.set(result.value.id, result.value);
  });
  return byId;
}

export default function Notifications() {
  const { st, lookup, dateTime } = useST();
  const { count, refresh } = useUnread();
  const [unreadOnly, setUnreadOnly] = useState(false);
  // Cursors of the pages before this one, and this one's.
  const [history, setHistory] = useState<string[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [page, setPage] = useState<NotificationPage | null>(null);
  const [complaints, setComplaints] = useState<Map<string, ComplaintView>>(new Map());
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    setLoading(true);
    unwrap(staffApi.GET('/api/v1/notifications', { params: { query: { cursor, limit: PAGE_SIZE, unread_only: unreadOnly || undefined } } }))
      .then(async (p) => {
        const byId = await complaintsOf(p);
        if (!live) return;
        setPage(p);
        setComplaints(byId);
        setShown(null);
        // The list may hold notices newer than the last poll: the badge agrees with it.
        refresh();
      })
      .catch((e: unknown) => live && setShown(translateProblem(toProblem(e), lookup)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursor, unreadOnly, generation]);

  const firstPage = useCallback(() => {
    setHistory([]);
    setCursor(undefined);
    setGeneration((g) => g + 1);
  }, []);

  async function markAll() {
    setBusy(true);
    try {
      await unwrap(staffApi.POST('/api/v1/notifications/read-all'));
      refresh();
      firstPage();
    } catch (e) {
      setShown(translateProblem(toProblem(e), lookup));
    } finally {
      setBusy(false);
    }
  }

  function markRead(id: string) {
    // The link navigates at once; the count in the header follows when the API answers.
    unwrap(staffApi.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }))
      .then(refresh)
      .catch(() => undefined);
  }

  return (
    <>
      <PageTitle title={st('notify.title')}>{st('notify.title')}</PageTitle>
      <div className="toolbar">
        <button type="button" className="button" onClick={markAll} disabled={busy || count === 0}>
          {st('notify.markAll')}
        </button>
        <button
          type="button"
          className="toggle"
          aria-pressed={unreadOnly}
          onClick={() => {
            setUnreadOnly((u) => !u);
            firstPage();
          }}
        >
          {st('notify.unreadOnly')}
        </button>
      </div>
      <ProblemBanner shown={shown} />
      {loading && !page ? <Loading /> : null}
      {page ? (
        <section aria-label={st('notify.list')} aria-busy={loading}>
          {page.items.length === 0 ? <p>{st('notify.empty')}</p> : null}
          <ul className="cards notice-list" data-testid="notifications">
            {page.items.map((n) => {
              const unread = !n.read_at;
              const complaint = complaints.get(n.complaint_id);
              return (
                <li key={n.id} className={`card${unread ? ' unread' : ''}`} data-unread={unread}>
                  <h2>
                    <Link to={`/staff/complaints/${n.complaint_id}`} onClick={unread ? () => markRead(n.id) : undefined}>
                      {notificationText(n, complaint, lookup)}
                    </Link>
                  </h2>
                  {complaint ? <p className="small">{complaint.subject}</p> : null}
                  <p className="meta muted">
                    {unread ? <span className="tag public">{st('notify.new')}</span> : null}
                    <time dateTime={n.created_at}>{dateTime(n.created_at)}</time>
                  </p>
                </li>
              );
            })}
          </ul>
          <CursorPager
            label={st('notify.list')}
            cursor={cursor}
            history={history}
            next={page.next_cursor}
            go={(c, h) => {
              setHistory(h);
              setCursor(c);
            }}
          />
        </section>
      ) : null}
    </>
  );
}
