import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import { EmbeddedQueue } from '../../src/jobs/embedded-queue.js';
import { PgBossQueue } from '../../src/jobs/pg-boss-queue.js';
import type { JobQueue } from '../../src/jobs/queue.js';
import type { Actor } from '../../src/modules/accounts/index.js';
import { CHECK_UNIT_JOB, SWEEP_BATCH_JOB, type SendWithin, checkAllAsAdmin, requestRecheckAsStaff } from '../../src/modules/monitoring/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { addUnit } from '../site/helpers.js';

// Issue 19 point 2 for "Periksa ulang" and "Periksa semua": the use case refuses the actor itself,
// and the claimed slot (or the sweep), the queued jobs and the audit entry are one
// transaction — on SQLite with the embedded queue, on PostgreSQL (TEST_DATABASE_URL) with pg-boss,
// each keeping its jobs in the same database. When the entry cannot be written, no job is queued.

const REGION = '19.71';
let t: TestDb;
let queue: JobQueue;
const clock = new FixedClock('2026-11-25T03:00:00Z');
const send: SendWithin = (within, name, data, o) => queue.send(name, data, { ...o, within });
const deps = () => ({ db: t.db, clock, send });
const actors: Record<string, Actor> = {};
const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const units: Record<string, { id: string; parent_id: null; kind: 'kelurahan'; region_code: string }> = {};

/** Jobs of this name waiting in the queue's own table (the embedded `jobs`, or pg-boss's `pgboss.job`). */
async function queued(name: string): Promise<Record<string, unknown>[]> {
  return t.config.kind === 'postgres'
    ? (await sql<{ data: Record<string, unknown> }>`select data from pgboss.job where name = ${name.replace(/\./g, '__')} order by created_on`.execute(t.db)).rows.map((r) => r.data)
    : (await t.db.selectFrom('jobs').select('data').where('name', '=', name).orderBy('created_at').execute()).map((r) => JSON.parse(r.data));
}
const queuedChecks = () => queued(CHECK_UNIT_JOB);

/** Runs `f` while the audit table is away, so the audit write (and only it) fails. */
async function withoutAuditTable(f: () => Promise<unknown>) {
  await t.db.schema.alterTable('audit_log').renameTo('audit_log_away').execute();
  try {
    await expect(f()).rejects.toThrow();
  } finally {
    await t.db.schema.alterTable('audit_log_away').renameTo('audit_log').execute();
  }
}

beforeAll(async () => {
  t = await createTestDb();
  if (t.config.kind === 'postgres') {
    queue = new PgBossQueue(t.config.url);
    await queue.start();
  } else queue = new EmbeddedQueue(t.db, { clock }); // not started: nothing runs the jobs
  for (const slug of ['bacang', 'gabek']) units[slug] = { id: await addUnit(t.db, { name: slug, slug }), parent_id: null, kind: 'kelurahan', region_code: REGION };
  const now = clock.now().toISOString();
  for (const [id, role, mine] of [['admin', 'admin_kota', []], ['operator', 'operator', [units.bacang!.id, units.gabek!.id]], ['walikota', 'pimpinan', []], ['lurah', 'lurah', [units.bacang!.id]]] as const) {
    await t.db.insertInto('users').values({ id, username: id, display_name: id, password_hash: 'x', role, region_code: REGION, email: null, phone: null, status: 'active', must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
    actors[id] = { id, username: id, displayName: id, role: role as Role, regionCode: REGION, unitIds: [...mine], mustChangePassword: false };
  }
}, 60_000);
afterAll(async () => {
  await queue?.stop({ graceMs: 0 });
  await t?.close();
});

describe('a unit’s re-check', () => {
  const ask = (who: string, unit = units.bacang!, oncePerWindow = true) => requestRecheckAsStaff(deps(), { actor: actors[who]!, unit, region: REGION, oncePerWindow });

  it('is refused by the use case to a pimpinan: no job, no slot taken, no entry', async () => {
    expect(await ask('walikota')).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await queuedChecks()).toEqual([]);
    expect(await t.db.selectFrom('unit_recheck_requests').select('unit_id').execute()).toEqual([]);
    expect(await auditOf('monitoring.recheck')).toEqual([]);
  });

  it('queues nothing and keeps the slot free when its entry cannot be written', async () => {
    await withoutAuditTable(() => ask('operator'));
    expect(await queuedChecks()).toEqual([]);
    expect(await t.db.selectFrom('unit_recheck_requests').select('unit_id').execute()).toEqual([]);
  });

  it('queues one check with its entry; asked again within the window it is too soon and adds neither', async () => {
    expect(await ask('operator')).toMatchObject({ ok: true });
    expect(await ask('operator')).toMatchObject({ ok: false, error: 'too_soon', detail: '2026-11-25T03:15:00.000Z' });
    expect(await queuedChecks()).toEqual([{ unitId: units.bacang!.id, region: REGION }]);
    expect((await auditOf('monitoring.recheck')).map((a) => [a.actor_user_id, a.unit_id])).toEqual([['operator', units.bacang!.id]]);
  });

  it('from admin kota’s dashboard, asks without the window', async () => {
    expect(await requestRecheckAsStaff(deps(), { actor: actors.admin!, unit: units.bacang!, region: REGION, oncePerWindow: false })).toMatchObject({ ok: true });
    expect(await queuedChecks()).toEqual([{ unitId: units.bacang!.id, region: REGION }, { unitId: units.bacang!.id, region: REGION }]);
    expect(await auditOf('monitoring.recheck')).toHaveLength(2);
  });
});

describe('“Periksa semua sekarang”', () => {
  const all = () => [units.bacang!.id, units.gabek!.id];
  const sweeps = () => t.db.selectFrom('monitor_sweeps').select(['id', 'expected']).execute();
  const batchJobs = () => queued(SWEEP_BATCH_JOB);

  it('is refused by the use case to a lurah: no sweep, no jobs, no entry', async () => {
    expect(await checkAllAsAdmin(deps(), { actor: actors.lurah!, region: REGION, unitIds: all() })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await sweeps()).toEqual([]);
    expect(await batchJobs()).toEqual([]);
    expect(await auditOf('monitoring.check_all')).toEqual([]);
  });

  it('leaves no sweep and no job when its entry cannot be written', async () => {
    await withoutAuditTable(() => checkAllAsAdmin(deps(), { actor: actors.admin!, region: REGION, unitIds: all() }));
    expect(await sweeps()).toEqual([]);
    expect(await t.db.selectFrom('monitor_sweep_units').select('unit_id').execute()).toEqual([]);
    expect(await batchJobs()).toEqual([]);
  });

  it('writes the sweep, its batch job and its entry together', async () => {
    const r = await checkAllAsAdmin(deps(), { actor: actors.admin!, region: REGION, unitIds: all() });
    if (!r.ok) throw new Error(r.error);
    expect(await sweeps()).toEqual([{ id: r.value.batchId, expected: 2 }]);
    expect(await batchJobs()).toEqual([{ sweepId: r.value.batchId, batch: 0 }]);
    expect((await auditOf('monitoring.check_all')).map((a) => [a.actor_user_id, a.target, JSON.parse(a.detail)])).toEqual([['admin', r.value.batchId, { units: 2 }]]);
  });
});
