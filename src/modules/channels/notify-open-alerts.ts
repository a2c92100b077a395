import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { listOpenAlerts } from './channel-repo.js';

// Each open channel alert ("reconnect", "expiring") becomes one in-app notification for the
// people who can fix it: the unit's own lurah and operators, and admin kota (the issue: "a clear
// warning to the unit and to admin kota"). Safe to run on every schedule tick: a person is never
// notified twice about the same alert, because the notification's link names the alert and the
// caller's `alreadySent` checks for it. (Recipients come from the accounts tables, read-only.)

export interface AlertNotification {
  userId: string;
  unitId: string;
  title: string;
  text: string;
  /** Names the alert, so a repeat run can tell it was sent. */
  link: string;
}

export interface NotifyOpenAlertsDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** Has this person already been told about this link? */
  alreadySent(userId: string, link: string): Promise<boolean>;
  send(n: AlertNotification): Promise<void>;
}

export async function notifyOpenAlerts(deps: NotifyOpenAlertsDeps): Promise<{ sent: number }> {
  const alerts = await listOpenAlerts(deps.db);
  if (alerts.length === 0) return { sent: 0 };
  let sent = 0;
  for (const a of alerts) {
    const unit = await deps.db.selectFrom('units').select(['slug', 'name', 'region_code']).where('id', '=', a.unit_id).executeTakeFirst();
    if (!unit) continue;
    const unitStaff = await deps.db
      .selectFrom('users')
      .innerJoin('user_units', 'user_units.user_id', 'users.id')
      .select('users.id')
      .where('user_units.unit_id', '=', a.unit_id)
      .where('users.role', 'in', ['lurah', 'operator'])
      .where('users.status', '=', 'active')
      .execute();
    const cityAdmins = await deps.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin_kota')
      .where('region_code', '=', unit.region_code)
      .where('status', '=', 'active')
      .execute();
    const link = `/admin/unit/${unit.slug}/kanal?peringatan=${a.id}`;
    for (const userId of new Set([...unitStaff, ...cityAdmins].map((u) => u.id))) {
      if (await deps.alreadySent(userId, link)) continue;
      await deps.send({ userId, unitId: a.unit_id, title: unit.name, text: a.message, link });
      sent++;
    }
  }
  return { sent };
}
