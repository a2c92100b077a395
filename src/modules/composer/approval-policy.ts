import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Actor, type UnitRef, type PublishingRights, approvalRequired, can, publishingRights } from '../accounts/index.js';
import { iso, type Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';

// Who may do what with a draft is the accounts module's one publishing policy
// (accounts/publishing-policy.ts); the composer only names it in its own words and owns the
// switch that turns approval on.

export type WriterPowers = PublishingRights;
export const writerPowers = publishingRights;
export { approvalRequired };

/** Turning approval on or off is the lurah's (or admin kota's) choice for the kelurahan. */
export async function setApprovalRequired(
  deps: { db: Kysely<DB>; clock: Clock },
  args: { actor: Actor; unit: UnitRef; on: boolean },
): Promise<Result<boolean, 'forbidden'>> {
  if (!can(args.actor, 'approve', args.unit)) return err('forbidden');
  const row = { unit_id: args.unit.id, approval_required: args.on ? 1 : 0, updated_by: args.actor.id, updated_at: iso(deps.clock.now()) };
  await deps.db
    .insertInto('composer_settings')
    .values(row)
    .onConflict((oc) => oc.column('unit_id').doUpdateSet({ approval_required: row.approval_required, updated_by: row.updated_by, updated_at: row.updated_at }))
    .execute();
  return ok(args.on);
}
