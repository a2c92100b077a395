import type { Kysely } from 'kysely';
import { scopeFilter } from '../../shared/region-scope.js';
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

/**
 * `scope`: only what people of that scope did (decision 0017: a regency admin does not read
 * another regency's log); `withoutActor`: also entries of nobody known (failed sign-ins of
 * unknown names), which belong to the install.
 */
export async function listAudit(db: Kysely<DB>, opts: { limit?: number; before?: string; scope?: string; withoutActor?: boolean } = {}) {
  let q = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.target', 'audit_log.ip', 'audit_log.detail', 'users.username'])
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(opts.limit ?? 100);
  if (opts.before) q = q.where('audit_log.at', '<', opts.before);
  const scope = opts.scope;
  if (scope !== undefined) {
    q = q.where((eb) => eb.or([scopeFilter(scope, 'users.region_code'), ...(opts.withoutActor ? [eb('audit_log.actor_user_id', 'is', null)] : [])]));
  }
  return q.execute();
}
