import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { pruneOldest } from '../../db/prune.js';
import type { Clock } from '../../shared/clock.js';
import { newToken } from '../../shared/ids.js';
import type { Actor } from './actor.js';
import { pruneSubmissions } from './form-submissions.js';
import { pruneThrottle } from './login-throttle.js';
import { actorById } from './publishing-policy.js';
import { accountRepository } from './account-repository.js';

/** Sessions last a week and slide with use: staff on shared phones log out explicitly. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
const SLIDE_AFTER_MS = 3600 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<DB>,
  clock: Clock,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = newToken();
  const csrfToken = newToken(24);
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export type SessionLookup =
  | { state: 'none' }
  | { state: 'expired' }
  | { state: 'active'; actor: Actor; csrfToken: string; sessionId: string };

/** Resolves a cookie token to the acting user; expired sessions are deleted on sight. */
export async function resolveSession(db: Kysely<DB>, clock: Clock, token: string | undefined): Promise<SessionLookup> {
  if (!token || token.length > 200) return { state: 'none' };
  const id = hashToken(token);
  const session = await accountRepository.sessionById(db, id);
  if (!session) return { state: 'none' };
  const now = clock.now();
  if (session.expires_at <= now.toISOString()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { state: 'expired' };
  }
  const actor = await actorById(db, session.user_id);
  if (!actor) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return { state: 'none' };
  }
  if (now.getTime() - Date.parse(session.last_seen_at) > SLIDE_AFTER_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString(), expires_at: new Date(now.getTime() + SESSION_TTL_MS).toISOString() })
      .where('id', '=', id)
      .execute();
  }
  return { state: 'active', sessionId: id, csrfToken: session.csrf_token, actor };
}

export async function destroySession(db: Kysely<DB>, token: string | undefined): Promise<void> {
  if (token) await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** Ends every session of a user except, optionally, the current one (after a password change). */
export async function destroyUserSessions(db: Kysely<DB>, userId: string, keepSessionId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepSessionId) q = q.where('id', '!=', keepSessionId);
  await q.execute();
}

/**
 * Retention of sessions and sign-in failures (run by the hourly `maintenance.retention`): expired
 * sessions, and login delays whose failures are forgotten (login-throttle.ts), at most `limit` of
 * each per run. Safe to run twice.
 */
export async function pruneExpiredSessions(db: Kysely<DB>, clock: Clock, opts: { limit?: number } = {}): Promise<{ sessions: number; throttle: number }> {
  const now = clock.now();
  const limit = opts.limit ?? 100_000;
  const sessions = await pruneOldest(db, { table: 'sessions', time: 'expires_at', before: new Date(now.getTime() + 1).toISOString(), limit });
  const throttle = await pruneThrottle(db, now, limit);
  await pruneSubmissions(db, now);
  return { sessions, throttle };
}
