import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

// Noto Sans (SIL Open Font License) from @fontsource: read at run time from node_modules so no
// font binary is copied into the repository. Latin covers Indonesian; latin-ext adds names with
// accents. satori reads WOFF (not WOFF2).
export interface CardFont {
  name: string;
  data: Buffer;
  weight: 400 | 700;
  style: 'normal';
}

export const CARD_FONT_FAMILY = 'Noto Sans';

const FILES: Array<[string, 400 | 700]> = [
  ['noto-sans-latin-400-normal.woff', 400],
  ['noto-sans-latin-700-normal.woff', 700],
  ['noto-sans-latin-ext-400-normal.woff', 400],
  ['noto-sans-latin-ext-700-normal.woff', 700],
];

let cached: Promise<CardFont[]> | null = null;

/** Loads the fonts once per process; every card reuses them. */
export function loadCardFonts(): Promise<CardFont[]> {
  if (!cached) {
    const require = createRequire(import.meta.url);
    cached = Promise.all(
      FILES.map(async ([file, weight]) => ({
        name: CARD_FONT_FAMILY,
        data: await readFile(require.resolve(`@fontsource/noto-sans/files/${file}`)),
        weight,
        style: 'normal' as const,
      })),
    );
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}
