import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Actor } from './actor.js';
import { accountRepository } from './account-repository.js';
import { type UnitRef, can, canManageCity } from './policy.js';
import { approvalRequired } from './read-models/approval-setting.js';
import { findUnitById } from '../units/index.js';

export { approvalRequired };

// The one publishing policy. Every path that makes something public — the composer (publish
// now, schedule, approve, edits to a scheduled post), the plain content editor (status published
// or scheduled), the quick status buttons, informasi publik documents and city broadcasts — asks
// here, so an approval switch or a role's limits cannot be walked around by another route.
//
// Writing follows the unit policy (admin kota, the unit's operator, lurah and pendamping).
// Publishing is narrower: the lurah and admin kota always may; an operator may unless the unit
// turned approval on (then the operator submits and the lurah decides); a pendamping prepares
// drafts for the kelurahan and never publishes in its name; read-only roles never write.

export interface PublishingRights {
  canEdit: boolean;
  canPublish: boolean;
  /** Approve or return a submitted draft (the same people who may publish). */
  canDecide: boolean;
  /** Submit for a decision instead of publishing. */
  mustSubmit: boolean;
}

export function publishingRights(actor: Actor, unit: UnitRef, approvalRequired: boolean): PublishingRights {
  const canEdit = can(actor, 'write', unit);
  const canPublish =
    canEdit && (actor.role === 'admin_kota' || actor.role === 'lurah' || (actor.role === 'operator' && !approvalRequired));
  return { canEdit, canPublish, canDecide: canPublish, mustSubmit: canEdit && !canPublish };
}

/** The rights of an actor on a unit, with the unit's approval setting read now. */
export async function publishingRightsOf(db: Kysely<DB>, actor: Actor, unit: UnitRef & { id: string }): Promise<PublishingRights> {
  return publishingRights(actor, unit, await approvalRequired(db, unit.id));
}

/**
 * May the user with this id make content of the unit public? For use cases that receive a user
 * id rather than an actor (the content module): a disabled or unknown user may not.
 */
export async function mayPublish(db: Kysely<DB>, userId: string, unitId: string): Promise<boolean> {
  const actor = await actorById(db, userId);
  const unit = await findUnitById(db, unitId);
  if (!actor || !unit) return false;
  return (await publishingRightsOf(db, actor, unit)).canPublish;
}

/** A city broadcast puts an announcement on many kelurahan sites at once: admin kota only. */
export const canBroadcast = (actor: Actor): boolean => canManageCity(actor);

/** The acting user as the session would resolve them; undefined when unknown or not active. */
export async function actorById(db: Kysely<DB>, userId: string): Promise<Actor | undefined> {
  const user = await accountRepository.userById(db, userId);
  if (!user || user.status !== 'active') return undefined;
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    regionCode: user.region_code,
    unitIds: await accountRepository.unitIdsOf(db, user.id),
    mustChangePassword: user.must_change_password === 1,
  };
}
