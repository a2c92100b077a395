// Social platforms show plain text only. The composer's editor gives paragraphs, bold, lists and
// links (as simple HTML); this turns that into text that reads well in a caption.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decode(s: string): string {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+|#39);/gi, (m, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#') && e !== '#39') return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export interface PlainTextOptions {
  /** Write links as "text (url)" — useful where links are clickable. Otherwise only the text. */
  keepLinkUrls: boolean;
}

export function toPlainText(input: string, options: PlainTextOptions = { keepLinkUrls: true }): string {
  let s = input.replace(/\r\n?/g, '\n');
  if (/<[a-z/!][^>]*>/i.test(s)) {
    s = s
      .replace(/\n/g, ' ')
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<li[^>]*>/gi, '\n• ')
      .replace(/<\/(p|div|h[1-6]|ul|ol|blockquote)>/gi, '\n\n')
      .replace(/<a\s[^>]*href\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, text: string) => {
        const label = text.replace(/<[^>]+>/g, '').trim();
        const bare = (u: string) => u.replace(/^https?:\/\//i, '').replace(/\/$/, '');
        // A link whose text already is the address is not written twice.
        if (!options.keepLinkUrls || !/^https?:\/\//i.test(href) || bare(label) === bare(href)) return label || href;
        return `${label} (${href})`;
      })
      .replace(/<[^>]+>/g, '');
    s = decode(s);
  }
  return s
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
