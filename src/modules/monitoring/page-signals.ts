import type { HtmlPage } from './html.js';
import {
  asksForJavaScript,
  challengePhrases,
  type LexiconHit,
  parkedPhrases,
  scanLexicon,
  spamStrength,
  suspendedPhrases,
  wordCount,
} from './text-rules.js';
import { absoluteUrl, sameSite } from './url-tools.js';

// What a page says about itself, read from its parsed HTML: gambling spam (and how strong),
// parking, suspension, a bot challenge, an empty script shell, a redirect written into the
// page. Shared by availability (the home page and where a redirect lands) and integrity.

/** Lexicon on a URL: digits split words ("slotgacor88" → "slotgacor"), paths become words. */
export function scanUrl(url: string, opts: { host?: boolean } = {}): LexiconHit {
  if (opts.host === false) {
    try {
      const u = new URL(url);
      url = `${u.pathname} ${u.search}`;
    } catch {
      /* not a URL: scan it as text */
    }
  }
  const hit = scanLexicon(url.replace(/^https?:\/\//i, ' ').replace(/\d+/g, ' ').replace(/([a-z])(gacor|slot|togel|toto|judi)/gi, '$1 $2'));
  // A gambling word in the host name itself (gacor88.com, slot-resmi.net, judibola.id): no
  // government page links to such a domain, and no kelurahan site sends visitors to one.
  if (opts.host === false) return hit;
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return hit;
  }
  const stem = host.match(GAMBLING_HOST)?.[1];
  return stem && !hit.spam.includes(stem) ? { ...hit, spam: [...hit.spam, stem], score: hit.score + 3 } : hit;
}

const GAMBLING_HOST = /(slot|gacor|togel|judi|casino|kasino|poker|maxwin|sbobet|jackpot|bandarq|dominoqq|pkv|sv388|mahjong)/;

export interface GamblingSignal {
  strength: 'none' | 'mention' | 'strong';
  title: LexiconHit;
  text: LexiconHit;
  /** Links to other sites whose words or address are gambling. */
  spamLinks: string[];
  /** Links people cannot see (display:none, off-screen) that carry gambling words. */
  hiddenSpamLinks: string[];
}

export function gamblingSignal(page: HtmlPage, baseUrl: string): GamblingSignal {
  const title = scanLexicon(`${page.title} ${page.meta('og:title') ?? ''} ${page.meta('description') ?? ''}`);
  const text = scanLexicon(page.allText.slice(0, 200_000));
  const spamLinks: string[] = [];
  const hiddenSpamLinks: string[] = [];
  let certain = 0;
  for (const a of page.anchors) {
    const abs = absoluteUrl(a.href, baseUrl);
    if (!abs) continue;
    const offsite = !sameSite(abs, baseUrl);
    if (!offsite && !a.hidden) continue;
    const hit = scanLexicon(a.text);
    const urlHit = offsite ? scanUrl(abs) : { spam: [], context: [], against: false, score: 0 };
    if (hit.spam.length > 0 || urlHit.spam.length > 0) (a.hidden ? hiddenSpamLinks : spamLinks).push(abs);
    // Gambling words on the link and in the address it leads to: no honest page does both.
    if (hit.spam.length > 0 && urlHit.spam.length > 0) certain++;
  }
  // A frame showing a gambling site inside the page: visitors see that site, whatever the page says.
  for (const src of page.frames) {
    const abs = absoluteUrl(src, baseUrl);
    if (!abs || sameSite(abs, baseUrl) || scanUrl(abs).spam.length === 0) continue;
    spamLinks.push(abs);
    certain++;
  }
  const t = spamStrength(title, 'title');
  const x = spamStrength(text, 'text');
  const strong = t === 'strong' || x === 'strong' || certain > 0 || spamLinks.length >= 2 || hiddenSpamLinks.length >= 1;
  const mention = t === 'mention' || x === 'mention' || spamLinks.length === 1;
  return { strength: strong ? 'strong' : mention ? 'mention' : 'none', title, text, spamLinks, hiddenSpamLinks };
}

export interface PageSignals {
  words: number;
  parked: string[];
  suspended: string[];
  challenge: string[];
  /** An empty shell a script fills in. */
  scriptOnly: boolean;
  /** A redirect written into the page (meta refresh or a script setting location). */
  pageRedirect: string | null;
}

const JS_REDIRECT = /(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*(?:=|\.replace\(|\.assign\()\s*["'`]([^"'`]+)["'`]/;

export function pageSignals(page: HtmlPage, baseUrl: string): PageSignals {
  const words = wordCount(page.text);
  const head = `${page.title} ${page.text.slice(0, 3000)}`;
  const scriptChars = page.scripts.reduce((n, s) => n + s.inline.length, 0);
  const externalScripts = page.scripts.filter((s) => s.src).length;
  // Shells of React/Vue/Angular apps: almost no text, a mount point and scripts — or a
  // <noscript> that asks for JavaScript while the page says little else.
  const mount = page.elements.some((e) => /^(root|app|__next|__nuxt|q-app)$/.test(e.attribs.id ?? '') || e.name === 'app-root');
  const scriptOnly = words < 40 && (asksForJavaScript(page.noscriptText) || (mount && (externalScripts > 0 || scriptChars > 200)) || (externalScripts >= 2 && words < 15));
  let pageRedirect: string | null = null;
  const refresh = page.metaRefresh ? absoluteUrl(page.metaRefresh, baseUrl) : null;
  if (refresh) pageRedirect = refresh;
  else if (words < 80) {
    for (const s of page.scripts) {
      const m = s.inline.match(JS_REDIRECT);
      const to = m ? absoluteUrl(m[1]!, baseUrl) : null;
      if (to) {
        pageRedirect = to;
        break;
      }
    }
  }
  return {
    words,
    parked: parkedPhrases(head),
    suspended: suspendedPhrases(head),
    challenge: words < 150 ? challengePhrases(`${head} ${page.noscriptText}`) : [],
    scriptOnly,
    pageRedirect,
  };
}
