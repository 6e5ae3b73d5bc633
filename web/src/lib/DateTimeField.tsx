/**
 * Date fields in the reader's calendar: a text box ("۱۴۰۵/۰۹/۱۰ ۱۴:۳۰" in Persian, "2026-12-01 14:30" in English;
 * dateInput.ts reads and writes it) and a button that opens react-day-picker's month grid to pick the day, Jalali and
 * right to left in Persian. DateTimeField keeps the time as typed and its value is the text (the page converts it to an
 * instant with inputToInstant when it submits, and shows the error of invalid text beside the field); DateField is a
 * day alone and its value an ISO date, what list filters and holidays keep.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { DayPicker, type DateLib } from 'react-day-picker';
import { faIR as dayPickerFaIR } from 'react-day-picker/locale';
import * as jalali from 'date-fns-jalali';
import { faIR as jalaliFaIR } from 'date-fns-jalali/locale';
import 'react-day-picker/style.css';
import { CalendarIcon } from '../chat/icons';
import { useLang, useT } from '../i18n/locale';
import {
  convertInput, DATE_PLACEHOLDER, DATE_TIME_PLACEHOLDER, dayToInput, inputDay, inputToIsoDate, isoDateToInput,
  normaliseInput, withDay,
} from './dateInput';

/**
 * The Jalali calendar for DayPicker: its date functions replaced by date-fns-jalali's (the same API over the Solar
 * Hijri calendar; react-day-picker 10 takes them as `dateLib`), and date-fns-jalali's Persian month and weekday
 * names with DayPicker's Persian labels.
 */
const JALALI_LIB: Partial<DateLib> = {
  addDays: jalali.addDays, addMonths: jalali.addMonths, addWeeks: jalali.addWeeks, addYears: jalali.addYears,
  differenceInCalendarDays: jalali.differenceInCalendarDays, differenceInCalendarMonths: jalali.differenceInCalendarMonths,
  eachMonthOfInterval: jalali.eachMonthOfInterval, eachYearOfInterval: jalali.eachYearOfInterval,
  endOfISOWeek: jalali.endOfISOWeek, endOfMonth: jalali.endOfMonth, endOfWeek: jalali.endOfWeek, endOfYear: jalali.endOfYear,
  format: jalali.format, getISOWeek: jalali.getISOWeek, getMonth: jalali.getMonth, getWeek: jalali.getWeek,
  getYear: jalali.getYear, isAfter: jalali.isAfter, isBefore: jalali.isBefore, isDate: jalali.isDate,
  isSameDay: jalali.isSameDay, isSameMonth: jalali.isSameMonth, isSameYear: jalali.isSameYear, max: jalali.max,
  min: jalali.min, newDate: jalali.newDate, setMonth: jalali.setMonth, setYear: jalali.setYear,
  startOfDay: jalali.startOfDay, startOfISOWeek: jalali.startOfISOWeek, startOfMonth: jalali.startOfMonth,
  startOfWeek: jalali.startOfWeek, startOfYear: jalali.startOfYear,
} as Partial<DateLib>;
const JALALI_FA = { ...jalaliFaIR, labels: dayPickerFaIR.labels } as unknown as typeof dayPickerFaIR;

type FieldProps = {
  id?: string;
  /** the field's label, for the calendar button's name ("Calendar: Due date") */
  label: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

/** A date and time; the value is the text as typed. */
export function DateTimeField({ id, label, value, onChange, ...aria }: FieldProps & {
  value: string;
  onChange: (text: string) => void;
}) {
  const { lang } = useLang();

  // the language changed: the same instant in the new calendar (text that was not valid stays as typed)
  const shown = useRef(lang);
  useEffect(() => {
    if (shown.current === lang) return;
    const converted = convertInput(value, shown.current, lang);
    shown.current = lang;
    if (converted !== value) onChange(converted);
  }, [lang, value, onChange]);

  return (
    <CalendarField label={label} day={inputDay(value, lang)} onPick={(d) => onChange(withDay(value, d, lang))}>
      <input id={id} type="text" autoComplete="off" spellCheck={false}
        placeholder={DATE_TIME_PLACEHOLDER[lang]} value={value} onChange={(e) => onChange(e.target.value)}
        onBlur={() => { const canonical = normaliseInput(value, lang); if (canonical !== value) onChange(canonical); }} {...aria} />
    </CalendarField>
  );
}

/**
 * A day; the value is an ISO date ("2026-12-01") or '' for none. Text that names no day yet (while typing) changes
 * nothing and is marked invalid; another language shows the value in its calendar.
 */
export function DateField({ id, label, value, onChange }: FieldProps & {
  value: string;
  onChange: (isoDate: string) => void;
}) {
  const { lang } = useLang();
  const [text, setText] = useState(() => isoDateToInput(value, lang));
  // what the text shows: a value set from outside (a reset, a link) or another language rewrites it
  const shown = useRef({ value, lang });
  useEffect(() => {
    if (shown.current.value === value && shown.current.lang === lang) return;
    shown.current = { value, lang };
    setText(isoDateToInput(value, lang));
  }, [value, lang]);

  const edit = (next: string) => {
    setText(next);
    const iso = inputToIsoDate(next, lang);
    if (iso !== null && iso !== value) {
      shown.current = { value: iso, lang };
      onChange(iso);
    }
  };
  return (
    <CalendarField label={label} day={inputDay(text, lang, false)} onPick={(d) => edit(dayToInput(d, lang))}>
      <input id={id} type="text" autoComplete="off" spellCheck={false} placeholder={DATE_PLACEHOLDER[lang]}
        value={text} onChange={(e) => edit(e.target.value)} aria-invalid={inputToIsoDate(text, lang) === null} />
    </CalendarField>
  );
}

/** The text box (its child) and the calendar button with its month grid, which picks `day` and calls `onPick`. */
function CalendarField({ label, day, onPick, children }: {
  label: string;
  day: Date | undefined;
  onPick: (day: Date) => void;
  children: ReactElement;
}) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // a click outside closes the calendar
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  // the month grid opens below the field, or above it when the window has no room below (a field low on the page)
  const [up, setUp] = useState(false);
  const popover = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!open || !box.current || !popover.current) return;
    const field = box.current.getBoundingClientRect();
    const height = popover.current.getBoundingClientRect().height;
    setUp(field.bottom + height > window.innerHeight && field.top - height >= 0);
  }, [open]);

  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    }
  };
  const name = t('date.calendar', { field: label });
  const fa = lang === 'fa';

  return (
    <div className="datetime-field" ref={box} onKeyDown={open ? onKey : undefined}>
      {children}
      <button ref={button} type="button" className="icon-btn" aria-label={name} title={name} aria-haspopup="dialog"
        aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        <CalendarIcon />
      </button>
      {open && (
        <div ref={popover} className={`datetime-popover${up ? ' up' : ''}`} role="dialog" aria-label={name}>
          <DayPicker mode="single" required autoFocus selected={day} defaultMonth={day}
            dir={fa ? 'rtl' : 'ltr'} numerals={fa ? 'arabext' : 'latn'}
            {...(fa ? { locale: JALALI_FA, dateLib: JALALI_LIB } : {})}
            onSelect={(d: Date) => {
              onPick(d);
              setOpen(false);
              box.current?.querySelector('input')?.focus();
            }} />
        </div>
      )}
    </div>
  );
}
