// Errors from the API are RFC 9457 problem+json. They are shown in the
// reader's language: each field error by its `code` (and field), the whole
// problem by its `type`; the API's English text is the fallback.
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  current_version?: number | null;
  request_id?: string | null;
}

export class ApiProblem extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiProblem';
    this.problem = problem;
  }
}

export function isProblem(value: unknown): value is Problem {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return typeof v.type === 'string' && typeof v.status === 'number';
}

/** A network failure or a non-problem answer, as a problem the UI can show. */
export function networkProblem(status = 0, detail = 'network error'): Problem {
  return { type: status === 0 ? 'urn:aduan:problem:network' : 'urn:aduan:problem:http', title: detail, status, detail };
}

/** The problem a failed response carries (problem+json), or one made from its status. */
export async function problemFromResponse(response: Response): Promise<ApiProblem> {
  try {
    const body: unknown = await response.json();
    if (isProblem(body)) return new ApiProblem(body);
  } catch {
    // not JSON
  }
  return new ApiProblem(networkProblem(response.status, response.statusText || `HTTP ${response.status}`));
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  if (isProblem(error)) return error;
  return networkProblem(0, error instanceof Error ? error.message : String(error));
}

/** `urn:aduan:problem:stale-version` → `stale-version`. */
export function problemSlug(problem: Problem): string {
  const i = problem.type.lastIndexOf(':');
  return i < 0 ? problem.type : problem.type.slice(i + 1);
}

/** Looks a message key up; `undefined` when the dictionary has none. */
export type Lookup = (key: string, params?: Record<string, string | number>) => string | undefined;

export interface ShownProblem {
  /** One sentence for the whole form. */
  summary: string;
  /** Messages by field path (`reporter.id_number`, `files[0]`). */
  fields: Record<string, string>;
  /** Whether someone else changed the record first (412/409). */
  stale: boolean;
  requestId?: string;
}

/** `files[2]` → `files`, `reporter.name` stays. */
export function fieldGroup(field: string): string {
  return field.replace(/\[\d+\]$/, '');
}

export function translateFieldError(error: FieldError, lookup: Lookup): string {
  const field = fieldGroup(error.field);
  return (
    lookup(`error.field.${field}.${error.code}`) ??
    lookup(`error.code.${error.code}`) ??
    error.message
  );
}

export function translateProblem(problem: Problem, lookup: Lookup): ShownProblem {
  const slug = problemSlug(problem);
  const fields: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    if (!(error.field in fields)) fields[error.field] = translateFieldError(error, lookup);
  }
  const count = Object.keys(fields).length;
  let summary: string;
  if (slug === 'validation' && count > 0) {
    summary = lookup('error.type.validation', { count }) ?? problem.detail;
  } else {
    summary = lookup(`error.type.${slug}`) ?? (problem.detail || problem.title);
  }
  return {
    summary,
    fields,
    stale: slug === 'stale-version' || problem.status === 412,
    requestId: problem.request_id ?? undefined,
  };
}
