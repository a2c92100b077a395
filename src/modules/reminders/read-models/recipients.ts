import type { Kysely } from 'kysely';
import type { DB, Role } from '../../../db/schema/index.js';
import type { NotifierChannel } from '../notifier.js';
import type { Recipient } from '../plan-reminders.js';

// Read model. Reads users and user_units (accounts) with notification_preferences (reminders):
// a reminder run plans for every active person of the city at once — their role, the units it
// covers, their addresses and channel choices — in a few chunked queries instead of one call
// per person through the accounts module.

/** Active people of one city with the units their role covers and their channel preferences. */
export async function loadRecipients(db: Kysely<DB>, regionCode: string): Promise<Recipient[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'role', 'email', 'phone'])
    .where('status', '=', 'active')
    .where('region_code', '=', regionCode)
    .execute();
  if (users.length === 0) return [];
  const ids = users.map((u) => u.id);
  const links: { user_id: string; unit_id: string }[] = [];
  const prefs: DB['notification_preferences'][] = [];
  // Chunked IN lists keep both engines under their parameter limits for big cities.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    links.push(...(await db.selectFrom('user_units').select(['user_id', 'unit_id']).where('user_id', 'in', chunk).execute()));
    prefs.push(...(await db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', chunk).execute()));
  }
  const byUser = new Map<string, Recipient>(
    users.map((u) => [u.id, { userId: u.id, name: u.display_name, role: u.role as Role, unitIds: [], email: u.email, phone: u.phone, prefs: {} }]),
  );
  for (const l of links) byUser.get(l.user_id)?.unitIds.push(l.unit_id);
  for (const p of prefs) {
    const r = byUser.get(p.user_id);
    if (r) r.prefs[p.channel as NotifierChannel] = { optedIn: p.opted_in === 1, address: p.address };
  }
  return [...byUser.values()];
}
