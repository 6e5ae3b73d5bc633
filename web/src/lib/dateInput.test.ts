import { describe, expect, it } from 'vitest';
import { isLeapYear, newDate } from 'date-fns-jalali';
import {
  convertInput, dayToInput, inputDay, inputToInstant, inputToIsoDate, instantToInput, isInputValid, isoDateToInput, latinDigits,
  normaliseInput, withDay,
} from './dateInput';

// local times (the browser's zone), so the tests hold in any TZ the runner has
const nowruz1405 = new Date(2026, 2, 21, 14, 30); // 1 Farvardin 1405 = 21 March 2026
const azar10 = new Date(2026, 11, 1, 9, 5); // 10 Azar 1405 = 1 December 2026

describe('date-time input text in Persian (Jalali, Persian digits)', () => {
  it('formats an instant in the Jalali calendar with Persian digits', () => {
    expect(instantToInput(nowruz1405.toISOString(), 'fa')).toBe('۱۴۰۵/۰۱/۰۱ ۱۴:۳۰');
    expect(instantToInput(azar10, 'fa')).toBe('۱۴۰۵/۰۹/۱۰ ۰۹:۰۵');
    expect(instantToInput(null, 'fa')).toBe('');
    expect(instantToInput('not a date', 'fa')).toBe('');
  });

  it('reads Persian, Arabic-Indic or Latin digits, with or without leading zeros', () => {
    const iso = nowruz1405.toISOString();
    expect(inputToInstant('۱۴۰۵/۰۱/۰۱ ۱۴:۳۰', 'fa')).toBe(iso);
    expect(inputToInstant('1405/01/01 14:30', 'fa')).toBe(iso);
    expect(inputToInstant('١٤٠٥/١/١ ١٤:٣٠', 'fa')).toBe(iso);
    expect(inputToInstant('  1405-1-1   14:30 ', 'fa')).toBe(iso);
    expect(inputToInstant('۱۴۰۵/۹/۱۰ ۹:۰۵', 'fa')).toBe(azar10.toISOString());
    expect(latinDigits('۰۱۲۳۴۵۶۷۸۹ ٠١٢٣٤٥٦٧٨٩')).toBe('0123456789 0123456789');
  });

  it('round-trips every text it writes', () => {
    for (const d of [nowruz1405, azar10, new Date(2025, 2, 20, 23, 59), new Date(2030, 0, 1, 0, 0)]) {
      expect(inputToInstant(instantToInput(d, 'fa'), 'fa')).toBe(d.toISOString());
    }
  });

  it('refuses a month or day the Jalali calendar does not have', () => {
    // which years are leap is the library's word (33-year cycle), not ours: 1403 is, 1405 is not
    expect(isLeapYear(newDate(1403, 0, 1))).toBe(true);
    expect(isLeapYear(newDate(1405, 0, 1))).toBe(false);
    expect(inputToInstant('1403/12/30 10:00', 'fa')).toBe(new Date(2025, 2, 20, 10, 0).toISOString());
    for (const bad of ['1405/12/30 10:00', '1405/12/31 10:00', '1405/13/01 10:00', '1405/00/10 10:00', '1405/07/31 10:00',
      '1405/09/10 24:00', '1405/09/10 14:60', '1405/09/10', '05/09/10 14:30', '14050/09/10 14:30', '1405/09/10 14:30 x',
      '2026-12-01 14:30x', 'فردا']) {
      expect(inputToInstant(bad, 'fa'), bad).toBeNull();
      expect(isInputValid(bad, 'fa'), bad).toBe(false);
    }
    expect(inputToInstant('', 'fa')).toBeNull();
    expect(isInputValid('  ', 'fa')).toBe(true);
  });
});

describe('date-time input text in English (Gregorian)', () => {
  it('formats and reads the Gregorian calendar', () => {
    expect(instantToInput(nowruz1405, 'en')).toBe('2026-03-21 14:30');
    expect(inputToInstant('2026-03-21 14:30', 'en')).toBe(nowruz1405.toISOString());
    expect(inputToInstant('2026/3/21 14:30', 'en')).toBe(nowruz1405.toISOString());
    expect(inputToInstant('2026-12-01T09:05', 'en')).toBe(azar10.toISOString());
  });

  it('refuses what the Gregorian calendar does not have', () => {
    for (const bad of ['2026-02-29 10:00', '2026-13-01 10:00', '2026-04-31 10:00', '2026-12-01 25:00', '12/01/2026 10:00', '1405/09/10']) {
      expect(inputToInstant(bad, 'en'), bad).toBeNull();
    }
    expect(inputToInstant('2028-02-29 10:00', 'en')).toBe(new Date(2028, 1, 29, 10, 0).toISOString());
  });
});

describe('the calendar button and a change of language', () => {
  it('puts the picked day in the text and keeps the time as typed', () => {
    expect(withDay('۱۴۰۵/۰۱/۰۱ ۱۴:۳۰', new Date(2026, 11, 1), 'fa')).toBe('۱۴۰۵/۰۹/۱۰ ۱۴:۳۰');
    expect(withDay('1405/1/1 9:05', new Date(2026, 11, 1), 'fa')).toBe('۱۴۰۵/۰۹/۱۰ ۰۹:۰۵');
    expect(withDay('', new Date(2026, 11, 1), 'fa')).toBe('۱۴۰۵/۰۹/۱۰ ۱۲:۰۰');
    expect(withDay('2026-03-21 14:30', new Date(2026, 11, 1), 'en')).toBe('2026-12-01 14:30');
  });

  it('opens the calendar on the typed day', () => {
    expect(inputDay('۱۴۰۵/۰۹/۱۰ ۱۴:۳۰', 'fa')).toEqual(new Date(2026, 11, 1));
    expect(inputDay('1405/13/01 10:00', 'fa')).toBeUndefined();
  });

  it('writes valid typed text the way the field writes it, on leaving the field', () => {
    expect(normaliseInput('1405/9/1 9:05', 'fa')).toBe('۱۴۰۵/۰۹/۰۱ ۰۹:۰۵');
    expect(normaliseInput('2026/3/21 14:30', 'en')).toBe('2026-03-21 14:30');
    expect(normaliseInput('1405/12/30 10:00', 'fa')).toBe('1405/12/30 10:00');
    expect(normaliseInput('', 'fa')).toBe('');
  });

  it('rewrites valid text in the other calendar, and leaves invalid text alone', () => {
    expect(convertInput('۱۴۰۵/۰۱/۰۱ ۱۴:۳۰', 'fa', 'en')).toBe('2026-03-21 14:30');
    expect(convertInput('2026-03-21 14:30', 'en', 'fa')).toBe('۱۴۰۵/۰۱/۰۱ ۱۴:۳۰');
    expect(convertInput('1405/13/01 10:00', 'fa', 'en')).toBe('1405/13/01 10:00');
  });
});

describe('date-only text (list filters, holidays): the value is an ISO date', () => {
  it('shows an ISO date in the reader\'s calendar and reads it back', () => {
    expect(isoDateToInput('2026-12-01', 'fa')).toBe('۱۴۰۵/۰۹/۱۰');
    expect(isoDateToInput('2026-03-21', 'fa')).toBe('۱۴۰۵/۰۱/۰۱');
    expect(isoDateToInput('2026-12-01', 'en')).toBe('2026-12-01');
    expect(inputToIsoDate('۱۴۰۵/۰۹/۱۰', 'fa')).toBe('2026-12-01');
    expect(inputToIsoDate('1405-9-10', 'fa')).toBe('2026-12-01');
    expect(inputToIsoDate('١٤٠٥/٩/١٠', 'fa')).toBe('2026-12-01');
    expect(inputToIsoDate(' 2026-12-1 ', 'en')).toBe('2026-12-01');
    for (const iso of ['2025-03-20', '2025-03-21', '2026-12-31', '2030-01-01']) {
      expect(inputToIsoDate(isoDateToInput(iso, 'fa'), 'fa')).toBe(iso);
    }
  });

  it('tells empty text (no filter) from text that names no day', () => {
    expect(inputToIsoDate('', 'fa')).toBe('');
    expect(inputToIsoDate('   ', 'en')).toBe('');
    expect(inputToIsoDate('۱۴۰۵/۰۹', 'fa')).toBeNull();
    expect(inputToIsoDate('۱۴۰۵/۱۳/۰۱', 'fa')).toBeNull();
    expect(inputToIsoDate('1403/12/30', 'fa')).toBe('2025-03-20'); // 1403 is a Jalali leap year
    expect(inputToIsoDate('1404/12/30', 'fa')).toBeNull();
    expect(inputToIsoDate('۱۴۰۵/۰۹/۱۰ ۱۴:۳۰', 'fa')).toBeNull();
    expect(inputToIsoDate('2026-02-30', 'en')).toBeNull();
    expect(isoDateToInput('', 'fa')).toBe('');
    expect(isoDateToInput('2026-13-01', 'fa')).toBe('');
    expect(isoDateToInput('yesterday', 'en')).toBe('');
  });

  it('opens the calendar on the typed day and writes a picked one', () => {
    expect(inputDay('۱۴۰۵/۰۹/۱۰', 'fa', false)).toEqual(new Date(2026, 11, 1));
    expect(inputDay('۱۴۰۵/۰۹/۱۰', 'fa')).toBeUndefined();
    expect(dayToInput(new Date(2026, 11, 1), 'fa')).toBe('۱۴۰۵/۰۹/۱۰');
    expect(dayToInput(new Date(2026, 11, 1), 'en')).toBe('2026-12-01');
  });
});
