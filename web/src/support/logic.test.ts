import { describe, expect, it } from 'vitest';
import {
  allowedMoves, categoryOptions, emptyFilters, fieldErrors, filtersFromSearch, filtersToApi, filtersToSearch,
  insertCanned, matchCanned, recordMoves, slaBadge, slashQuery, durationParts,
} from './logic';

const base = {
  status: 'OPEN' as const, firstResponseAt: null, firstResponseDueAt: null, nextResponseDueAt: null,
  resolutionDueAt: null, resolvedAt: null, slaState: null, breached: false,
};
const now = Date.parse('2026-12-01T10:00:00Z');

describe('status moves', () => {
  it('staff get the state machine', () => {
    expect(allowedMoves('OPEN', 'ADMIN')).toEqual(['PENDING', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED']);
    expect(allowedMoves('CLOSED', 'ADMIN')).toEqual(['REOPENED']);
    expect(allowedMoves('RESOLVED', 'ADMIN')).toEqual(['CLOSED', 'REOPENED']);
  });
  it('a customer may only close or reopen', () => {
    expect(allowedMoves('OPEN', 'USER')).toEqual(['CLOSED']);
    expect(allowedMoves('RESOLVED', 'USER')).toEqual(['CLOSED', 'REOPENED']);
    expect(allowedMoves('CLOSED', 'USER')).toEqual(['REOPENED']);
  });
  it('records never go back to NEW', () => {
    expect(recordMoves('OPEN')).toEqual(['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
    expect(recordMoves('CLOSED')).toEqual(['CLOSED', 'OPEN']);
  });
});

describe('SLA badge', () => {
  it('no targets, no badge', () => {
    expect(slaBadge(base, now)).toBeNull();
  });
  it('due in, with the nearest target', () => {
    const b = slaBadge({ ...base, firstResponseDueAt: '2026-12-01T13:00:00Z', resolutionDueAt: '2026-12-02T10:00:00Z' }, now);
    expect(b).toMatchObject({ kind: 'due', target: 'firstResponse', remainingMs: 3 * 3600_000 });
  });
  it('at risk under an hour or when the server says so', () => {
    expect(slaBadge({ ...base, resolutionDueAt: '2026-12-01T10:30:00Z' }, now)?.kind).toBe('at-risk');
    expect(slaBadge({ ...base, resolutionDueAt: '2026-12-03T10:30:00Z', slaState: 'at-risk' }, now)?.kind).toBe('at-risk');
  });
  it('breached once past due, and it ticks', () => {
    const t = { ...base, resolutionDueAt: '2026-12-01T10:00:30Z' };
    expect(slaBadge(t, now)?.kind).toBe('at-risk');
    expect(slaBadge(t, now + 31_000)?.kind).toBe('breached');
  });
  it('after the first response the next response counts', () => {
    const b = slaBadge({ ...base, firstResponseAt: '2026-12-01T09:00:00Z', firstResponseDueAt: '2026-12-01T09:30:00Z',
      nextResponseDueAt: '2026-12-01T12:00:00Z', resolutionDueAt: '2026-12-02T10:00:00Z' }, now);
    expect(b?.target).toBe('nextResponse');
  });
  it('paused while waiting for the customer; met or breached when resolved', () => {
    expect(slaBadge({ ...base, status: 'WAITING_CUSTOMER', resolutionDueAt: '2026-12-02T10:00:00Z' }, now)?.kind).toBe('paused');
    expect(slaBadge({ ...base, status: 'RESOLVED', resolutionDueAt: '2026-12-02T10:00:00Z', slaState: 'met' }, now)?.kind).toBe('met');
    expect(slaBadge({ ...base, status: 'CLOSED', resolutionDueAt: '2026-11-02T10:00:00Z', breached: true }, now)?.kind).toBe('breached');
  });
  it('duration parts', () => {
    expect(durationParts(26 * 3600_000 + 5 * 60_000)).toEqual({ days: 1, hours: 2, minutes: 5 });
    expect(durationParts(-90_000)).toEqual({ days: 0, hours: 0, minutes: 1 });
  });
});

describe('filters ↔ URL', () => {
  it('round-trips and keeps the address short', () => {
    const f = { ...emptyFilters(), status: 'OPEN,REOPENED', assigneeId: 'me', sla: 'breached', q: 'چاپگر', page: 2 };
    const s = filtersToSearch(f);
    expect(s.toString()).toBe('status=OPEN%2CREOPENED&assigneeId=me&sla=breached&q=%DA%86%D8%A7%D9%BE%DA%AF%D8%B1&page=2');
    expect(filtersFromSearch(s)).toEqual(f);
    expect(filtersToSearch(emptyFilters()).toString()).toBe('');
  });
  it('drops nonsense', () => {
    const f = filtersFromSearch(new URLSearchParams('sla=soon&sort=evil&page=-3&from=yesterday'));
    expect([f.sla, f.sort, f.page, f.from]).toEqual(['', '-createdAt', 1, '']);
  });
  it('to the API: the "to" day is included, counts have no status or paging', () => {
    const f = { ...emptyFilters(), status: 'OPEN', from: '2026-11-01', to: '2026-11-30' };
    expect(filtersToApi(f, 20).toString()).toBe('status=OPEN&from=2026-11-01&sort=-createdAt&to=2026-12-01&page=1&limit=20');
    expect(filtersToApi(f, 20, false).toString()).toBe('from=2026-11-01&sort=-createdAt&to=2026-12-01');
  });
});

describe('canned responses', () => {
  const list = [
    { id: '1', shortCode: 'thanks', title: 'Thank you', body: 'Thank you for contacting us.' },
    { id: '2', shortCode: 'salam', title: 'سلام', body: 'سلام، وقت بخیر' },
    { id: '3', shortCode: 'refund', title: 'Refund thanks', body: 'Refunds take 3 days.' },
  ];
  it('finds "/code" at the caret only at a word start', () => {
    expect(slashQuery('hi /tha', 7)).toEqual({ start: 3, query: 'tha' });
    expect(slashQuery('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashQuery('a/b', 3)).toBeNull();
    expect(slashQuery('/sa lam', 7)).toBeNull();
  });
  it('matches code prefixes first, then titles', () => {
    expect(matchCanned(list, 'tha').map((c) => c.id)).toEqual(['1', '3']);
    expect(matchCanned(list, '').map((c) => c.id)).toEqual(['3', '2', '1']);
  });
  it('inserts the body in place of the query', () => {
    expect(insertCanned('hi /tha!', 3, 7, 'Thank you.')).toEqual({ text: 'hi Thank you.!', caret: 13 });
  });
});

describe('category tree', () => {
  it('orders depth-first with paths; orphans go to the top', () => {
    const opts = categoryOptions([
      { id: 'b', parentId: 'a', name: 'Printers', position: 0 },
      { id: 'a', parentId: null, name: 'Hardware', position: 1 },
      { id: 'c', parentId: null, name: 'Billing', position: 0 },
      { id: 'd', parentId: 'gone', name: 'Orphan', position: 5 },
    ]);
    expect(opts.map((o) => [o.name, o.depth])).toEqual([['Billing', 0], ['Hardware', 0], ['Printers', 1], ['Orphan', 0]]);
    expect(opts[2].path).toBe('Hardware › Printers');
  });
});

describe('forms', () => {
  it('field errors by their last name', () => {
    expect(fieldErrors({ errors: [{ field: 'create.body.subject', message: 'is required' }, { field: 'labelIds[0]', message: 'unknown' }] }))
      .toEqual({ subject: 'is required', labelIds: 'unknown' });
    expect(fieldErrors(undefined)).toEqual({});
  });
});
