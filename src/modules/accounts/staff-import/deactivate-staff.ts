import type { Kysely } from 'kysely';
import { unitRepository } from '../../units/index.js';
import type { DB } from '../../../db/schema/index.js';
import type { Clock } from '../../../shared/clock.js';
import { servedRegency } from '../../../shared/region-scope.js';
import { type Result, err, ok } from '../../../shared/result.js';
import type { Actor } from '../actor.js';
import { setUserStatus } from '../manage-users.js';
import { canManageCity } from '../policy.js';

// Staff who leave, in one action (issue 13, point 6): the admin kota ticks them and presses one
// button. Each account is disabled as on its own page (sessions ended at once, one audit line);
// the admin's own account is never among them.
// `region`: the regency served, where a province or national admin works (decision 0017).
export async function deactivateStaff(db: Kysely<DB>, clock: Clock, actor: Actor, userIds: string[], region?: string): Promise<Result<{ disabled: number }, 'forbidden'>> {
  const served = servedRegency(actor.regionCode, region);
  if (!canManageCity(actor) || !served) return err('forbidden');
  const ids = [...new Set(userIds)].filter((id) => id !== actor.id);
  if (ids.length === 0) return ok({ disabled: 0 });
  // One transaction: each account's change and its audit entry are kept together, or neither.
  return db.transaction().execute(async (trx) => {
    const active = await trx.selectFrom('users').select('id').where('id', 'in', ids).where('status', '=', 'active').where('region_code', '=', served).execute();
    let disabled = 0;
    for (const { id } of active) {
      const r = await setUserStatus(trx, clock, actor, id, 'disable');
      if (r.ok) disabled++;
    }
    return ok({ disabled });
  });
}

export interface StaffListing {
  id: string;
  username: string;
  displayName: string;
  role: string;
  unitNames: string[];
}

/** Active accounts of the region other than the actor's own, with their units, optionally filtered. */
export async function listActiveStaff(db: Kysely<DB>, actor: Actor, search = '', region?: string): Promise<StaffListing[]> {
  const served = servedRegency(actor.regionCode, region);
  if (!canManageCity(actor) || !served) return [];
  const users = await db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role'])
    .where('region_code', '=', served)
    .where('status', '=', 'active')
    .where('id', '!=', actor.id)
    .orderBy('display_name')
    .execute();
  const unitName = new Map((await unitRepository.ofRegion(db, served)).map((u) => [u.id, u.name]));
  const links = await db.selectFrom('user_units').select(['user_id', 'unit_id']).execute();
  const unitsOf = new Map<string, string[]>();
  for (const l of links) if (unitName.has(l.unit_id)) unitsOf.set(l.user_id, [...(unitsOf.get(l.user_id) ?? []), unitName.get(l.unit_id)!]);
  const needle = search.trim().toLowerCase();
  return users
    .map((u) => ({ id: u.id, username: u.username, displayName: u.display_name, role: u.role, unitNames: unitsOf.get(u.id) ?? [] }))
    .filter((u) => !needle || [u.username, u.displayName, ...u.unitNames].some((x) => x.toLowerCase().includes(needle)));
}
