import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/modules/accounts/index.js';
import {
  DEFAULT_RULE,
  addExceptionAsAdmin,
  exceptionFormSchema,
  getRule,
  listExceptions,
  removeExceptionAsAdmin,
  ruleFormSchema,
  saveRuleAsAdmin,
  setTransparencyAsAdmin,
} from '../../src/modules/compliance/index.js';
import { getCitySetting } from '../../src/modules/units/index.js';
import { type Clock, FixedClock } from '../../src/shared/clock.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { addUnit } from '../site/helpers.js';

// Issue 19 point 2 for admin kota's monitoring settings (rule, exceptions, transparency page):
// the use case itself refuses anyone but admin kota, and the change and its audit entry are one
// transaction — a refused or invalid change writes no entry, and when the entry cannot be
// written the change is taken back. Runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.

const REGION = '19.71';
let t: TestDb;
const clock = new FixedClock('2026-11-25T03:00:00Z');
const deps = () => ({ db: t.db, clock });
/** A clock that answers once, then gives an invalid time: the audit entry (written after the change) throws. */
const failingAfterFirst = (): Clock => {
  let calls = 0;
  return { now: () => (calls++ === 0 ? clock.now() : new Date(Number.NaN)) };
};
const actors: Record<string, Actor> = {};
const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const exceptions = () => listExceptions(t.db, REGION, '2026-01-01T00:00:00Z', '2027-12-31T00:00:00Z');
let bacang = '';

beforeAll(async () => {
  t = await createTestDb();
  bacang = await addUnit(t.db, { name: 'Bacang', slug: 'bacang' });
  const now = clock.now().toISOString();
  for (const [id, role] of [['admin', 'admin_kota'], ['lurah', 'lurah'], ['walikota', 'pimpinan']] as const) {
    await t.db.insertInto('users').values({ id, username: id, display_name: id, password_hash: 'x', role, region_code: REGION, email: null, phone: null, status: 'active', must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
    actors[id] = { id, username: id, displayName: id, role: role as Role, regionCode: REGION, unitIds: role === 'lurah' ? [bacang] : [], mustChangePassword: false };
  }
});
afterAll(async () => t?.close());

describe('the city rule', () => {
  const rule = { ...DEFAULT_RULE, minItems: 3, minConfidence: 'high' as const };

  it('is refused by the use case to a lurah and a pimpinan: rule unchanged, no entry', async () => {
    for (const who of ['lurah', 'walikota']) {
      expect(await saveRuleAsAdmin(deps(), { actor: actors[who]!, region: REGION, rule }), who).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await getRule(t.db, REGION)).toEqual(DEFAULT_RULE);
    expect(await auditOf('monitoring.rule.save')).toEqual([]);
  });

  it('an invalid rule leaves no entry; an audit entry that cannot be written takes the saved rule back', async () => {
    expect(await saveRuleAsAdmin(deps(), { actor: actors.admin!, region: REGION, rule: { ...rule, minItems: 500 } })).toMatchObject({ ok: false, error: 'invalid_rule' });
    await expect(saveRuleAsAdmin({ db: t.db, clock: failingAfterFirst() }, { actor: actors.admin!, region: REGION, rule })).rejects.toThrow();
    expect(await getRule(t.db, REGION)).toEqual(DEFAULT_RULE);
    expect(await auditOf('monitoring.rule.save')).toEqual([]);
  });

  it('is saved by admin kota with its entry', async () => {
    expect(await saveRuleAsAdmin(deps(), { actor: actors.admin!, region: REGION, rule })).toMatchObject({ ok: true });
    expect(await getRule(t.db, REGION)).toEqual(rule);
    const entries = await auditOf('monitoring.rule.save');
    expect(entries.map((a) => [a.actor_user_id, a.target, JSON.parse(a.detail).minItems])).toEqual([['admin', REGION, 3]]);
  });
});

describe('exceptions', () => {
  const holiday = { kind: 'holiday' as const, from: '2026-12-24', to: '2026-12-26', reason: 'Natal' };

  it('are refused by the use case to a lurah (add and remove): nothing written, no entry', async () => {
    expect(await addExceptionAsAdmin(deps(), { actor: actors.lurah!, region: REGION, input: holiday })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await exceptions()).toEqual([]);
    expect(await auditOf('monitoring.exception.add')).toEqual([]);
  });

  it('a wrong one names its field and leaves no entry; an entry that cannot be written takes the exception back', async () => {
    expect(await addExceptionAsAdmin(deps(), { actor: actors.admin!, region: REGION, input: { ...holiday, to: '2026-12-20' } })).toMatchObject({ ok: false, error: 'invalid', detail: 'to' });
    await expect(addExceptionAsAdmin({ db: t.db, clock: failingAfterFirst() }, { actor: actors.admin!, region: REGION, input: holiday })).rejects.toThrow();
    expect(await exceptions()).toEqual([]);
    expect(await auditOf('monitoring.exception.add')).toEqual([]);
  });

  it('are added and removed by admin kota, each with its entry; removing one already gone writes none', async () => {
    const added = await addExceptionAsAdmin(deps(), {
      actor: actors.admin!, region: REGION,
      input: { kind: 'maintenance', unitId: bacang, startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T05:00:00.000Z', reason: 'Pindah server' },
    });
    if (!added.ok) throw new Error(added.error);
    expect((await auditOf('monitoring.exception.add')).map((a) => [a.actor_user_id, a.unit_id, a.target])).toEqual([['admin', bacang, added.value.id]]);
    expect(await removeExceptionAsAdmin(deps(), { actor: actors.lurah!, region: REGION, id: added.value.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await exceptions()).toHaveLength(1);
    expect(await removeExceptionAsAdmin(deps(), { actor: actors.admin!, region: REGION, id: added.value.id })).toMatchObject({ ok: true });
    expect(await removeExceptionAsAdmin(deps(), { actor: actors.admin!, region: REGION, id: added.value.id })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await exceptions()).toEqual([]);
    expect((await auditOf('monitoring.exception.remove')).map((a) => [a.actor_user_id, a.target])).toEqual([['admin', added.value.id]]);
  });
});

describe('the transparency page switch', () => {
  it('is not_found without a kota unit to keep it on, and writes no entry', async () => {
    expect(await setTransparencyAsAdmin(deps(), { actor: actors.admin!, region: REGION, enabled: true })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await auditOf('monitoring.transparency')).toEqual([]);
    await addUnit(t.db, { name: 'Kota Contoh', slug: 'kota-contoh', kind: 'kota' });
  });

  it('is refused by the use case to a pimpinan; an entry that cannot be written leaves the page off; admin kota switches it with its entry', async () => {
    expect(await setTransparencyAsAdmin(deps(), { actor: actors.walikota!, region: REGION, enabled: true })).toMatchObject({ ok: false, error: 'forbidden' });
    await expect(setTransparencyAsAdmin({ db: t.db, clock: failingAfterFirst() }, { actor: actors.admin!, region: REGION, enabled: true })).rejects.toThrow();
    expect(await getCitySetting(t.db, REGION, 'transparencyPage')).not.toBe(true);
    expect(await auditOf('monitoring.transparency')).toEqual([]);
    expect(await setTransparencyAsAdmin(deps(), { actor: actors.admin!, region: REGION, enabled: true })).toMatchObject({ ok: true, value: true });
    expect(await getCitySetting(t.db, REGION, 'transparencyPage')).toBe(true);
    expect((await auditOf('monitoring.transparency')).map((a) => [a.actor_user_id, a.target])).toEqual([['admin', 'true']]);
  });
});

describe('the forms’ schemas', () => {
  it('read the rule form as typed text and name each wrong field', () => {
    expect(ruleFormSchema.parse({ periodKind: 'month', minItems: ' 2', minSocialAccounts: '0', profileCompletenessMin: '60', requireWebsite: '1', minConfidence: 'high' }))
      .toEqual({ periodKind: 'month', minItems: 2, minSocialAccounts: 0, profileCompletenessMin: 60, requireWebsite: true, minConfidence: 'high' });
    const bad = ruleFormSchema.safeParse({ periodKind: 'week', minItems: '2.5', minSocialAccounts: '11', profileCompletenessMin: '', requireWebsite: '', minConfidence: 'medium' });
    expect(bad.success ? [] : [...new Set(bad.error.issues.map((i) => i.path.join('.')))]).toEqual(['minItems', 'minSocialAccounts', 'profileCompletenessMin']);
  });

  it('read an exception typed in WIB, and refuse a day not on the calendar and an end before its start at that field', () => {
    expect(exceptionFormSchema.parse({ kind: 'maintenance', unitId: 'u1', startsAt: '2026-12-01T08:00', endsAt: '2026-12-01T12:00', reason: ' Pindah ' }))
      .toEqual({ kind: 'maintenance', unitId: 'u1', startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T05:00:00.000Z', reason: 'Pindah' });
    const paths = (input: object) => {
      const r = exceptionFormSchema.safeParse(input);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(paths({ kind: 'holiday', from: '2026-02-30', to: '2026-03-01', reason: 'x' })).toEqual(['from']);
    expect(paths({ kind: 'holiday', from: '2026-03-02', to: '2026-03-01', reason: 'x' })).toEqual(['to']);
    expect(paths({ kind: 'maintenance', unitId: 'u1', startsAt: '2026-12-01T12:00', endsAt: '2026-12-01T08:00', reason: 'x' })).toEqual(['endsAt']);
    expect(paths({ kind: 'maintenance', unitId: 'u1', startsAt: '2026-12-01T24:30', endsAt: '2026-12-01T08:00', reason: '' })).toEqual(['startsAt', 'reason']);
  });
});
