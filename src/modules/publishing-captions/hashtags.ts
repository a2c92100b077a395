// Hashtags follow the city's convention (docs/reference/platform-apis.md): CamelCase for screen readers, no
// spaces, punctuation or emoji, identical spelling everywhere.

const HASHTAG_IN_TEXT = /(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;

/** "#info warga", "Info-Warga", "infoWarga" → "#InfoWarga"; null when nothing usable is left. */
export function normalizeHashtag(raw: string): string | null {
  const words = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^#+/, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  // Keep existing capitals (PemkotPangkalpinang, RT03) and capitalise the first letter of each word.
  const tag = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[0-9]+$/.test(tag) ? null : `#${tag}`;
}

/** Normalised, without duplicates (case-insensitive), in the given order. */
export function cleanHashtags(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of raw) {
    const tag = normalizeHashtag(r);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

const MENTION_IN_TEXT = /(^|[^\p{L}\p{N}_.@])@([\p{L}\p{N}_.]{1,30})/gu;

/** @-mentions written in a text (Instagram allows at most 20 in a caption). */
export function mentionsIn(text: string): string[] {
  return [...text.matchAll(MENTION_IN_TEXT)].map((m) => `@${m[2]!.replace(/\.+$/, '').toLowerCase()}`);
}

/** Hashtags already written in a text, lower-cased (platforms count these toward their limit). */
export function hashtagsIn(text: string): string[] {
  return [...text.matchAll(HASHTAG_IN_TEXT)].map((m) => `#${m[2]!.toLowerCase()}`);
}
