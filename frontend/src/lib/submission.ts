// The API body of a submission from the form's fields.
import type { SubmissionInput } from '../api/types';
import type { DraftFields } from './draft';
import type { Lang } from './format';

/** `language`: the reporter's, so the API mails them in it; absent means Indonesian. */
export function toSubmission(f: DraftFields, language?: Lang): SubmissionInput {
  const identified = f.kind === 'complaint' || f.identified;
  const opt = (v: string) => (v.trim() ? v.trim() : null);
  return {
    kind: f.kind,
    category_id: f.category_id,
    subject: f.subject.trim(),
    description: f.description.trim(),
    incident_date: opt(f.incident_date),
    incident_place: opt(f.incident_place),
    anonymous: identified ? f.anonymous : false,
    confidential: f.confidential,
    language: language ?? null,
    reporter: identified
      ? {
          name: f.name.trim(),
          id_type: f.id_type || null,
          id_number: opt(f.id_number),
          address: opt(f.address),
          phone: opt(f.phone),
          email: opt(f.email),
        }
      : null,
  };
}
