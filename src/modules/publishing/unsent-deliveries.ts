import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { DeliveryState } from '../../db/schema/channels.js';
import { type Clock, iso } from '../../shared/clock.js';
import type { PostVariant } from '../channels/index.js';

// What a change to a published post means for its deliveries that have not gone out (#14 point
// 3). A delivery that is queued, failed or waiting for the manual kit has shown nothing to
// anyone, so:
// - after an edit, it goes out with the corrected text and photos (its snapshot is replaced);
// - after the post is taken off the website or deleted, it is not sent any more (removed).
// Only when no run holds it. An edit leaves alone a delivery with any recorded step (a container
// made with the old caption must not be mixed with a new one); a withdrawal leaves alone one with
// an irreversible attempt (its answer may be lost and the post exist). Those, and everything
// already shown, stay as they are;
// the platforms' own copies are changed by people on the platform (the pages say how).

const UNSENT: DeliveryState[] = ['queued', 'failed', 'manual_needed'];

async function untouched(db: Kysely<DB>, q: { unitId: string; postId: string; now: string; channelId?: string }): Promise<string[]> {
  let sel = db
    .selectFrom('deliveries')
    .select('id')
    .where('unit_id', '=', q.unitId)
    .where('post_id', '=', q.postId)
    .where('state', 'in', UNSENT)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', q.now)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('delivery_steps').select('delivery_id').whereRef('delivery_steps.delivery_id', '=', 'deliveries.id'))));
  if (q.channelId) sel = sel.where('channel_id', '=', q.channelId);
  return (await sel.execute()).map((r) => r.id);
}

/** Gives the deliveries of the post that have not gone out the new snapshot; returns how many. */
export async function refreshUnsentDeliveries(
  deps: { db: Kysely<DB>; clock: Clock },
  args: { unitId: string; postId: string; targets: Array<{ channelId: string; variant: PostVariant }> },
): Promise<number> {
  const now = iso(deps.clock.now());
  let n = 0;
  for (const target of args.targets) {
    for (const id of await untouched(deps.db, { ...args, now, channelId: target.channelId })) {
      // Conditional again: a run that claimed it a moment ago keeps the snapshot it started with.
      const r = await deps.db
        .updateTable('deliveries')
        .set({ variant: JSON.stringify(target.variant), updated_at: now })
        .where('id', '=', id)
        .where('state', 'in', UNSENT)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      n += Number(r.numUpdatedRows);
    }
  }
  return n;
}

/**
 * Removes the deliveries of the post that have not gone out, so they never will; returns how
 * many. Unlike an edit, harmless recorded steps (an upload, a container) do not keep a delivery:
 * only an irreversible attempt ("…:attempt") does, since its post may exist.
 */
export async function withdrawUnsentDeliveries(deps: { db: Kysely<DB>; clock: Clock }, args: { unitId: string; postId: string }): Promise<number> {
  const now = iso(deps.clock.now());
  const rows = await deps.db
    .selectFrom('deliveries')
    .select('id')
    .where('unit_id', '=', args.unitId)
    .where('post_id', '=', args.postId)
    .where('state', 'in', UNSENT)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('delivery_steps').select('delivery_id').whereRef('delivery_steps.delivery_id', '=', 'deliveries.id').where('key', 'like', '%:attempt'))))
    .execute();
  let n = 0;
  for (const { id } of rows) {
    // Take the row first (conditionally, inside the caller's transaction): a run that claimed it
    // a moment ago keeps it and its steps; once taken, no run can claim it before it is gone.
    const taken = await deps.db
      .updateTable('deliveries')
      .set({ updated_at: now })
      .where('id', '=', id)
      .where('state', 'in', UNSENT)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) !== 1) continue;
    await deps.db.deleteFrom('delivery_steps').where('delivery_id', '=', id).execute();
    await deps.db.deleteFrom('deliveries').where('id', '=', id).execute();
    n += 1;
  }
  return n;
}
