// Attachments are fetched with the bearer token and shown from blob URLs:
// images inline, PDFs in an <object> with a link as fallback.
import { useEffect, useState } from 'react';
import { API_BASE } from '../api/public';
import type { AttachmentView } from '../api/types';
import { formatBytes } from '../lib/format';
import { auth, useST } from './session';

function Preview({ complaintId, file }: { complaintId: string; file: AttachmentView }) {
  const { st, lang } = useST();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let objectUrl: string | null = null;
    let live = true;
    auth
      .fetch(new Request(new URL(`${API_BASE}/complaints/${complaintId}/attachments/${file.id}`, location.origin)))
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        const blob = await response.blob();
        if (!live) return;
        objectUrl = URL.createObjectURL(new Blob([blob], { type: file.content_type }));
        setUrl(objectUrl);
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [complaintId, file.id, file.content_type]);

  const who = file.uploaded_by === 'reporter' ? st('complaint.fileReporter') : st('complaint.fileStaff');
  return (
    <li className="panel">
      <p>
        <strong>{file.file_name}</strong>{' '}
        <span className="muted small">
          ({file.content_type}, {formatBytes(file.size_bytes, lang)}, {st('complaint.fileBy', { who })})
        </span>
      </p>
      {failed ? <p className="field-error">{st('complaint.none')}</p> : null}
      {url && file.content_type.startsWith('image/') ? <img src={url} alt={file.file_name} loading="lazy" /> : null}
      {url && file.content_type === 'application/pdf' ? (
        <object data={url} type="application/pdf" aria-label={file.file_name}>
          <a href={url} download={file.file_name}>
            {st('complaint.openFile', { name: file.file_name })}
          </a>
        </object>
      ) : null}
      {url ? (
        <p>
          <a href={url} target="_blank" rel="noopener" download={file.file_name}>
            {st('complaint.openFile', { name: file.file_name })}
          </a>
        </p>
      ) : null}
    </li>
  );
}

export function Attachments({ complaintId, files }: { complaintId: string; files: AttachmentView[] }) {
  const { st } = useST();
  if (files.length === 0) return <p>{st('complaint.noAttachments')}</p>;
  return (
    <ul className="attachments">
      {files.map((file) => (
        <Preview key={file.id} complaintId={complaintId} file={file} />
      ))}
    </ul>
  );
}
