import type { Kysely } from 'kysely';
import { activePeopleOfRegion, activePeopleOfUnit } from '../accounts/index.js';
import { findUnitById } from '../units/index.js';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type AlertRow, type ChannelRow, getChannel, listOpenAlerts } from './channel-repo.js';

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
  /** The alert in words, for its account (the alert holds a kind and values, not a sentence). */
  textOf(a: AlertRow, channel: ChannelRow | undefined): string;
}

export async function notifyOpenAlerts(deps: NotifyOpenAlertsDeps): Promise<{ sent: number }> {
  const alerts = await listOpenAlerts(deps.db);
  if (alerts.length === 0) return { sent: 0 };
  let sent = 0;
  for (const a of alerts) {
    const unit = await findUnitById(deps.db, a.unit_id);
    if (!unit) continue;
    const unitStaff = await activePeopleOfUnit(deps.db, a.unit_id, ['lurah', 'operator']);
    const cityAdmins = await activePeopleOfRegion(deps.db, unit.region_code, ['admin_kota']);
    const link = `/admin/unit/${unit.slug}/kanal?peringatan=${a.id}`;
    const text = deps.textOf(a, await getChannel(deps.db, a.channel_id));
    for (const userId of new Set([...unitStaff, ...cityAdmins].map((u) => u.id))) {
      if (await deps.alreadySent(userId, link)) continue;
      await deps.send({ userId, unitId: a.unit_id, title: unit.name, text, link });
      sent++;
    }
  }
  return { sent };
}
