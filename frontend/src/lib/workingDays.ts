// Working days as the API counts them (api/src/domain/calendar.rs): Monday to
// Friday, less the holidays that count.

function utcDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

const DAY_MS = 86_400_000;

/**
 * Working days after `start` up to and including `end` (0 when `end` is not
 * after `start`): a deadline `due` is `workingDaysAfter(due, today)` working days overdue.
 */
export function workingDaysAfter(start: string, end: string, holidays: ReadonlySet<string>): number {
  const first = utcDay(start);
  const last = utcDay(end);
  let count = 0;
  for (let t = first + DAY_MS; t <= last; t += DAY_MS) {
    const date = new Date(t);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    if (holidays.has(date.toISOString().slice(0, 10))) continue;
    count += 1;
  }
  return count;
}
