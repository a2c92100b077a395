import type { Kysely } from 'kysely';

// Channels and deliveries. Portable types only (text/integer); times are ISO-8601 UTC text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('channel_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('handle', 'text', (c) => c.notNull())
    .addColumn('profile_url', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text')
    .addColumn('is_official', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('platform_account_id', 'text')
    .addColumn('access_token_enc', 'text')
    .addColumn('refresh_token_enc', 'text')
    .addColumn('token_expires_at', 'text')
    .addColumn('refresh_expires_at', 'text')
    .addColumn('is_simulation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cooldown_until', 'text')
    .addColumn('last_post_seen_at', 'text')
    .addColumn('last_post_url', 'text')
    .addColumn('last_synced_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('channel_accounts_unit_platform_handle', ['unit_id', 'platform', 'handle'])
    .execute();
  await db.schema.createIndex('channel_accounts_state').on('channel_accounts').columns(['state', 'platform']).execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel_accounts.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('variant', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unconfirmed_checks', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('waiting_since', 'text')
    .addColumn('reason_code', 'text')
    .addColumn('reason', 'text')
    .addColumn('platform_detail', 'text')
    .addColumn('platform_post_id', 'text')
    .addColumn('permalink', 'text')
    .addColumn('visibility', 'text')
    .addColumn('published_at', 'text')
    .addColumn('evidence', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // One delivery per post and channel: enqueueing twice is harmless.
    .addUniqueConstraint('deliveries_post_channel', ['post_id', 'channel_id'])
    .execute();
  await db.schema.createIndex('deliveries_due').on('deliveries').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('deliveries_unit').on('deliveries').columns(['unit_id', 'created_at']).execute();
  await db.schema.createIndex('deliveries_platform_post').on('deliveries').columns(['channel_id', 'platform_post_id']).execute();

  await db.schema
    .createTable('delivery_steps')
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('deliveries.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('delivery_steps_pk', ['delivery_id', 'key'])
    .execute();

  await db.schema
    .createTable('channel_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel_accounts.id'))
    .addColumn('platform', 'text', (c) => c.notNull())
    .addColumn('platform_post_id', 'text', (c) => c.notNull())
    .addColumn('permalink', 'text')
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('channel_activity_post', ['channel_id', 'platform_post_id'])
    .execute();
  await db.schema.createIndex('channel_activity_unit_time').on('channel_activity').columns(['unit_id', 'published_at']).execute();

  await db.schema
    .createTable('channel_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channel_accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('channel_alerts_unit').on('channel_alerts').columns(['unit_id', 'resolved_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['channel_alerts', 'channel_activity', 'delivery_steps', 'deliveries', 'channel_accounts']) {
    await db.schema.dropTable(t).execute();
  }
}
