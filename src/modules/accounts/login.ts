import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { accountRepository } from './account-repository.js';
import { recordAudit } from './audit.js';
import { clearOnSuccess, countFailure, keysFor, waitFor } from './login-throttle.js';
import { burnVerify, verifyPassword } from './password.js';
import { createSession } from './sessions.js';

/**
 * The sign-in form, parsed at the web edge. Nothing is said per field on purpose: a wrong
 * password and an unknown name get the same answer. `kembali` is where to go afterwards.
 */
export const loginFormSchema = z.object({ username: z.string(), password: z.string(), kembali: z.string() });

export type LoginError = 'invalid_credentials' | 'throttled' | 'demo_off';

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  /** False with BERANDA_DEMO=0: demo accounts (their password is public) cannot sign in. */
  demoAccountsAllowed?: boolean;
  /**
   * The device signed in as this username before (the web checked its signed cookie): it is
   * throttled on its own key only, so strangers' failures never slow it.
   */
  knownDeviceId?: string | null;
}

export interface LoginSuccess {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  username: string;
  mustChangePassword: boolean;
}

/**
 * Checks a username and password and opens a session. Unknown users, wrong passwords and
 * disabled accounts get the same answer and take the same time (no user enumeration, and a
 * disabled account tells a guesser nothing). Failures slow further attempts (login-throttle.ts)
 * and never lock anyone out; a throttled attempt is answered without checking the password.
 */
export async function login(
  db: Kysely<DB>,
  clock: Clock,
  input: LoginInput,
): Promise<Result<LoginSuccess, LoginError> & { retryAfterMs?: number }> {
  const username = input.username.trim().toLowerCase().slice(0, 100);
  const now = clock.now();
  const keys = keysFor(username, input.ip, input.knownDeviceId ?? null);

  const wait = await waitFor(db, keys, now);
  if (wait > 0) {
    // Attempts during a delay count, so hammering does not wait it out for free.
    await countFailure(db, keys, now, true);
    return { ...err('throttled'), retryAfterMs: wait };
  }

  const user = await accountRepository.userByUsername(db, username);
  const valid = user ? await verifyPassword(user.password_hash, input.password) : (await burnVerify(input.password), false);

  if (!user || !valid || user.status !== 'active') {
    await countFailure(db, keys, now);
    await recordAudit(db, clock, {
      actorUserId: user?.id ?? null,
      action: 'login.failure',
      target: username,
      ip: input.ip,
      detail: user && valid ? { disabled: true } : input.knownDeviceId ? { knownDevice: true } : {},
    });
    return err('invalid_credentials');
  }

  // A demo account's password is public: with demo off it cannot sign in (said plainly, since
  // knowing the password is no secret).
  if (user.is_demo === 1 && input.demoAccountsAllowed === false) return err('demo_off');

  await clearOnSuccess(db, keys);
  const at = now.toISOString();
  await db.updateTable('users').set({ last_login_at: at }).where('id', '=', user.id).execute();
  const session = await createSession(db, clock, user.id, { ip: input.ip, userAgent: input.userAgent });
  await recordAudit(db, clock, { actorUserId: user.id, action: 'login.success', target: username, ip: input.ip });
  return ok({ ...session, userId: user.id, username: user.username, mustChangePassword: user.must_change_password === 1 });
}
