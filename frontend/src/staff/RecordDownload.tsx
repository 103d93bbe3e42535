// The complaint's full record (data, timeline, attachments) as one ZIP for the
// paper archive. Fetched with the bearer token, so it is saved from a blob
// rather than followed as a link; the API records each download in the audit log.
import { useState } from 'react';
import { unwrap } from '../api/public';
import type { ComplaintView } from '../api/types';
import { ProblemBanner } from '../components/ui';
import { filenameFromDisposition, saveBlob } from '../lib/download';
import { toProblem, translateProblem, type ShownProblem } from '../lib/problem';
import { staffApi, useST } from './session';

export function RecordDownload({ complaint }: { complaint: Pick<ComplaintView, 'id' | 'register_number'> }) {
  const { st, lang, lookup } = useST();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<ShownProblem | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setShown(null);
    setSaved(null);
    try {
      const call = staffApi.GET('/api/v1/complaints/{id}/record', {
        params: { path: { id: complaint.id }, query: { lang } },
        parseAs: 'blob',
      });
      const blob = await unwrap(call);
      const { response } = await call;
      const fallback = `record-${complaint.register_number.replace(/\W+/g, '-')}.zip`;
      const name = filenameFromDisposition(response.headers.get('Content-Disposition'), fallback);
      saveBlob(blob, name);
      setSaved(name);
    } catch (e) {
      setShown(translateProblem(toProblem(e), lookup));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="record-h" className="record no-print">
      <h2 id="record-h">{st('record.title')}</h2>
      <p className="small">{st('record.help')}</p>
      <ProblemBanner shown={shown} />
      <button type="button" className="button" onClick={download} disabled={busy} aria-busy={busy} data-testid="record-download">
        {busy ? st('record.busy') : st('record.download')}
      </button>
      <p role="status" className="small">
        {saved ? st('record.saved', { name: saved }) : ''}
      </p>
    </section>
  );
}
