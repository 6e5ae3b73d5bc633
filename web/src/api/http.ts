/**
 * fetch for the API: same-origin cookies, the CSRF double-submit header on unsafe requests, and on 401 one
 * POST /api/auth/refresh then one retry; if that fails the app goes to /login (onSessionLost).
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly problem?: { type?: string; title?: string; detail?: string; errors?: { field: string; message: string }[] },
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let sessionLost: () => void = () => {};
export function onSessionLost(fn: () => void): void {
  sessionLost = fn;
}

export function csrfToken(): string | null {
  const m = document.cookie.split(/;\s*/).find((c) => c.startsWith('goftgu_csrf='));
  return m ? decodeURIComponent(m.slice('goftgu_csrf='.length)) : null;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time for the whole tab; concurrent 401s share it. */
export function refreshSession(): Promise<boolean> {
  if (!refreshing) {
    refreshing = fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then((r) => r.ok)
      .catch(() => false)
      .finally(() => {
        setTimeout(() => (refreshing = null), 0);
      });
  }
  return refreshing;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** login and refresh: a 401 is an answer, not an expired session */
  noRefresh?: boolean;
}

function headersFor(method: string, hasJson: boolean): Record<string, string> {
  const h: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (hasJson) h['Content-Type'] = 'application/json';
  if (!SAFE.has(method)) {
    const t = csrfToken();
    if (t) h['X-CSRF-Token'] = t;
  }
  return h;
}

async function toError(r: Response): Promise<ApiError> {
  let problem: ApiError['problem'];
  try {
    problem = await r.json();
  } catch {
    problem = undefined;
  }
  const message = problem?.detail || problem?.title || `${r.status} ${r.statusText}`;
  return new ApiError(r.status, message, problem);
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? 'GET').toUpperCase();
  const hasJson = options.body !== undefined;
  const doFetch = () =>
    fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasJson),
      body: hasJson ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  let r = await doFetch();
  if (r.status === 401 && !options.noRefresh) {
    if (await refreshSession()) {
      r = await doFetch();
    }
    if (r.status === 401) {
      sessionLost();
      throw await toError(r);
    }
  }
  if (!r.ok) throw await toError(r);
  if (r.status === 204) return undefined as T;
  const text = await r.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Multipart upload with progress (fetch has no upload progress): XMLHttpRequest, same CSRF and 401 rules. */
export function upload<T>(path: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal,
  extra?: Record<string, string>, always?: Record<string, string>): Promise<T> {
  const once = (fields: Record<string, string>) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', path);
      xhr.withCredentials = true;
      xhr.setRequestHeader('Accept', 'application/json');
      const t = csrfToken();
      if (t) xhr.setRequestHeader('X-CSRF-Token', t);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, body: xhr.responseText });
      xhr.onerror = () => reject(new ApiError(0, 'network error'));
      xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
      signal?.addEventListener('abort', () => xhr.abort());
      const form = new FormData();
      form.append('file', file, file.name);
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      xhr.send(form);
    });
  return (async () => {
    let fields: Record<string, string> = { ...(always ?? {}) };
    let res = await once(fields);
    if (res.status === 401 && (await refreshSession())) res = await once(fields);
    // only the file part is sent; a server that still requires more (roomId) names the field: send it then
    if (res.status === 400 && extra) {
      const missing = Object.keys(extra).filter((k) => res.body.includes(k));
      if (missing.length) {
        fields = { ...fields, ...Object.fromEntries(missing.map((k) => [k, extra[k]])) };
        res = await once(fields);
      }
    }
    if (res.status === 401) sessionLost();
    if (res.status < 200 || res.status >= 300) {
      let problem: ApiError['problem'];
      try {
        problem = JSON.parse(res.body);
      } catch {
        problem = undefined;
      }
      throw new ApiError(res.status, problem?.detail || problem?.title || `${res.status}`, problem);
    }
    onProgress(1);
    return JSON.parse(res.body) as T;
  })();
}
