import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import { opdCsvProblemText } from '../../src/i18n/opd-csv-problems.js';
import { type Actor, addOpdAsAdmin, cityAuditedChange, clearThrottleAsAdmin, importOpdCsvAsAdmin, throttleClearSchema } from '../../src/modules/accounts/index.js';
import { DEFAULT_RULES, retryReminderAsAdmin, saveReminderRuleAsAdmin } from '../../src/modules/reminders/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { err } from '../../src/shared/result.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { addUnit } from '../site/helpers.js';

// Issue 19 point 2, city level: the use case itself refuses anyone but admin kota (not only the
// route's requireCityAdmin), and the change and its audit entry are written together — a change
// that fails leaves no entry. Each test makes what it needs and reads only the entries written
// while it ran (newEntries), so each runs alone (`-t`) or in any order.

let t: TestDb;
const clock = new FixedClock('2026-03-10T03:00:00Z');
const deps = () => ({ db: t.db, clock });
const actors: Record<string, Actor> = {};
const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
/** The entries of `action` written from now on: a test reads its own, whatever ran before it. */
async function newEntries(action: string) {
  const before = new Set((await auditOf(action)).map((a) => a.id));
  return async () => (await auditOf(action)).filter((a) => !before.has(a.id));
}
const opdNamed = (name: string) => t.db.selectFrom('units').select('id').where('name', '=', name).execute();

function actor(id: string, role: Role, unitIds: string[] = []): Actor {
  return { id, username: id, displayName: id, role, regionCode: '19.71', unitIds, mustChangePassword: false };
}

const throttlesOf = (username: string) => t.db.selectFrom('login_throttle').select('key').where('username', '=', username).execute();

async function throttled(key: string, username: string) {
  const at = clock.now().toISOString();
  await t.db.insertInto('login_throttle').values({ key, kind: 'pair', username, address: '10.0.0.1', failures: 9, first_failure_at: at, last_failure_at: at, delay_until: at }).execute();
}

beforeAll(async () => {
  t = await createTestDb();
  const unit = await addUnit(t.db, { name: 'Bacang', slug: 'bacang' });
  const now = clock.now().toISOString();
  for (const [id, role] of [['admin', 'admin_kota'], ['lurah', 'lurah'], ['walikota', 'pimpinan']] as const) {
    await t.db.insertInto('users').values({ id, username: id, display_name: id, password_hash: 'x', role, region_code: '19.71', email: null, phone: null, status: 'active', must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
    actors[id] = actor(id, role, role === 'lurah' ? [unit] : []);
  }
});
afterAll(async () => t?.close());

describe('a new OPD added by admin kota', () => {
  it('is refused by the use case to a lurah and a pimpinan: no unit, no entry', async () => {
    const entries = await newEntries('unit.create');
    for (const who of ['lurah', 'walikota']) {
      expect(await addOpdAsAdmin(deps(), { actor: actors[who]!, region: '19.71', input: { name: 'Dinas Pemuda dan Olahraga' } }), who).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await opdNamed('Dinas Pemuda dan Olahraga')).toEqual([]);
    expect(await entries()).toEqual([]);
  });

  it('is added with its entry; a taken address and an OPD that already exists leave none', async () => {
    const entries = await newEntries('unit.create');
    const r = await addOpdAsAdmin(deps(), { actor: actors.admin!, region: '19.71', input: { name: 'Dinas Kominfo' } });
    if (!r.ok) throw new Error(r.error);
    expect((await entries()).map((a) => [a.actor_user_id, a.unit_id])).toEqual([['admin', r.value.unit.id]]);
    expect(await addOpdAsAdmin(deps(), { actor: actors.admin!, region: '19.71', input: { name: 'Dinas Sosial', slug: 'bacang' } })).toMatchObject({ ok: false, error: 'slug_taken' });
    expect(await addOpdAsAdmin(deps(), { actor: actors.admin!, region: '19.71', input: { name: 'Dinas Kominfo' } })).toMatchObject({ ok: true, value: { created: false } });
    expect(await entries()).toHaveLength(1);
  });
});

describe('OPD imported from a CSV by admin kota', () => {
  it('is refused by the use case to a lurah: no unit, no entry', async () => {
    const entries = await newEntries('unit.import');
    expect(await importOpdCsvAsAdmin(deps(), { actor: actors.lurah!, region: '19.71', csv: 'nama,singkatan\nDinas Pertanian,distan\n' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await opdNamed('Dinas Pertanian')).toEqual([]);
    expect(await entries()).toEqual([]);
  });

  it('writes the rows and one entry with the counts; a row with a problem is named by its code’s words', async () => {
    const entries = await newEntries('unit.import');
    const r = await importOpdCsvAsAdmin(deps(), { actor: actors.admin!, region: '19.71', csv: 'nama,singkatan\nDinas Perhubungan,dishub\nDp,x\n' });
    if (!r.ok) throw new Error(r.error);
    expect(r.value).toMatchObject({ created: 1, unchanged: 0, problems: [{ code: 'invalid_name', line: 3 }] });
    expect(r.value.problems.map((p) => opdCsvProblemText(p))).toEqual(['Baris 3: Nama OPD minimal 3 dan maksimal 150 huruf.']);
    expect(await opdNamed('Dinas Perhubungan')).toHaveLength(1);
    expect((await entries()).map((a) => [a.actor_user_id, JSON.parse(a.detail!)])).toEqual([['admin', { created: 1, problems: 1 }]]);
  });
});

describe('addOpd answers codes, not sentences', () => {
  it('names the field that is wrong', async () => {
    for (const [input, code] of [[{ name: 'Di' }, 'invalid_name'], [{ name: 'Dinas Pangan', slug: 'Dinas Pangan!' }, 'invalid_slug'], [{ name: 'Dinas Pangan', links: { website: 'bukan alamat' } }, 'invalid_links']] as const) {
      expect(await addOpdAsAdmin(deps(), { actor: actors.admin!, region: '19.71', input })).toEqual({ ok: false, error: code });
    }
  });
});

describe('a login throttle cleared by admin kota', () => {
  it('is refused by the use case to a lurah: the throttle stays, no entry', async () => {
    const entries = await newEntries('login.throttle_cleared');
    await throttled('pair:budi 10.0.0.1', 'budi');
    expect(await clearThrottleAsAdmin(deps(), { actor: actors.lurah!, target: { username: 'budi' } })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await throttlesOf('budi')).toHaveLength(1);
    expect(await entries()).toEqual([]);
  });

  it('is cleared with its entry', async () => {
    const entries = await newEntries('login.throttle_cleared');
    await throttled('pair:ani 10.0.0.1', 'ani');
    expect(await clearThrottleAsAdmin(deps(), { actor: actors.admin!, target: { username: 'ani' }, ip: '10.0.0.9' })).toMatchObject({ ok: true, value: 1 });
    expect(await throttlesOf('ani')).toEqual([]);
    expect((await entries()).map((a) => [a.actor_user_id, a.target, a.ip])).toEqual([['admin', 'ani', '10.0.0.9']]);
  });
});

describe('a reminder rule saved by admin kota', () => {
  it('is refused by the use case to a lurah, an invalid rule leaves no entry, a saved one has its entry', async () => {
    const entries = await newEntries('reminders.rule.save');
    const city = await addUnit(t.db, { name: 'Kota Contoh', slug: 'kota-contoh', kind: 'kota' });
    const draft = DEFAULT_RULES[0]!;
    expect(await saveReminderRuleAsAdmin(deps(), { actor: actors.lurah!, cityUnitId: city, draft })).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await saveReminderRuleAsAdmin(deps(), { actor: actors.admin!, cityUnitId: city, draft: { ...draft, threshold: -5 } })).ok).toBe(false);
    expect(await t.db.selectFrom('reminder_rules').select('id').where('unit_id', '=', city).execute()).toEqual([]);
    expect(await entries()).toEqual([]);
    const r = await saveReminderRuleAsAdmin(deps(), { actor: actors.admin!, cityUnitId: city, draft });
    if (!r.ok) throw new Error(r.error);
    expect((await entries()).map((a) => [a.actor_user_id, a.target])).toEqual([['admin', r.value.id]]);
  });
});

describe('a failed reminder sent again by admin kota', () => {
  it('is refused by the use case to a lurah; an unknown or unfailed one leaves no entry; the admin’s is requeued with its entry', async () => {
    // Its own rule, in a city of its own.
    const city = await addUnit(t.db, { name: 'Kota Lain', slug: 'kota-lain', kind: 'kota' });
    const saved = await saveReminderRuleAsAdmin(deps(), { actor: actors.admin!, cityUnitId: city, draft: DEFAULT_RULES[0]! });
    if (!saved.ok) throw new Error(saved.error);
    const rule = await t.db.selectFrom('reminder_rules').select(['id', 'unit_id']).where('id', '=', saved.value.id).executeTakeFirstOrThrow();
    const entries = await newEntries('reminders.requeue');
    const at = clock.now().toISOString();
    const row = (id: string, status: 'failed' | 'sent') => ({ id, rule_id: rule.id, unit_id: rule.unit_id, period_key: id, recipient_user_id: 'lurah', channel: 'email', address: 'a@b.id', template: 'x', subject: 's', body: 'b', params: '{}', link: null, status, attempts: 5, next_attempt_at: at, last_error_code: 'x', last_error_reason: null, last_error_detail: null, provider_message_id: null, created_at: at, updated_at: at, sent_at: null });
    await t.db.insertInto('reminder_ledger').values([row('gagal-1', 'failed'), row('terkirim-1', 'sent')]).execute();
    const status = async (id: string) => (await t.db.selectFrom('reminder_ledger').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    const region = (await t.db.selectFrom('units').select('region_code').where('id', '=', rule.unit_id).executeTakeFirstOrThrow()).region_code;
    expect(await retryReminderAsAdmin(deps(), { actor: actors.lurah!, ledgerId: 'gagal-1', region })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await status('gagal-1')).toBe('failed');
    // Another regency's admin (serving 11.01) cannot send it again by its id.
    expect(await retryReminderAsAdmin(deps(), { actor: actors.admin!, ledgerId: 'gagal-1', region: region === '11.01' ? '19.71' : '11.01' })).toEqual({ ok: false, error: 'not_found' });
    expect(await status('gagal-1')).toBe('failed');
    for (const ledgerId of ['tidak-ada', 'terkirim-1']) expect(await retryReminderAsAdmin(deps(), { actor: actors.admin!, ledgerId, region })).toEqual({ ok: false, error: 'not_found' });
    expect(await entries()).toEqual([]);
    expect(await retryReminderAsAdmin(deps(), { actor: actors.admin!, ledgerId: 'gagal-1', region })).toEqual({ ok: true, value: { id: 'gagal-1' } });
    expect(await status('gagal-1')).toBe('retrying');
    expect((await entries()).map((a) => [a.actor_user_id, a.target])).toEqual([['admin', 'gagal-1']]);
  });
});

describe('the throttle form schema', () => {
  it('reads one key, else a username (lower-cased), else nothing', () => {
    expect(throttleClearSchema.parse({ key: 'pair:sari 10.0.0.1', username: 'x' })).toEqual({ key: 'pair:sari 10.0.0.1' });
    expect(throttleClearSchema.parse({ key: '', username: ' Sari ' })).toEqual({ username: 'sari' });
    expect(throttleClearSchema.parse({ key: '', username: '' })).toBeNull();
    expect(throttleClearSchema.safeParse({ key: 'k'.repeat(301), username: '' }).success).toBe(false);
  });
});

describe('cityAuditedChange', () => {
  it('takes back what a change wrote when it answers with a failure, and writes no entry', async () => {
    await throttled('pair:sari 10.0.0.1', 'sari');
    const r = await cityAuditedChange(deps(), { actor: actors.admin! }, async (trx) => {
      await trx.deleteFrom('login_throttle').where('username', '=', 'sari').execute();
      return err('boom');
    }, () => ({ action: 'login.throttle_cleared', target: 'sari' }));
    expect(r).toMatchObject({ ok: false, error: 'boom' });
    expect(await t.db.selectFrom('login_throttle').select('key').where('username', '=', 'sari').execute()).toHaveLength(1);
    expect((await auditOf('login.throttle_cleared')).filter((a) => a.target === 'sari')).toEqual([]);
  });
});
