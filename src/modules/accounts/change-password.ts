import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import type { FieldProblem } from '../../shared/field-problems.js';
import { type Result, err, ok } from '../../shared/result.js';
import * as z from 'zod';
import type { Actor } from './actor.js';
import { accountRepository } from './account-repository.js';
import { recordAudit } from './audit.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { destroyUserSessions } from './sessions.js';

export type ChangePasswordError = 'wrong_current' | 'invalid' | 'mismatch';

/** The password form, parsed at the web edge. */
export const changePasswordFormSchema = z.object({ current: z.string(), next: z.string(), confirm: z.string() });

/** The user changes their own password; other sessions (other phones) are signed out. */
export async function changePassword(
  db: Kysely<DB>,
  clock: Clock,
  actor: Actor,
  currentSessionId: string,
  input: { current: string; next: string; confirm: string },
): Promise<Result<void, ChangePasswordError> & { problems?: FieldProblem[] }> {
  const user = await accountRepository.userById(db, actor.id);
  if (!user || !(await verifyPassword(user.password_hash, input.current))) return err('wrong_current');
  if (input.next !== input.confirm) return err('mismatch');
  const problem = passwordProblem(input.next, user.username, [user.display_name, ...(await accountRepository.unitNames(db, actor.unitIds))]);
  if (problem) return { ...err('invalid'), problems: [{ path: 'next', code: problem }] };
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.next), must_change_password: 0, updated_at: clock.now().toISOString() })
    .where('id', '=', user.id)
    .execute();
  await destroyUserSessions(db, user.id, currentSessionId);
  await recordAudit(db, clock, { actorUserId: user.id, action: 'password.change', target: user.username });
  return ok(undefined);
}
