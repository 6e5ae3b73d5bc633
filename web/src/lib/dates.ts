/**
 * Date and time formatting for the UI, with no calendar code of our own: the browser's Intl does the
 * Jalali (Solar Hijri) calendar and Persian digits for "fa", the Gregorian calendar for "en".
 */
export type Lang = 'fa' | 'en';

const locales: Record<Lang, string> = {
  fa: 'fa-IR-u-ca-persian-nu-arabext',
  en: 'en-US-u-ca-gregory-nu-latn',
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions, timeZone?: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], timeZone ? { ...options, timeZone } : options);
    cache.set(key, f);
  }
  return f;
}

function toDate(value: string | number | Date): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return d;
}

/** "۱۰ آذر ۱۴۰۵" / "Dec 1, 2026". */
export function formatDate(value: string | number | Date, lang: Lang, timeZone?: string): string {
  return formatter(lang, { year: 'numeric', month: 'long', day: 'numeric' }, timeZone).format(toDate(value));
}

/** "۱۴:۰۵" / "2:05 PM". */
export function formatTime(value: string | number | Date, lang: Lang, timeZone?: string): string {
  return formatter(lang, { hour: '2-digit', minute: '2-digit' }, timeZone).format(toDate(value));
}

/** Date and time: "۱۰ آذر ۱۴۰۵، ۱۴:۰۵" / "Dec 1, 2026, 2:05 PM". */
export function formatDateTime(value: string | number | Date, lang: Lang, timeZone?: string): string {
  return formatter(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }, timeZone)
    .format(toDate(value));
}

/** A key that is equal for two instants on the same local calendar day (for date separators). */
export function dayKey(value: string | number | Date, timeZone?: string): string {
  return formatter('en', { year: 'numeric', month: '2-digit', day: '2-digit' }, timeZone).format(toDate(value));
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "۵ دقیقه پیش" / "5 minutes ago"; "now" under 45 seconds. */
export function formatRelative(value: string | number | Date, lang: Lang, now: number = Date.now()): string {
  const seconds = Math.round((toDate(value).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang === 'fa' ? 'fa-IR' : 'en', { numeric: 'auto' });
  if (Math.abs(seconds) < 45) return rtf.format(0, 'second');
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return rtf.format(Math.round(seconds / size), unit);
    }
  }
  return rtf.format(seconds, 'second');
}

/** Persian digits for a number in Persian, ASCII in English. */
export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US').format(n);
}
