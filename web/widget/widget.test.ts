import { describe, expect, it } from 'vitest';
import { chooseLang } from './i18n';
import { VisitorStore, type KeyValue } from './storage';

function memory(): KeyValue & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('chooseLang', () => {
  it('prefers the site tag, then the workspace setting, then the host page language', () => {
    expect(chooseLang('en', 'fa', 'fa-IR')).toBe('en');
    expect(chooseLang(null, 'en', 'fa')).toBe('en');
    expect(chooseLang(null, 'auto', 'fa-IR')).toBe('fa');
    expect(chooseLang(undefined, 'auto', 'en-GB')).toBe('en');
    expect(chooseLang(undefined, 'auto', 'de')).toBe('en');
    expect(chooseLang(undefined, undefined, '')).toBe('fa');
    expect(chooseLang('xx', 'yy', undefined)).toBe('fa');
  });
});

describe('VisitorStore', () => {
  it('keeps the visitor per workspace and forgets an expired or unreadable token', () => {
    let now = 1_000_000;
    const kv = memory();
    const a = new VisitorStore('shop', kv, () => now);
    const b = new VisitorStore('other', kv, () => now);
    expect(a.load()).toBeNull();
    a.save({ token: 't', expiresAt: now + 3_600_000, guestId: 'g', ticketId: 'x' });
    expect(a.load()?.ticketId).toBe('x');
    expect(b.load()).toBeNull();
    a.update({ open: true });
    expect(a.load()?.open).toBe(true);
    now += 3_600_000;
    expect(a.load()).toBeNull();
    expect(kv.map.has('goftgu.widget.shop')).toBe(false);
    kv.setItem('goftgu.widget.other', '{not json');
    expect(b.load()).toBeNull();
  });
});
