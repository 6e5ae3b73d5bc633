/** Plain, unit-tested rules of the support screens: status moves, SLA badges, filters ↔ URL, canned responses. */
import type { CannedView, CategoryView, RecordStatus, TicketStatus, TicketView } from './types';

// ---- ticket status moves (support-chat-service README "State machine"; the server still decides: 409 otherwise)
const MOVES: Record<TicketStatus, TicketStatus[]> = {
  OPEN: ['PENDING', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED'],
  PENDING: ['OPEN', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['PENDING', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED'],
  WAITING_CUSTOMER: ['PENDING', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['CLOSED', 'REOPENED'],
  CLOSED: ['REOPENED'],
  REOPENED: ['PENDING', 'IN_PROGRESS', 'WAITING_CUSTOMER', 'RESOLVED', 'CLOSED'],
};

/** The statuses a ticket may move to; a customer may only close or reopen their own ticket. */
export function allowedMoves(from: TicketStatus, role: 'ADMIN' | 'USER' | 'GUEST'): TicketStatus[] {
  const all = MOVES[from] ?? [];
  return role === 'ADMIN' ? all : all.filter((s) => s === 'CLOSED' || s === 'REOPENED');
}

const RECORD_MOVES: Record<RecordStatus, RecordStatus[]> = {
  NEW: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  OPEN: ['IN_PROGRESS', 'RESOLVED', 'CLOSED'],
  IN_PROGRESS: ['OPEN', 'RESOLVED', 'CLOSED'],
  RESOLVED: ['OPEN', 'CLOSED'],
  CLOSED: ['OPEN'],
};

/** A support-info record's status choices: where it is, then where it may go. */
export function recordMoves(from: RecordStatus): RecordStatus[] {
  return [from, ...(RECORD_MOVES[from] ?? [])];
}

export function isOpenStatus(s: TicketStatus): boolean {
  return s !== 'RESOLVED' && s !== 'CLOSED';
}

// ---- SLA badges
export type SlaKind = 'breached' | 'at-risk' | 'due' | 'met' | 'paused';
export interface SlaBadge {
  kind: SlaKind;
  /** which target: first response, next response or resolution */
  target: 'firstResponse' | 'nextResponse' | 'resolution';
  dueAt: string;
  /** ms until due (negative: overdue) */
  remainingMs: number;
}

const AT_RISK_MS = 60 * 60 * 1000;

/**
 * The badge a ticket shows now: the nearest pending target. Breached when past due (or the server says so),
 * at risk when the server says so or less than an hour is left, else "due in". None for closed tickets
 * without targets; "met" when every target was met.
 */
export function slaBadge(t: Pick<TicketView, 'status' | 'firstResponseAt' | 'firstResponseDueAt' | 'nextResponseDueAt'
  | 'resolutionDueAt' | 'resolvedAt' | 'slaState' | 'breached'>, now: number): SlaBadge | null {
  const targets: { target: SlaBadge['target']; dueAt: string }[] = [];
  const open = isOpenStatus(t.status);
  if (open && !t.firstResponseAt && t.firstResponseDueAt) targets.push({ target: 'firstResponse', dueAt: t.firstResponseDueAt });
  if (open && t.firstResponseAt && t.nextResponseDueAt) targets.push({ target: 'nextResponse', dueAt: t.nextResponseDueAt });
  if (open && t.resolutionDueAt) targets.push({ target: 'resolution', dueAt: t.resolutionDueAt });
  if (!targets.length) {
    if (t.breached && t.resolutionDueAt) return { kind: 'breached', target: 'resolution', dueAt: t.resolutionDueAt, remainingMs: 0 };
    if (t.slaState === 'met' && t.resolutionDueAt) return { kind: 'met', target: 'resolution', dueAt: t.resolutionDueAt, remainingMs: 0 };
    return null;
  }
  targets.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  const next = targets[0];
  const remainingMs = Date.parse(next.dueAt) - now;
  const paused = t.status === 'WAITING_CUSTOMER' || t.status === 'PENDING';
  let kind: SlaKind;
  if (remainingMs <= 0 || t.slaState === 'breached') kind = 'breached';
  else if (paused) kind = 'paused';
  else if (t.slaState === 'at-risk' || remainingMs <= AT_RISK_MS) kind = 'at-risk';
  else kind = 'due';
  return { kind, target: next.target, dueAt: next.dueAt, remainingMs };
}

/** "2h 05m" style parts for a duration: the two largest units. */
export function durationParts(ms: number): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 60000));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

// ---- ticket list filters ↔ URL query
export interface TicketFilters {
  status: string; // comma list or ''
  priority: string;
  assigneeId: string; // id, 'me', 'unassigned' or ''
  teamId: string;
  categoryId: string;
  labelId: string;
  sla: string; // 'at-risk' | 'breached' | ''
  q: string;
  from: string; // yyyy-mm-dd
  to: string;
  sort: string;
  page: number;
}

export const TICKET_SORTS = ['-createdAt', 'createdAt', '-updatedAt', '-priority', 'priority', 'resolutionDueAt', 'firstResponseDueAt', '-number'];
const FILTER_KEYS = ['status', 'priority', 'assigneeId', 'teamId', 'categoryId', 'labelId', 'sla', 'q', 'from', 'to', 'sort'] as const;

export function emptyFilters(): TicketFilters {
  return { status: '', priority: '', assigneeId: '', teamId: '', categoryId: '', labelId: '', sla: '', q: '', from: '', to: '', sort: '-createdAt', page: 1 };
}

/** The page's address → filters (unknown values are dropped). */
export function filtersFromSearch(search: URLSearchParams): TicketFilters {
  const f = emptyFilters();
  for (const k of FILTER_KEYS) {
    const v = search.get(k);
    if (v !== null) f[k] = v.trim();
  }
  if (f.sla && f.sla !== 'at-risk' && f.sla !== 'breached') f.sla = '';
  if (!TICKET_SORTS.includes(f.sort)) f.sort = '-createdAt';
  if (f.from && !/^\d{4}-\d{2}-\d{2}$/.test(f.from)) f.from = '';
  if (f.to && !/^\d{4}-\d{2}-\d{2}$/.test(f.to)) f.to = '';
  const page = Number(search.get('page'));
  f.page = Number.isInteger(page) && page > 0 ? page : 1;
  return f;
}

/** Filters → the page's address: only what differs from the defaults. */
export function filtersToSearch(f: TicketFilters): URLSearchParams {
  const p = new URLSearchParams();
  const d = emptyFilters();
  for (const k of FILTER_KEYS) if (f[k] && f[k] !== d[k]) p.set(k, f[k]);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** Filters → the API's query (`to` is a whole day, so the API gets the next day's start). */
export function filtersToApi(f: TicketFilters, limit: number, withStatus = true): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    if (!f[k] || (k === 'status' && !withStatus) || k === 'to') continue;
    p.set(k, f[k]);
  }
  if (f.to) p.set('to', nextDay(f.to));
  if (withStatus) {
    p.set('page', String(f.page));
    p.set('limit', String(limit));
  }
  return p;
}

function nextDay(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

// ---- canned responses: "/code" at the start of a word where the caret is
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[2].length - 1, query: m[2] };
}

export function matchCanned(list: CannedView[], query: string): CannedView[] {
  const q = query.toLowerCase();
  return list
    .filter((c) => c.shortCode.toLowerCase().startsWith(q) || (q.length > 0 && c.title.toLowerCase().includes(q)))
    .sort((a, b) => Number(!a.shortCode.toLowerCase().startsWith(q)) - Number(!b.shortCode.toLowerCase().startsWith(q))
      || a.shortCode.localeCompare(b.shortCode))
    .slice(0, 8);
}

/** Replaces "/query" (from start to caret) with the response's body; returns the text and the new caret. */
export function insertCanned(text: string, start: number, caret: number, body: string): { text: string; caret: number } {
  const next = text.slice(0, start) + body + text.slice(caret);
  return { text: next, caret: start + body.length };
}

// ---- category trees (flat lists with parentId)
export interface TreeOption { id: string; parentId: string | null; name: string; depth: number; path: string }

export function categoryOptions(list: CategoryView[]): TreeOption[] {
  const children = new Map<string | null, CategoryView[]>();
  const ids = new Set(list.map((c) => c.id));
  for (const c of list) {
    const parent = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    const arr = children.get(parent) ?? [];
    arr.push(c);
    children.set(parent, arr);
  }
  const out: TreeOption[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, path: string) => {
    const arr = (children.get(parent) ?? []).slice().sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
    for (const c of arr) {
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      const p = path ? `${path} › ${c.name}` : c.name;
      out.push({ id: c.id, parentId: parent, name: c.name, depth, path: p });
      walk(c.id, depth + 1, p);
    }
  };
  walk(null, 0, '');
  return out;
}

// ---- problem+json field errors
export function fieldErrors(problem: { errors?: { field: string; message: string }[] } | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    // "create.body.subject" / "subject" / "labelIds[0]" → the last plain name
    const name = e.field.split('.').pop()!.replace(/\[\d+\]$/, '');
    out[name] = out[name] ? `${out[name]}; ${e.message}` : e.message;
  }
  return out;
}
