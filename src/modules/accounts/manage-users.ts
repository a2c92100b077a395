import type { Kysely } from 'kysely';
import { unitRepository } from '../units/index.js';
import * as z from 'zod';
import type { DB, Role } from '../../db/schema/index.js';
import { type FieldProblem, problemsOf } from '../../shared/field-problems.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type Actor, ROLES } from './actor.js';
import { accountRepository, type UserRow } from './account-repository.js';
import { recordAudit } from './audit.js';
import { clearThrottle } from './login-throttle.js';
import { hashPassword, passwordProblem } from './password.js';
import { canManageCity } from './policy.js';
import { inScope, scopeFilter, servedRegency } from '../../shared/region-scope.js';
import { destroyUserSessions } from './sessions.js';

// Problems are codes by field (shared/field-problems.ts): the field's path says what is wrong,
// the web says it in words (accounts.user.<field>, accounts.user.units.<code>,
// accounts.password.<code>), next to the field.
export const userInputSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,59}$/),
  displayName: z.string().trim().min(2).max(120),
  role: z.enum(ROLES as [Role, ...Role[]]),
  email: z.string().trim().email().optional().or(z.literal('').transform(() => undefined)),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{8,20}$/)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  unitIds: z.array(z.string()).default([]),
});
export type UserInput = z.input<typeof userInputSchema>;

/** The staff forms of the user pages, parsed at the web edge with these schemas. */
export const newUserFormSchema = userInputSchema.extend({ password: z.string() });
export const userFormSchema = userInputSchema.omit({ username: true });
export const resetPasswordFormSchema = z.object({ temporary: z.string() });
export const userStatusFormSchema = z.object({ change: z.enum(['disable', 'enable', 'unlock']) });

export type ManageUserError = 'forbidden' | 'invalid' | 'username_taken' | 'not_found' | 'units_invalid';
export type ManageUserResult<T> = Result<T, ManageUserError> & { problems?: FieldProblem[] };

/** Why a set of units does not fit a role (accounts.user.units.<code>). */
export type UnitsProblem = 'one' | 'camat' | 'city_wide' | 'pendamping' | 'unknown';

const refused = (error: ManageUserError, path: string, code: string) => ({ ...err(error), problems: [{ path, code }] });

/** Kysely cannot nest transactions: inside a caller's, the work joins it. */
const inTransaction = <T>(db: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> => (db.isTransaction ? work(db) : db.transaction().execute(work));

/** How many units each role may be assigned, so a lurah is never the head of two kelurahan. */
export function unitsProblem(role: Role, unitIds: string[], kinds: Map<string, string>): UnitsProblem | null {
  const needOne = role === 'lurah' || role === 'operator' || role === 'camat';
  if (needOne && unitIds.length !== 1) return 'one';
  if (role === 'camat' && kinds.get(unitIds[0]!) !== 'kecamatan') return 'camat';
  if ((role === 'admin_kota' || role === 'pimpinan') && unitIds.length > 0) return 'city_wide';
  if (role === 'pendamping' && unitIds.length === 0) return 'pendamping';
  return null;
}

async function checkUnits(db: Kysely<DB>, region: string, role: Role, unitIds: string[]): Promise<UnitsProblem | null> {
  const rows = (await unitRepository.byIds(db, unitIds)).filter((u) => u.region_code === region);
  if (rows.length !== new Set(unitIds).size) return 'unknown';
  return unitsProblem(role, unitIds, new Map(rows.map((r) => [r.id, r.kind])));
}

export async function createUser(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  /** `region`: the regency served, where a province or national admin creates the account. */
  input: UserInput & { region?: string },
  password: string,
): Promise<ManageUserResult<UserRow>> {
  if (!canManageCity(actor)) return err('forbidden');
  const parsed = userInputSchema.safeParse(input);
  if (!parsed.success) return { ...err('invalid'), problems: problemsOf(parsed.error.issues) };
  const v = parsed.data;
  const pw = passwordProblem(password, v.username, [v.displayName, ...(await accountRepository.unitNames(db, v.unitIds))]);
  if (pw) return refused('invalid', 'password', pw);
  // A province or national admin creates staff in the regency they are serving.
  const region = servedRegency(actor.regionCode, input.region);
  if (!region) return err('forbidden');
  const unitProblem = await checkUnits(db, region, v.role, v.unitIds);
  if (unitProblem) return refused('units_invalid', 'unitIds', unitProblem);
  if (await accountRepository.userByUsername(db, v.username)) return refused('username_taken', 'username', 'taken');

  const now = clock.now().toISOString();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({
        id, username: v.username, display_name: v.displayName, password_hash: await hashPassword(password), role: v.role,
        region_code: region, email: v.email ?? null, phone: v.phone ?? null, status: 'active',
        must_change_password: 1, is_demo: 0, created_at: now, updated_at: now, last_login_at: null,
      })
      .execute();
    await accountRepository.setUnits(trx, id, v.unitIds);
    await recordAudit(trx, clock, { actorUserId: actor.id, action: 'user.create', target: v.username, detail: { role: v.role, unitIds: v.unitIds } });
  });
  return ok((await accountRepository.userById(db, id))!);
}

export async function updateUser(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  userId: string,
  input: Omit<UserInput, 'username'>,
): Promise<ManageUserResult<UserRow>> {
  if (!canManageCity(actor)) return err('forbidden');
  const user = await accountRepository.userById(db, userId);
  if (!user || !inScope(actor.regionCode, user.region_code)) return err('not_found');
  const parsed = userFormSchema.safeParse(input);
  if (!parsed.success) return { ...err('invalid'), problems: problemsOf(parsed.error.issues) };
  const v = parsed.data;
  const unitProblem = await checkUnits(db, user.region_code, v.role, v.unitIds);
  if (unitProblem) return refused('units_invalid', 'unitIds', unitProblem);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ display_name: v.displayName, role: v.role, email: v.email ?? null, phone: v.phone ?? null, updated_at: clock.now().toISOString() })
      .where('id', '=', userId)
      .execute();
    await accountRepository.setUnits(trx, userId, v.unitIds);
    await recordAudit(trx, clock, { actorUserId: actor.id, action: 'user.update', target: user.username, detail: { role: v.role, unitIds: v.unitIds } });
  });
  return ok((await accountRepository.userById(db, userId))!);
}

/** Admin sets a temporary password; the user must choose a new one at next login. */
export async function resetPassword(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  userId: string,
  temporary: string,
): Promise<ManageUserResult<void>> {
  if (!canManageCity(actor)) return err('forbidden');
  const user = await accountRepository.userById(db, userId);
  if (!user || !inScope(actor.regionCode, user.region_code)) return err('not_found');
  const pw = passwordProblem(temporary, user.username, [user.display_name, ...(await accountRepository.unitNames(db, await accountRepository.unitIdsOf(db, user.id)))]);
  if (pw) return refused('invalid', 'temporary', pw);
  // Hashed before the transaction: the slow hash need not hold the write lock.
  const hash = await hashPassword(temporary);
  await inTransaction(db, async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, must_change_password: 1, updated_at: clock.now().toISOString() }).where('id', '=', userId).execute();
    await destroyUserSessions(trx, userId);
    await recordAudit(trx, clock, { actorUserId: actor.id, action: 'password.reset', target: user.username });
  });
  return ok(undefined);
}

/**
 * Disable, enable, or clear the user's login delays. Disabling ends the user's sessions at once.
 * The change and its audit entry are written in one transaction (both or neither); called inside
 * a caller's transaction (deactivateStaff's batch) it joins that one.
 */
export async function setUserStatus(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  userId: string,
  change: 'disable' | 'enable' | 'unlock',
): Promise<ManageUserResult<void>> {
  if (!canManageCity(actor)) return err('forbidden');
  const user = await accountRepository.userById(db, userId);
  if (!user || !inScope(actor.regionCode, user.region_code)) return err('not_found');
  if (user.id === actor.id && change === 'disable') return refused('invalid', 'change', 'disable_self');
  const now = clock.now();
  await inTransaction(db, async (trx) => {
    if (change === 'unlock') {
      // Clears the user's login delays (every address it was tried from, and its devices).
      await clearThrottle(trx, { username: user.username });
    } else {
      await trx.updateTable('users').set({ status: change === 'disable' ? 'disabled' : 'active', updated_at: now.toISOString() }).where('id', '=', userId).execute();
      if (change === 'disable') await destroyUserSessions(trx, userId);
    }
    await recordAudit(trx, clock, { actorUserId: actor.id, action: `user.${change}`, target: user.username });
  });
  return ok(undefined);
}

export async function listUsers(db: Kysely<DB>, actor: Actor) {
  if (!canManageCity(actor)) return [];
  return db.selectFrom('users').selectAll().where(scopeFilter(actor.regionCode, 'region_code')).orderBy('role').orderBy('username').execute();
}
