import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/main/cli.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

// Many regions in one install (issue 18 point 3): `units import` takes several regency codes or
// a whole province, is idempotent, and checks every code before importing anything.
const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');
const linesOf = (file: string, prefix: string) => readFileSync(path.join(dataDir, file), 'utf8').split('\n').filter((l) => l.startsWith(prefix)).length;

describe(`units import of several regencies and a province on ${testEngine()}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-regions-'));
  let t: TestDb;
  const cli = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCli(['units', 'import', ...args], (l) => lines.push(l));
    return { code, lines };
  };
  const count = async (prefix: string) =>
    Number((await t.db.selectFrom('units').select((eb) => eb.fn.countAll().as('n')).where('region_code', 'like', `${prefix}%`).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await createTestDb();
    const env = {
      DATA_DIR: dir, LOG_LEVEL: 'silent', BERANDA_DEMO: '0', BERANDA_SECRET: randomBytes(32).toString('hex'), BERANDA_REGION: '19.71',
      DATABASE_URL: t.config.kind === 'sqlite' ? `sqlite:${t.config.file}` : t.config.url,
    };
    for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown code among several before importing any of them', async () => {
    const r = await cli('19.02', '99.99');
    expect(r.code).toBe(2);
    expect(r.lines.join('\n')).toContain('"99.99"');
    expect(await count('19.02')).toBe(0);
    expect((await cli('--province', '99')).code).toBe(2);
  });

  it('imports two regencies named on the command line, each under its own code', async () => {
    const r = await cli('19.71', '19.01');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^Kota Pangkalpinang \(19\.71\): 7 kecamatan, 42 kelurahan, 0 desa — 50 unit baru, 0 sudah ada\.$/);
    expect(r.lines[1]).toMatch(/^Kabupaten Bangka \(19\.01\): /);
    expect(r.lines.at(-1)).toMatch(/^Jumlah 2 kabupaten\/kota: .* Waktu \d+\.\d detik\.$/);
    expect(await count('19.71')).toBe(50);
    expect(await count('19.01')).toBe(1 + linesOf('districts.csv', '19.01.') + linesOf('villages.csv', '19.01.'));
    // A village hangs under its own kecamatan, in its own regency.
    const village = await t.db.selectFrom('units').selectAll().where('code', 'like', '19.01.%.%').orderBy('code').executeTakeFirstOrThrow();
    const parent = await t.db.selectFrom('units').selectAll().where('id', '=', village.parent_id!).executeTakeFirstOrThrow();
    expect(parent).toMatchObject({ kind: 'kecamatan', code: village.code!.split('.').slice(0, 3).join('.'), region_code: '19.01' });
  });

  it('imports every regency of a province, keeping what exists and adding only what is missing', async () => {
    const before = await t.db.selectFrom('units').select(['id', 'slug', 'code']).where('region_code', 'in', ['19.71', '19.01']).orderBy('id').execute();
    // One village lost since (a leaf): the rerun brings it back under the same kecamatan.
    const lost = before.find((u) => u.code?.startsWith('19.71.01.'))!;
    await t.db.deleteFrom('units').where('id', '=', lost.id).execute();

    const r = await cli('--province', '19');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^Provinsi Kepulauan Bangka Belitung \(19\): 7 kabupaten\/kota — /);
    const expected = linesOf('regencies.csv', '19.') + linesOf('districts.csv', '19.') + linesOf('villages.csv', '19.');
    expect(await count('19.')).toBe(expected);
    expect(r.lines.at(-1)).toContain(`${expected - before.length + 1} unit baru, ${before.length - 1} sudah ada`);
    const kept = await t.db.selectFrom('units').select(['id', 'slug', 'code']).where('region_code', 'in', ['19.71', '19.01']).orderBy('id').execute();
    expect(kept.filter((u) => u.code !== lost.code)).toEqual(before.filter((u) => u.code !== lost.code));
    const back = await t.db.selectFrom('units').selectAll().where('code', '=', lost.code).executeTakeFirstOrThrow();
    expect(back.parent_id).toBe((await t.db.selectFrom('units').select('id').where('code', '=', '19.71.01').executeTakeFirstOrThrow()).id);

    const slugs = await t.db.selectFrom('units').select('slug').execute();
    expect(new Set(slugs.map((s) => s.slug)).size).toBe(slugs.length);

    const again = await cli('--province', '19');
    expect(again.lines.at(-1)).toContain(`0 unit baru, ${expected} sudah ada`);
  });
});
