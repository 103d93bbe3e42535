// Small accessible building blocks: labelled fields with their hint and error
// tied by aria-describedby, the problem banner, the status and SLA badges.
import { useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n';
import type { ShownProblem } from '../lib/problem';

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}

function Label({ id, label, required }: Pick<FieldProps, 'id' | 'label' | 'required'>) {
  const { t } = useI18n();
  return (
    <label htmlFor={id}>
      {label}
      {required ? <span className="req"> ({t('form.required')})</span> : null}
    </label>
  );
}

function described(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ id, hint, error }: Pick<FieldProps, 'id' | 'hint' | 'error'>) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ id, label, hint, error, required, ...rest }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <Extras id={id} hint={hint} error={error} />
      <input
        id={id}
        name={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

export function TextArea({ id, label, hint, error, required, ...rest }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <Extras id={id} hint={hint} error={error} />
      <textarea
        id={id}
        name={id}
        rows={5}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  children,
  ...rest
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <Label id={id} label={label} required={required} />
      <Extras id={id} hint={hint} error={error} />
      <select
        id={id}
        name={id}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </div>
  );
}

export function CheckField({
  id,
  label,
  hint,
  error,
  ...rest
}: Omit<FieldProps, 'required'> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field check${error ? ' has-error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...rest}
      />
      <label htmlFor={id}>{label}</label>
      <Extras id={id} hint={hint} error={error} />
    </div>
  );
}

/** The problem of the last request, announced and focused so keyboard and screen-reader users notice. */
export function ProblemBanner({ shown, children }: { shown: ShownProblem | null; children?: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown]);
  if (!shown) return null;
  return (
    <div className="alert error" role="alert" tabIndex={-1} ref={ref}>
      <p>
        <strong>{shown.summary}</strong>
      </p>
      {children}
      {shown.requestId && Object.keys(shown.fields).length === 0 ? (
        <p className="small">{t('error.requestId', { id: shown.requestId })}</p>
      ) : null}
    </div>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { lookup } = useI18n();
  return <span className={`badge status-${status}`}>{lookup(`status.${status}`) ?? status}</span>;
}

export function SlaBadge({ state }: { state?: string | null }) {
  const { lookup } = useI18n();
  if (!state) return null;
  return <span className={`badge sla-${state}`}>{lookup(`sla.${state}`) ?? state}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  );
}

let firstPage = true;

/**
 * The page's heading. Sets the document title and, when the app moves to
 * another page (not on the first load), moves focus to the heading so
 * keyboard and screen-reader users start at the new content.
 */
export function PageTitle({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Aduan DPMPTSP Bangli`;
  }, [title]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
