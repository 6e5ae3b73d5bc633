/**
 * What the widget remembers about the visitor, in localStorage of the widget page's own origin (the gateway's) —
 * never the host page's. Browsers that partition third-party storage keep one copy per site that embeds the
 * widget; where storage is refused entirely the widget remembers nothing past the page.
 */
export interface Saved {
  token: string;
  /** epoch ms */
  expiresAt: number;
  guestId: string;
  ticketId?: string;
  /** the externalId the visitor was verified with, if any */
  externalId?: string;
  open?: boolean;
}

export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const memory = new Map<string, string>();
const fallback: KeyValue = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

function store(): KeyValue {
  try {
    const s = window.localStorage;
    s.getItem('goftgu.probe');
    return s;
  } catch {
    return fallback;
  }
}

export class VisitorStore {
  private readonly key: string;

  constructor(slug: string, private readonly kv: KeyValue = store(), private readonly now: () => number = Date.now) {
    this.key = `goftgu.widget.${slug}`;
  }

  /** The saved visitor, or null when there is none, it is unreadable, or its token has expired. */
  load(): Saved | null {
    let saved: Saved | null = null;
    try {
      const raw = this.kv.getItem(this.key);
      saved = raw ? (JSON.parse(raw) as Saved) : null;
    } catch {
      saved = null;
    }
    if (!saved || typeof saved.token !== 'string' || typeof saved.expiresAt !== 'number'
      || saved.expiresAt <= this.now() + 60_000) {
      if (saved) this.clear();
      return null;
    }
    return saved;
  }

  save(saved: Saved): void {
    try {
      this.kv.setItem(this.key, JSON.stringify(saved));
    } catch {
      /* storage full or refused: remembered for this page only */
    }
  }

  update(change: Partial<Saved>): void {
    const saved = this.load();
    if (saved) this.save({ ...saved, ...change });
  }

  clear(): void {
    try {
      this.kv.removeItem(this.key);
    } catch {
      /* nothing to forget */
    }
  }
}
