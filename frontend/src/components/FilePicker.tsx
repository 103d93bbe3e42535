// Evidence files: checked for type, size and count before anything is sent.
import { useId, useState } from 'react';
import { useI18n } from '../i18n';
import { ACCEPT_ATTRIBUTE, addFiles, MAX_FILES, type FileProblem } from '../lib/files';
import { formatBytes } from '../lib/format';

interface Props {
  id: string;
  files: File[];
  onChange: (files: File[]) => void;
  error?: string;
  label?: string;
  disabled?: boolean;
}

export function FilePicker({ id, files, onChange, error, label, disabled }: Props) {
  const { t, lookup, lang } = useI18n();
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const listId = useId();
  const messages = problems.map((p) =>
    p.code === 'too_many_files'
      ? t('file.too_many_files', { max: p.max })
      : (lookup(`file.${p.code}`, { name: p.name }) ?? p.code),
  );
  const allErrors = [...messages, ...(error ? [error] : [])];
  return (
    <div className={`field${allErrors.length ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label ?? t('submit.files')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('submit.filesHelp')}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPT_ATTRIBUTE}
        disabled={disabled || files.length >= MAX_FILES}
        aria-describedby={`${id}-hint${allErrors.length ? ` ${id}-error` : ''} ${listId}`}
        aria-invalid={allErrors.length ? true : undefined}
        onChange={(e) => {
          const picked = Array.from(e.target.files ?? []);
          const result = addFiles(files, picked);
          setProblems(result.problems);
          onChange(result.files);
          e.target.value = '';
        }}
      />
      {allErrors.length ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {allErrors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      ) : null}
      <ul className="file-list" id={listId} aria-live="polite">
        {files.length === 0 ? <li className="muted">{t('submit.filesNone')}</li> : null}
        {files.map((file, i) => (
          <li key={`${file.name}-${file.size}`}>
            <span>
              {file.name} <span className="muted">({formatBytes(file.size, lang)})</span>
            </span>
            <button
              type="button"
              className="link"
              disabled={disabled}
              onClick={() => {
                setProblems([]);
                onChange(files.filter((_, j) => j !== i));
              }}
            >
              {t('submit.fileRemove', { name: file.name })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ProgressBar({ percent }: { percent: number | null }) {
  const { t } = useI18n();
  if (percent === null) return null;
  return (
    <div className="progress">
      <progress max={100} value={percent} aria-label={t('submit.progress', { percent })} />
      <span aria-live="polite">{t('submit.progress', { percent })}</span>
    </div>
  );
}
