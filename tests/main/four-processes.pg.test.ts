import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, loadConfig } from '../../src/config/index.js';
import { type Database, openDatabase } from '../../src/db/database.js';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import { ON_DEMAND_JOBS } from '../../src/jobs/job-names.js';
import { PgBossQueue } from '../../src/jobs/pg-boss-queue.js';
import { composeServices } from '../../src/main/compose.js';
import { connectChannel, registerChannel } from '../../src/modules/channels/index.js';
import { enqueueDeliveries } from '../../src/modules/publishing/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { newId } from '../../src/shared/ids.js';
import { startPortFleet, type PortFleet } from '../support/port-fleet.js';
import { postgresAdmin } from '../support/postgres-admin.js';
import { type SpawnedServer, spawnServer } from '../support/spawned-server.js';
import { createCityAdmin, msUntilShown, send, signIn } from '../support/spawned-web.js';

// Issue 18's "done when": PostgreSQL, two web processes (BERANDA_ROLES=web) and two workers
// (BERANDA_ROLES=worker), each a separate `npm start` on loopback sharing nothing but the
// database. A post published through web A is on web B within a second; a worker killed (SIGKILL)
// in the middle of a monitoring sweep leaves no unit unchecked and none checked twice; a worker
// killed while the platform is acting on a post leaves exactly one post on the platform once a
// restarted worker has taken over. WORK_LEASE_SECONDS=3 makes a dead worker's work come back in
// seconds rather than two minutes. Runs only against PostgreSQL (*.pg.test.ts).

const SITES = 12;
const withLimit = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => {
      setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref();
    }),
  ]);

async function until<T>(what: string, ms: number, probe: () => Promise<T | null | undefined | false>): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two web processes and two workers on one PostgreSQL, workers killed mid-work', () => {
  const pgName = `beranda_f_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const dirs: string[] = [];
  const procs: SpawnedServer[] = [];
  let env: Record<string, string>;
  let config: Config;
  let fleet: PortFleet;
  let social: SocialFakes;
  let database: Database;
  let boss: PgBossQueue;
  let web: { a: SpawnedServer; b: SpawnedServer };
  // The Graph fake holds a Facebook post call while `held` is set, to kill the worker mid-call.
  let held: { arrived: () => void; release: Promise<void> } | null = null;

  const start = async (roles: 'web' | 'worker', setupCode: boolean) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `beranda-${roles}-`));
    dirs.push(dir);
    const p = await spawnServer(['--import', 'tsx', 'src/main/start.ts'], { ...env, DATA_DIR: dir, BERANDA_ROLES: roles, LOG_LEVEL: roles === 'web' ? 'warn' : 'info' }, { setupCode });
    procs.push(p);
    return p;
  };
  const kill = async (p: SpawnedServer) => {
    if (p.child.exitCode !== null || p.child.signalCode !== null) return;
    const exited = new Promise((r) => p.child.once('exit', r));
    p.child.kill('SIGKILL');
    await exited;
  };
  const alive = () => procs.filter((p) => p.child.exitCode === null && p.child.signalCode === null);

  beforeAll(async () => {
    const url = await postgresAdmin(`create database ${pgName}`, pgName);
    fleet = await startPortFleet(SITES, { delayMs: 100 });
    social = await startSocialFakes({
      beforeHandle: async (op) => {
        if (op !== 'facebook.feed' || !held) return;
        held.arrived();
        await held.release;
      },
    });
    env = {
      ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', BERANDA_DEMO: '0', BERANDA_SECRET: 'f'.repeat(40), TOKEN_ENCRYPTION_KEY: 'ab'.repeat(32),
      WEB_PROCESSES: '1', MONITOR_ALLOW: '127.0.0.0/8', WORK_LEASE_SECONDS: '3',
      GRAPH_API_BASE: social.graphUrl, FACEBOOK_APP_ID: 'fake-app-id', FACEBOOK_APP_SECRET: 'fake-app-secret',
    } as Record<string, string>;
    config = loadConfig(env);
    // One after the other: the first migrates and imports the region.
    web = { a: await start('web', true), b: await start('web', true) };
    await start('worker', false);
    await start('worker', false);
    database = await openDatabase(config.database);
    boss = new PgBossQueue(url);
    await boss.start();
  }, 300_000);

  afterAll(async () => {
    held = null;
    // Nothing may outlive the test: a polite stop, then SIGKILL whatever did not stop in time.
    await Promise.all(procs.map((p) => withLimit(p.stop(), 15_000, 'stop').catch(() => kill(p))));
    await boss?.stop({ graceMs: 1_000 }).catch(() => {});
    await database?.close();
    await social?.close();
    await fleet?.close();
    await postgresAdmin(`drop database if exists ${pgName} with (force)`, pgName);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }, 90_000);

  it('a post published through web A is on web B within a second', async () => {
    expect((await send(web.b.port, '/bacang')).status).toBe(200);
    await createCityAdmin(config);
    const admin = await signIn(web.a.port);
    const title = 'Senam pagi bersama warga RW 02';
    expect((await admin.publish('bacang', title, 'Sabtu pukul 06.30 di lapangan.')).status).toBe(303);
    expect(await msUntilShown(web.b.port, '/bacang', title)).toBeLessThan(1_000);
  }, 60_000);

  it('a worker killed during a sweep: every unit is checked exactly once, the sweep finishes', async () => {
    const db = database.db;
    const kelurahan = await db.selectFrom('units').select('id').where('kind', '=', 'kelurahan').orderBy('id').limit(SITES).execute();
    const now = new Date().toISOString();
    const sites = kelurahan.map((u, i) => ({ unitId: u.id, url: fleet.urls[i]! }));
    await db
      .insertInto('web_presences')
      .values(sites.map((s) => ({ id: newId(), unit_id: s.unitId, kind: 'website' as const, url: s.url, platform: null, handle: null, source: 'fleet', active: 1, presence_key: `${s.unitId}|website`, created_at: now, updated_at: now })))
      .execute();
    await boss.send('monitoring.sweep', {});

    // The moment a worker holds units of the sweep, that worker is killed.
    const held = await until('a worker holding units', 90_000, async () =>
      (await db.selectFrom('monitor_sweep_units').select(['unit_id', 'claim']).where('state', '=', 'running').execute()).find((r) => r.claim),
    );
    const pid = Number(held.claim!.split('/')[0]!.split(':').pop());
    const victim = procs.find((p) => p.child.pid === pid);
    expect(victim, `claim ${held.claim}`).toBeDefined();
    await kill(victim!);
    const orphaned = await db.selectFrom('monitor_sweep_units').select('unit_id').where('claim', 'like', `%:${pid}/%`).where('state', '=', 'running').execute();
    expect(orphaned.length).toBeGreaterThan(0);

    const finished = () => db.selectFrom('monitor_sweeps').selectAll().where('finished_at', 'is not', null).executeTakeFirst();
    const sweep = await until('the sweep finished', 150_000, finished).catch(async (e) => {
      // Say what was left and what the surviving workers said, then fail.
      const left = await db.selectFrom('monitor_sweep_units').select(['batch', 'state', 'claim', 'lease_until']).where('state', '!=', 'done').execute();
      const said = alive().map((p) => p.output().split('\n').filter((l) => /sweep|job failed/.test(l)).slice(-15).join('\n'));
      throw new Error(`${(e as Error).message}\nleft: ${JSON.stringify(left)}\n${said.join('\n---\n')}`);
    });
    const units = await db.selectFrom('monitor_sweep_units').select(['unit_id', 'state', 'claim']).where('sweep_id', '=', sweep.id).execute();
    expect(units).toHaveLength(Number(sweep.expected));
    expect(units.filter((u) => u.state !== 'done')).toEqual([]);
    // What the dead worker held was finished by the other one.
    for (const o of orphaned) expect(units.find((u) => u.unit_id === o.unit_id)!.claim).not.toContain(`:${pid}/`);
    // Every website of the sweep was checked exactly once (one availability observation each).
    const seen = await db.selectFrom('monitor_observations').select('unit_id').where('kind', '=', 'availability').where('fetched_at', '>=', sweep.started_at).execute();
    expect(sites.map((s) => seen.filter((o) => o.unit_id === s.unitId).length)).toEqual(sites.map(() => 1));
  }, 300_000);

  it('a worker killed while the platform acts on a post: one post, published once a restarted worker took over', async () => {
    const db = database.db;
    const workers = alive().filter((p) => p !== web.a && p !== web.b);
    expect(workers).toHaveLength(1);
    const deps = { db, clock: systemClock, tokenKey: composeServices({ db, clock: systemClock, config }).tokenKey };
    const bacang = (await db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    const page = social.state.addFacebookPage({ username: 'kel.bacang' });
    const channel = await registerChannel(deps, { unitId: bacang, platform: 'facebook', profileUrl: 'https://www.facebook.com/kel.bacang' });
    if (!channel.ok) throw new Error(channel.error);
    await connectChannel(deps, { channelId: channel.value.id, platformAccountId: page.id, tokens: { accessToken: page.token, expiresAt: null } });

    let arrived!: () => void;
    const atPlatform = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    held = { arrived, release: new Promise<void>((r) => (release = r)) };
    const queued = await enqueueDeliveries(deps, { unitId: bacang, postId: 'kabar-1', targets: [{ channelId: channel.value.id, variant: { caption: 'Posyandu balita Kamis pagi', imageUrls: [] } }] });
    if (!queued.ok) throw new Error(queued.error);
    await boss.send(ON_DEMAND_JOBS.runDeliveries, {});
    await withLimit(atPlatform, 120_000, 'the post call reaching the platform');
    await kill(workers[0]!);
    // The platform acts on the call although nobody is left to hear its answer.
    held = null;
    release();
    await until('the post on the platform', 10_000, async () => social.state.postsFor(page.id).length === 1);

    // The worker comes back (systemd restarts it) and is woken as a route would wake it.
    await start('worker', false);
    await boss.send(ON_DEMAND_JOBS.runDeliveries, {});
    const d = await until('the delivery published', 180_000, async () =>
      db.selectFrom('deliveries').selectAll().where('id', '=', queued.value[0]!).where('state', '=', 'published').executeTakeFirst(),
    );
    expect(social.state.postsFor(page.id)).toHaveLength(1);
    expect(d.platform_post_id).toBe(social.state.postsFor(page.id)[0]!.id);
  }, 300_000);
});
