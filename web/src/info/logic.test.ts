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
    expect(validateRecord(form(), m)).toEqual({});
  });
  it('names each bad field', () => {
    expect(validateRecord(form({ title: ' ', source: '', contactAt: '2026-12-02T10:00', dueAt: '2026-12-01T10:00',
      links: [{ kind: 'TASK', refId: '', title: 'x' }] }), m))
      .toEqual({ title: 'req', source: 'req', dueAt: 'due<contact', 'links.0.refId': 'req' });
    expect(validateRecord(form({ title: 'x'.repeat(501) }), m).title).toBe('max 500');
  });
  it('creates without empty fields; an edit clears them with null', () => {
    expect(recordBody(form(), false)).toEqual({ title: 'تماس', source: 'INBOUND_CALL', type: 'QUESTION', priority: 'MEDIUM',
      status: 'NEW', labelIds: [], visibleToCustomer: false, links: [] });
    const b = recordBody(form(), true);
    expect([b.customerId, b.dueAt, b.description]).toEqual([null, null, null]);
  });
});
