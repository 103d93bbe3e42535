// A notification in the reader's language. The API's `title` is always
// Indonesian, so the sentence is worded here from the notice's kind and the
// complaint it points to; the title stays the fallback (an unknown kind, or a
// complaint the user can no longer open).
import type { ComplaintView, Notification } from '../api/types';
import type { Lookup } from '../lib/problem';

export type NoticeComplaint = Pick<ComplaintView, 'register_number' | 'kind'> & { sla: Pick<ComplaintView['sla'], 'state'> };

export function notificationText(
  notification: Pick<Notification, 'kind' | 'title'>,
  complaint: NoticeComplaint | undefined,
  lookup: Lookup,
): string {
  if (!complaint) return notification.title;
  const state = complaint.sla.state;
  // An escalation says why by the deadline's state; the notice itself does not carry it.
  const key =
    notification.kind === 'escalated' && (state === 'at_risk' || state === 'overdue')
      ? `notify.kind.escalated.${state}`
      : `notify.kind.${notification.kind}`;
  const noun = lookup(`notify.noun.${complaint.kind}`) ?? complaint.kind;
  return lookup(key, { reg: complaint.register_number, noun }) ?? notification.title;
}
