// One complaint as staff see it: every field, attachments, the identity behind
// a recorded reveal, the timeline (internal notes apart from public replies)
// and the actions the user may take.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { unwrap } from '../api/public';
import type { ComplaintView, EventView } from '../api/types';
import { Loading, PageTitle, ProblemBanner, SlaBadge, StatusBadge } from '../components/ui';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { Actions } from './Actions';
import { Attachments } from './Attachments';
import { Identity } from './Identity';
import { RecordDownload } from './RecordDownload';
import { useReference } from './reference';
import { staffApi, useST } from './session';
import { explainSystemEvent } from './systemEvents';

function Timeline({ events }: { events: EventView[] }) {
  const { st, lookup, dateTime, day } = useST();
  const ref = useReference();
  const person = (userId: string) => ref.staff.find((s) => s.id === userId);
  const sorted = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="timeline" data-testid="timeline">
      {sorted.map((e) => {
        const internal = e.visibility === 'internal';
        const cls = internal ? 'internal' : e.kind === 'reply' ? 'public-reply' : '';
        return (
          <li key={e.seq} className={`event ${cls}`} data-visibility={e.visibility}>
            <p className="event-head">
              <span className={`tag ${internal ? 'internal' : 'public'}`}>
                {internal ? st('complaint.internal') : st('complaint.public')}
              </span>
              <strong>{lookup(`event.${e.kind}`) ?? e.kind}</strong>
              <span className="muted">
                {' · '}
                {e.actor?.name ?? (e.actor_kind === 'reporter' ? lookup('complaint.reporter') : lookup('track.actorSystem'))}
                {e.actor_role ? ` (${lookup(`role.${e.actor_role}`)})` : ''}
                {' · '}
                <time dateTime={e.at}>{dateTime(e.at)}</time>
              </span>
            </p>
            {e.from_status && e.to_status && e.from_status !== e.to_status ? (
              <p className="small muted">
                {lookup(`status.${e.from_status}`)} → {lookup(`status.${e.to_status}`)}
              </p>
            ) : null}
            {explainSystemEvent(e, person, lookup, day).map((line) => (
              <p key={line} className="small" data-testid="system-explanation">
                {line}
              </p>
            ))}
            {e.message ? (
              <p className="event-message">
                {/* The API decides: a public event can carry a staff-only message. */}
                {!internal && e.message_visibility === 'internal' ? <span className="tag internal">{st('timeline.messageInternal')}</span> : null}
                {e.message}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}

export default function ComplaintPage() {
  const { id = '' } = useParams();
  const { st, t, lookup, dateTime, day } = useST();
  const [complaint, setComplaint] = useState<ComplaintView | null>(null);
  const [events, setEvents] = useState<EventView[]>([]);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [stale, setStale] = useState(false);
  const [saved, setSaved] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);

  const loadEvents = useCallback(() => {
    unwrap(staffApi.GET('/api/v1/complaints/{id}/events', { params: { path: { id } } }))
      .then(setEvents)
      .catch(() => undefined);
  }, [id]);

  const load = useCallback(() => {
    setStale(false);
    setSaved(false);
    unwrap(staffApi.GET('/api/v1/complaints/{id}', { params: { path: { id } } }))
      .then((c) => {
        setComplaint(c);
        setShown(null);
      })
      .catch((e: unknown) => setShown(translateProblem(toProblem(e), lookup)));
    loadEvents();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, loadEvents]);

  useEffect(load, [load]);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  if (!complaint) {
    return (
      <>
        <p>
          <Link to="/staff">{st('complaint.back')}</Link>
        </p>
        {shown ? <ProblemBanner shown={shown} /> : <Loading />}
      </>
    );
  }
  const c = complaint;
  const sla = c.sla;
  return (
    <>
      <p className="no-print">
        <Link to="/staff">{st('complaint.back')}</Link>
      </p>
      <PageTitle title={c.subject}>{c.subject}</PageTitle>
      <p className="meta">
        <StatusBadge status={c.status} /> <SlaBadge state={sla.state} /> <span className="mono">{c.register_number}</span> ·{' '}
        <span className="mono">{c.tracking_code}</span> · <span className="muted">{st('complaint.version', { version: c.version })}</span>
      </p>
      {stale ? (
        <div className="alert error" role="alert" tabIndex={-1} ref={staleRef} data-testid="stale">
          <p>
            <strong>{st('complaint.stale')}</strong>
          </p>
          <button type="button" className="button primary" onClick={load}>
            {st('complaint.reload')}
          </button>
        </div>
      ) : null}
      {saved ? (
        <p className="alert success" role="status">
          {st('complaint.done')}
        </p>
      ) : null}
      <div className="layout-2">
        <div>
          <section aria-labelledby="actions-h">
            <h2 id="actions-h">{st('complaint.actions')}</h2>
            <Actions
              complaint={c}
              onStale={() => setStale(true)}
              onDone={(next) => {
                setComplaint(next);
                setSaved(true);
                loadEvents();
              }}
            />
          </section>
          <section aria-labelledby="desc-h">
            <h2 id="desc-h">{st('complaint.description')}</h2>
            <p className="prewrap">{c.description}</p>
            {c.resolution ? (
              <div className="panel answer">
                <h3>{st('complaint.resolution')}</h3>
                <p className="prewrap">{c.resolution}</p>
              </div>
            ) : null}
          </section>
          <section aria-labelledby="att-h">
            <h2 id="att-h">{st('complaint.attachments')}</h2>
            <Attachments complaintId={c.id} files={c.attachments} />
          </section>
          <section aria-labelledby="tl-h">
            <h2 id="tl-h">{st('complaint.timeline')}</h2>
            <Timeline events={events} />
          </section>
        </div>
        <div>
          <section aria-labelledby="details-h">
            <h2 id="details-h">{st('complaint.details')}</h2>
            <dl className="details">
              <dt>{st('complaint.register')}</dt>
              <dd className="mono">{c.register_number}</dd>
              <dt>{st('complaint.tracking')}</dt>
              <dd className="mono">{c.tracking_code}</dd>
              <dt>{st('complaint.kind')}</dt>
              <dd>{t(`kind.${c.kind}`)}</dd>
              <dt>{st('complaint.channel')}</dt>
              <dd>{t(`channel.${c.channel}`)}</dd>
              <dt>{st('complaint.category')}</dt>
              <dd>{c.category.name}</dd>
              <dt>{st('complaint.division')}</dt>
              <dd>{c.division?.name ?? st('complaint.none')}</dd>
              <dt>{st('complaint.assignee')}</dt>
              <dd>{c.assignee?.name ?? st('complaint.none')}</dd>
              <dt>{st('complaint.received')}</dt>
              <dd>{dateTime(c.received_at)}</dd>
              <dt>{st('complaint.updated')}</dt>
              <dd>{dateTime(c.updated_at)}</dd>
              {c.verified_at ? (
                <>
                  <dt>{st('complaint.verifiedAt')}</dt>
                  <dd>{dateTime(c.verified_at)}</dd>
                </>
              ) : null}
              {c.resolved_at ? (
                <>
                  <dt>{st('complaint.resolvedAt')}</dt>
                  <dd>{dateTime(c.resolved_at)}</dd>
                </>
              ) : null}
              {c.closed_at ? (
                <>
                  <dt>{st('complaint.closedAt')}</dt>
                  <dd>{dateTime(c.closed_at)}</dd>
                </>
              ) : null}
              {c.archived_at ? (
                <>
                  <dt>{st('archive.archivedAt')}</dt>
                  <dd>{dateTime(c.archived_at)}</dd>
                </>
              ) : null}
              <dt>{st('complaint.incidentDate')}</dt>
              <dd>{c.incident_date ? day(c.incident_date) : st('complaint.none')}</dd>
              <dt>{st('complaint.incidentPlace')}</dt>
              <dd>{c.incident_place ?? st('complaint.none')}</dd>
              <dt>{st('complaint.flags')}</dt>
              <dd>
                {c.anonymous ? <p className="small">{st('complaint.anonymous')}</p> : null}
                {c.confidential ? <p className="small">{st('complaint.confidential')}</p> : null}
                {!c.anonymous && !c.confidential ? st('complaint.noFlags') : null}
              </dd>
              {c.requirements ? (
                <>
                  <dt>{st('complaint.requirements')}</dt>
                  <dd>
                    {[
                      c.requirements.identity ? st('form.req.identity') : null,
                      c.requirements.address ? st('form.req.address') : null,
                      c.requirements.evidence ? st('form.req.evidence') : null,
                    ]
                      .filter(Boolean)
                      .join(', ') || st('complaint.none')}
                  </dd>
                </>
              ) : null}
              {c.rejection_reason ? (
                <>
                  <dt>{st('complaint.rejection')}</dt>
                  <dd>{lookup(`reason.${c.rejection_reason}`)}</dd>
                </>
              ) : null}
              {c.external ? (
                <>
                  <dt>{st('complaint.external')}</dt>
                  <dd>
                    {c.external.system}: {c.external.id}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <section aria-labelledby="sla-h">
            <h2 id="sla-h">{st('complaint.sla')}</h2>
            <dl className="details">
              <dt>{st('complaint.verificationDue')}</dt>
              <dd>{day(sla.verification_due_on)}</dd>
              <dt>{st('complaint.resolutionDue')}</dt>
              <dd>{day(sla.resolution_due_on)}</dd>
              {sla.reporter_due_on ? (
                <>
                  <dt>{st('complaint.reporterDue')}</dt>
                  <dd>{day(sla.reporter_due_on)}</dd>
                </>
              ) : null}
            </dl>
            <p className="small">
              {st('complaint.targetDays', { days: sla.target_days, ext: sla.extension_days, paused: sla.paused_days })}
            </p>
          </section>
          <Identity complaint={c} onRevealed={loadEvents} />
          <RecordDownload complaint={c} />
        </div>
      </div>
    </>
  );
}
