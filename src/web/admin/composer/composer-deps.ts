import type { Context } from 'hono';
import type { MediaDeps } from '../../../modules/media/index.js';
import type { ComposerDeps } from '../../../modules/composer/index.js';
import { type UnitRow, unitLineage } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';

// The composer and media dependencies are composed once in src/main/compose.ts (media store under
// MEDIA_DIR, links to the unit's canonical site, the page cache told on every publish) and
// reach the routes through AppDeps.services.

export const mediaDepsOf = (deps: Pick<AppDeps, 'services'>): MediaDeps => deps.services.media;

export const composerDepsOf = (deps: Pick<AppDeps, 'services'>, cityName = ''): ComposerDeps => deps.services.composer(cityName);

/** Names used for house hashtags and labels: kecamatan and kota of a unit. */
export async function lineageNames(deps: AppDeps, unit: UnitRow): Promise<{ kecamatan: string | null; city: string | null }> {
  const lineage = await unitLineage(deps.db, unit);
  return {
    kecamatan: lineage.find((u) => u.kind === 'kecamatan')?.name ?? null,
    city: lineage.find((u) => u.kind === 'kota' || u.kind === 'kabupaten')?.name ?? null,
  };
}

/**
 * "?pesan=code" → which confirmation to show. Only the code travels in the URL; the page builds
 * the sentence (and any names or times in it) itself, so a crafted link cannot put words on it.
 */
export function flashCode(c: Context<AppEnv>): string | null {
  const code = c.req.query('pesan');
  return code && /^[a-z_]{1,40}$/.test(code) ? code : null;
}
