import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';
import { type Result, err, ok } from '../../shared/result.js';
import { accountRepository } from './account-repository.js';
import { recordAudit } from './audit.js';
import { burnVerify, verifyPassword } from './password.js';
import { createSession } from './sessions.js';

export const LOCK_AFTER_FAILURES = 5;
export const IP_LIMIT_FAILURES = 30;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

export type LoginError = 'invalid_credentials' | 'locked' | 'rate_limited' | 'disabled' | 'demo_off';

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** False with BERANDA_DEMO=0: demo accounts (their password is public) cannot sign in. */
  demoAccountsAllowed?: boolean;
}

/**
 * Checks a username and password and opens a session. Unknown users and wrong passwords get the
 * same answer and take the same time (no user enumeration). Five failures in 15 minutes lock the
 * username — existing or not, so the lock says nothing either — and 30 from one address refuse
 * that address for a while.
 */
export async function login(
  db: Kysely<DB>,
  clock: Clock,
  input: LoginInput,
): Promise<Result<{ token: string; csrfToken: string; expiresAt: Date; userId: string; mustChangePassword: boolean }, LoginError>> {
  const username = input.username.trim().toLowerCase().slice(0, 100);
  const now = clock.now();
  const since = new Date(now.getTime() - LOCK_WINDOW_MS).toISOString();
  const userKey = `u:${username}`;
  const ipKey = input.ip ? `ip:${input.ip}` : null;

  if (ipKey && (await accountRepository.failuresSince(db, ipKey, since)) >= IP_LIMIT_FAILURES) {
    return err('rate_limited');
  }
  if ((await accountRepository.failuresSince(db, userKey, since)) >= LOCK_AFTER_FAILURES) {
    await burnVerify(input.password);
    return err('locked');
  }

  const user = await accountRepository.userByUsername(db, username);
  const valid = user ? await verifyPassword(user.password_hash, input.password) : (await burnVerify(input.password), false);

  const at = now.toISOString();
  if (!user || !valid) {
    await accountRepository.recordAttempt(db, newId(now.getTime()), userKey, at, false);
    if (ipKey) await accountRepository.recordAttempt(db, newId(now.getTime()), ipKey, at, false);
    await recordAudit(db, clock, { actorUserId: user?.id ?? null, action: 'login.failure', target: username, ip: input.ip });
    const failures = await accountRepository.failuresSince(db, userKey, since);
    if (failures >= LOCK_AFTER_FAILURES) {
      if (user) {
        await db
          .updateTable('users')
          .set({ locked_until: new Date(now.getTime() + LOCK_WINDOW_MS).toISOString(), failed_logins: failures })
          .where('id', '=', user.id)
          .execute();
      }
      await recordAudit(db, clock, { actorUserId: user?.id ?? null, action: 'login.locked', target: username, ip: input.ip });
      return err('locked');
    }
    return err('invalid_credentials');
  }

  if (user.status !== 'active') return err('disabled');
  if (user.is_demo === 1 && input.demoAccountsAllowed === false) return err('demo_off');

  await accountRepository.recordAttempt(db, newId(now.getTime()), userKey, at, true);
  await db
    .updateTable('users')
    .set({ last_login_at: at, failed_logins: 0, locked_until: null })
    .where('id', '=', user.id)
    .execute();
  const session = await createSession(db, clock, user.id, { ip: input.ip, userAgent: input.userAgent });
  await recordAudit(db, clock, { actorUserId: user.id, action: 'login.success', target: username, ip: input.ip });
  return ok({ ...session, userId: user.id, mustChangePassword: user.must_change_password === 1 });
}
