import { describe, expect, it } from 'vitest';
import { dayKey, formatDate, formatDateTime, formatNumber, formatRelative, formatTime } from './dates';

const persianDigits = /^[^0-9]*$/;

describe('dates', () => {
  const instant = '2026-12-01T10:30:00Z'; // 10 Azar 1405 in Tehran

  it('formats Persian dates in the Jalali calendar with Persian digits', () => {
    const s = formatDate(instant, 'fa', 'Asia/Tehran');
    expect(s).toContain('آذر');
    expect(s).toContain('۱۴۰۵');
    expect(s).toContain('۱۰');
    expect(s).toMatch(persianDigits);
  });

  it('formats English dates in the Gregorian calendar', () => {
    expect(formatDate(instant, 'en', 'UTC')).toBe('December 1, 2026');
    expect(formatDateTime(instant, 'en', 'UTC')).toContain('Dec 1, 2026');
  });

  it('formats times per language', () => {
    expect(formatTime(instant, 'fa', 'Asia/Tehran')).toBe('۱۴:۰۰');
    expect(formatTime(instant, 'en', 'UTC')).toBe('10:30 AM');
  });

  it('Jalali new year boundary', () => {
    expect(formatDate('2026-03-20T21:00:00Z', 'fa', 'Asia/Tehran')).toContain('فروردین');
    expect(formatDate('2026-03-20T21:00:00Z', 'fa', 'Asia/Tehran')).toContain('۱۴۰۵');
    expect(formatDate('2026-03-19T12:00:00Z', 'fa', 'Asia/Tehran')).toContain('۱۴۰۴');
  });

  it('day keys group instants by local day', () => {
    expect(dayKey('2026-12-01T00:10:00Z', 'UTC')).toBe(dayKey('2026-12-01T23:50:00Z', 'UTC'));
    expect(dayKey('2026-12-01T23:50:00Z', 'UTC')).not.toBe(dayKey('2026-12-02T00:10:00Z', 'UTC'));
    // 21:00 UTC is already the next day in Tehran
    expect(dayKey('2026-12-01T21:00:00Z', 'Asia/Tehran')).toBe(dayKey('2026-12-02T10:00:00Z', 'Asia/Tehran'));
  });

  it('relative times', () => {
    const now = Date.parse(instant);
    expect(formatRelative(now - 10_000, 'en', now)).toBe('now');
    expect(formatRelative(now - 5 * 60_000, 'en', now)).toBe('5 minutes ago');
    expect(formatRelative(now - 3 * 3600_000, 'en', now)).toBe('3 hours ago');
    expect(formatRelative(now - 24 * 3600_000, 'en', now)).toBe('yesterday');
    expect(formatRelative(now + 2 * 60_000, 'en', now)).toBe('in 2 minutes');
    const fa = formatRelative(now - 5 * 60_000, 'fa', now);
    expect(fa).toContain('۵');
    expect(fa).toContain('دقیقه');
    expect(fa).toMatch(persianDigits);
  });

  it('numbers', () => {
    expect(formatNumber(1234, 'fa')).toBe('۱٬۲۳۴');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });

  it('rejects invalid dates instead of printing "Invalid Date"', () => {
    expect(() => formatDate('not a date', 'fa')).toThrow(RangeError);
    expect(() => formatRelative('', 'en')).toThrow(RangeError);
  });
});
