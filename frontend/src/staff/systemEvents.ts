// What the staff timeline says beyond an event's name: why the timers acted
// (a rejection for no answer, an automatic close or archive, an escalation
// step and whom it reached), and whether an event's message reaches the
// reporter.
import type { EventView, StaffRef } from '../api/types';
import type { Lookup } from '../lib/problem';

type TimelineEvent = Pick<EventView, 'kind' | 'actor_kind' | 'details' | 'visibility'>;

/** The fields the timers put in `details` (api/src/jobs/timers.rs); the schema leaves them untyped. */
interface SystemDetails {
  rule?: string;
  to_user_id?: string;
  level?: number;
  reason?: string;
  due_on?: string;
}

const RULE_TEXT: Record<string, string> = {
  reporter_did_not_answer: 'system.rejectedUnanswered',
  evaluation_window_passed: 'system.closedUnevaluated',
  archive_period_passed: 'system.archivedAfterPeriod',
};

/**
 * Plain sentences explaining an event the system took, empty for any other
 * event. `people` finds the staff member an escalation reached; `day` words
 * a calendar day.
 */
export function explainSystemEvent(
  event: TimelineEvent,
  people: (id: string) => Pick<StaffRef, 'full_name' | 'role'> | undefined,
  lookup: Lookup,
  day: (ymd: string) => string,
): string[] {
  if (event.actor_kind !== 'system') return [];
  const details = (event.details ?? {}) as SystemDetails;
  if (event.kind === 'escalated') {
    const level = details.level ?? '?';
    const person = details.to_user_id ? people(details.to_user_id) : undefined;
    const who = person
      ? lookup('system.escalatedTo', {
          level,
          name: person.full_name,
          role: lookup(`role.${person.role}`) ?? person.role,
        })
      : lookup('system.escalatedStep', { level });
    const why = details.reason ? lookup(`system.reason.${details.reason}`, { date: details.due_on ? day(details.due_on) : '—' }) : undefined;
    return [who, why].filter((line): line is string => !!line);
  }
  const key = details.rule ? RULE_TEXT[details.rule] : undefined;
  const text = key ? lookup(key) : undefined;
  return text ? [text] : [];
}
