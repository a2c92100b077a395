import type { MediaItem, SocialCrop, Variant } from './types.js';

/**
 * Chooses the file to send or show: a social crop by name, or the smallest web variant of a
 * format that is at least `minWidth` wide (falling back to the widest there is).
 */
export function pickVariant(
  item: Pick<MediaItem, 'variants'>,
  want: { crop: SocialCrop } | { format: Variant['format']; minWidth?: number },
): Variant | null {
  if ('crop' in want) return item.variants.find((v) => v.kind === 'social' && v.crop === want.crop) ?? null;
  const candidates = item.variants
    .filter((v) => (v.kind === 'web' || v.kind === 'avif') && v.format === want.format)
    .sort((a, b) => a.width - b.width);
  if (candidates.length === 0) return null;
  return candidates.find((v) => v.width >= (want.minWidth ?? 0)) ?? candidates[candidates.length - 1]!;
}
