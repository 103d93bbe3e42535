// The lifecycle actions the API offers the signed-in user (available_actions),
// each with its form; every change carries If-Match with the version read.
import { useState, type FormEvent } from 'react';
import { unwrap } from '../api/public';
import { REJECTION_REASONS, type Action, type ComplaintView, type RejectionReason } from '../api/types';
import { CheckField, ProblemBanner, SelectField, TextArea, TextField } from '../components/ui';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { errorsByGroup } from '../lib/fields';
import { useReference } from './reference';
import { ifMatch, staffApi, useST } from './session';
import type { StaffKey } from './messages';

/** The actions staff take from this page, in the order shown. */
export const STAFF_ACTIONS = [
  'verify',
  'request_info',
  'reject',
  'disposition',
  'start',
  'resolve',
  'extend',
  'close',
  'archive',
  'reply',
  'note',
] as const satisfies readonly Action[];
export type StaffAction = (typeof STAFF_ACTIONS)[number];

export function offered(available: Action[]): StaffAction[] {
  return STAFF_ACTIONS.filter((a) => available.includes(a));
}

interface FormState {
  note: string;
  message: string;
  reason: RejectionReason;
  duplicate_of: string;
  division_id: string;
  assignee_id: string;
  answer: string;
  days: string;
  identity: boolean;
  address: boolean;
  evidence: boolean;
  category_id: string;
}

export function perform(action: StaffAction, complaint: ComplaintView, f: FormState) {
  const path = { id: complaint.id };
  const header = ifMatch(complaint.version);
  const opt = (v: string) => (v.trim() ? v.trim() : null);
  switch (action) {
    case 'verify':
      return staffApi.POST('/api/v1/complaints/{id}/verify', {
        params: { path, header },
        body: {
          requirements: { identity: f.identity, address: f.address, evidence: f.evidence },
          category_id: f.category_id || null,
          note: opt(f.note),
        },
      });
    case 'request_info':
      return staffApi.POST('/api/v1/complaints/{id}/request-info', { params: { path, header }, body: { message: f.message.trim() } });
    case 'reject':
      return staffApi.POST('/api/v1/complaints/{id}/reject', {
        params: { path, header },
        body: { reason: f.reason, message: f.message.trim(), duplicate_of: f.reason === 'duplicate' ? opt(f.duplicate_of) : null },
      });
    case 'disposition':
      return staffApi.POST('/api/v1/complaints/{id}/disposition', {
        params: { path, header },
        body: { division_id: f.division_id, assignee_id: f.assignee_id || null, note: opt(f.note) },
      });
    case 'start':
      return staffApi.POST('/api/v1/complaints/{id}/start', { params: { path, header }, body: { note: opt(f.note) } });
    case 'resolve':
      return staffApi.POST('/api/v1/complaints/{id}/resolve', { params: { path, header }, body: { answer: f.answer.trim() } });
    case 'extend':
      return staffApi.POST('/api/v1/complaints/{id}/extend', {
        params: { path, header },
        body: { days: Number(f.days) || 0, reason: f.message.trim() },
      });
    case 'close':
      return staffApi.POST('/api/v1/complaints/{id}/close', { params: { path, header }, body: { note: opt(f.note) } });
    case 'archive':
      return staffApi.POST('/api/v1/complaints/{id}/archive', { params: { path, header }, body: { note: opt(f.note) } });
    case 'reply':
      return staffApi.POST('/api/v1/complaints/{id}/replies', { params: { path }, body: { message: f.message.trim() } });
    case 'note':
      return staffApi.POST('/api/v1/complaints/{id}/notes', { params: { path }, body: { message: f.message.trim() } });
  }
}

interface Props {
  complaint: ComplaintView;
  onDone: (next: ComplaintView) => void;
  onStale: () => void;
}

export function Actions({ complaint, onDone, onStale }: Props) {
  const { st } = useST();
  const [open, setOpen] = useState<StaffAction | null>(null);
  const actions = offered(complaint.available_actions);
  if (actions.length === 0) return <p>{st('complaint.noActions')}</p>;
  return (
    <>
      <div className="actions" role="group" aria-label={st('complaint.actions')}>
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`button${open === a ? ' primary' : ''}${a === 'reject' ? ' danger' : ''}`}
            aria-expanded={open === a}
            aria-controls="action-form"
            onClick={() => setOpen(open === a ? null : a)}
            data-action={a}
          >
            {st(`action.${a}` as StaffKey)}
          </button>
        ))}
      </div>
      {open ? (
        <ActionForm
          key={`${open}-${complaint.version}`}
          action={open}
          complaint={complaint}
          onCancel={() => setOpen(null)}
          onDone={(next) => {
            setOpen(null);
            onDone(next);
          }}
          onStale={onStale}
        />
      ) : null}
    </>
  );
}

function ActionForm({
  action,
  complaint,
  onDone,
  onCancel,
  onStale,
}: {
  action: StaffAction;
  complaint: ComplaintView;
  onDone: (c: ComplaintView) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const { st, t, lookup } = useST();
  const ref = useReference();
  const [f, setF] = useState<FormState>({
    note: '',
    message: '',
    reason: 'outside_authority',
    duplicate_of: '',
    division_id: complaint.division?.id ?? '',
    assignee_id: complaint.assignee?.id ?? '',
    answer: '',
    days: '5',
    identity: complaint.reporter.identified && !!complaint.reporter.id_type,
    address: complaint.reporter.has_address,
    evidence: complaint.attachments.length > 0,
    category_id: '',
  });
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setF((s) => ({ ...s, [k]: v }));
  const errors = shown ? errorsByGroup(shown.fields) : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setShown(null);
    try {
      onDone(await unwrap(perform(action, complaint, f)));
    } catch (err) {
      const problem = toProblem(err);
      const s = translateProblem(problem, lookup);
      if (s.stale) onStale();
      else setShown(s);
    } finally {
      setBusy(false);
    }
  }

  const division = ref.divisions.find((d) => d.id === f.division_id);
  const handlers = ref.staff.filter((s) => s.division_id === f.division_id);
  const note = (
    <TextArea id="act-note" label={st('form.note')} hint={st('form.noteHelp')} rows={2} value={f.note} onChange={(e) => set('note', e.target.value)} error={errors.note} />
  );

  return (
    <form id="action-form" className="panel stack" onSubmit={submit} noValidate aria-labelledby="action-title">
      <h3 id="action-title">{st(`action.${action}` as StaffKey)}</h3>
      <ProblemBanner shown={shown} />
      {action === 'verify' ? (
        <>
          <fieldset>
            <legend>{st('form.checklist')}</legend>
            <p className="hint">{st('form.checklistHelp')}</p>
            <CheckField id="req-identity" label={st('form.req.identity')} checked={f.identity} onChange={(e) => set('identity', e.target.checked)} />
            <CheckField id="req-address" label={st('form.req.address')} checked={f.address} onChange={(e) => set('address', e.target.checked)} />
            <CheckField id="req-evidence" label={st('form.req.evidence')} checked={f.evidence} onChange={(e) => set('evidence', e.target.checked)} />
            {errors.requirements ? <p className="field-error">{errors.requirements}</p> : null}
          </fieldset>
          <SelectField id="act-category" label={st('form.recategorise')} value={f.category_id} onChange={(e) => set('category_id', e.target.value)} error={errors.category_id}>
            <option value="">{st('form.keepCategory')}</option>
            {ref.categories
              .filter((c) => c.active && c.id !== complaint.category.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
          </SelectField>
          {note}
        </>
      ) : null}
      {action === 'request_info' ? (
        <TextArea id="act-message" label={st('form.messageToReporter')} hint={st('form.messageToReporterHelp')} required value={f.message} onChange={(e) => set('message', e.target.value)} error={errors.message} />
      ) : null}
      {action === 'reject' ? (
        <>
          <SelectField id="act-reason" label={st('form.reason')} required value={f.reason} onChange={(e) => set('reason', e.target.value as RejectionReason)} error={errors.reason}>
            {REJECTION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`reason.${r}`)}
              </option>
            ))}
          </SelectField>
          {f.reason === 'duplicate' ? (
            <TextField id="act-duplicate" label={st('form.duplicateOf')} required value={f.duplicate_of} onChange={(e) => set('duplicate_of', e.target.value)} error={errors.duplicate_of} />
          ) : null}
          <TextArea id="act-message" label={st('form.messageToReporter')} hint={st('form.messageToReporterHelp')} required value={f.message} onChange={(e) => set('message', e.target.value)} error={errors.message} />
        </>
      ) : null}
      {action === 'disposition' ? (
        <>
          <SelectField
            id="act-division"
            label={st('form.division')}
            required
            value={f.division_id}
            onChange={(e) => setF((s) => ({ ...s, division_id: e.target.value, assignee_id: '' }))}
            error={errors.division_id}
          >
            <option value="">—</option>
            {ref.divisions
              .filter((d) => d.active)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
          </SelectField>
          <SelectField id="act-assignee" label={st('form.assignee')} value={f.assignee_id} onChange={(e) => set('assignee_id', e.target.value)} error={errors.assignee_id} disabled={!division}>
            <option value="">{st('form.assigneeNone')}</option>
            {handlers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.full_name}
              </option>
            ))}
          </SelectField>
          <TextArea id="act-note" label={st('form.instructions')} rows={3} value={f.note} onChange={(e) => set('note', e.target.value)} error={errors.note} />
        </>
      ) : null}
      {action === 'start' || action === 'close' || action === 'archive' ? note : null}
      {action === 'resolve' ? (
        <TextArea id="act-answer" label={st('form.answer')} hint={st('form.answerHelp')} required rows={6} value={f.answer} onChange={(e) => set('answer', e.target.value)} error={errors.answer} />
      ) : null}
      {action === 'extend' ? (
        <>
          <TextField id="act-days" type="number" min={1} max={60} inputMode="numeric" label={st('form.days')} hint={st('form.daysHelp')} required value={f.days} onChange={(e) => set('days', e.target.value)} error={errors.days ?? errors.total_days} />
          <TextArea id="act-message" label={st('form.extendReason')} required rows={3} value={f.message} onChange={(e) => set('message', e.target.value)} error={errors.reason} />
        </>
      ) : null}
      {action === 'reply' ? (
        <TextArea id="act-message" label={st('form.replyText')} hint={st('form.messageToReporterHelp')} required value={f.message} onChange={(e) => set('message', e.target.value)} error={errors.message} />
      ) : null}
      {action === 'note' ? (
        <TextArea id="act-message" label={st('form.noteText')} hint={st('form.noteHelp')} required value={f.message} onChange={(e) => set('message', e.target.value)} error={errors.message} />
      ) : null}
      <p className="cta-row">
        <button type="submit" className="button primary" disabled={busy}>
          {st('form.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {st('action.cancel')}
        </button>
      </p>
    </form>
  );
}
