/** Settings forms: plain checks, unit-tested. */
export const WEEKDAYS = ['SATURDAY', 'SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;

export interface DayHours { open: boolean; start: string; end: string }

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Weekly hours: each open day needs a start before its end. Errors by day name. */
export function validateWeek(days: Record<string, DayHours>, m: { badTime: string; endBeforeStart: string }): Record<string, string> {
  const e: Record<string, string> = {};
  for (const d of WEEKDAYS) {
    const x = days[d];
    if (!x?.open) continue;
    if (!HHMM.test(x.start) || !HHMM.test(x.end)) e[d] = m.badTime;
    else if (toMinutes(x.end) <= toMinutes(x.start)) e[d] = m.endBeforeStart;
  }
  return e;
}

/** The server's `{DAY: [{start,end}]}` (first window per day) ↔ the form's rows. */
export function weekFromServer(days: Record<string, { start: string; end: string }[]> | undefined): Record<string, DayHours> {
  const out: Record<string, DayHours> = {};
  for (const d of WEEKDAYS) {
    const w = days?.[d]?.[0];
    out[d] = w ? { open: true, start: w.start.slice(0, 5), end: w.end.slice(0, 5) } : { open: false, start: '09:00', end: '17:00' };
  }
  return out;
}

export function weekToServer(days: Record<string, DayHours>): Record<string, { start: string; end: string }[]> {
  const out: Record<string, { start: string; end: string }[]> = {};
  for (const d of WEEKDAYS) if (days[d]?.open) out[d] = [{ start: days[d].start, end: days[d].end }];
  return out;
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export function isColor(c: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(c);
}

/** SLA policy: business minutes, positive whole numbers; next response optional. */
export function validateSla(p: { name: string; priority: string; first: string; next: string; resolution: string },
  m: { required: string; positive: string }): Record<string, string> {
  const e: Record<string, string> = {};
  const pos = (v: string) => /^\d+$/.test(v) && Number(v) >= 1;
  if (!p.name.trim()) e.name = m.required;
  if (!p.priority) e.priority = m.required;
  if (!pos(p.first)) e.firstResponseMinutes = m.positive;
  if (p.next && !pos(p.next)) e.nextResponseMinutes = m.positive;
  if (!pos(p.resolution)) e.resolutionMinutes = m.positive;
  return e;
}

/** The CRM link kinds a workspace can set an address for (docs/api.md, "CRM links"). */
export const LINK_KINDS = ['DOCUMENT', 'TASK', 'KNOWLEDGE', 'PROJECT'] as const;

export interface LinkSettings { templates: Partial<Record<(typeof LINK_KINDS)[number], string>>; lookupUrl: string | null }

/** The PUT body of /api/workspace/links: addresses trimmed, empty ones left out, an empty lookup as null. */
export function linkSettingsBody(templates: Record<string, string>, lookupUrl: string): LinkSettings {
  const out: LinkSettings['templates'] = {};
  for (const kind of LINK_KINDS) {
    const v = (templates[kind] ?? '').trim();
    if (v) out[kind] = v;
  }
  return { templates: out, lookupUrl: lookupUrl.trim() || null };
}
