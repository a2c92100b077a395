import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { doctorCommand } from '../../src/main/cli/doctor.js';
import { runCli } from '../../src/main/cli.js';
import { createAdmin, ensureDemoUsers } from '../../src/modules/accounts/index.js';
import { connectChannel, registerChannel, tokenKeyFrom } from '../../src/modules/channels/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { systemClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// `npm run beranda -- doctor` (issue 13, point 7): a deployment that is ready passes with exit 0;
// each thing a city could get wrong is named in one line with what to do, and exit 1.
describe(`doctor on ${testEngine()}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-doctor-'));
  const GB = 1024 ** 3;
  const roomy = { diskSpace: async () => ({ free: 50 * GB, total: 100 * GB }), pgDumpMajor: () => 17 };
  let t: TestDb;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDb();
    await importRegion(t.db, '19.71', systemClock);
    const admin = await createAdmin(t.db, systemClock, { username: 'admin.kota', displayName: 'Admin Kota', password: 'Kelurahan-Bacang-2026-aman!', region: '19.71', mustChangePassword: false, via: 'cli' });
    if (!admin.ok) throw new Error(admin.error);
    env = {
      DATA_DIR: dir, LOG_LEVEL: 'silent', BERANDA_DEMO: '0', BERANDA_SECRET: randomBytes(32).toString('hex'), TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
      PUBLIC_URL: 'https://beranda.pangkalpinangkota.go.id', HOST: '127.0.0.1', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Beranda <beranda@pangkalpinangkota.go.id>',
      DATABASE_URL: t.config.kind === 'sqlite' ? `sqlite:${t.config.file}` : t.config.url,
    };
    mkdirSync(path.join(dir, 'media'), { recursive: true });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function doctor(over: Record<string, string> = {}, opts = roomy) {
    const lines: string[] = [];
    const code = await doctorCommand(loadConfig({ ...env, ...over }, dir), (l) => lines.push(l), opts);
    return { code, lines, fails: lines.filter((l) => l.startsWith('✗')) };
  }

  it('passes a deployment that is ready, and says what it checked', async () => {
    const r = await doctor();
    expect(r.fails).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.lines).toContain('✓ Mode demo mati (BERANDA_DEMO=0).');
    expect(r.lines).toContain('✓ PUBLIC_URL https://beranda.pangkalpinangkota.go.id memakai https.');
    expect(r.lines.some((l) => /^✓ Database .* terhubung dan mutakhir\.$/.test(l))).toBe(true);
    expect(r.lines).toContain('✓ Ada admin kota aktif untuk wilayah 19.71.');
    expect(r.lines).toContain(`✓ MEDIA_DIR ${path.join(dir, 'media')} dapat ditulisi.`);
    expect(r.lines).toContain('✓ Ruang disk bebas di ' + dir + ': 50.0 GB dari 100.0 GB.');
    // Not configured is said, not failed: a city may go live without WhatsApp.
    expect(r.lines).toContain('· WhatsApp belum dipasang (WHATSAPP_TOKEN, WHATSAPP_PHONE_NUMBER_ID): pengingat tidak dikirim lewat WhatsApp.');
    expect(r.lines.at(-1)).toBe('Siap dipakai.');
    if (t.config.kind === 'postgres') expect(r.lines).toContain('✓ pg_dump 17 tersedia untuk cadangan.');
  });

  it('names each mistake of a careless deployment with what to do, and exits 1', async () => {
    const r = await doctor({ BERANDA_DEMO: '1', BERANDA_SECRET: '', PUBLIC_URL: 'http://beranda.example.go.id', HOST: '0.0.0.0', WHATSAPP_TOKEN: 'abc' }, {
      ...roomy,
      diskSpace: async () => ({ free: 1 * GB, total: 100 * GB }),
    });
    expect(r.code).toBe(1);
    expect(r.fails).toEqual(expect.arrayContaining([
      expect.stringMatching(/^✗ BERANDA_DEMO=1: .* Setel BERANDA_DEMO=0/),
      expect.stringMatching(/^✗ BERANDA_SECRET belum diisi: .*openssl rand -hex 32$/),
      expect.stringMatching(/^✗ PUBLIC_URL http:\/\/beranda\.example\.go\.id bukan https/),
      expect.stringMatching(/^✗ WhatsApp setengah terpasang/),
      expect.stringMatching(/^✗ Ruang disk bebas .*: 1\.0 GB dari 100\.0 GB — terlalu sedikit/),
    ]));
    expect(r.fails).toHaveLength(5);
    expect(r.lines).toContain('! HOST=0.0.0.0: Beranda menerima sambungan langsung, tidak hanya lewat nginx. Setel HOST=127.0.0.1 bila nginx berjalan di mesin yang sama.');
    // Problems come first, so a long list still starts with what matters.
    expect(r.lines.slice(0, 5)).toEqual(r.fails);
    expect(r.lines.at(-1)).toBe('Perlu diperbaiki: 5; peringatan: 1.');
  });

  it('finds a folder it cannot write to, a database not migrated, and one that does not answer', async () => {
    // A file where the media folder should be: nothing can be created below it (even as root).
    writeFileSync(path.join(dir, 'bukan-folder'), 'x');
    const blocked = await doctor({ MEDIA_DIR: path.join(dir, 'bukan-folder', 'media') });
    expect(blocked.fails).toEqual([expect.stringMatching(/^✗ MEDIA_DIR .*bukan-folder\/media belum ada dan tidak dapat dibuat/)]);

    const fresh = await doctor({ DATABASE_URL: `sqlite:${path.join(dir, 'baru.db')}` });
    expect(fresh.fails).toEqual([expect.stringMatching(/^✗ Database .*baru\.db belum ada: jalankan npm run migrate/)]);

    // An empty database (as after `createdb`): every migration is pending, none is applied.
    const empty = path.join(dir, 'kosong.db');
    const { openDatabase } = await import('../../src/db/database.js');
    await (await openDatabase({ kind: 'sqlite', file: empty, url: `sqlite:${empty}` })).close();
    const unmigrated = await doctor({ DATABASE_URL: `sqlite:${empty}` });
    expect(unmigrated.fails).toEqual([expect.stringMatching(/^✗ Database .*kosong\.db: \d+ migrasi belum dijalankan \(0001_.*\): jalankan npm run migrate\.$/)]);
    const again = await doctor({ DATABASE_URL: `sqlite:${empty}` });
    expect(again.fails).toEqual(unmigrated.fails);

    const down = await doctor({ DATABASE_URL: 'postgres://beranda:rahasia@127.0.0.1:1/beranda' });
    expect(down.fails).toEqual([expect.stringMatching(/^✗ Database postgres:\/\/beranda:\*\*\*@127\.0\.0\.1:1\/beranda tidak dapat dihubungi .*periksa DATABASE_URL/)]);
    expect(down.fails[0]).not.toContain('rahasia');
    expect(down.code).toBe(1);
  });

  it('names the social accounts whose tokens the configured key cannot open, and leftover demo accounts', async () => {
    const unit = await t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow();
    const reg = await registerChannel({ db: t.db, clock: systemClock }, { unitId: unit.id, platform: 'facebook', profileUrl: 'https://www.facebook.com/kel.bacang' });
    if (!reg.ok) throw new Error(reg.error);
    const sealedWith = loadConfig(env, dir);
    await connectChannel({ db: t.db, clock: systemClock, tokenKey: tokenKeyFrom(sealedWith) }, { channelId: reg.value.id, platformAccountId: 'p-1', tokens: { accessToken: 'token-asli', expiresAt: null } });
    expect((await doctor()).fails).toEqual([]);

    const rotated = await doctor({ TOKEN_ENCRYPTION_KEY: randomBytes(32).toString('hex') });
    expect(rotated.fails).toEqual([expect.stringMatching(/^✗ Token 1 akun media sosial tidak terbuka dengan kunci sekarang \(facebook kel\.bacang\): .*keys rotate/)]);

    await ensureDemoUsers(t.db, systemClock, '19.71');
    const leftovers = await doctor();
    expect(leftovers.fails).toEqual([expect.stringMatching(/^✗ Masih ada \d+ akun demo .*demo remove\.$/)]);
  });

  it('is a command of the CLI that does not migrate the database it checks', async () => {
    const empty = path.join(dir, 'cli-kosong.db');
    const { openDatabase } = await import('../../src/db/database.js');
    await (await openDatabase({ kind: 'sqlite', file: empty, url: `sqlite:${empty}` })).close();
    const saved = { ...process.env };
    Object.assign(process.env, env, { DATABASE_URL: `sqlite:${empty}` });
    try {
      const lines: string[] = [];
      expect(await runCli(['doctor'], (l) => lines.push(l))).toBe(1);
      expect(lines.some((l) => /migrasi belum dijalankan/.test(l))).toBe(true);
      lines.length = 0;
      await runCli(['doctor'], (l) => lines.push(l));
      expect(lines.some((l) => /migrasi belum dijalankan/.test(l))).toBe(true);
    } finally {
      process.env = saved;
    }
  });
});
