import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/modules/accounts/index.js';
import { registeredAccountsSource } from '../../src/modules/channels/index.js';
import {
  decideDisputeAsAdmin,
  decideDisputeFormSchema,
  getDispute,
  listDisputes,
  openDisputeAsStaff,
  openDisputeFormSchema,
  profileCompletenessSource,
} from '../../src/modules/compliance/index.js';
import { registerPresence } from '../../src/modules/monitoring/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { addUnit } from '../site/helpers.js';

// Issue 19 point 2 for disputes: the unit's staff open one (whoever may write for the unit), admin
// kota decides. The use case itself refuses the actor; the dispute (and an accepted link's
// re-evaluation) and its audit entry are one transaction — when the entry cannot be written,
// nothing of the change stays. Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.

const REGION = '19.71';
const PERIOD = '2026-W48';
let t: TestDb;
const clock = new FixedClock('2026-11-25T03:00:00Z');
const deps = () => ({ db: t.db, clock });
const sources = (db: TestDb['db']) => ({ profile: profileCompletenessSource(db), accounts: registeredAccountsSource(db) });
const actors: Record<string, Actor> = {};
const auditOf = (prefix: string) => t.db.selectFrom('audit_log').selectAll().where('action', 'like', `${prefix}%`).execute();
let unit = { id: '', parent_id: null, kind: 'kelurahan' as const, region_code: REGION };
const link = openDisputeFormSchema.parse({ kind: 'link', periodKey: PERIOD, postUrl: 'https://www.instagram.com/p/ABC123/', message: 'Posyandu hari Selasa' });
const decision = (disputeId: string, over: Record<string, string> = {}) =>
  decideDisputeFormSchema.parse({ disputeId, accept: '1', note: 'Sudah dicek', publishedAt: '2026-11-24T10:00', correctedStatus: '', ...over });

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
  unit = { ...unit, id: await addUnit(t.db, { name: 'Bacang', slug: 'bacang' }) };
  const other = await addUnit(t.db, { name: 'Gedung Nasional', slug: 'gedung-nasional' });
  await registerPresence(t.db, unit.id, { kind: 'social', platform: 'instagram', handle: 'kel.bacang' }, clock);
  // The unit was watched during the period, so an accepted link writes a verdict (decision 0005).
  const at = '2026-11-24T01:00:00.000Z';
  await t.db.insertInto('monitor_observations').values({ id: 'o-1', unit_id: unit.id, kind: 'availability', url: 'https://bacang.example/', fetched_at: at, source: 'crawler', confidence: 'high', state: 'up', value: '{"up":true}', evidence: '{}', created_at: at }).execute();
  const now = clock.now().toISOString();
  for (const [id, role, units] of [['admin', 'admin_kota', []], ['operator', 'operator', [unit.id]], ['tetangga', 'operator', [other]], ['walikota', 'pimpinan', []]] as const) {
    await t.db.insertInto('users').values({ id, username: id, display_name: id, password_hash: 'x', role, region_code: REGION, email: null, phone: null, status: 'active', must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
    actors[id] = { id, username: id, displayName: id, role: role as Role, regionCode: REGION, unitIds: [...units], mustChangePassword: false };
  }
});
afterAll(async () => t?.close());

describe('a unit opening a dispute', () => {
  it('is refused by the use case to another unit’s operator and a pimpinan: no dispute, no entry', async () => {
    for (const who of ['tetangga', 'walikota']) {
      expect(await openDisputeAsStaff(deps(), { actor: actors[who]!, unit, form: link }), who).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await listDisputes(t.db, { unitIds: [unit.id] })).toEqual([]);
    expect(await auditOf('monitoring.dispute')).toEqual([]);
  });

  it('a refused link and a contest without a verdict leave no entry; an entry that cannot be written takes the dispute back', async () => {
    const stranger = { ...link, postUrl: 'https://contoh.example/berita/1' };
    expect(await openDisputeAsStaff(deps(), { actor: actors.operator!, unit, form: stranger })).toMatchObject({ ok: false, error: 'link_not_official' });
    expect(await openDisputeAsStaff(deps(), { actor: actors.operator!, unit, form: { ...link, kind: 'contest' } })).toMatchObject({ ok: false, error: 'not_found' });
    await withoutAuditTable(() => openDisputeAsStaff(deps(), { actor: actors.operator!, unit, form: link }));
    expect(await listDisputes(t.db, { unitIds: [unit.id] })).toEqual([]);
    expect(await auditOf('monitoring.dispute')).toEqual([]);
  });

  it('is opened by the unit’s operator with its entry', async () => {
    const r = await openDisputeAsStaff(deps(), { actor: actors.operator!, unit, form: link });
    if (!r.ok) throw new Error(r.error);
    expect((await auditOf('monitoring.dispute')).map((a) => [a.action, a.actor_user_id, a.unit_id, a.target])).toEqual([['monitoring.dispute.link', 'operator', unit.id, r.value.id]]);
  });
});

describe('admin kota deciding a dispute', () => {
  const openOne = async () => (await listDisputes(t.db, { status: 'open', unitIds: [unit.id] }))[0]!;

  it('is refused by the use case to the unit’s operator: still open, no entry', async () => {
    const d = await openOne();
    expect(await decideDisputeAsAdmin({ ...deps(), sources }, { actor: actors.operator!, region: REGION, form: decision(d.id) })).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await getDispute(t.db, d.id))?.status).toBe('open');
    expect(await auditOf('monitoring.dispute.accepted')).toEqual([]);
  });

  it('a link accepted without its publication time, or whose entry cannot be written, stays open with no entry and no new verdict', async () => {
    const d = await openOne();
    expect(await decideDisputeAsAdmin({ ...deps(), sources }, { actor: actors.admin!, region: REGION, form: decision(d.id, { publishedAt: '' }) })).toMatchObject({ ok: false, error: 'published_at_required' });
    await withoutAuditTable(() => decideDisputeAsAdmin({ ...deps(), sources }, { actor: actors.admin!, region: REGION, form: decision(d.id) }));
    expect((await getDispute(t.db, d.id))?.status).toBe('open');
    expect(await t.db.selectFrom('compliance_verdicts').select('id').where('unit_id', '=', unit.id).execute()).toEqual([]);
    expect(await auditOf('monitoring.dispute.accepted')).toEqual([]);
  });

  it('is accepted by admin kota: the period re-evaluated in the same transaction, with one entry; a second decision is refused', async () => {
    const d = await openOne();
    const r = await decideDisputeAsAdmin({ ...deps(), sources }, { actor: actors.admin!, region: REGION, form: decision(d.id) });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.dispute.status).toBe('accepted');
    expect(r.value.verdict?.periodKey).toBe(PERIOD);
    expect(await t.db.selectFrom('compliance_verdicts').select('period_key').where('unit_id', '=', unit.id).execute()).toEqual([{ period_key: PERIOD }]);
    expect((await auditOf('monitoring.dispute.accepted')).map((a) => [a.actor_user_id, a.unit_id, a.target])).toEqual([['admin', unit.id, d.id]]);
    expect(await decideDisputeAsAdmin({ ...deps(), sources }, { actor: actors.admin!, region: REGION, form: decision(d.id, { accept: '0' }) })).toMatchObject({ ok: false, error: 'already_decided' });
    expect(await auditOf('monitoring.dispute.rejected')).toEqual([]);
  });
});
