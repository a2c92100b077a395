import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Clock, iso } from '../../shared/clock.js';
import { t } from '../../i18n/index.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { getChannel, isApiPlatform, platformName, type PostVariant } from '../channels/index.js';

// Publishing a content item creates one delivery per chosen channel. Callers pass their
// transaction as `db`, so the deliveries exist exactly when the post does. The (post, channel)
// unique key makes a second call harmless. Each delivery carries a snapshot of what to publish,
// so it never reads the content tables (another module's) and survives later edits.


export async function enqueueDeliveries(
  deps: { db: Kysely<DB>; clock: Clock },
  input: { unitId: string; postId: string; targets: Array<{ channelId: string; variant: PostVariant }> },
): Promise<Result<string[], 'forbidden'>> {
  const now = iso(deps.clock.now());
  const ids: string[] = [];
  for (const target of input.targets) {
    const channel = await getChannel(deps.db, target.channelId);
    if (!channel || channel.unit_id !== input.unitId) return err('forbidden');
    const viaApi = channel.state === 'connected' && isApiPlatform(channel.platform);
    // A channel waiting for reconnection gets the manual kit now, with the reason why.
    const reasonCode = viaApi ? null : channel.state === 'needs_reconnect' ? 'token_expired' : 'not_connected';
    await deps.db
      .insertInto('deliveries')
      .values({
        id: newId(),
        unit_id: input.unitId,
        post_id: input.postId,
        channel_id: channel.id,
        platform: channel.platform,
        state: viaApi ? 'queued' : 'manual_needed',
        variant: JSON.stringify(target.variant),
        attempts: 0,
        unconfirmed_checks: 0,
        next_attempt_at: null,
        locked_until: null,
        waiting_since: null,
        reason_code: reasonCode,
        reason: reasonCode ? t(`channels.failure.${reasonCode}`, { platform: platformName(channel.platform) }) : null,
        platform_detail: null,
        platform_post_id: null,
        permalink: null,
        visibility: null,
        published_at: null,
        evidence: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['post_id', 'channel_id']).doNothing())
      .execute();
    const row = await deps.db
      .selectFrom('deliveries')
      .select('id')
      .where('post_id', '=', input.postId)
      .where('channel_id', '=', channel.id)
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ok(ids);
}
