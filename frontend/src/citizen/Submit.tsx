// The citizen's submission form: kept as a draft on the device, files checked
// before upload, sent with one Idempotency-Key per draft content so a retry
// cannot create a second complaint.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { API_BASE, publicApi, unwrap } from '../api/public';
import type { Category, Receipt } from '../api/types';
import { FilePicker, ProgressBar } from '../components/FilePicker';
import { ComplaintFields } from '../components/ComplaintFields';
import { PageTitle, ProblemBanner } from '../components/ui';
import { useI18n } from '../i18n';
import {
  clearDraft,
  emptyDraft,
  fingerprint,
  idempotencyKeyFor,
  isBlank,
  loadDraft,
  saveDraft,
  type DraftFields,
} from '../lib/draft';
import { errorsByGroup, fieldId } from '../lib/fields';
import { toSubmission } from '../lib/submission';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { browserStore } from '../lib/storage';
import { multipart, upload } from '../lib/upload';
import { rememberReceipt } from './receipts';

export default function Submit() {
  const { t, lookup, lang } = useI18n();
  const navigate = useNavigate();
  const store = useMemo(() => browserStore(), []);
  const restored = useRef(loadDraft(store));
  const [fields, setFields] = useState<DraftFields>(() => restored.current?.fields ?? emptyDraft());
  const [showRestored, setShowRestored] = useState(() => !!restored.current && !isBlank(restored.current.fields));
  const [files, setFiles] = useState<File[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [sending, setSending] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);

  useEffect(() => {
    unwrap(publicApi.GET('/api/v1/categories'))
      .then((list) => setCategories(list.filter((c) => c.active)))
      .catch((e: unknown) => setShown(translateProblem(toProblem(e), lookup)));
    // load once; messages re-render through `lookup` when shown
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!isBlank(fields)) saveDraft(store, fields);
  }, [fields, store]);

  const errors = shown ? errorsByGroup(shown.fields) : {};

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (sending) return;
    setShown(null);
    setSending(true);
    setProgress(files.length ? 0 : null);
    const body = toSubmission(fields, lang);
    const key = idempotencyKeyFor(store, fields, fingerprint(body, files));
    try {
      const result = await upload<Receipt>({
        url: `${API_BASE}/complaints`,
        body: files.length ? multipart('complaint', body, files) : JSON.stringify(body),
        headers: files.length
          ? { 'Idempotency-Key': key }
          : { 'Idempotency-Key': key, 'content-type': 'application/json' },
        onProgress: files.length ? setProgress : undefined,
      });
      rememberReceipt(result.data);
      clearDraft(store);
      navigate(`/receipt/${encodeURIComponent(result.data.tracking_code)}`);
    } catch (e) {
      setShown(translateProblem(toProblem(e), lookup));
      setProgress(null);
    } finally {
      setSending(false);
    }
  }

  function reset() {
    clearDraft(store);
    setFields(emptyDraft());
    setFiles([]);
    setShown(null);
    setShowRestored(false);
  }

  return (
    <>
      <PageTitle title={t('submit.title')}>{t('submit.title')}</PageTitle>
      <p>{t('submit.intro')}</p>
      {showRestored ? (
        <div className="alert info" role="status">
          <p>{t('submit.draftRestored')}</p>
          <button type="button" className="link" onClick={reset}>
            {t('submit.clearDraft')}
          </button>
        </div>
      ) : null}

      <ProblemBanner shown={shown}>
        {shown && Object.keys(errors).length ? (
          <ul>
            {Object.entries(errors).map(([path, message]) => (
              <li key={path}>
                <a href={`#${fieldId(path)}`}>{message}</a>
              </li>
            ))}
          </ul>
        ) : null}
      </ProblemBanner>

      <form onSubmit={onSubmit} noValidate className="stack">
        <ComplaintFields fields={fields} setFields={setFields} categories={categories} errors={errors} />

        <fieldset>
          <legend>{t('submit.sectionFiles')}</legend>
          <FilePicker id={fieldId('files')} files={files} onChange={setFiles} error={errors.files} disabled={sending} />
        </fieldset>

        <ProgressBar percent={progress} />
        <p className="hint">{t('submit.retryNote')}</p>
        <button type="submit" className="button primary" disabled={sending}>
          {sending ? t('form.sending') : t('submit.send')}
        </button>
      </form>
    </>
  );
}
