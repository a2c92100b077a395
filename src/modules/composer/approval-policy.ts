import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Actor, type UnitRef, can } from '../accounts/index.js';
import { iso, type Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';

// Who may do what with a draft. Writing follows the unit policy (admin kota, the unit's operator,
// lurah and pendamping). Publishing is narrower: the lurah and admin kota always may; an operator
// may unless the unit turned approval on (then the operator submits and the lurah decides); a
// pendamping prepares drafts for the kelurahan and never publishes in its name.

export interface WriterPowers {
  canEdit: boolean;
  canPublish: boolean;
  /** Approve or return a submitted draft (the same people who may publish). */
  canDecide: boolean;
  /** Submit for a decision instead of publishing. */
  mustSubmit: boolean;
}

export function writerPowers(actor: Actor, unit: UnitRef, approvalRequired: boolean): WriterPowers {
  const canEdit = can(actor, 'write', unit);
  const canPublish =
    canEdit && (actor.role === 'admin_kota' || actor.role === 'lurah' || (actor.role === 'operator' && !approvalRequired));
  return { canEdit, canPublish, canDecide: canPublish, mustSubmit: canEdit && !canPublish };
}

export async function approvalRequired(db: Kysely<DB>, unitId: string): Promise<boolean> {
  const r = await db.selectFrom('composer_settings').select('approval_required').where('unit_id', '=', unitId).executeTakeFirst();
  return Number(r?.approval_required ?? 0) === 1;
}

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
