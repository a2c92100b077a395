import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { DeliveryChangeKind } from '../../db/schema/channels.js';
import { type Clock, iso } from '../../shared/clock.js';
import { type Platform, platformOf } from '../channels/index.js';
import { listPostDeliveries } from './delivery-repo.js';
import { getPostChange, requestPostChange } from './post-change-repo.js';

// After publishing, staff stay in control of the social copies too (#14 point 3): when the post
// is edited, the copies already out get the new text; when it is deleted with "Hapus juga dari
// Facebook", they are deleted — wherever the platform's API allows it (the descriptor's
// afterPublish). Called inside the use case's transaction, so the request is stored with the
// change itself; the job "publishing.run-changes" sends it (run-post-change.ts).

/** Platforms whose copies can be changed this way through the API. */
export function changeablePlatforms(kind: DeliveryChangeKind): Platform[] {
  return (['facebook', 'instagram', 'tiktok'] as const).filter((p) => {
    const d = platformOf(p)?.afterPublish;
    return kind === 'edit' ? d?.editText : d?.delete;
  });
}

/**
 * Queues the change for each copy of the post that is out on a platform that allows it; returns
 * the platforms asked. An edit whose text equals what the copy already carries (or was last asked
 * to carry) asks nothing, and a copy being deleted is not edited.
 */
export async function askPostChanges(
  deps: { db: Kysely<DB>; clock: Clock },
  args: { unitId: string; postId: string; kind: DeliveryChangeKind; captions?: ReadonlyMap<string, string>; requestedBy: string | null; platforms?: readonly string[] },
): Promise<string[]> {
  const allowed = new Set<string>(changeablePlatforms(args.kind).filter((p) => !args.platforms || args.platforms.includes(p)));
  const now = iso(deps.clock.now());
  const asked = new Set<string>();
  for (const d of await listPostDeliveries(deps.db, args.postId)) {
    if (d.unit_id !== args.unitId || d.state !== 'published' || !d.platform_post_id || !allowed.has(d.platform)) continue;
    const last = await getPostChange(deps.db, d.id);
    if (last?.kind === 'delete') continue;
    let message: string | null = null;
    if (args.kind === 'edit') {
      const caption = args.captions?.get(d.channel_id);
      if (caption === undefined) continue;
      const carried = last ? last.message : (JSON.parse(d.variant) as { caption?: string }).caption;
      if (caption === carried) continue;
      message = caption;
    }
    await requestPostChange(deps.db, { deliveryId: d.id, unitId: d.unit_id, kind: args.kind, message, requestedBy: args.requestedBy, now });
    asked.add(d.platform);
  }
  return [...asked];
}
