import { type Actor, type UnitRef, auditedChange, publishingRightsOf } from '../accounts/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import type { PublishingDeps } from './deps.js';
import { resendDelivery } from './resend-delivery.js';
import { retryPostChange } from './run-post-change.js';

// What staff press on a delivery (issue 19 point 2): "Kirim ulang" and "Coba lagi" on a failed
// edit/delete of a copy. Both act on the unit's public account, so the use case itself asks the
// one publishing policy (the web's publishGuard is only the early refusal), and the change and
// its audit entry are written in one transaction. ("Sudah diposting" is
// completeManualDeliveryAsStaff, beside the link check it needs first.)

type Deps = Pick<PublishingDeps, 'db' | 'clock'>;

export async function resendDeliveryAsStaff(
  deps: Deps,
  args: { actor: Actor; unit: UnitRef; deliveryId: string; checkedAccount: boolean },
): Promise<Result<{ state: 'queued' }, 'not_found' | 'forbidden' | 'not_allowed' | 'check_account_first'>> {
  const { actor, unit } = args;
  return auditedChange(
    deps,
    { actor, unit },
    async (trx) => {
      if (!(await publishingRightsOf(trx, actor, unit)).canPublish) return err('forbidden');
      // actorId null: the policy was asked just above, with the actor we were given.
      return resendDelivery({ db: trx, clock: deps.clock }, { unitId: unit.id, deliveryId: args.deliveryId, actorId: null, checkedAccount: args.checkedAccount });
    },
    () => ({ action: 'delivery.resend', target: args.deliveryId, detail: { checkedAccount: args.checkedAccount } }),
  );
}

/** "Coba lagi" on a failed change of a copy of this unit; 'not_found' when there is none to retry. */
export async function retryPostChangeAsStaff(
  deps: Deps,
  args: { actor: Actor; unit: UnitRef; deliveryId: string },
): Promise<Result<{ kind: string }, 'not_found' | 'forbidden'>> {
  const { actor, unit } = args;
  return auditedChange(
    deps,
    { actor, unit },
    async (trx) => {
      if (!(await publishingRightsOf(trx, actor, unit)).canPublish) return err('forbidden');
      const failed = await trx
        .selectFrom('delivery_changes')
        .select('kind')
        .where('delivery_id', '=', args.deliveryId)
        .where('unit_id', '=', unit.id)
        .where('state', '=', 'failed')
        .executeTakeFirst();
      if (!failed) return err('not_found');
      await retryPostChange({ db: trx, clock: deps.clock }, { unitId: unit.id, deliveryId: args.deliveryId });
      return ok({ kind: failed.kind as string });
    },
    (v) => ({ action: 'delivery.change_retry', target: args.deliveryId, detail: { kind: v.kind } }),
  );
}
