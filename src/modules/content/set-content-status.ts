import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { ContentStatus } from '../../db/schema/site.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { mayPublish } from '../accounts/index.js';
import { contentRepository } from './content-repository.js';

/**
 * Quick actions from the staff list: publish now, archive (hide), back to draft. Publishing asks
 * the one publishing policy; actorId null is no person (fixtures, the composer hiding its own
 * copy after a cancelled schedule).
 */
export async function setContentStatus(
  deps: { db: Kysely<DB>; clock: Clock; onPublicChange?: (unitId: string) => void },
  args: { unitId: string; id: string; status: Exclude<ContentStatus, 'scheduled'>; actorId: string | null },
): Promise<Result<{ id: string; status: ContentStatus }, 'not_found' | 'forbidden'>> {
  const item = await contentRepository.byId(deps.db, args.unitId, args.id);
  if (!item) return err('not_found');
  if (args.status === 'published' && args.actorId !== null && !(await mayPublish(deps.db, args.actorId, args.unitId))) return err('forbidden');
  const now = deps.clock.now().toISOString();
  const publishAt = args.status === 'published' && (!item.publish_at || item.publish_at > now) ? now : item.publish_at;
  await contentRepository.update(deps.db, args.unitId, args.id, { status: args.status, publish_at: publishAt, updated_at: now });
  deps.onPublicChange?.(args.unitId);
  return ok({ id: args.id, status: args.status });
}
