import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Actor, type UnitRef, auditedChange, publishingRightsOf } from '../accounts/index.js';
import { type Clock, iso } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type AuthorLookup, type VerifiedLink, getChannel, insertActivity, updateChannel, verifyManualLink } from '../channels/index.js';
import type { PublishingDeps } from './deps.js';
import { getDelivery, updateDelivery } from './delivery-repo.js';

// "Sudah diposting": staff posted by hand from the manual kit and paste the post's link. The
// link is checked (form, platform, registered account) and the delivery is recorded as
// published with the evidence. Also usable to settle a "belum pasti" delivery by hand.

export type CompleteManualError = 'not_found' | 'forbidden' | 'already_published' | 'invalid_url' | 'wrong_platform' | 'wrong_account' | 'not_a_post';

type DeliveryRow = NonNullable<Awaited<ReturnType<typeof getDelivery>>>;
type Checked = { d: DeliveryRow; link: VerifiedLink };

export async function completeManualDelivery(
  deps: Pick<PublishingDeps, 'db' | 'clock'>,
  input: { unitId: string; deliveryId: string; url: string; userId?: string; lookup?: AuthorLookup },
): Promise<Result<{ permalink: string; accountChecked: boolean }, CompleteManualError>> {
  const checked = await checkManualLink(deps.db, input);
  if (!checked.ok) return checked;
  return ok(await recordManualPost(deps.db, deps.clock, checked.value, input));
}

/**
 * The same by a person on the staff screen: it posts in the unit's name, so only those the one
 * publishing policy lets publish. The link is checked first — the author lookup may ask the
 * platform over the network, never inside a transaction —, then the delivery, the activity row
 * and the 'delivery.manual' entry are written together (the delivery read again in there: a press
 * that arrives after another has been recorded records nothing).
 */
export async function completeManualDeliveryAsStaff(
  deps: Pick<PublishingDeps, 'db' | 'clock'>,
  input: { actor: Actor; unit: UnitRef; deliveryId: string; url: string; lookup?: AuthorLookup },
): Promise<Result<{ permalink: string; accountChecked: boolean }, CompleteManualError>> {
  const { actor, unit } = input;
  if (!(await publishingRightsOf(deps.db, actor, unit)).canPublish) return err('forbidden');
  const args = { unitId: unit.id, deliveryId: input.deliveryId, url: input.url, userId: actor.id, ...(input.lookup ? { lookup: input.lookup } : {}) };
  const checked = await checkManualLink(deps.db, args);
  if (!checked.ok) return checked;
  return auditedChange(
    deps,
    { actor, unit },
    async (trx) => {
      const d = await getDelivery(trx, input.deliveryId);
      if (!d || d.state === 'published') return err('already_published');
      return ok(await recordManualPost(trx, deps.clock, { d, link: checked.value.link }, args));
    },
    (v) => ({ action: 'delivery.manual', target: input.deliveryId, detail: v }),
  );
}

async function checkManualLink(db: Kysely<DB>, input: { unitId: string; deliveryId: string; url: string; lookup?: AuthorLookup }): Promise<Result<Checked, CompleteManualError>> {
  const d = await getDelivery(db, input.deliveryId);
  if (!d) return err('not_found');
  if (d.unit_id !== input.unitId) return err('forbidden');
  if (d.state === 'published') return err('already_published');
  const channel = await getChannel(db, d.channel_id);
  if (!channel) return err('not_found');
  const v = await verifyManualLink(
    { platform: channel.platform, handle: channel.handle, platformAccountId: channel.platform_account_id },
    input.url,
    input.lookup,
  );
  return v.ok ? ok({ d, link: v.value }) : v;
}

async function recordManualPost(db: Kysely<DB>, clock: Clock, { d, link: v }: Checked, input: { url: string; userId?: string }) {
  const now = iso(clock.now());
  const postId = v.postId ?? v.permalink;
  await insertActivity(db, {
    unit_id: d.unit_id,
    channel_id: d.channel_id,
    platform: d.platform,
    platform_post_id: postId,
    permalink: v.permalink,
    excerpt: (JSON.parse(d.variant).caption ?? '').slice(0, 280),
    published_at: now,
    source: 'manual',
    delivery_id: d.id,
    created_at: now,
  });
  await updateDelivery(db, d.id, {
    state: 'published',
    platform_post_id: postId,
    permalink: v.permalink,
    visibility: 'public',
    published_at: now,
    next_attempt_at: null,
    locked_until: null,
    reason_code: null,
    reason: null,
    evidence: JSON.stringify({ url: input.url, checkedBy: v.checkedBy, accountChecked: v.accountChecked, by: input.userId ?? null, at: now }),
    updated_at: now,
  });
  await updateChannel(db, d.channel_id, { last_post_seen_at: now, last_post_url: v.permalink });
  return { permalink: v.permalink, accountChecked: v.accountChecked };
}
