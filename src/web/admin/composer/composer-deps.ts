import type { Context } from 'hono';
import { createFileMediaStore, type MediaDeps } from '../../../modules/media/index.js';
import { type ComposerDeps, cardMaker } from '../../../modules/composer/index.js';
import { type UnitRow, unitLineage } from '../../../modules/units/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { invalidateUnit } from '../../site/page-cache.js';
import { unitCanonicalBase } from '../../site/urls.js';

// Wiring of the composer for the HTTP edge: the media store under MEDIA_DIR, links to the
// unit's canonical site, and the page cache of the public site (a publish drops it at once).

const stores = new Map<string, MediaDeps['store']>();

export function mediaDepsOf(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>): MediaDeps {
  let store = stores.get(deps.config.mediaDir);
  if (!store) {
    store = createFileMediaStore(deps.config.mediaDir);
    stores.set(deps.config.mediaDir, store);
  }
  return { db: deps.db, store, clock: deps.clock };
}

export function composerDepsOf(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, cityName = ''): ComposerDeps {
  const media = mediaDepsOf(deps);
  return {
    db: deps.db,
    clock: deps.clock,
    media,
    siteBaseOf: (slug) => unitCanonicalBase(deps.config, slug),
    mediaBaseUrl: deps.config.publicUrl,
    cityName,
    onPublicChange: invalidateUnit,
    makeCard: cardMaker(media),
  };
}

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
