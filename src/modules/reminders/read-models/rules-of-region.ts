import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema/index.js';
import { toRule } from '../reminder-repository.js';
import type { ReminderRule } from '../rules.js';

// Read model. Joins units (units) to reminder_rules: a rule belongs to the unit that made it (the
// city's unit), and the rules of a region are those of its units — one query, not one per unit.

export async function rulesForRegion(db: Kysely<DB>, regionCode: string, onlyEnabled = false): Promise<ReminderRule[]> {
  let q = db
    .selectFrom('reminder_rules')
    .innerJoin('units', 'units.id', 'reminder_rules.unit_id')
    .selectAll('reminder_rules')
    .where('units.region_code', '=', regionCode);
  if (onlyEnabled) q = q.where('reminder_rules.enabled', '=', 1);
  const rows = await q.orderBy('reminder_rules.created_at').orderBy('reminder_rules.id').execute();
  return rows.map(toRule);
}

/** The regencies that have an enabled rule: the reminder job plans each (decision 0017). */
export async function regionsWithRules(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('reminder_rules')
    .innerJoin('units', 'units.id', 'reminder_rules.unit_id')
    .select('units.region_code')
    .distinct()
    .where('reminder_rules.enabled', '=', 1)
    .orderBy('units.region_code')
    .execute();
  return rows.map((r) => r.region_code);
}
