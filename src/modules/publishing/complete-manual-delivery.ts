import { iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type AuthorLookup, getChannel, insertActivity, updateChannel, verifyManualLink } from '../channels/index.js';
import type { PublishingDeps } from './deps.js';
import { getDelivery, updateDelivery } from './delivery-repo.js';

// "Sudah diposting": staff posted by hand from the manual kit and paste the post's link. The
// link is checked (form, platform, registered account) and the delivery is recorded as
// published with the evidence. Also usable to settle a "belum pasti" delivery by hand.

export type CompleteManualError = 'not_found' | 'forbidden' | 'already_published' | 'invalid_url' | 'wrong_platform' | 'wrong_account' | 'not_a_post';

export async function completeManualDelivery(
  deps: Pick<PublishingDeps, 'db' | 'clock'>,
  input: { unitId: string; deliveryId: string; url: string; userId?: string; lookup?: AuthorLookup },
): Promise<Result<{ permalink: string; accountChecked: boolean }, CompleteManualError>> {
  const d = await getDelivery(deps.db, input.deliveryId);
  if (!d) return err('not_found');
  if (d.unit_id !== input.unitId) return err('forbidden');
  if (d.state === 'published') return err('already_published');
  const channel = await getChannel(deps.db, d.channel_id);
  if (!channel) return err('not_found');
  const v = await verifyManualLink(
    { platform: channel.platform, handle: channel.handle, platformAccountId: channel.platform_account_id },
    input.url,
    input.lookup,
  );
  if (!v.ok) return v;
  const now = iso(deps.clock.now());
  const postId = v.value.postId ?? v.value.permalink;
  await insertActivity(deps.db, {
    unit_id: d.unit_id,
    channel_id: d.channel_id,
    platform: d.platform,
    platform_post_id: postId,
    permalink: v.value.permalink,
    excerpt: (JSON.parse(d.variant).caption ?? '').slice(0, 280),
    published_at: now,
    source: 'manual',
    delivery_id: d.id,
    created_at: now,
  });
  await updateDelivery(deps.db, d.id, {
    state: 'published',
    platform_post_id: postId,
    permalink: v.value.permalink,
    visibility: 'public',
    published_at: now,
    next_attempt_at: null,
    locked_until: null,
    reason_code: null,
    reason: null,
    evidence: JSON.stringify({ url: input.url, checkedBy: v.value.checkedBy, accountChecked: v.value.accountChecked, by: input.userId ?? null, at: now }),
    updated_at: now,
  });
  await updateChannel(deps.db, d.channel_id, { last_post_seen_at: now, last_post_url: v.value.permalink });
  return ok({ permalink: v.value.permalink, accountChecked: v.value.accountChecked });
}
