import { describe, expect, it } from 'vitest';
import { formatSize, splitSnippet } from './text';

describe('splitSnippet', () => {
  it('marks hits and keeps everything else as text', () => {
    expect(splitSnippet('a <mark>hit</mark> b')).toEqual([
      { text: 'a ', hit: false },
      { text: 'hit', hit: true },
      { text: ' b', hit: false },
    ]);
  });
  it('turns escaped markup back into inert text, never into elements', () => {
    const parts = splitSnippet('&lt;img src=x onerror=alert(1)&gt; <mark>&amp;</mark>');
    expect(parts[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', hit: false });
    expect(parts[1]).toEqual({ text: '&', hit: true });
  });
  it('empty', () => {
    expect(splitSnippet('')).toEqual([]);
  });
});

describe('formatSize', () => {
  it('sizes', () => {
    expect(formatSize(500, 'en')).toBe('500 B');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(10 * 1024 * 1024, 'fa')).toBe('۱۰ MB');
  });
});
