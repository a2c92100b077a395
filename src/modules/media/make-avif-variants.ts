import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import type { MediaDeps } from './deps.js';
import { findForJob, saveAvif } from './media-repo.js';
import { encodeAvif } from './process-image.js';
import { storeVariant } from './to-variant.js';
import type { MediaItem } from './types.js';

/**
 * Background job body: adds AVIF web sizes to a stored photo. Safe to run twice — a finished
 * item is returned unchanged, and files are content-addressed so a crash halfway only leaves
 * files that the retry reuses. Knows nothing of the queue; the job runner retries on throw.
 */
export async function makeAvifVariants(deps: MediaDeps, mediaId: string): Promise<Result<MediaItem, 'not_found'>> {
  const found = await findForJob(deps.db, mediaId);
  if (!found) return err('not_found');
  if (found.avifDone) return ok(found.item);
  const source = found.item.variants.find((v) => v.kind === 'source');
  if (!source) throw new Error(`media ${mediaId} has no source variant`);

  const encoded = await encodeAvif(await deps.store.read(source.key));
  const avif = [];
  for (const img of encoded) avif.push(await storeVariant(deps.store, img));
  const variants = [...found.item.variants.filter((v) => v.kind !== 'avif'), ...avif];
  await saveAvif(deps.db, mediaId, variants, iso(deps.clock.now()));
  return ok({ ...found.item, variants });
}
