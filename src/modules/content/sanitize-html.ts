import xssDefault from 'xss';

// xss is CommonJS: Node's ESM loader only exposes its default export, whose properties carry the
// named API (the typings declare them as named exports).
const { FilterXSS, friendlyAttrValue } = xssDefault as unknown as typeof import('xss');

// Body text is the only field rendered as HTML; everything else goes through hono/jsx escaping.
// The allow-list is deliberately small (what a plain editor or a paste from Word needs), so a
// hijacked account or a careless paste cannot add scripts, iframes, tracking pixels or
// gambling-spam embeds. Sanitising happens on save AND on render, so rows written before a rule
// was tightened are still cleaned.

const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  ul: [],
  ol: [],
  li: [],
  a: ['href'],
  h2: [],
  h3: [],
  blockquote: [],
  img: ['src', 'alt', 'width', 'height'],
};

/** Only our own media, never a hot-link: keeps pages fast and stops tracking pixels. */
const MEDIA_SRC = /^\/media\/[A-Za-z0-9_][\w.\-/]*$/;
const LINK_HREF = /^(https?:\/\/[^\s"'<>`]+|mailto:[^\s"'<>`]+)$/i;

function safeHref(raw: string): string | null {
  // Browsers ignore control characters and entity-encode tricks inside URLs; decode the way the
  // browser would, then judge the result.
  const v = friendlyAttrValue(raw).trim();
  // Control characters are what is looked for.
  if (/[\u0000-\u001f\u007f]/.test(v)) return null;
  return LINK_HREF.test(v) ? v : null;
}

function safeSrc(raw: string): string | null {
  const v = friendlyAttrValue(raw).trim();
  if (v.includes('..') || v.includes('//')) return null;
  return MEDIA_SRC.test(v) ? v : null;
}

const attr = (v: string) =>
  v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const filter = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math', 'xmp', 'textarea', 'title'],
  allowCommentTag: false,
  css: false,
  onTagAttr(tag, name, value) {
    if (tag === 'a' && name === 'href') {
      const href = safeHref(value);
      return href ? `href="${attr(href)}" rel="noopener nofollow"` : '';
    }
    if (tag === 'img' && name === 'src') {
      const src = safeSrc(value);
      return src ? `src="${attr(src)}" loading="lazy" decoding="async"` : '';
    }
    if (tag === 'img' && (name === 'width' || name === 'height')) {
      return /^\d{1,4}$/.test(value) ? `${name}="${value}"` : '';
    }
    if (tag === 'img' && name === 'alt') {
      return `alt="${attr(friendlyAttrValue(value))}"`;
    }
    return undefined;
  },
});

export function sanitizeHtml(html: string): string {
  const cleaned = filter.process(html ?? '');
  // An <img> whose src was rejected is useless markup; drop it rather than ship a broken image.
  return cleaned.replace(/<img(?![^>]*\ssrc=)[^>]*>/gi, '');
}

/** Plain text for summaries, feeds and the search index. */
export function htmlToText(html: string): string {
  return (html ?? '')
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<\/(p|li|h2|h3|blockquote)>|<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

/** Text typed in a plain textarea becomes paragraphs; escaping first so it can never become markup. */
export function textToHtml(text: string): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return (text ?? '')
    .split(/\n{2,}/)
    .map((para) => para.trim())
    .filter(Boolean)
    .map((para) => `<p>${esc(para).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** A summary cut at a word boundary, for cards and meta descriptions. */
export function excerpt(text: string, max = 180): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}
