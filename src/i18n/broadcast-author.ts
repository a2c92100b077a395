import { t } from './index.js';
import { termParams } from './terms.js';

/**
 * How a city broadcast is signed on the kelurahan sites (issue 19 point 3: the composer module
 * takes these words from the caller): "dari Pemkot Pangkalpinang", "dari Pemkab Bangka" — the
 * regency's own word for itself.
 */
export const broadcastAuthor = (kind: 'kota' | 'kabupaten', name: string): string =>
  t('composer.broadcast.author', { pemkot: termParams({ unit: 'kelurahan', region: kind }).pemkot!, name });
