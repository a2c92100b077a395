import type { Kysely } from 'kysely';

// Pelayanan digital (issue 17): citizens' service requests and complaints, their documents
// (stored outside the public media folder), history, letters with a per-unit per-year number
// sequence, per-layanan form and letter settings, office holidays, the citizen notification
// outbox and the public forms' rate-limit ledger. Portable columns only (decision 0002).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pelayanan_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // Personal data: emptied when the citizen asks for deletion or retention removes it.
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('nik', 'text')
    .addColumn('kk', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('notify_channel', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('consent_version', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('deadline_days', 'integer', (c) => c.notNull())
    .addColumn('clock_started_at', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('fix_note', 'text')
    .addColumn('refuse_reason', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('completion_minutes', 'integer')
    .addColumn('within_deadline', 'integer')
    .addColumn('letter_id', 'text')
    .addColumn('docs_deleted_at', 'text')
    .addColumn('personal_deleted_at', 'text')
    .addColumn('pin_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pin_locked_until', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pelayanan_requests_inbox').on('pelayanan_requests').columns(['unit_id', 'status', 'submitted_at']).execute();
  await db.schema.createIndex('pelayanan_requests_unit_time').on('pelayanan_requests').columns(['unit_id', 'submitted_at']).execute();
  await db.schema.createIndex('pelayanan_requests_closed').on('pelayanan_requests').columns(['closed_at']).execute();
  await db.schema.createIndex('pelayanan_requests_submitted').on('pelayanan_requests').columns(['submitted_at']).execute();

  await db.schema
    .createTable('pelayanan_complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('notify_channel', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('publish_consent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_unit_id', 'text')
    .addColumn('forwarded_at', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('response_minutes', 'integer')
    .addColumn('docs_deleted_at', 'text')
    .addColumn('personal_deleted_at', 'text')
    .addColumn('pin_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pin_locked_until', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pelayanan_complaints_inbox').on('pelayanan_complaints').columns(['unit_id', 'status', 'submitted_at']).execute();
  await db.schema.createIndex('pelayanan_complaints_origin').on('pelayanan_complaints').columns(['origin_unit_id', 'submitted_at']).execute();
  await db.schema.createIndex('pelayanan_complaints_closed').on('pelayanan_complaints').columns(['closed_at']).execute();

  await db.schema
    .createTable('pelayanan_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    /** request | complaint | draft (uploads kept while a form is corrected) */
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema.createIndex('pelayanan_documents_owner').on('pelayanan_documents').columns(['owner_id', 'created_at']).execute();
  await db.schema.createIndex('pelayanan_documents_kind_time').on('pelayanan_documents').columns(['owner_kind', 'created_at']).execute();

  await db.schema
    .createTable('pelayanan_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('pelayanan_events_owner').on('pelayanan_events').columns(['owner_id', 'at']).execute();

  await db.schema
    .createTable('pelayanan_letter_sequences')
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pelayanan_letter_sequences_pk', ['unit_id', 'year'])
    .execute();

  await db.schema
    .createTable('pelayanan_letters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('verify_code', 'text', (c) => c.notNull().unique())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('signer_title', 'text', (c) => c.notNull())
    .addColumn('signer_nip', 'text', (c) => c.notNull().defaultTo(''))
    // The letter as rendered (holds personal data): emptied by retention; the register row stays.
    .addColumn('content', 'text')
    .addColumn('pdf_key', 'text')
    .addColumn('content_deleted_at', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('pelayanan_letters_seq').on('pelayanan_letters').columns(['unit_id', 'year', 'seq']).unique().execute();
  await db.schema.createIndex('pelayanan_letters_request').on('pelayanan_letters').column('request_id').execute();

  await db.schema
    .createTable('pelayanan_service_settings')
    /** A unit's id, or the kota/kabupaten unit's id for the city-wide default. */
    .addColumn('scope_unit_id', 'text', (c) => c.notNull())
    .addColumn('service_code', 'text', (c) => c.notNull())
    .addColumn('form', 'text')
    .addColumn('template', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pelayanan_service_settings_pk', ['scope_unit_id', 'service_code'])
    .execute();

  await db.schema
    .createTable('pelayanan_unit_settings')
    .addColumn('unit_id', 'text', (c) => c.primaryKey())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pelayanan_holidays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** A unit's id, or the kota/kabupaten unit's id for a city-wide holiday. */
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pelayanan_holidays_unit_day').on('pelayanan_holidays').columns(['unit_id', 'day']).unique().execute();

  await db.schema
    .createTable('pelayanan_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('pelayanan_outbox_due').on('pelayanan_outbox').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('pelayanan_outbox_owner').on('pelayanan_outbox').column('owner_id').execute();

  await db.schema
    .createTable('pelayanan_throttle')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** A keyed hash of "ip:…" or "phone:…": the ledger never holds an address or a number. */
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pelayanan_throttle_key_at').on('pelayanan_throttle').columns(['key', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'pelayanan_throttle', 'pelayanan_outbox', 'pelayanan_holidays', 'pelayanan_unit_settings', 'pelayanan_service_settings',
    'pelayanan_letters', 'pelayanan_letter_sequences', 'pelayanan_events', 'pelayanan_documents', 'pelayanan_complaints', 'pelayanan_requests',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
