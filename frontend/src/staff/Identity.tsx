// The reporter's identity stays hidden until a staff member asks for it with
// a reason; the API records every reveal on the internal timeline.
import { useRef, useState, type FormEvent } from 'react';
import { unwrap } from '../api/public';
import type { ComplaintView, ReporterIdentity } from '../api/types';
import { ProblemBanner, TextArea } from '../components/ui';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { staffApi, useRole, useST, VERIFYING_ROLES } from './session';

export function Identity({ complaint, onRevealed }: { complaint: ComplaintView; onRevealed: () => void }) {
  const { st, t, lookup } = useST();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [identity, setIdentity] = useState<ReporterIdentity | null>(null);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const role = useRole();
  const r = complaint.reporter;
  // The API refuses an anonymous reporter's identity to a role that does not verify (403).
  const mayReveal = r.identified && (!complaint.anonymous || (role !== null && VERIFYING_ROLES.includes(role)));
  const yn = (v: boolean) => (v ? st('complaint.yes') : st('complaint.no'));

  async function reveal(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setShown(null);
    try {
      const result = await unwrap(
        staffApi.POST('/api/v1/complaints/{id}/reporter-identity', {
          params: { path: { id: complaint.id } },
          body: { reason: reason.trim() },
        }),
      );
      setIdentity(result);
      setReason('');
      dialog.current?.close();
      onRevealed();
    } catch (err) {
      setShown(translateProblem(toProblem(err), lookup));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="reporter-h" className="panel">
      <h2 id="reporter-h">{st('complaint.reporter')}</h2>
      <p>
        {st('complaint.reporterSummary', {
          identified: r.identified ? (r.id_type ? t(`idType.${r.id_type}`) : st('complaint.yes')) : st('complaint.no'),
          address: yn(r.has_address),
          phone: yn(r.has_phone),
          email: yn(r.has_email),
        })}
      </p>
      {identity ? (
        <>
          <dl className="details" data-testid="identity">
            <dt>{st('complaint.identity.name')}</dt>
            <dd>{identity.name ?? '—'}</dd>
            <dt>{st('complaint.identity.id')}</dt>
            <dd>
              {identity.id_type ? t(`idType.${identity.id_type}`) : ''} {identity.id_number ?? ''}
            </dd>
            <dt>{st('complaint.identity.address')}</dt>
            <dd>{identity.address ?? '—'}</dd>
            <dt>{st('complaint.identity.phone')}</dt>
            <dd>{identity.phone ?? '—'}</dd>
            <dt>{st('complaint.identity.email')}</dt>
            <dd>{identity.email ?? '—'}</dd>
          </dl>
          <button type="button" className="button" onClick={() => setIdentity(null)}>
            {st('complaint.hideIdentity')}
          </button>
        </>
      ) : mayReveal ? (
        <button type="button" className="button" onClick={() => dialog.current?.showModal()}>
          {st('complaint.showIdentity')}
        </button>
      ) : null}
      <dialog ref={dialog} aria-labelledby="reveal-h">
        <h2 id="reveal-h">{st('complaint.revealTitle')}</h2>
        <p>{st('complaint.revealHelp')}</p>
        <ProblemBanner shown={shown} />
        <form onSubmit={reveal} className="stack" noValidate>
          <TextArea
            id="reveal-reason"
            label={st('complaint.revealReason')}
            required
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={shown?.fields.reason}
          />
          <p className="cta-row">
            <button type="submit" className="button primary" disabled={busy}>
              {st('complaint.reveal')}
            </button>
            <button type="button" className="button" onClick={() => dialog.current?.close()}>
              {st('action.cancel')}
            </button>
          </p>
        </form>
      </dialog>
    </section>
  );
}
