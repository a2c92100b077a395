import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/modules/accounts/index.js';
import { type PelayananDeps, approveRequest, createFilePrivateStore, formatLetterNumber, nextLetterSeq } from '../../src/modules/pelayanan/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { pelayananWords } from '../../src/main/pelayanan-words.js';
import { type TestDb, createTestDb, testEngine } from '../support/test-db.js';
import { makeRequest } from './helpers.js';

// Letter numbers are unique and gap-free per unit per year, even when many approvals happen at
// the same moment (issue 17 point 3). On PostgreSQL the approvals run on separate pooled
// connections; on SQLite in three threads, each with its own connection to the same file (as
// separate web processes would be), plus this one.

const require = createRequire(import.meta.url);
const lurah = (unitId: string): Actor => ({ id: 'lurah-uji', username: 'lurah', displayName: 'Lurah Uji', role: 'lurah', regionCode: '19.71', unitIds: [unitId], mustChangePassword: false });

describe(`letter numbers on ${testEngine()}`, () => {
  let t: TestDb;
  let dir: string;
  let bacang: string;
  let gabek: string;
  const clock = new FixedClock('2026-11-25T02:00:00Z');
  const depsOf = (db: Kysely<DB>): PelayananDeps => ({ db, clock, store: createFilePrivateStore(dir), secret: 'x'.repeat(40), region: '19.71', words: pelayananWords() });

  beforeAll(async () => {
    t = await createTestDb();
    dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-letters-'));
    await importRegion(t.db, '19.71', clock);
    const id = async (slug: string) => (await t.db.selectFrom('units').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
    bacang = await id('bacang');
    gabek = await id('gabek-satu');
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('formats numbers in the unit\'s format', () => {
    const v = { seq: 7, kode: '470', singkatan: 'KEL-BCG', month: 11, year: 2026 };
    expect(formatLetterNumber('{kode}/{nomor}/{singkatan}/{bulan}/{tahun}', v)).toBe('470/007/KEL-BCG/XI/2026');
    expect(formatLetterNumber('{nomor}/{tahun}', { ...v, seq: 1234 })).toBe('1234/2026');
    // An empty part does not leave a double slash.
    expect(formatLetterNumber('{kode}/{nomor}/{singkatan}/{tahun}', { ...v, kode: '' })).toBe('007/KEL-BCG/2026');
  });

  /** Approves requests all at once: on PostgreSQL through the pool, on SQLite from three threads and this one. */
  async function approveAll(unitId: string, ids: string[]) {
    if (t.config.kind === 'postgres') {
      return Promise.all(ids.map((id) => approveRequest(depsOf(t.db), { actor: lurah(unitId), isHead: true, unitId, id, note: '', trackingLink: 'http://x/lacak', publicUrl: 'http://x' })));
    }
    const file = t.config.file;
    const shares = [0, 1, 2, 3].map((k) => ids.filter((_, i) => i % 4 === k));
    const threads = shares.slice(1).map(
      (share) =>
        new Promise<{ ok: boolean; error?: string }[]>((resolve, reject) => {
          // The worker loads its TypeScript through tsx (a dependency), as `npm start` does.
          const worker = new URL('./support/approve-worker.ts', import.meta.url).href;
          const tsx = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
          const w = new Worker(`import(${JSON.stringify(tsx)}).then((m) => m.tsImport(${JSON.stringify(worker)}, ${JSON.stringify(worker)}))`, {
            eval: true,
            workerData: { file, dir, unitId, ids: share, now: clock.now().toISOString() },
          });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    );
    const here = Promise.all(shares[0]!.map((id) => approveRequest(depsOf(t.db), { actor: lurah(unitId), isHead: true, unitId, id, note: '', trackingLink: 'http://x/lacak', publicUrl: 'http://x' })));
    return (await Promise.all([here, ...threads])).flat();
  }

  it('gives 40 concurrent approvals in one unit the numbers 1 to 40, once each, and other units their own', async () => {
    const requests = await Promise.all(Array.from({ length: 40 }, () => makeRequest(t.db, bacang)));
    const elsewhere = await Promise.all(Array.from({ length: 5 }, () => makeRequest(t.db, gabek)));
    const results = (await Promise.all([approveAll(bacang, requests.map((r) => r.id)), approveAll(gabek, elsewhere.map((r) => r.id))])).flat();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const letters = await t.db.selectFrom('pelayanan_letters').select(['unit_id', 'seq', 'number', 'year']).execute();
    const seqs = (unit: string) => letters.filter((l) => l.unit_id === unit).map((l) => l.seq).sort((a, b) => a - b);
    expect(seqs(bacang)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(seqs(gabek)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(letters.filter((l) => l.unit_id === bacang).map((l) => l.number)).size).toBe(40);
    // Every request got exactly one letter, and the letter it points at.
    for (const r of requests) {
      const row = await t.db.selectFrom('pelayanan_requests').select(['status', 'letter_id']).where('id', '=', r.id).executeTakeFirstOrThrow();
      expect(row.status).toBe('selesai');
      expect(await t.db.selectFrom('pelayanan_letters').select('id').where('request_id', '=', r.id).execute()).toEqual([{ id: row.letter_id }]);
    }
  }, 120_000); // three worker threads each compile the module graph through tsx: minutes on a loaded machine

  it('takes no number when the same request is approved twice at once (double tap, two lurah screens)', async () => {
    const r = await makeRequest(t.db, bacang);
    const results = await approveAll(bacang, Array(8).fill(r.id));
    expect(results.filter((x) => x.ok)).toHaveLength(1);
    expect(results.filter((x) => !x.ok).map((x) => !x.ok && x.error)).toEqual(Array(7).fill('wrong_state'));
    const max = await t.db.selectFrom('pelayanan_letters').select((eb) => eb.fn.max('seq').as('m')).where('unit_id', '=', bacang).executeTakeFirstOrThrow();
    expect(Number(max.m)).toBe(41);
  });

  it('gives a number back when its transaction fails, so the register has no gap', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        expect(await nextLetterSeq(trx, bacang, 2026)).toBe(42);
        throw new Error('approval failed after taking a number');
      }),
    ).rejects.toThrow('approval failed');
    const r = await makeRequest(t.db, bacang);
    const ok = await approveRequest(depsOf(t.db), { actor: lurah(bacang), isHead: true, unitId: bacang, id: r.id, note: '', trackingLink: 'http://x/lacak', publicUrl: 'http://x' });
    expect(ok.ok && ok.number).toBe('470/042/BACANG/XI/2026');
  });

  it('starts again at 001 on 1 January WIB', async () => {
    clock.set('2026-12-31T16:59:00Z'); // 31 Dec 23:59 WIB
    const last = await makeRequest(t.db, bacang);
    const a = await approveRequest(depsOf(t.db), { actor: lurah(bacang), isHead: true, unitId: bacang, id: last.id, note: '', trackingLink: 'http://x/lacak', publicUrl: 'http://x' });
    expect(a.ok && a.number).toBe('470/043/BACANG/XII/2026');
    clock.set('2026-12-31T17:01:00Z'); // 1 Jan 00:01 WIB
    const first = await makeRequest(t.db, bacang);
    const b = await approveRequest(depsOf(t.db), { actor: lurah(bacang), isHead: true, unitId: bacang, id: first.id, note: '', trackingLink: 'http://x/lacak', publicUrl: 'http://x' });
    expect(b.ok && b.number).toBe('470/001/BACANG/I/2027');
  });
});
