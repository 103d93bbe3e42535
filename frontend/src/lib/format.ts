// Dates and times as the agency counts them: Bali, Asia/Makassar (WITA, UTC+8).
export const TIME_ZONE = 'Asia/Makassar';
export type Lang = 'id' | 'en';

const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** An instant (RFC 3339) as date and time in WITA, e.g. "28 Nov 2026, 08.25 WITA". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = formatter(lang, {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${text} WITA`;
}

/**
 * A calendar day (YYYY-MM-DD, already agency-local) in words, e.g. "Senin, 30 November 2026".
 * It is formatted as that day itself, never shifted by a time zone.
 */
export function formatDay(day: string | null | undefined, lang: Lang, withWeekday = true): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return formatter(lang, {
    timeZone: 'UTC',
    weekday: withWeekday ? 'long' : undefined,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}

/** Today's date in WITA as YYYY-MM-DD. */
export function todayInWita(now: Date = new Date()): string {
  const parts = formatter('en', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** A local date-time input value (YYYY-MM-DDTHH:mm, read as WITA) as an RFC 3339 instant. */
export function witaLocalToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]) - 8, Number(m[5]));
  return new Date(utc).toISOString();
}

/** Bytes in a short human form: "1,5 MB" / "1.5 MB". */
export function formatBytes(bytes: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toLocaleString(locales[lang], { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** A month (YYYY-MM) in short words, e.g. "Nov 2026" / "Nov 2026". */
export function formatMonth(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  return formatter(lang, { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(date);
}

/** A number in the reader's language, with at most `digits` decimals: "88,5" / "88.5". */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  return value.toLocaleString(locales[lang], { maximumFractionDigits: digits });
}
