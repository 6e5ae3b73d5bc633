/**
 * The text of a date-and-time field in the reader's calendar, and back to an instant: Jalali (Solar Hijri) with
 * Persian digits in Persian ("۱۴۰۵/۰۹/۱۰ ۱۴:۳۰"), Gregorian in English ("2026-12-01 14:30"). The calendar math is
 * date-fns-jalali's and date-fns's; ours is only the shape of the text and the digits. Times are in the browser's
 * time zone, the value the API sees is an ISO instant (UTC). A date-only field (a filter's day, a holiday) is the same
 * text without the time, and its value an ISO date ("2026-12-01", Gregorian).
 */
import * as gregorian from 'date-fns';
import * as jalali from 'date-fns-jalali';
import type { Lang } from './dates';

interface Calendar {
  /** date-fns pattern of the text (Latin digits) */
  pattern: string;
  datePattern: string;
  /** the text's shape, after digits and separators are normalised: a four-digit year, a time of hours:minutes */
  shape: RegExp;
  /** the same without the time */
  dayShape: RegExp;
  dayPattern: string;
  parse: (text: string, pattern: string, ref: Date) => Date;
  format: (d: Date, pattern: string) => string;
  isValid: (d: Date) => boolean;
}

const CALENDARS: Record<Lang, Calendar> = {
  fa: {
    pattern: 'yyyy/M/d H:mm', datePattern: 'yyyy/MM/dd', shape: /^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}$/,
    dayPattern: 'yyyy/M/d', dayShape: /^\d{4}\/\d{1,2}\/\d{1,2}$/,
    parse: jalali.parse, format: jalali.format, isValid: jalali.isValid,
  },
  en: {
    pattern: 'yyyy-M-d H:mm', datePattern: 'yyyy-MM-dd', shape: /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}$/,
    dayPattern: 'yyyy-M-d', dayShape: /^\d{4}-\d{1,2}-\d{1,2}$/,
    parse: gregorian.parse, format: gregorian.format, isValid: gregorian.isValid,
  },
};

/** The example shown as the field's placeholder. */
export const DATE_TIME_PLACEHOLDER: Record<Lang, string> = { fa: '۱۴۰۵/۰۹/۱۰ ۱۴:۳۰', en: '2026-12-01 14:30' };
export const DATE_PLACEHOLDER: Record<Lang, string> = { fa: '۱۴۰۵/۰۹/۱۰', en: '2026-12-01' };

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits → Latin. */
export function latinDigits(s: string): string {
  return s.replace(/[۰-۹٠-٩]/g, (c) => String(Math.max(PERSIAN.indexOf(c), ARABIC.indexOf(c))));
}

function persianDigits(s: string): string {
  return s.replace(/[0-9]/g, (c) => PERSIAN[Number(c)]);
}

/** Latin digits, single spaces, and either separator of dates ("/", "-", "٫") as the calendar's own. */
function normalise(text: string, lang: Lang): string {
  const sep = lang === 'fa' ? '/' : '-';
  return latinDigits(text).trim().replace(/[T\s]+/g, ' ').replace(/[/\-٫]/g, sep).replace(/[٬،]/g, '');
}

function localDate(text: string, lang: Lang, time = true): Date | null {
  const cal = CALENDARS[lang];
  const s = normalise(text, lang);
  if (!(time ? cal.shape : cal.dayShape).test(s)) return null;
  // the library refuses a month past 12, a day past the month's end (29 Esfand in a common Jalali year) and 24:00
  const d = cal.parse(s, time ? cal.pattern : cal.dayPattern, new Date());
  return cal.isValid(d) ? d : null;
}

/** "۱۴۰۵/۰۹/۱۰" / "2026-12-01": a day in the reader's calendar (the text of a date-only field). */
export function dayToInput(day: Date, lang: Lang): string {
  const cal = CALENDARS[lang];
  const s = cal.format(day, cal.datePattern);
  return lang === 'fa' ? persianDigits(s) : s;
}

/** "۱۴۰۵/۰۹/۱۰ ۱۴:۳۰" / "2026-12-01 14:30" for an instant; '' for none or a bad one. */
export function instantToInput(value: string | Date | null | undefined, lang: Lang): string {
  if (!value) return '';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  const cal = CALENDARS[lang];
  const s = cal.format(d, `${cal.datePattern} HH:mm`);
  return lang === 'fa' ? persianDigits(s) : s;
}

/** The ISO instant the text means in the browser's time zone; null for empty or invalid text. */
export function inputToInstant(text: string, lang: Lang): string | null {
  return localDate(text, lang)?.toISOString() ?? null;
}

/** Whether the text is empty (no value) or a valid date and time. */
export function isInputValid(text: string, lang: Lang): boolean {
  return !text.trim() || localDate(text, lang) !== null;
}

/**
 * The day the text names, for the calendar (local midnight); undefined when the text is not a valid date and time
 * (with `time` false: a valid date).
 */
export function inputDay(text: string, lang: Lang, time = true): Date | undefined {
  const d = localDate(text, lang, time);
  return d ? new Date(d.getFullYear(), d.getMonth(), d.getDate()) : undefined;
}

/** The ISO date ("2026-12-01") a date-only text names; '' for empty text, null for invalid text. */
export function inputToIsoDate(text: string, lang: Lang): string | null {
  if (!text.trim()) return '';
  const d = localDate(text, lang, false);
  return d ? gregorian.format(d, 'yyyy-MM-dd') : null;
}

/** The date-only text of an ISO date ("2026-12-01" → "۱۴۰۵/۰۹/۱۰" in Persian); '' for none or a bad one. */
export function isoDateToInput(iso: string, lang: Lang): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  const d = gregorian.parse(iso, 'yyyy-MM-dd', new Date());
  return gregorian.isValid(d) ? dayToInput(d, lang) : '';
}

/**
 * The text with its day replaced by one picked in the calendar, and its time kept as typed ("H:mm" at the end);
 * without a typed time, noon.
 */
export function withDay(text: string, day: Date, lang: Lang): string {
  const time = /(\d{1,2}):(\d{2})$/.exec(normalise(text, lang));
  const hm = time ? `${time[1].padStart(2, '0')}:${time[2]}` : '12:00';
  return `${dayToInput(day, lang)} ${lang === 'fa' ? persianDigits(hm) : hm}`;
}

/** Valid text written the way the field writes it ("1405/9/1 9:05" → "۱۴۰۵/۰۹/۰۱ ۰۹:۰۵"); other text as it is. */
export function normaliseInput(text: string, lang: Lang): string {
  const iso = inputToInstant(text, lang);
  return iso ? instantToInput(iso, lang) : text;
}

/** The text in the other language's calendar (the same instant); invalid text stays as it is. */
export function convertInput(text: string, from: Lang, to: Lang): string {
  if (from === to || !text.trim()) return text;
  const iso = inputToInstant(text, from);
  return iso ? instantToInput(iso, to) : text;
}
