// Previous / next buttons for the API's cursor pages. A cursor only leads
// forward, so the cursors of the pages already seen are kept to go back.
import { useST } from './session';

export interface CursorPagerProps {
  /** Names the navigation for assistive technology. */
  label: string;
  /** The cursor of the page shown; absent on the first page. */
  cursor: string | undefined;
  /** Cursors of the pages before the one shown (the first page has none). */
  history: string[];
  /** `next_cursor` of the page shown. */
  next: string | null | undefined;
  /** Shows the page at `cursor`, with `history` as the pages before it. */
  go: (cursor: string | undefined, history: string[]) => void;
}

export function CursorPager({ label, cursor, history, next, go }: CursorPagerProps) {
  const { st } = useST();
  return (
    <nav className="cta-row" aria-label={label}>
      {cursor ? (
        <button type="button" className="button" onClick={() => go(history[history.length - 1], history.slice(0, -1))}>
          {history.length ? st('inbox.prev') : st('inbox.first')}
        </button>
      ) : null}
      {next ? (
        <button type="button" className="button" onClick={() => go(next, cursor ? [...history, cursor] : history)}>
          {st('inbox.next')}
        </button>
      ) : null}
    </nav>
  );
}

/** Puts a page's cursor in the URL's query, or takes it out for the first page. */
export function withCursor(params: URLSearchParams, cursor: string | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  if (cursor) next.set('cursor', cursor);
  else next.delete('cursor');
  return next;
}
