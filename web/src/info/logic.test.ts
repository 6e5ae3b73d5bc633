import { describe, expect, it } from 'vitest';
import { emptyRecordFilters, recordBody, recordFiltersFromSearch, recordFiltersToApi, recordFiltersToSearch, validateRecord, type RecordForm } from './logic';

const m = { required: 'req', tooLong: (n: number) => `max ${n}`, dueBeforeContact: 'due<contact', badDate: 'bad' };
const form = (p: Partial<RecordForm> = {}): RecordForm => ({
  title: 'تماس', description: '', source: 'INBOUND_CALL', type: 'QUESTION', priority: 'MEDIUM', status: 'NEW',
  contactAt: '', dueAt: '', customerId: '', assigneeId: '', teamId: '', categoryId: '', labelIds: [],
  visibleToCustomer: false, links: [], ...p,
});

describe('record filters', () => {
  it('round-trip through the address; user is only "me"', () => {
    const f = { ...emptyRecordFilters(), source: 'INBOUND_CALL', user: 'me', q: 'سلام', page: 3 };
    expect(recordFiltersFromSearch(recordFiltersToSearch(f))).toEqual(f);
    expect(recordFiltersFromSearch(new URLSearchParams('user=bob&sort=x')).user).toBe('');
  });
  it('to the API with instants for the days', () => {
    const f = { ...emptyRecordFilters(), status: 'OPEN', from: '2026-11-01', to: '2026-11-01' };
    const p = recordFiltersToApi(f, 20);
    expect(p.get('status')).toBe('OPEN');
    expect(Date.parse(p.get('to')!) - Date.parse(p.get('from')!)).toBe(24 * 3600_000);
    expect(p.get('limit')).toBe('20');
  });
});

describe('record form', () => {
  it('accepts a minimal record', () => {
    expect(validateRecord(form(), m, 'fa')).toEqual({});
  });
  it('names each bad field', () => {
    expect(validateRecord(form({ title: ' ', source: '', contactAt: '۱۴۰۵/۰۹/۱۱ ۱۰:۰۰', dueAt: '۱۴۰۵/۰۹/۱۰ ۱۰:۰۰',
      links: [{ kind: 'TASK', refId: '', title: 'x' }] }), m, 'fa'))
      .toEqual({ title: 'req', source: 'req', dueAt: 'due<contact', 'links.0.refId': 'req' });
    expect(validateRecord(form({ contactAt: '2026-12-02 10:00', dueAt: '2026-12-01 10:00' }), m, 'en'))
      .toEqual({ dueAt: 'due<contact' });
    expect(validateRecord(form({ title: 'x'.repeat(501) }), m, 'fa').title).toBe('max 500');
  });
  it('refuses a date the calendar does not have, and never sends it', () => {
    // 30 Esfand 1405 does not exist (1405 is a common year); month 13 neither
    const bad = form({ contactAt: '1405/12/30 10:00', dueAt: '۱۴۰۵/۱۳/۰۱ ۱۰:۰۰' });
    expect(validateRecord(bad, m, 'fa')).toEqual({ contactAt: 'bad', dueAt: 'bad' });
  });
  it('sends the instants of the texts', () => {
    const b = recordBody(form({ contactAt: '۱۴۰۵/۰۱/۰۱ ۱۴:۳۰', dueAt: '1405/9/10 9:05' }), false, 'fa');
    expect([b.contactAt, b.dueAt]).toEqual([new Date(2026, 2, 21, 14, 30).toISOString(), new Date(2026, 11, 1, 9, 5).toISOString()]);
    expect(recordBody(form({ dueAt: '2026-12-01 09:05' }), true, 'en').dueAt).toBe(new Date(2026, 11, 1, 9, 5).toISOString());
  });
  it('creates without empty fields; an edit clears them with null', () => {
    expect(recordBody(form(), false, 'fa')).toEqual({ title: 'تماس', source: 'INBOUND_CALL', type: 'QUESTION', priority: 'MEDIUM',
      status: 'NEW', labelIds: [], visibleToCustomer: false, links: [] });
    const b = recordBody(form(), true, 'fa');
    expect([b.customerId, b.dueAt, b.description]).toEqual([null, null, null]);
  });
});
