import type { ReactNode } from 'react';

/** Mentions shown as highlighted text (@Name of a known member); everything stays text, never HTML. */
export function MessageText({ body, names }: { body: string; names: string[] }) {
  if (!names.length || !body.includes('@')) return <>{body}</>;
  const sorted = [...names].sort((a, b) => b.length - a.length);
  const out: ReactNode[] = [];
  let i = 0;
  let from = 0;
  while (i < body.length) {
    if (body[i] === '@') {
      const name = sorted.find((n) => body.startsWith(n, i + 1));
      if (name) {
        if (from < i) out.push(body.slice(from, i));
        out.push(<span className="mention" key={i}>@{name}</span>);
        i += name.length + 1;
        from = i;
        continue;
      }
    }
    i++;
  }
  if (from < body.length) out.push(body.slice(from));
  return <>{out}</>;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };

function unescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (m) => entities[m] ?? m);
}

/**
 * A search snippet: the server HTML-escapes the text and wraps hits in <mark>. We never parse it as HTML: split on
 * the two literal tags, unescape the entities as text, and build the <mark> elements ourselves.
 */
export function splitSnippet(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let hit = false;
  for (const piece of snippet.split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') hit = true;
    else if (piece === '</mark>') hit = false;
    else if (piece) parts.push({ text: unescape(piece), hit });
  }
  return parts;
}

export function Snippet({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** "1.2 MB" style sizes, localised digits. */
export function formatSize(bytes: number, lang: 'fa' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const n = new Intl.NumberFormat(lang === 'fa' ? 'fa-IR' : 'en-US', { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v);
  return `${n} ${units[u]}`;
}
