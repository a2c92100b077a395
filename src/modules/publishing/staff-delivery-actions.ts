import { type Actor, type UnitRef, auditedChange, publishingRightsOf } from '../accounts/index.js';
import { type Err, type Result, err, ok } from '../../shared/result.js';
import type { PublishingDeps } from './deps.js';
import { resendDelivery } from './resend-delivery.js';
import { retryPostChange } from './run-post-change.js';

// What staff press on a delivery (issue 19 point 2): "Kirim ulang" and "Coba lagi" on a failed
// edit/delete of a copy. Both act on the unit's public account, so the use case itself asks the
// one publishing policy (the web's publishGuard is only the early refusal), and the change and
// its audit entry are written in one transaction. ("Sudah diposting" is
// completeManualDeliveryAsStaff, beside the link check it needs first.)

type Deps = Pick<PublishingDeps, 'db' | 'clock'>;

/** auditedChange for a change to the unit's public accounts: the publishing policy is asked first, inside the transaction. */
const publishingChange = <R extends Result<unknown, string>>(
  deps: Deps,
  who: { actor: Actor; unit: UnitRef },
  change: (trx: Deps['db']) => Promise<R>,
  audit: Parameters<typeof auditedChange<R | Err<'forbidden'>>>[3],
) => auditedChange<R | Err<'forbidden'>>(deps, who, async (trx) => ((await publishingRightsOf(trx, who.actor, who.unit)).canPublish ? change(trx) : err('forbidden')), audit);

export async function resendDeliveryAsStaff(
  deps: Deps,
  args: { actor: Actor; unit: UnitRef; deliveryId: string; checkedAccount: boolean },
): Promise<Result<{ state: 'queued' }, 'not_found' | 'forbidden' | 'not_allowed' | 'check_account_first'>> {
  const { actor, unit } = args;
  return publishingChange(
    deps,
    { actor, unit },
    (trx) =>
      // actorId null: publishingChange asked the policy with the actor we were given.
      resendDelivery({ db: trx, clock: deps.clock }, { unitId: unit.id, deliveryId: args.deliveryId, actorId: null, checkedAccount: args.checkedAccount }),
    () => ({ action: 'delivery.resend', target: args.deliveryId, detail: { checkedAccount: args.checkedAccount } }),
  );
}

/** "Coba lagi" on a failed change of a copy of this unit; 'not_found' when there is none to retry. */
export async function retryPostChangeAsStaff(
  deps: Deps,
  args: { actor: Actor; unit: UnitRef; deliveryId: string },
): Promise<Result<{ kind: string }, 'not_found' | 'forbidden'>> {
  const { actor, unit } = args;
  return publishingChange(
    deps,
    { actor, unit },
    async (trx) => {
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
