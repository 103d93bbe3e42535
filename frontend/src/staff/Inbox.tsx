// The staff inbox: filters kept in the URL, search, sort, cursor pages, SLA
// badges and the count per status.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { unwrap } from '../api/public';
import { CHANNELS, KINDS, STATUSES, type ComplaintPage, type StatusCount } from '../api/types';
import { Loading, PageTitle, ProblemBanner, SelectField, SlaBadge, StatusBadge, TextField } from '../components/ui';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { CursorPager, withCursor } from './CursorPager';
import { useReference } from './reference';
import { staffApi, useRole, useST } from './session';

export const FILTER_KEYS = [
  'status',
  'kind',
  'channel',
  'category_id',
  'division_id',
  'assignee_id',
  'sla',
  'received_from',
  'received_to',
  'q',
  'sort',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export function filtersFrom(params: URLSearchParams): Filters {
  const out: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

/** The archive is its own view (the "Arsip" toggle), not one status among the working ones. */
const ARCHIVED = 'archived';
const ACTIVE_STATUSES = STATUSES.filter((s) => s !== ARCHIVED);

const SORTS = ['-received_at', 'received_at', '-updated_at', 'updated_at'] as const;
const SLAS = ['on_track', 'at_risk', 'overdue'] as const;
const PAGE_SIZE = 25;

export default function Inbox() {
  const { st, t, lookup, day, dateTime } = useST();
  const role = useRole();
  const ref = useReference();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const cursor = params.get('cursor') ?? undefined;
  const [draft, setDraft] = useState<Filters>(filters);
  const [page, setPage] = useState<ComplaintPage | null>(null);
  const [counts, setCounts] = useState<StatusCount[]>([]);
  const [archivedCount, setArchivedCount] = useState(0);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [history, setHistory] = useState<string[]>([]);
  const key = params.toString();

  useEffect(() => {
    setDraft(filtersFrom(new URLSearchParams(key)));
    let live = true;
    setLoading(true);
    const current = new URLSearchParams(key);
    const query = { ...filtersFrom(current), cursor: current.get('cursor') ?? undefined, limit: PAGE_SIZE };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const q = query as any;
    const countQuery = { ...q, cursor: undefined, limit: undefined };
    const inArchive = q.status === ARCHIVED;
    Promise.all([
      unwrap(staffApi.GET('/api/v1/complaints', { params: { query: q } })),
      unwrap(staffApi.GET('/api/v1/complaints/counts', { params: { query: { ...countQuery, status: inArchive ? undefined : q.status } } })),
      unwrap(staffApi.GET('/api/v1/complaints/counts', { params: { query: { ...countQuery, status: ARCHIVED } } })),
    ])
      .then(([p, c, archived]) => {
        if (!live) return;
        setPage(p);
        setCounts(c);
        setArchivedCount(archived.find((a) => a.status === ARCHIVED)?.count ?? 0);
        setShown(null);
      })
      .catch((e: unknown) => live && setShown(translateProblem(toProblem(e), lookup)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  function apply(next: Filters) {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]!);
    setHistory([]);
    setParams(p);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    apply(draft);
  }

  const archive = filters.status === ARCHIVED;
  const selected = new Set(archive ? [] : (filters.status ?? '').split(',').filter(Boolean));
  function toggleStatus(status: string) {
    const next = new Set(selected);
    if (next.has(status)) next.delete(status);
    else next.add(status);
    apply({ ...filters, status: [...next].join(',') });
  }

  const setD = (k: FilterKey, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const categoryName = (id: string) => ref.categories.find((c) => c.id === id)?.name ?? '';
  const divisionName = (id?: string | null) => (id ? (ref.divisions.find((d) => d.id === id)?.name ?? '') : '');
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const title = archive ? st('archive.title') : st('inbox.title');

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      {archive ? <p>{st('archive.help')}</p> : null}
      <ul className="counts" aria-label={st('inbox.countsLabel')}>
        <li>
          <button type="button" aria-pressed={!archive && selected.size === 0} onClick={() => apply({ ...filters, status: '' })}>
            {st('inbox.allStatuses')} ({total})
          </button>
        </li>
        {ACTIVE_STATUSES.map((status) => {
          const count = counts.find((c) => c.status === status)?.count ?? 0;
          return (
            <li key={status}>
              <button
                type="button"
                aria-pressed={selected.has(status)}
                onClick={() => toggleStatus(status)}
                data-testid={`count-${status}`}
              >
                {t(`status.${status}`)} ({count})
              </button>
            </li>
          );
        })}
        <li>
          <button
            type="button"
            aria-pressed={archive}
            onClick={() => apply({ ...filters, status: archive ? '' : ARCHIVED })}
            data-testid="archive-toggle"
          >
            {st('archive.toggle', { count: archivedCount })}
          </button>
        </li>
      </ul>

      <details className="panel" open={Object.keys(filters).some((k) => k !== 'status' && k !== 'q')}>
        <summary>{st('inbox.filters')}</summary>
        <form onSubmit={submit} className="filters" role="search" aria-label={st('inbox.filters')}>
          <TextField
            id="q"
            type="search"
            label={st('inbox.search')}
            hint={st('inbox.searchHelp')}
            value={draft.q ?? ''}
            onChange={(e) => setD('q', e.target.value)}
          />
          <SelectField id="sort" label={st('inbox.sort')} value={draft.sort ?? '-received_at'} onChange={(e) => setD('sort', e.target.value)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {st(`inbox.sort.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="kind" label={st('inbox.kind')} value={draft.kind ?? ''} onChange={(e) => setD('kind', e.target.value)}>
            <option value="">{st('inbox.any')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="channel" label={st('inbox.channel')} value={draft.channel ?? ''} onChange={(e) => setD('channel', e.target.value)}>
            <option value="">{st('inbox.any')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="category_id"
            label={st('inbox.category')}
            value={draft.category_id ?? ''}
            onChange={(e) => setD('category_id', e.target.value)}
          >
            <option value="">{st('inbox.any')}</option>
            {ref.categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          {role !== 'division_staff' ? (
            <SelectField
              id="division_id"
              label={st('inbox.division')}
              value={draft.division_id ?? ''}
              onChange={(e) => setD('division_id', e.target.value)}
            >
              <option value="">{st('inbox.any')}</option>
              {ref.divisions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField
            id="assignee_id"
            label={st('inbox.assignee')}
            value={draft.assignee_id ?? ''}
            onChange={(e) => setD('assignee_id', e.target.value)}
          >
            <option value="">{st('inbox.any')}</option>
            <option value="me">{st('inbox.assigneeMe')}</option>
            {ref.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.full_name}
              </option>
            ))}
          </SelectField>
          <SelectField id="sla" label={st('inbox.sla')} value={draft.sla ?? ''} onChange={(e) => setD('sla', e.target.value)}>
            <option value="">{st('inbox.any')}</option>
            {SLAS.map((s) => (
              <option key={s} value={s}>
                {t(`sla.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="received_from"
            type="date"
            label={st('inbox.from')}
            value={draft.received_from ?? ''}
            onChange={(e) => setD('received_from', e.target.value)}
          />
          <TextField
            id="received_to"
            type="date"
            label={st('inbox.to')}
            value={draft.received_to ?? ''}
            onChange={(e) => setD('received_to', e.target.value)}
          />
          <p className="cta-row">
            <button type="submit" className="button primary">
              {st('inbox.apply')}
            </button>
            <button type="button" className="button" onClick={() => apply(archive ? { status: ARCHIVED } : {})}>
              {st('inbox.reset')}
            </button>
          </p>
        </form>
      </details>

      <ProblemBanner shown={shown} />
      {loading && !page ? <Loading /> : null}
      {page ? (
        <section aria-labelledby="results" aria-busy={loading}>
          <h2 id="results" className="visually-hidden">
            {st('inbox.results')}
          </h2>
          {page.items.length === 0 ? <p>{st('inbox.empty')}</p> : null}
          <ul className="cards" data-testid="inbox-list">
            {page.items.map((c) => (
              <li key={c.id} className="card">
                <h3>
                  <Link to={`/staff/complaints/${c.id}`}>{c.subject}</Link>
                </h3>
                <p className="meta">
                  <StatusBadge status={c.status} />
                  <SlaBadge state={c.sla.state} />
                  <span className="mono">{c.register_number}</span>
                  <span className="mono">{c.tracking_code}</span>
                </p>
                <p className="meta muted">
                  <span>{t(`kind.${c.kind}`)}</span>·<span>{t(`channel.${c.channel}`)}</span>·
                  <span>{categoryName(c.category_id)}</span>
                  {c.division_id ? (
                    <>
                      ·<span>{divisionName(c.division_id)}</span>
                    </>
                  ) : null}
                  {c.anonymous ? <span>· {st('inbox.anonymous')}</span> : null}
                  {c.confidential ? <span>· {st('inbox.confidential')}</span> : null}
                </p>
                <p className="meta muted">
                  <span>{st('inbox.received', { date: dateTime(c.received_at) })}</span>
                  {c.sla.due_on ? <span>· {st('inbox.due', { date: day(c.sla.due_on, false) })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
          <CursorPager
            label={st('inbox.results')}
            cursor={cursor}
            history={history}
            next={page.next_cursor}
            go={(c, h) => {
              setHistory(h);
              setParams(withCursor(params, c));
            }}
          />
        </section>
      ) : null}
    </>
  );
}
