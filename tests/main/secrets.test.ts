import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, servingProblems } from '../../src/config/index.js';
import { bootstrap } from '../../src/main/bootstrap.js';
import { runCli } from '../../src/main/cli.js';
import { type SocialFakes, startSocialFakes } from '../../src/fakes/social/index.js';
import { connectChannel, decryptToken, registerChannel } from '../../src/modules/channels/index.js';
import { enqueueDeliveries, runDueDeliveries } from '../../src/modules/publishing/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { composeServices } from '../../src/main/compose.js';
import { tokenKeyOf } from '../../src/web/admin/channels/channels-deps.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Secrets that survive restarts (issue 13, point 3): without BERANDA_SECRET a real deployment
// does not start; with it (and TOKEN_ENCRYPTION_KEY, as Facebook is configured) a channel
// connected before a restart still publishes after it — against the local Graph fake — and
// `keys rotate` moves the stored tokens to a new key.
describe(`secrets across restarts on ${testEngine()}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-secrets-'));
  const logger = pino({ level: 'silent' });
  let t: TestDb;
  let fakes: SocialFakes;
  let env: Record<string, string>;
  const key1 = randomBytes(32).toString('hex');
  const key2 = randomBytes(32).toString('hex');
  let channelId = '';
  let unitId = '';

  beforeAll(async () => {
    t = await createTestDb();
    fakes = await startSocialFakes();
    env = {
      DATA_DIR: dir, LOG_LEVEL: 'silent', BERANDA_DEMO: '0', BERANDA_SECRET: randomBytes(32).toString('hex'), TOKEN_ENCRYPTION_KEY: key1,
      FACEBOOK_APP_ID: fakes.options.facebookApp.id, FACEBOOK_APP_SECRET: fakes.options.facebookApp.secret, GRAPH_API_BASE: fakes.graphUrl,
      DATABASE_URL: t.config.kind === 'sqlite' ? `sqlite:${t.config.file}` : t.config.url,
    };
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fakes?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** One start of the server process: config read afresh from the environment, database opened. */
  async function start(over: Record<string, string> = {}) {
    const config = loadConfig({ ...env, ...over }, dir);
    expect(servingProblems(config)).toEqual([]);
    const booted = await bootstrap(config, systemClock, logger, { issueSetupToken: false });
    return { config, db: booted.database.db, close: () => booted.database.close() };
  }

  it('npm start refuses to start without BERANDA_SECRET, in one line that says how to make one', () => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BERANDA_|TOKEN_ENCRYPTION_KEY|DATABASE_URL|FACEBOOK_|TIKTOK_)/.test(k)));
    const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['src/main/start.ts'], {
      env: { ...clean, BERANDA_DEMO: '0', DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Konfigurasi salah: BERANDA_SECRET belum diisi: .*openssl rand -hex 32$/);
    expect(r.stdout).not.toContain('Beranda berjalan');
  });

  it('a Facebook Page connected before a restart still publishes after it', async () => {
    const first = await start();
    try {
      unitId = (await first.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
      const page = fakes.state.addFacebookPage({ username: 'kel.bacang' });
      const reg = await registerChannel({ db: first.db, clock: systemClock }, { unitId, platform: 'facebook', profileUrl: `https://www.facebook.com/${page.username}` });
      if (!reg.ok) throw new Error(reg.error);
      channelId = reg.value.id;
      await connectChannel({ db: first.db, clock: systemClock, tokenKey: tokenKeyOf(first.config) }, { channelId, platformAccountId: page.id, tokens: { accessToken: page.token, expiresAt: null } });
    } finally {
      await first.close();
    }

    const second = await start();
    try {
      expect(await publishOnce(second, 'Kabar setelah restart')).toBe('published');
      expect(fakes.state.posts.map((p) => p.text)).toContain('Kabar setelah restart');
      // What used to happen without a configured secret: a random one per start, a new key, and
      // the stored token no longer opens.
      const sealed = (await second.db.selectFrom('channel_accounts').select('access_token_enc').where('id', '=', channelId).executeTakeFirstOrThrow()).access_token_enc!;
      expect(decryptToken(tokenKeyOf(loadConfig({}, dir)), sealed, channelId)).toBeNull();
      expect(decryptToken(tokenKeyOf(second.config), sealed, channelId)).not.toBeNull();
    } finally {
      await second.close();
    }
  });

  it('keys rotate moves the stored tokens to a new key; run twice it changes nothing more', async () => {
    for (const [k, v] of Object.entries({ ...env, TOKEN_ENCRYPTION_KEY: key2 })) vi.stubEnv(k, v);
    const lines: string[] = [];
    expect(await runCli(['keys', 'rotate'], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toContain('OLD_TOKEN_ENCRYPTION_KEY');

    vi.stubEnv('OLD_TOKEN_ENCRYPTION_KEY', key1);
    lines.length = 0;
    expect(await runCli(['keys', 'rotate'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('Token dienkripsi ulang: 1 akun; sudah memakai kunci baru: 0.');
    lines.length = 0;
    expect(await runCli(['keys', 'rotate'], (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('Token dienkripsi ulang: 0 akun; sudah memakai kunci baru: 1.');

    const rotated = await start({ TOKEN_ENCRYPTION_KEY: key2 });
    try {
      expect(await publishOnce(rotated, 'Kabar dengan kunci baru')).toBe('published');
      const sealed = (await rotated.db.selectFrom('channel_accounts').select('access_token_enc').where('id', '=', channelId).executeTakeFirstOrThrow()).access_token_enc!;
      expect(decryptToken(tokenKeyOf({ tokenEncryptionKey: key1, secret: '' }), sealed, channelId)).toBeNull();
    } finally {
      await rotated.close();
    }
  });

  /** A post on the channel, run through the delivery machine as the worker does; its final state. */
  async function publishOnce(s: Awaited<ReturnType<typeof start>>, caption: string): Promise<string> {
    const postId = `post-${caption.length}-${Date.now()}`;
    const r = await enqueueDeliveries({ db: s.db, clock: systemClock }, { unitId, postId, targets: [{ channelId, variant: { caption, imageUrls: [] } }] });
    if (!r.ok) throw new Error(r.error);
    const deps = composeServices({ db: s.db, clock: systemClock, config: s.config }).publishing;
    for (let i = 0; i < 5; i++) {
      const row = await s.db.selectFrom('deliveries').select('state').where('id', '=', r.value[0]!).executeTakeFirstOrThrow();
      if (!['queued', 'sending', 'waiting_platform'].includes(row.state)) return row.state;
      await runDueDeliveries(deps);
    }
    return (await s.db.selectFrom('deliveries').select('state').where('id', '=', r.value[0]!).executeTakeFirstOrThrow()).state;
  }
});
