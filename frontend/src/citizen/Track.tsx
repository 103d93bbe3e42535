// Tracking by code: where the complaint stands, its deadline, the public
// timeline and answer; adding information when asked; accepting or disputing
// the answer within the evaluation window.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { API_BASE, publicApi, unwrap } from '../api/public';
import type { PublicEvent, Status, TrackingView } from '../api/types';
import { FilePicker, ProgressBar } from '../components/FilePicker';
import { Loading, PageTitle, ProblemBanner, StatusBadge, TextArea, TextField } from '../components/ui';
import { useI18n } from '../i18n';
import { errorsByGroup, fieldId } from '../lib/fields';
import { problemSlug, toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { normaliseCode, stepIndex } from '../lib/tracking';
import { multipart, upload } from '../lib/upload';

const STEPS = ['received', 'verified', 'dispositioned', 'in_progress', 'resolved', 'closed'] as const;

function Stepper({ status }: { status: Status }) {
  const { t } = useI18n();
  const current = stepIndex(status);
  if (current < 0) return null;
  return (
    <ol className="stepper" aria-label={t('track.stepsLabel')}>
      {STEPS.map((step, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={step} className={`step ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span className="dot" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span className="step-label">
              {t(`track.step.${step}`)}
              {state === 'done' ? <span className="visually-hidden"> ({t('track.stepDone')})</span> : null}
              {state === 'current' ? <span className="visually-hidden"> ({t('track.stepCurrent')})</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function PublicTimeline({ events }: { events: PublicEvent[] }) {
  const { t, lookup, dateTime } = useI18n();
  const sorted = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="timeline">
      {sorted.map((event) => (
        <li key={event.seq} className={`event event-${event.kind}`}>
          <p className="event-head">
            <strong>{lookup(`event.${event.kind}`) ?? event.kind}</strong>
            <span className="muted">
              {' · '}
              {event.actor_kind === 'reporter'
                ? t('track.actorReporter')
                : event.actor_role
                  ? lookup(`role.${event.actor_role}`)
                  : t('track.actorSystem')}
              {' · '}
              <time dateTime={event.at}>{dateTime(event.at)}</time>
            </span>
          </p>
          {event.message ? <p className="event-message">{event.message}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function AddInformation({ code, onDone }: { code: string; onDone: (view: TrackingView) => void }) {
  const { t, lookup } = useI18n();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const errors = shown ? errorsByGroup(shown.fields) : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setShown(null);
    const body = { message: message.trim() };
    try {
      const result = await upload<TrackingView>({
        url: `${API_BASE}/track/${encodeURIComponent(code)}/information`,
        body: files.length ? multipart('information', body, files) : JSON.stringify(body),
        headers: files.length ? {} : { 'content-type': 'application/json' },
        onProgress: files.length ? setProgress : undefined,
      });
      setMessage('');
      setFiles([]);
      onDone(result.data);
    } catch (err) {
      setShown(translateProblem(toProblem(err), lookup));
    } finally {
      setSending(false);
      setProgress(null);
    }
  }

  return (
    <section aria-labelledby="add-info" className="panel">
      <h2 id="add-info">{t('track.addInfo')}</h2>
      <p>{t('track.addInfoHelp')}</p>
      <ProblemBanner shown={shown} />
      <form onSubmit={submit} noValidate className="stack">
        <TextArea
          id={fieldId('message', 'info')}
          label={t('track.message')}
          required
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          error={errors.message}
        />
        <FilePicker id={fieldId('files', 'info')} files={files} onChange={setFiles} error={errors.files} disabled={sending} />
        <ProgressBar percent={progress} />
        <button className="button primary" type="submit" disabled={sending}>
          {sending ? t('form.sending') : t('track.sendInfo')}
        </button>
      </form>
    </section>
  );
}

function Evaluate({ code, onDone }: { code: string; onDone: (view: TrackingView, disputed: boolean) => void }) {
  const { t, lookup } = useI18n();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [sending, setSending] = useState(false);

  async function accept() {
    setSending(true);
    setShown(null);
    try {
      onDone(await unwrap(publicApi.POST('/api/v1/track/{code}/accept', { params: { path: { code } } })), false);
    } catch (e) {
      setShown(translateProblem(toProblem(e), lookup));
    } finally {
      setSending(false);
    }
  }

  async function dispute(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setShown(null);
    try {
      onDone(
        await unwrap(publicApi.POST('/api/v1/track/{code}/dispute', { params: { path: { code } }, body: { reason: reason.trim() } })),
        true,
      );
    } catch (err) {
      setShown(translateProblem(toProblem(err), lookup));
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="evaluate" className="panel">
      <h2 id="evaluate">{t('track.evaluate')}</h2>
      <p>{t('track.evaluateHelp')}</p>
      <ProblemBanner shown={shown} />
      {!disputing ? (
        <p className="cta-row">
          <button type="button" className="button primary" onClick={accept} disabled={sending}>
            {t('track.accept')}
          </button>
          <button type="button" className="button" onClick={() => setDisputing(true)} disabled={sending}>
            {t('track.dispute')}
          </button>
        </p>
      ) : (
        <form onSubmit={dispute} noValidate className="stack">
          <TextArea
            id="dispute-reason"
            label={t('track.disputeReason')}
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={shown?.fields.reason}
          />
          <p className="cta-row">
            <button type="submit" className="button primary" disabled={sending}>
              {t('track.sendDispute')}
            </button>
            <button type="button" className="button" onClick={() => setDisputing(false)}>
              {t('form.cancel')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}

/** Survey elements (PermenPANRB 14/2017) as the API names them; facilities is optional. */
const ELEMENTS = ['requirements', 'procedure', 'time', 'cost', 'result', 'competence', 'behaviour', 'handling', 'facilities'] as const;
const SCORES = [1, 2, 3, 4] as const;

function Rate({ code, onDone }: { code: string; onDone: (view: TrackingView) => void }) {
  const { t, lookup } = useI18n();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [overall, setOverall] = useState(0);
  const [comment, setComment] = useState('');
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [sending, setSending] = useState(false);
  const errors = shown ? errorsByGroup(shown.fields) : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSending(true);
    setShown(null);
    try {
      onDone(
        await unwrap(
          publicApi.POST('/api/v1/track/{code}/evaluation', {
            params: { path: { code } },
            // The document types `scores` as a bare object; it maps element → 1..4.
            body: { scores: scores as unknown as Record<string, never>, overall, comment: comment.trim() || null },
          }),
        ),
      );
    } catch (err) {
      setShown(translateProblem(toProblem(err), lookup));
    } finally {
      setSending(false);
    }
  }

  const scale = (name: string, value: number, onChange: (v: number) => void, legend: string, optional = false) => (
    <fieldset className={`radios scale${errors[name] ? ' has-error' : ''}`} key={name} id={`rate-${name}`}>
      <legend>
        {legend}
        {optional ? <span className="req"> ({t('form.optional')})</span> : null}
      </legend>
      {errors[name] ? <p className="field-error">{errors[name]}</p> : null}
      <div className="scale-options">
        {SCORES.map((n) => (
          <label key={n} className="radio">
            <input type="radio" name={`rate-${name}`} value={n} checked={value === n} onChange={() => onChange(n)} />{' '}
            {t(`rate.score${n}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <section aria-labelledby="rate-h" className="panel">
      <h2 id="rate-h">{t('rate.title')}</h2>
      <p>{t('rate.intro')}</p>
      <ProblemBanner shown={shown} />
      <form onSubmit={submit} noValidate className="stack">
        {ELEMENTS.map((el) =>
          scale(
            `scores.${el}`,
            scores[el] ?? 0,
            (v) => setScores((s) => ({ ...s, [el]: v })),
            t(`rate.el.${el}`),
            el === 'facilities',
          ),
        )}
        {scale('overall', overall, setOverall, t('rate.overall'))}
        <TextArea id="rate-comment" label={t('rate.comment')} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} error={errors.comment} />
        <button className="button primary" type="submit" disabled={sending}>
          {t('rate.send')}
        </button>
      </form>
    </section>
  );
}

function TrackForm({ initial }: { initial: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  return (
    <form
      className="track-form"
      onSubmit={(e) => {
        e.preventDefault();
        const c = normaliseCode(code);
        if (c) navigate(`/track/${encodeURIComponent(c)}`);
      }}
    >
      <TextField
        id="track-code"
        label={t('track.code')}
        value={code}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => setCode(e.target.value)}
        hint={t('track.intro')}
      />
      <button type="submit" className="button primary">
        {t('track.go')}
      </button>
    </form>
  );
}

export default function Track() {
  const { t, lookup, day, dateTime } = useI18n();
  const { code: rawCode } = useParams();
  const code = rawCode ? normaliseCode(rawCode) : '';
  const [view, setView] = useState<TrackingView | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    if (!code) return;
    setLoading(true);
    setShown(null);
    unwrap(publicApi.GET('/api/v1/track/{code}', { params: { path: { code } } }))
      .then(setView)
      .catch((e: unknown) => {
        const problem = toProblem(e);
        setView(null);
        setShown(
          problemSlug(problem) === 'not-found' || problem.status === 404 || problem.status === 422
            ? { summary: t('track.notFound'), fields: {}, stale: false }
            : translateProblem(problem, lookup),
        );
      })
      .finally(() => setLoading(false));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code]);

  useEffect(load, [load]);

  return (
    <>
      <PageTitle title={t('track.title')}>{t('track.title')}</PageTitle>
      <TrackForm key={code} initial={code} />
      <ProblemBanner shown={shown} />
      {loading && !view ? <Loading /> : null}
      {notice ? (
        <p className="alert success" role="status">
          {notice}
        </p>
      ) : null}
      {view ? (
        <section aria-labelledby="track-result" className="track-result">
          <h2 id="track-result" className="code-heading">
            {view.tracking_code}
          </h2>
          <p className="status-line">
            {t('track.status')}: <StatusBadge status={view.status} />
          </p>
          <Stepper status={view.status} />
          {view.status === 'needs_info' ? <p className="alert warning">{t('track.needsInfo')}</p> : null}
          <dl className="details">
            <dt>{t('track.register')}</dt>
            <dd>{view.register_number}</dd>
            <dt>{t('receipt.kind')}</dt>
            <dd>{t(`kind.${view.kind}`)}</dd>
            <dt>{t('track.category')}</dt>
            <dd>{view.category}</dd>
            <dt>{t('track.subject')}</dt>
            <dd>{view.confidential || !view.subject ? <em>{t('track.confidential')}</em> : view.subject}</dd>
            <dt>{t('track.receivedAt')}</dt>
            <dd>{dateTime(view.received_at)}</dd>
            {view.status === 'received' ? (
              <>
                <dt>{t('track.dueVerification')}</dt>
                <dd>{day(view.sla.verification_due_on)}</dd>
              </>
            ) : null}
            {view.sla.reporter_due_on ? (
              <>
                <dt>{view.status === 'resolved' ? t('track.dueEvaluation') : t('track.dueReporter')}</dt>
                <dd>{day(view.sla.reporter_due_on)}</dd>
              </>
            ) : null}
            {!['rejected', 'closed', 'archived'].includes(view.status) ? (
              <>
                <dt>{t('track.dueResolution')}</dt>
                <dd data-testid="due-date">{day(view.sla.resolution_due_on)}</dd>
              </>
            ) : null}
            <dt>{t('receipt.attachments')}</dt>
            <dd>{view.attachment_count}</dd>
          </dl>
          {view.status === 'needs_info' ? <p className="small">{t('track.paused')}</p> : null}
          {view.status === 'rejected' ? (
            <div className="panel">
              <h3>{t('track.rejected')}</h3>
              {view.rejection_reason ? <p>{lookup(`reason.${view.rejection_reason}`)}</p> : null}
            </div>
          ) : null}
          {view.resolution ? (
            <div className="panel answer">
              <h3>{t('track.answer')}</h3>
              <p className="prewrap" data-testid="resolution">
                {view.resolution}
              </p>
            </div>
          ) : null}
          {view.can_evaluate ? (
            <Evaluate
              code={view.tracking_code}
              onDone={(v, disputed) => {
                setView(v);
                setNotice(disputed ? t('track.disputed') : t('track.accepted'));
              }}
            />
          ) : null}
          {view.can_rate ? (
            <Rate
              code={view.tracking_code}
              onDone={(v) => {
                setView(v);
                setNotice(t('rate.thanks'));
              }}
            />
          ) : null}
          {view.can_add_information ? (
            <AddInformation
              code={view.tracking_code}
              onDone={(v) => {
                setView(v);
                setNotice(t('track.infoSent'));
              }}
            />
          ) : null}
          <h3>{t('track.timeline')}</h3>
          <PublicTimeline events={view.timeline} />
        </section>
      ) : null}
    </>
  );
}
