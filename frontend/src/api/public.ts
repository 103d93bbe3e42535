// The typed client for the citizen's side (no sign-in).
import createClient from 'openapi-fetch';
import { ApiProblem, isProblem, networkProblem } from '../lib/problem';
import type { paths } from './types';

/** Where the API lives, for requests made without the typed client (uploads, files). */
export const API_BASE = '/api/v1';

/** openapi.yaml lists full paths (`/api/v1/...`) on the server `/`: the app's own origin. */
export const SPEC_BASE = '';

export const publicApi = createClient<paths>({ baseUrl: SPEC_BASE });

/** The data of an openapi-fetch result, or throws its problem as ApiProblem. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (e) {
    throw new ApiProblem(networkProblem(0, e instanceof Error ? e.message : String(e)));
  }
  if (result.error !== undefined || !result.response.ok) {
    const error = result.error;
    throw new ApiProblem(
      isProblem(error) ? error : networkProblem(result.response.status, result.response.statusText),
    );
  }
  return result.data as T;
}
