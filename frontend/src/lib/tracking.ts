// Tracking helpers: where a status stands on the citizen's stepper, and codes as typed.
import type { Status } from '../api/types';

/** The step a status stands on (needs_info waits at "received"; archived is past "closed"). */
export function stepIndex(status: Status): number {
  switch (status) {
    case 'received':
    case 'needs_info':
      return 0;
    case 'verified':
      return 1;
    case 'dispositioned':
      return 2;
    case 'in_progress':
      return 3;
    case 'resolved':
      return 4;
    case 'closed':
      return 5;
    case 'archived':
      return 6;
    case 'rejected':
      return -1;
  }
}

export function normaliseCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, '');
}
