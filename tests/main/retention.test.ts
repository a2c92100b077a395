import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type RetentionConfig } from '../../src/config/index.js';
import { ensureDemoUsers } from '../../src/modules/accounts/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { retentionJob } from '../../src/main/retention-jobs.js';
import { runRetention } from '../../src/main/retention/run-retention.js';
import { ALL_JOBS } from '../../src/main/worker.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Retention (issue 13, point 5) with an injected clock: every kind of row past its period goes,
// nothing younger, nothing unread or unfinished; at most `batch` rows of each per run; the audit
// log's old rows are in an archive file before they leave the database.
describe(`retention clean-ups on ${testEngine()}`, () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'beranda-retention-'));
  const clock = new FixedClock('2027-06-01T03:40:00Z');
  const ago = (days: number) => new Date(clock.now().getTime() - days * 86_400_000).toISOString();
  const config: RetentionConfig = { ...loadConfig({}, dataDir).retention, batch: 3 };
  let t: TestDb;
  let unitId = '';
  let userId = '';
  const oldAudit: Record<string, unknown>[] = [];

  const throttle = (address: string, last: string) => ({
    key: `pair:operator.bacang ${address}`, kind: 'pair', username: 'operator.bacang', address, failures: 4, first_failure_at: last, last_failure_at: last, delay_until: last,
  });

  beforeAll(async () => {
    t = await createTestDb();
    await importRegion(t.db, '19.71', clock);
    await ensureDemoUsers(t.db, clock, '19.71');
    unitId = (await t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    userId = (await t.db.selectFrom('users').select('id').where('username', '=', 'operator.bacang').executeTakeFirstOrThrow()).id;
    let n = 0;
    const id = (p: string) => `${p}-${String(++n).padStart(4, '0')}`;
    const job = (state: string, completedDaysAgo: number | null, createdDaysAgo = 30) => ({
      id: id('job'), name: 'publishing.run-due', data: '{}', state: state as 'completed', singleton_key: null, run_at: ago(createdDaysAgo), attempts: 1,
      retry_limit: 3, retry_delay_ms: 5000, last_error: null, locked_until: null, created_at: ago(createdDaysAgo), completed_at: completedDaysAgo === null ? null : ago(completedDaysAgo),
    });
    await t.db.insertInto('jobs').values([
      ...Array.from({ length: 10 }, () => job('completed', 20)), ...Array.from({ length: 5 }, () => job('failed', 15)),
      ...Array.from({ length: 3 }, () => job('completed', 2)), job('created', null, 100), job('retry', null, 100),
    ]).execute();
    await t.db.insertInto('job_singletons').values([
      ...Array.from({ length: 6 }, (_, i) => ({ name: 'publishing.step', singleton_key: `lama-${i}`, created_at: ago(20 + i) })),
      ...Array.from({ length: 2 }, (_, i) => ({ name: 'publishing.step', singleton_key: `baru-${i}`, created_at: ago(1) })),
    ]).execute();
    const obs = (daysAgo: number) => ({
      id: id('obs'), unit_id: unitId, kind: 'uptime', url: 'https://bacang.example.go.id/', fetched_at: ago(daysAgo), source: 'http', confidence: 'high',
      state: 'up', value: '{}', evidence: '{}', created_at: ago(daysAgo),
    });
    await t.db.insertInto('monitor_observations').values([...Array.from({ length: 8 }, (_, i) => obs(100 + i)), ...Array.from({ length: 4 }, () => obs(10))]).execute();
    await t.db.insertInto('monitor_daily').values(Array.from({ length: 5 }, (_, i) => ({
      unit_id: unitId, day: ago(200 + i).slice(0, 10), checks: 4, up_checks: 4, latency_ms_sum: 400, compromised_checks: 0, last_site_state: 'up', updated_at: ago(200 + i),
    }))).execute();
    const note = (readDaysAgo: number | null, createdDaysAgo: number) => ({
      id: id('note'), user_id: userId, unit_id: unitId, kind: 'reminder', title: 'Pengingat', body: 'Belum ada kabar minggu ini.', link: null,
      created_at: ago(createdDaysAgo), read_at: readDaysAgo === null ? null : ago(readDaysAgo),
    });
    await t.db.insertInto('notifications').values([
      ...Array.from({ length: 5 }, () => note(95, 100)), ...Array.from({ length: 3 }, () => note(null, 300)), ...Array.from({ length: 2 }, () => note(10, 12)),
    ]).execute();
    const session = (expiresDaysAgo: number) => ({ id: id('sess'), user_id: userId, csrf_token: 'x', created_at: ago(expiresDaysAgo + 7), expires_at: ago(expiresDaysAgo), last_seen_at: ago(expiresDaysAgo + 1), ip: null, user_agent: null });
    await t.db.insertInto('sessions').values([...Array.from({ length: 4 }, (_, i) => session(1 + i)), ...Array.from({ length: 2 }, () => session(-3))]).execute();
    // Login delays: forgotten an hour after the last failure (six old ones), still counting (two).
    await t.db.insertInto('login_throttle').values([
      ...Array.from({ length: 6 }, (_, i) => throttle(`10.0.0.${i}`, ago(1 + i))),
      ...Array.from({ length: 2 }, (_, i) => throttle(`10.0.1.${i}`, ago(10 / 1440))),
    ]).execute();
    const audit = (daysAgo: number) => ({ id: id('aud'), at: ago(daysAgo), actor_user_id: userId, action: 'login.success', unit_id: null, target: 'operator.bacang', ip: '10.0.0.7', detail: '{}' });
    const old = Array.from({ length: 7 }, (_, i) => audit(3 * 365 + i));
    oldAudit.push(...old);
    await t.db.insertInto('audit_log').values([...old, ...Array.from({ length: 3 }, () => audit(365))]).execute();
    // Kept between sweeps (issue 18): RDAP answers the check reuses for 7 days; the shared
    // per-host spacing and TikTok call windows (ms of the database clock), idle for a day.
    const rdap = (domain: string, daysAgo: number) => ({ domain, asked_at: ago(daysAgo), outcome: 'found' as const, expires_at: ago(-200), rdap_url: 'https://rdap.pandi.id/rdap/' });
    await t.db.insertInto('monitor_rdap_answers').values([
      ...Array.from({ length: 5 }, (_, i) => rdap(`lama-${i}.desa.id`, 7.01 + i)), rdap('baru.desa.id', 6.99), rdap('kemarin.desa.id', 1),
    ]).execute();
    const ms = (daysAgo: number) => clock.now().getTime() - daysAgo * 86_400_000;
    await t.db.insertInto('monitor_host_slots').values([
      ...Array.from({ length: 5 }, (_, i) => ({ host: `lama-${i}.desa.id`, next_at: ms(1.01 + i) })), { host: 'baru.desa.id', next_at: ms(0.99) },
    ]).execute();
    await t.db.insertInto('channel_call_windows').values([
      ...Array.from({ length: 5 }, (_, i) => ({ key: `lama-${i}:init`, calls: JSON.stringify([ms(2 + i)]), last_at: ms(2 + i) })),
      { key: 'baru:init', calls: JSON.stringify([ms(0.5)]), last_at: ms(0.5) },
    ]).execute();
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const count = async (table: 'jobs' | 'job_singletons' | 'monitor_observations' | 'monitor_daily' | 'notifications' | 'sessions' | 'login_throttle' | 'audit_log') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('deletes at most one batch of each kind per run', async () => {
    const r = await runRetention(t.db, clock, config, dataDir);
    expect(r).toMatchObject({ jobs: 3, singletons: 3, observations: 3, notifications: 3, sessions: 3, loginThrottle: 3, auditArchived: 3, rdapAnswers: 3, hostSlots: 3, callWindows: 3 });
    expect(await count('jobs')).toBe(20 - 3);
  });

  it('run after run, removes exactly what is past its period and keeps the rest', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await runRetention(t.db, clock, config, dataDir);
      if (Object.values(r).every((v) => v === 0 || v === null)) break;
    }
    // Finished jobs older than 14 days went; recent ones and unfinished ones (however old) stay.
    expect((await t.db.selectFrom('jobs').select(['state', 'completed_at']).execute()).map((j) => j.state).sort()).toEqual(['completed', 'completed', 'completed', 'created', 'retry']);
    expect((await t.db.selectFrom('job_singletons').select('singleton_key').orderBy('singleton_key').execute()).map((s) => s.singleton_key)).toEqual(['baru-0', 'baru-1']);
    // Raw observations older than 90 days went; the daily roll-ups stay for the trend.
    expect(await count('monitor_observations')).toBe(4);
    expect(await count('monitor_daily')).toBe(5);
    // Read notifications older than 90 days went; unread ones stay, however old.
    expect((await t.db.selectFrom('notifications').select('read_at').execute()).filter((n) => n.read_at === null)).toHaveLength(3);
    expect(await count('notifications')).toBe(5);
    expect(await count('sessions')).toBe(2);
    expect(await count('login_throttle')).toBe(2);
    // RDAP answers 7 days old or more went (the check asks again at 7 days); younger ones stay.
    expect((await t.db.selectFrom('monitor_rdap_answers').select('domain').orderBy('domain').execute()).map((a) => a.domain)).toEqual(['baru.desa.id', 'kemarin.desa.id']);
    expect((await t.db.selectFrom('monitor_host_slots').select('host').execute()).map((h) => h.host)).toEqual(['baru.desa.id']);
    expect((await t.db.selectFrom('channel_call_windows').select('key').execute()).map((w) => w.key)).toEqual(['baru:init']);
  });

  it('archives audit rows older than two years to files before deleting them, and says so in the audit log', async () => {
    const left = await t.db.selectFrom('audit_log').selectAll().orderBy('at').execute();
    expect(left.filter((r) => r.action === 'login.success')).toHaveLength(3);
    const archived = left.filter((r) => r.action === 'audit.archived');
    expect(archived.map((r) => JSON.parse(r.detail).rows)).toEqual([3, 3, 1]);
    const dir = path.join(dataDir, 'arsip', 'audit-log');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(3);
    expect(archived.map((r) => path.basename(r.target!)).sort()).toEqual(files);
    const rows = files.flatMap((f) => gunzipSync(readFileSync(path.join(dir, f))).toString('utf8').trim().split('\n').map((l) => JSON.parse(l)));
    expect(rows.sort((a, b) => a.id.localeCompare(b.id))).toEqual(oldAudit);
  });

  it('keeps the audit log forever with RETENTION_AUDIT_DAYS=0, and refuses less than two years', async () => {
    await t.db.insertInto('audit_log').values({ id: 'aud-sepuluh-tahun', at: ago(3650), actor_user_id: null, action: 'user.create', unit_id: null, target: 'x', ip: null, detail: '{}' }).execute();
    const r = await runRetention(t.db, clock, { ...config, auditDays: 0 }, dataDir);
    expect(r.auditArchived).toBe(0);
    expect(await t.db.selectFrom('audit_log').select('id').where('id', '=', 'aud-sepuluh-tahun').executeTakeFirst()).toBeDefined();
    expect(loadConfig({ RETENTION_AUDIT_DAYS: '0' }, dataDir).retention.auditDays).toBe(0);
    const refused = (() => {
      try {
        loadConfig({ RETENTION_AUDIT_DAYS: '365', RETENTION_OBSERVATIONS_DAYS: '7' }, dataDir);
        return [];
      } catch (e) {
        return (e as ConfigError).problems;
      }
    })();
    expect(refused.map((p) => p.split(':')[0])).toEqual(['RETENTION_OBSERVATIONS_DAYS', 'RETENTION_AUDIT_DAYS']);
    expect(loadConfig({}, dataDir).retention).toEqual({ jobsDays: 14, observationsDays: 90, notificationsDays: 90, auditDays: 730, batch: 5000 });
  });

  it('runs hourly as a declared maintenance job, which replaced the daily session prune', async () => {
    expect(ALL_JOBS.filter((j) => j.name === 'maintenance.retention')).toEqual([retentionJob]);
    expect(retentionJob).toMatchObject({ schedule: '40 * * * *', lane: 'maintenance' });
    expect(ALL_JOBS.some((j) => j.name === 'accounts.prune-sessions')).toBe(false);
    // login_attempts, no longer written since login_throttle, is gone (migration 0603).
    const tables = (await t.db.introspection.getTables()).map((x) => x.name);
    expect(tables).toContain('login_throttle');
    expect(tables).not.toContain('login_attempts');
    await t.db.insertInto('login_throttle').values(throttle('10.9.9.9', ago(400))).execute();
    const lines: object[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l)) });
    const deps = { db: t.db, clock, logger, config: { ...loadConfig({}, dataDir), dataDir } } as unknown as Parameters<typeof retentionJob.run>[1];
    await retentionJob.run({ id: 'j1', name: retentionJob.name, data: {}, attempt: 1 } as Parameters<typeof retentionJob.run>[0], deps);
    expect(await t.db.selectFrom('login_throttle').select('key').where('address', '=', '10.9.9.9').executeTakeFirst()).toBeUndefined();
    expect(lines).toContainEqual(expect.objectContaining({ loginThrottle: 1, msg: 'retention: old rows removed' }));
  });
});
