// The audit log for supervisors and admins: every staff action, sign-in,
// identity reveal and export, newest first, filtered by action, actor, days
// and complaint (filters in the URL). Read-only: the log cannot be changed.
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { unwrap } from '../api/public';
import type { components } from '../api/schema';
import type { StaffRef } from '../api/types';
import { Loading, PageTitle, ProblemBanner, SelectField, TextField } from '../components/ui';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { AUDIT_ACTIONS, auditFilters, auditSearch, detailPairs, type AuditFilterKey, type AuditFilters } from './audit';
import { CursorPager, withCursor } from './CursorPager';
import { useReference } from './reference';
import { staffApi, useST } from './session';

type AuditPage = components['schemas']['AuditPage'];
type AuditEntry = components['schemas']['AuditEntryView'];

const PAGE_SIZE = 50;

export default function Audit() {
  const { st, lookup } = useST();
  const ref = useReference();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const cursor = params.get('cursor') ?? undefined;
  const [draft, setDraft] = useState<AuditFilters>(auditFilters(params));
  const [page, setPage] = useState<AuditPage | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [history, setHistory] = useState<string[]>([]);

  useEffect(() => {
    const current = new URLSearchParams(key);
    setDraft(auditFilters(current));
    let live = true;
    setLoading(true);
    const query = { ...auditFilters(current), cursor: current.get('cursor') ?? undefined, limit: PAGE_SIZE };
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- filter values come from the URL; the API validates them
    unwrap(staffApi.GET('/api/v1/audit', { params: { query: query as any } }))
      .then((p) => {
        if (!live) return;
        setPage(p);
        setShown(null);
      })
      .catch((e: unknown) => live && setShown(translateProblem(toProblem(e), lookup)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setHistory([]);
    setParams(auditSearch(draft));
  }

  const setD = (k: AuditFilterKey, v: string) => setDraft((d) => ({ ...d, [k]: v }));

  return (
    <>
      <PageTitle title={st('audit.title')}>{st('audit.title')}</PageTitle>
      <p>{st('audit.intro')}</p>
      <form onSubmit={submit} className="panel" role="search" aria-label={st('inbox.filters')}>
        <div className="filters">
          <SelectField id="audit-action" label={st('audit.action')} value={draft.action ?? ''} onChange={(e) => setD('action', e.target.value)}>
            <option value="">{st('inbox.any')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {lookup(`audit.action.${a}`) ?? a}
              </option>
            ))}
          </SelectField>
          <SelectField id="audit-actor" label={st('audit.actor')} value={draft.actor_id ?? ''} onChange={(e) => setD('actor_id', e.target.value)}>
            <option value="">{st('inbox.any')}</option>
            {ref.staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.full_name}
              </option>
            ))}
          </SelectField>
          <TextField id="audit-from" type="date" label={st('report.from')} value={draft.from ?? ''} onChange={(e) => setD('from', e.target.value)} error={shown?.fields.from} />
          <TextField id="audit-to" type="date" label={st('report.to')} value={draft.to ?? ''} onChange={(e) => setD('to', e.target.value)} error={shown?.fields.to} />
          <TextField
            id="audit-object"
            label={st('audit.object')}
            hint={st('audit.objectHint')}
            value={draft.object_id ?? ''}
            onChange={(e) => setD('object_id', e.target.value)}
          />
        </div>
        <p className="cta-row">
          <button type="submit" className="button primary">
            {st('inbox.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setHistory([]);
              setParams(new URLSearchParams());
            }}
          >
            {st('inbox.reset')}
          </button>
        </p>
      </form>
      <ProblemBanner shown={shown} />
      {loading && !page ? <Loading /> : null}
      {page ? (
        <section aria-labelledby="audit-results" aria-busy={loading}>
          <h2 id="audit-results" className="visually-hidden">
            {st('audit.entries')}
          </h2>
          {page.items.length === 0 ? <p>{st('audit.empty')}</p> : <AuditTable entries={page.items} staff={ref.staff} />}
          <CursorPager
            label={st('audit.pages')}
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

function AuditTable({ entries, staff }: { entries: AuditEntry[]; staff: StaffRef[] }) {
  const { st, lookup, dateTime } = useST();
  return (
    <div className="table-wrap">
      <table className="admin-table" data-testid="audit-table">
        <caption className="visually-hidden">{st('audit.entries')}</caption>
        <thead>
          <tr>
            <th scope="col">{st('audit.at')}</th>
            <th scope="col">{st('audit.actor')}</th>
            <th scope="col">{st('audit.action')}</th>
            <th scope="col">{st('audit.subject')}</th>
            <th scope="col">{st('audit.details')}</th>
            <th scope="col">{st('audit.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td>{dateTime(entry.at)}</td>
              <td>
                {entry.actor ? entry.actor.name : st('audit.noActor')}
                {entry.actor_role ? <span className="muted small"> ({lookup(`role.${entry.actor_role}`) ?? entry.actor_role})</span> : null}
              </td>
              <td>{lookup(`audit.action.${entry.action}`) ?? entry.action}</td>
              <td>
                {lookup(`audit.object.${entry.object_type}`) ?? entry.object_type}
                {entry.object_id ? (
                  <>
                    {' '}
                    {entry.object_type === 'complaint' ? (
                      <Link to={`/staff/complaints/${entry.object_id}`} className="mono small">
                        {entry.object_id}
                      </Link>
                    ) : entry.object_type === 'user' && staff.some((s) => s.id === entry.object_id) ? (
                      <span>{staff.find((s) => s.id === entry.object_id)!.full_name}</span>
                    ) : (
                      <span className="mono small">{entry.object_id}</span>
                    )}
                  </>
                ) : null}
              </td>
              <td className="small">
                {detailPairs(entry.details)
                  .map(([name, value]) => `${name}: ${value}`)
                  .join('; ')}
              </td>
              <td className="mono small">{entry.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
