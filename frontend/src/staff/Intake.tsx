// Manual intake: staff key in what arrived by visit, letter, phone, the
// suggestion box or another channel, ending on a printable receipt.
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { API_BASE } from '../api/public';
import type { Receipt } from '../api/types';
import { ComplaintFields } from '../components/ComplaintFields';
import { FilePicker, ProgressBar } from '../components/FilePicker';
import { ReceiptView } from '../components/ReceiptView';
import { PageTitle, ProblemBanner, SelectField, TextField } from '../components/ui';
import { toSubmission } from '../lib/submission';
import { emptyDraft, fingerprint, type DraftFields } from '../lib/draft';
import { errorsByGroup, fieldId } from '../lib/fields';
import { witaLocalToIso } from '../lib/format';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { newId } from '../lib/storage';
import { multipart, upload } from '../lib/upload';
import { loadReference, type Reference } from './reference';
import { auth, intakeChannels, useRole, useSession, useST } from './session';

export default function Intake() {
  const { st, t, lookup } = useST();
  const role = useRole();
  const session = useSession();
  const channels = intakeChannels(role);
  const [channel, setChannel] = useState<string>(channels[0] ?? '');
  const [receivedAt, setReceivedAt] = useState('');
  const [externalId, setExternalId] = useState('');
  const [fields, setFields] = useState<DraftFields>(emptyDraft());
  const [files, setFiles] = useState<File[]>([]);
  const [ref, setRef] = useState<Reference>({ categories: [], divisions: [], staff: [] });
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [attempt, setAttempt] = useState<{ key: string; print: string } | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);

  useEffect(() => {
    loadReference()
      .then(setRef)
      .catch(() => undefined);
  }, []);

  const errors = shown ? errorsByGroup(shown.fields) : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setShown(null);
    const body = {
      ...toSubmission(fields),
      channel: channel as never,
      received_at: receivedAt ? witaLocalToIso(receivedAt) : null,
      external: externalId.trim() ? { system: channel, id: externalId.trim() } : null,
    };
    const print = fingerprint(body, files);
    const key = attempt && attempt.print === print ? attempt.key : newId();
    setAttempt({ key, print });
    setProgress(files.length ? 0 : null);
    try {
      const token = await auth.accessToken();
      const headers: Record<string, string> = { 'Idempotency-Key': key };
      if (token) headers.authorization = `Bearer ${token}`;
      if (!files.length) headers['content-type'] = 'application/json';
      const result = await upload<Receipt>({
        url: `${API_BASE}/intake`,
        body: files.length ? multipart('complaint', body, files) : JSON.stringify(body),
        headers,
        onProgress: files.length ? setProgress : undefined,
      });
      setReceipt(result.data);
      window.scrollTo(0, 0);
    } catch (err) {
      setShown(translateProblem(toProblem(err), lookup));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  function another() {
    setReceipt(null);
    setFields(emptyDraft());
    setFiles([]);
    setReceivedAt('');
    setExternalId('');
    setAttempt(null);
  }

  if (receipt) {
    return (
      <>
        <PageTitle title={st('intake.receiptTitle')}>{st('intake.receiptTitle')}</PageTitle>
        <p className="no-print">{st('intake.handOver')}</p>
        <ReceiptView receipt={receipt} receivedBy={session?.user.full_name} />
        <p className="cta-row no-print">
          <button type="button" className="button primary" onClick={() => window.print()}>
            {t('receipt.print')}
          </button>
          <Link className="button" to={`/staff/complaints/${receipt.id}`}>
            {st('intake.open')}
          </Link>
          <button type="button" className="button" onClick={another}>
            {st('intake.another')}
          </button>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle title={st('intake.title')}>{st('intake.title')}</PageTitle>
      <p>{st('intake.intro')}</p>
      <ProblemBanner shown={shown}>
        {Object.keys(errors).length ? (
          <ul>
            {Object.entries(errors).map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`}>{message}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </ProblemBanner>
      <form onSubmit={submit} noValidate className="stack" style={{ maxWidth: '48rem' }}>
        <fieldset>
          <legend>{st('intake.channel')}</legend>
          <SelectField id={fieldId('channel')} label={st('intake.channel')} required value={channel} onChange={(e) => setChannel(e.target.value)} error={errors.channel}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`channel.${c}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={fieldId('received_at')}
            type="datetime-local"
            label={st('intake.receivedAt')}
            hint={st('intake.receivedAtHelp')}
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.target.value)}
            error={errors.received_at}
          />
          {['sp4n_lapor', 'email', 'whatsapp', 'facebook'].includes(channel) ? (
            <TextField
              id={fieldId('external.id')}
              label={st('intake.external')}
              value={externalId}
              onChange={(e) => setExternalId(e.target.value)}
              error={errors['external.id'] ?? errors['external.system']}
            />
          ) : null}
        </fieldset>
        <ComplaintFields fields={fields} setFields={setFields} categories={ref.categories.filter((c) => c.active)} errors={errors} />
        <fieldset>
          <legend>{t('submit.sectionFiles')}</legend>
          <FilePicker id={fieldId('files')} files={files} onChange={setFiles} error={errors.files} disabled={busy} />
        </fieldset>
        <ProgressBar percent={progress} />
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? t('form.sending') : st('intake.submit')}
        </button>
      </form>
    </>
  );
}
