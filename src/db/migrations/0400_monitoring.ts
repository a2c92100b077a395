import type { Kysely } from 'kysely';

// Monitoring and compliance (issue 6). Portable types only: ISO text timestamps, JSON as text,
// booleans as 0/1. Observations are append-only; roll-ups keep trends cheap.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('web_presences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('platform', 'text')
    .addColumn('handle', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('presence_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_presences_unit').on('web_presences').column('unit_id').execute();

  await db.schema
    .createTable('compliance_rules')
    .addColumn('region_code', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('compliance_exceptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('compliance_exceptions_region').on('compliance_exceptions').columns(['region_code', 'ends_at']).execute();

  await db.schema
    .createTable('monitor_observations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('monitor_observations_unit_time').on('monitor_observations').columns(['unit_id', 'fetched_at']).execute();
  await db.schema.createIndex('monitor_observations_kind_state').on('monitor_observations').columns(['kind', 'state', 'fetched_at']).execute();

  await db.schema
    .createTable('monitor_first_seen')
    .addColumn('site_key', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('first_seen_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('effective_at', 'text')
    .addColumn('dating', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_first_seen_pk', ['site_key', 'item_key'])
    .execute();

  await db.schema
    .createTable('monitor_sites')
    .addColumn('site_key', 'text', (c) => c.primaryKey())
    .addColumn('first_crawled_at', 'text', (c) => c.notNull())
    .addColumn('last_crawled_at', 'text', (c) => c.notNull())
    .addColumn('sections', 'text')
    .execute();

  await db.schema
    .createTable('monitor_daily')
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('checks', 'integer', (c) => c.notNull())
    .addColumn('up_checks', 'integer', (c) => c.notNull())
    .addColumn('latency_ms_sum', 'double precision', (c) => c.notNull())
    .addColumn('compromised_checks', 'integer', (c) => c.notNull())
    .addColumn('last_site_state', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_daily_pk', ['unit_id', 'day'])
    .execute();

  await db.schema
    .createTable('compliance_verdicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('counted_items', 'integer', (c) => c.notNull())
    .addColumn('counted_by_channel', 'text', (c) => c.notNull())
    .addColumn('required_items', 'integer', (c) => c.notNull())
    .addColumn('alert', 'integer', (c) => c.notNull())
    .addColumn('ask_for_link', 'integer', (c) => c.notNull())
    .addColumn('override_dispute_id', 'text')
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('compliance_verdicts_unit_period', ['unit_id', 'period_key'])
    .execute();
  await db.schema.createIndex('compliance_verdicts_period').on('compliance_verdicts').columns(['period_key', 'status']).execute();

  await db.schema
    .createTable('compliance_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id').onDelete('cascade'))
    .addColumn('period_key', 'text', (c) => c.notNull())
    .addColumn('verdict_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('post_url', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('original_status', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('post_published_at', 'text')
    .addColumn('evidence', 'text')
    .execute();
  await db.schema.createIndex('compliance_disputes_status').on('compliance_disputes').columns(['status', 'submitted_at']).execute();
  await db.schema.createIndex('compliance_disputes_unit').on('compliance_disputes').columns(['unit_id', 'period_key']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['compliance_disputes', 'compliance_verdicts', 'monitor_daily', 'monitor_sites', 'monitor_first_seen', 'monitor_observations', 'compliance_exceptions', 'compliance_rules', 'web_presences']) {
    await db.schema.dropTable(t).execute();
  }
}
