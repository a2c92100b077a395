import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { newId } from '../../shared/ids.js';

/** Security-relevant actions; the list is closed so the audit page can label every entry. */
export type AuditAction =
  | 'login.success'
  | 'login.failure'
  | 'login.locked'
  | 'logout'
  | 'password.change'
  | 'password.reset'
  | 'user.create'
  | 'user.update'
  | 'user.disable'
  | 'user.enable'
  | 'user.unlock'
  | 'unit.create'
  | 'unit.import'
  | 'access.denied'
  | (string & {});

export interface AuditEntry {
  actorUserId: string | null;
  action: AuditAction;
  unitId?: string | null;
  target?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<DB>, clock: Clock, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(clock.now().getTime()),
      at: clock.now().toISOString(),
      actor_user_id: e.actorUserId,
      action: e.action,
      unit_id: e.unitId ?? null,
      target: e.target ?? null,
      ip: e.ip ?? null,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

export async function listAudit(db: Kysely<DB>, opts: { limit?: number; before?: string } = {}) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.target', 'audit_log.ip', 'audit_log.detail', 'users.username'])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(opts.limit ?? 100);
  if (opts.before) q = q.where('audit_log.at', '<', opts.before);
  return q.execute();
}
