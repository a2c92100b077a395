import { countChars } from './limits.js';

/**
 * Shortens text to at most `max` characters (countChars), cutting at a word boundary when one is
 * reasonably close and ending with "…". Never splits a surrogate pair (emoji).
 */
export function truncateText(text: string, max: number): string {
  if (countChars(text) <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = text.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  // Prefer a word boundary unless that throws away more than a fifth of the room.
  if (space > (max - 1) * 0.8) cut = cut.slice(0, space);
  return `${cut.replace(/[\s.,;:–—-]+$/u, '')}…`;
}
