// Maps an API field path (`reporter.id_number`, `files[1]`) to the id of the
// input that shows it.
import { fieldGroup } from './problem';

export function fieldId(path: string, prefix = 'f'): string {
  return `${prefix}-${fieldGroup(path).replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Errors keyed by field group, the first message of each. */
export function errorsByGroup(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const group = fieldGroup(path);
    if (!(group in out)) out[group] = message;
  }
  return out;
}
