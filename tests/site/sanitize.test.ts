import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { excerpt, htmlToText, sanitizeHtml, textToHtml } from '../../src/modules/content/index.js';

const payloads = readFileSync(new URL('../fixtures/xss-payloads.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);

describe('sanitizeHtml', () => {
  it('keeps the allowed formatting', () => {
    const html = '<h2>Judul</h2><p>Teks <strong>tebal</strong> dan <em>miring</em><br></p><ul><li>a</li></ul><ol><li>b</li></ol><blockquote>kutip</blockquote><h3>Sub</h3>';
    expect(sanitizeHtml(html)).toBe(html);
  });

  it('keeps http(s) and mailto links with rel=noopener, drops others', () => {
    expect(sanitizeHtml('<a href="https://pangkalpinangkota.go.id/x?a=1&b=2">x</a>')).toBe(
      '<a href="https://pangkalpinangkota.go.id/x?a=1&amp;b=2" rel="noopener nofollow">x</a>',
    );
    expect(sanitizeHtml('<a href="mailto:kel@example.go.id">m</a>')).toContain('href="mailto:kel@example.go.id"');
    expect(sanitizeHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="data:text/html,hi">x</a>')).toBe('<a>x</a>');
    expect(sanitizeHtml('<a href="/relative">x</a>')).toBe('<a>x</a>');
  });

  it('allows images from our own media only', () => {
    expect(sanitizeHtml('<img src="/media/ab/cd.webp" alt="Foto">')).toBe('<img src="/media/ab/cd.webp" loading="lazy" decoding="async" alt="Foto">');
    expect(sanitizeHtml('<img src="https://tracker.example/p.gif">')).toBe('');
    expect(sanitizeHtml('<img src="/media/../admin">')).toBe('');
    expect(sanitizeHtml('<img src="//evil.example/media/x.png">')).toBe('');
  });

  it('neutralises every payload in the stored-XSS list', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(40);
    for (const p of payloads) {
      const out = sanitizeHtml(p);
      expect(out, p).not.toMatch(/<(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|button|select|textarea|details|video|audio|marquee|body|template|noscript)\b/i);
      expect(out, p).not.toMatch(/\son[a-z]+\s*=/i);
      expect(out, p).not.toMatch(/(href|src|action|formaction)\s*=\s*["']?\s*(javascript|data|vbscript):/i);
      expect(out, p).not.toMatch(/style\s*=/i);
      // Idempotent: a second pass changes nothing, so render-time sanitising is stable.
      expect(sanitizeHtml(out), p).toBe(out);
    }
  });
});

describe('text helpers', () => {
  it('turns textarea text into escaped paragraphs', () => {
    expect(textToHtml('Baris <b>satu</b>\nbaris dua\n\nParagraf dua')).toBe('<p>Baris &lt;b&gt;satu&lt;/b&gt;<br>baris dua</p><p>Paragraf dua</p>');
  });
  it('extracts plain text and cuts excerpts at a word boundary', () => {
    expect(htmlToText('<p>Satu &amp; dua</p><p>tiga</p>')).toBe('Satu & dua\ntiga');
    expect(excerpt('kata '.repeat(100), 30)).toMatch(/^kata( kata)*…$/);
    expect(excerpt('pendek')).toBe('pendek');
  });
});
