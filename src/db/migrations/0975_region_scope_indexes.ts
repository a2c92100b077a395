import type { Kysely } from 'kysely';

// Many regions in one install (decision 0017). The province/national overview counts a period's
// verdicts per regency: (period_key, unit_id, status) answers it from the index alone, joined to
// units by primary key, over 83,762 verdicts a period. Staff lists of a scope filter users by a
// region_code range.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('compliance_verdicts_period_unit').on('compliance_verdicts').columns(['period_key', 'unit_id', 'status']).execute();
  await db.schema.createIndex('users_region').on('users').column('region_code').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_region').execute();
  await db.schema.dropIndex('compliance_verdicts_period_unit').execute();
}
