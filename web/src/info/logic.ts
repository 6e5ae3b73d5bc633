/** support-info: list filters ↔ URL ↔ API, and the record form's client-side checks. Plain, unit-tested. */
import type { Lang } from '../lib/dates';
import { inputToInstant } from '../lib/dateInput';

export const RECORD_FILTER_KEYS = ['source', 'type', 'status', 'priority', 'assigneeId', 'user', 'teamId', 'categoryId', 'labelId',
  'customerId', 'ticketId', 'q', 'from', 'to', 'sort'] as const;
export type RecordFilterKey = (typeof RECORD_FILTER_KEYS)[number];
export type RecordFilters = Record<RecordFilterKey, string> & { page: number };
export const RECORD_SORTS = ['-contactAt', 'contactAt', 'dueAt', '-dueAt', '-createdAt', '-updatedAt', '-priority', 'title'];

export function emptyRecordFilters(): RecordFilters {
  const f = { ...Object.fromEntries(RECORD_FILTER_KEYS.map((k) => [k, ''])), page: 1 } as unknown as RecordFilters;
  f.sort = '-contactAt';
  f.page = 1;
  return f;
}

export function recordFiltersFromSearch(s: URLSearchParams): RecordFilters {
  const f = emptyRecordFilters();
  for (const k of RECORD_FILTER_KEYS) {
    const v = s.get(k);
    if (v !== null) f[k] = v.trim();
  }
  if (f.user !== 'me') f.user = '';
  if (!RECORD_SORTS.includes(f.sort)) f.sort = '-contactAt';
  for (const k of ['from', 'to'] as const) if (f[k] && !/^\d{4}-\d{2}-\d{2}$/.test(f[k])) f[k] = '';
  const page = Number(s.get('page'));
  f.page = Number.isInteger(page) && page > 0 ? page : 1;
  return f;
}

export function recordFiltersToSearch(f: RecordFilters): URLSearchParams {
  const p = new URLSearchParams();
  const d = emptyRecordFilters();
  for (const k of RECORD_FILTER_KEYS) if (f[k] && f[k] !== d[k]) p.set(k, f[k]);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** The API wants instants for from/to: the local day's start, and the start of the day after `to`. */
export function recordFiltersToApi(f: RecordFilters, limit: number): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of RECORD_FILTER_KEYS) {
    if (!f[k] || k === 'from' || k === 'to') continue;
    p.set(k, f[k]);
  }
  if (f.from) p.set('from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) {
    const d = new Date(`${f.to}T00:00:00`);
    d.setDate(d.getDate() + 1);
    p.set('to', d.toISOString());
  }
  p.set('page', String(f.page));
  p.set('limit', String(limit));
  return p;
}

/** contactAt and dueAt are the text of their fields, in the calendar of `lang` (lib/dateInput.ts). */
export interface RecordForm {
  title: string; description: string; source: string; type: string; priority: string; status: string;
  contactAt: string; dueAt: string; customerId: string; assigneeId: string; teamId: string; categoryId: string;
  labelIds: string[]; visibleToCustomer: boolean; links: { kind: string; refId: string; title: string }[];
}

export interface FormMessages {
  required: string; tooLong: (max: number) => string; dueBeforeContact: string; badDate: string;
}

/** Client-side checks mirroring the server's; the server's field errors still show when these pass. */
export function validateRecord(f: RecordForm, m: FormMessages, lang: Lang): Record<string, string> {
  const e: Record<string, string> = {};
  if (!f.title.trim()) e.title = m.required;
  else if (f.title.trim().length > 500) e.title = m.tooLong(500);
  if (f.description.length > 20000) e.description = m.tooLong(20000);
  if (!f.source) e.source = m.required;
  if (!f.type) e.type = m.required;
  const contact = inputToInstant(f.contactAt, lang);
  const due = inputToInstant(f.dueAt, lang);
  if (f.contactAt.trim() && !contact) e.contactAt = m.badDate;
  if (f.dueAt.trim() && !due) e.dueAt = m.badDate;
  if (contact && due && Date.parse(due) < Date.parse(contact)) e.dueAt = m.dueBeforeContact;
  f.links.forEach((l, i) => {
    if (!l.refId.trim()) e[`links.${i}.refId`] = m.required;
  });
  return e;
}

/** The form → the POST/PATCH body (on edit, empty optional fields become null so they are cleared). */
export function recordBody(f: RecordForm, editing: boolean, lang: Lang): Record<string, unknown> {
  const opt = (v: string) => (v ? v : editing ? null : undefined);
  const body: Record<string, unknown> = {
    title: f.title.trim(),
    description: f.description.trim() ? f.description.trim() : editing ? null : undefined,
    source: f.source,
    type: f.type,
    priority: f.priority,
    status: f.status,
    contactAt: inputToInstant(f.contactAt, lang) ?? undefined,
    dueAt: inputToInstant(f.dueAt, lang) ?? (editing ? null : undefined),
    customerId: opt(f.customerId),
    assigneeId: opt(f.assigneeId),
    teamId: opt(f.teamId),
    categoryId: opt(f.categoryId),
    labelIds: f.labelIds,
    visibleToCustomer: f.visibleToCustomer,
    links: f.links.map((l) => ({ kind: l.kind, refId: l.refId.trim(), title: l.title.trim() })),
  };
  for (const k of Object.keys(body)) if (body[k] === undefined) delete body[k];
  return body;
}
