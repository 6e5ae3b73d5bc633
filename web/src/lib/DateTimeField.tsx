/**
 * A date-and-time field in the reader's calendar: a text box ("۱۴۰۵/۰۹/۱۰ ۱۴:۳۰" in Persian, "2026-12-01 14:30" in
 * English; dateInput.ts reads and writes it) and a button that opens react-day-picker's month grid to pick the day,
 * Jalali and right to left in Persian. The time stays as typed. The value is the text: the page converts it to an
 * instant with inputToInstant when it submits, and shows the error of invalid text beside the field.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DayPicker, type DateLib } from 'react-day-picker';
import { faIR as dayPickerFaIR } from 'react-day-picker/locale';
import * as jalali from 'date-fns-jalali';
import { faIR as jalaliFaIR } from 'date-fns-jalali/locale';
import 'react-day-picker/style.css';
import { CalendarIcon } from '../chat/icons';
import { useLang, useT } from '../i18n/locale';
import { convertInput, DATE_TIME_PLACEHOLDER, inputDay, normaliseInput, withDay } from './dateInput';

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

export function DateTimeField({ id, label, value, onChange, ...aria }: {
  id: string;
  /** the field's label, for the calendar button's name ("Calendar: Due date") */
  label: string;
  value: string;
  onChange: (text: string) => void;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const t = useT();
  const { lang } = useLang();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // the language changed: the same instant in the new calendar (text that was not valid stays as typed)
  const shown = useRef(lang);
  useEffect(() => {
    if (shown.current === lang) return;
    const converted = convertInput(value, shown.current, lang);
    shown.current = lang;
    if (converted !== value) onChange(converted);
  }, [lang, value, onChange]);

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
  const day = inputDay(value, lang);
  const name = t('date.calendar', { field: label });
  const fa = lang === 'fa';

  return (
    <div className="datetime-field" ref={box} onKeyDown={open ? onKey : undefined}>
      <input ref={input} id={id} type="text" autoComplete="off" spellCheck={false}
        placeholder={DATE_TIME_PLACEHOLDER[lang]} value={value} onChange={(e) => onChange(e.target.value)}
        onBlur={() => { const canonical = normaliseInput(value, lang); if (canonical !== value) onChange(canonical); }} {...aria} />
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
              onChange(withDay(value, d, lang));
              setOpen(false);
              input.current?.focus();
            }} />
        </div>
      )}
    </div>
  );
}
