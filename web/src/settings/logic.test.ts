import { describe, expect, it } from 'vitest';
import { isColor, isValidTimeZone, linkSettingsBody, validateSla, validateWeek, weekFromServer, weekToServer } from './logic';

describe('business hours', () => {
  it('round-trips the first window of each day; days off are left out', () => {
    const week = weekFromServer({ SATURDAY: [{ start: '09:00:00', end: '17:00:00' }], THURSDAY: [{ start: '09:00', end: '13:00' }] });
    expect(week.SATURDAY).toEqual({ open: true, start: '09:00', end: '17:00' });
    expect(week.FRIDAY.open).toBe(false);
    expect(weekToServer(week)).toEqual({ SATURDAY: [{ start: '09:00', end: '17:00' }], THURSDAY: [{ start: '09:00', end: '13:00' }] });
  });
  it('flags bad times and ends before starts', () => {
    const week = weekFromServer({});
    week.SUNDAY = { open: true, start: '17:00', end: '09:00' };
    week.MONDAY = { open: true, start: '9', end: '17:00' };
    expect(validateWeek(week, { badTime: 'bad', endBeforeStart: 'order' })).toEqual({ SUNDAY: 'order', MONDAY: 'bad' });
  });
  it('time zones and colours', () => {
    expect(isValidTimeZone('Asia/Tehran')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isColor('#1e88e5')).toBe(true);
    expect(isColor('red')).toBe(false);
  });
});

describe('SLA policy form', () => {
  it('needs a name and positive minutes', () => {
    const m = { required: 'req', positive: 'pos' };
    expect(validateSla({ name: 'Gold', priority: 'HIGH', first: '30', next: '', resolution: '480' }, m)).toEqual({});
    expect(validateSla({ name: ' ', priority: '', first: '0', next: 'x', resolution: '' }, m)).toEqual({
      name: 'req', priority: 'req', firstResponseMinutes: 'pos', nextResponseMinutes: 'pos', resolutionMinutes: 'pos' });
  });
});

describe('CRM link settings', () => {
  it('sends trimmed addresses, leaves empty kinds out and an empty lookup as null', () => {
    expect(linkSettingsBody({ TASK: ' https://crm.example.com/tasks/{refId} ', DOCUMENT: '  ', BOGUS: 'x' }, ' '))
      .toEqual({ templates: { TASK: 'https://crm.example.com/tasks/{refId}' }, lookupUrl: null });
    expect(linkSettingsBody({}, ' https://crm.example.com/lookup ').lookupUrl).toBe('https://crm.example.com/lookup');
  });
});
