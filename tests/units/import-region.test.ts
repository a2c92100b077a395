import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegion, listUnitTree, findUnitBySlug, importOpdCsv, addOpd } from '../../src/modules/units/index.js';
import { opdCsvProblemText } from '../../src/i18n/opd-csv-problems.js';
import { FixedClock } from '../../src/shared/clock.js';
import { createTestDb, testEngine, type TestDb } from '../support/test-db.js';

describe(`units import on ${testEngine()}`, () => {
  let t: TestDb;
  const clock = new FixedClock('2026-11-28T01:00:00Z');
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => t.close());

  it('imports Kota Pangkalpinang: 7 kecamatan and 42 kelurahan with official codes', async () => {
    const r = await importRegion(t.db, '19.71', clock);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ regencyName: 'Kota Pangkalpinang', kecamatan: 7, kelurahan: 42, desa: 0, created: 50 });
    const tree = await listUnitTree(t.db, '19.71');
    expect(tree.root?.kind).toBe('kota');
    expect(tree.kecamatan.map((k) => k.unit.name)).toEqual([
      'Bukit Intan', 'Taman Sari', 'Pangkal Balam', 'Rangkui', 'Gerunggang', 'Gabek', 'Girimaya',
    ]);
    expect(tree.kecamatan.reduce((n, k) => n + k.children.length, 0)).toBe(42);
    const bacang = await findUnitBySlug(t.db, '19.71', 'bacang');
    expect(bacang).toMatchObject({ code: '19.71.01.1006', kind: 'kelurahan', name: 'Bacang' });
  });

  it('gives readable, unique slugs', async () => {
    for (const slug of ['air-itam', 'gabek-satu', 'gabek-dua', 'kecamatan-bukit-intan', 'kota-pangkalpinang']) {
      expect(await findUnitBySlug(t.db, '19.71', slug), slug).toBeDefined();
    }
    const all = await t.db.selectFrom('units').select('slug').execute();
    expect(new Set(all.map((u) => u.slug)).size).toBe(all.length);
  });

  it('changes nothing when the same region is imported again', async () => {
    const before = await t.db.selectFrom('units').select(['id', 'slug']).orderBy('id').execute();
    const r = await importRegion(t.db, '19.71', clock);
    expect(r.ok && r.value).toMatchObject({ created: 0, unchanged: 50 });
    const after = await t.db.selectFrom('units').select(['id', 'slug']).orderBy('id').execute();
    expect(after).toEqual(before);
  });

  it('refuses an unknown region code', async () => {
    const r = await importRegion(t.db, '99.99', clock);
    expect(r).toEqual({ ok: false, error: 'unknown_region', detail: '99.99' });
  });

  it('imports a regency with desa and duplicate village names without slug clashes', async () => {
    const r = await importRegion(t.db, '11.01', clock);
    expect(r.ok && r.value.regencyName).toBe('Kabupaten Aceh Selatan');
    expect(r.ok && r.value.desa).toBeGreaterThan(200);
    const tree = await listUnitTree(t.db, '11.01');
    expect(tree.root?.kind).toBe('kabupaten');
    expect(tree.kecamatan.length).toBe(r.ok ? r.value.kecamatan : -1);
    // A unit of another region is not served under this region.
    expect(await findUnitBySlug(t.db, '11.01', 'bacang')).toBeUndefined();
  });

  it('adds OPD by hand and from CSV, reporting bad rows by line', async () => {
    const one = await addOpd(t.db, '19.71', { name: 'Dinas Komunikasi dan Informatika', slug: 'diskominfo' }, clock);
    expect(one.ok && one.value.unit.slug).toBe('diskominfo');
    const csv = 'nama;singkatan;website\n"Dinas Kesehatan";dinkes;https://dinkes.example.go.id\nDinas Komunikasi dan Informatika;;\nX;;\nBadan Keuangan;diskominfo;\n';
    const out = await importOpdCsv(t.db, '19.71', csv, clock);
    expect(out.created).toBe(1);
    expect(out.unchanged).toBe(1);
    // Codes from the module; the same Indonesian lines from the one mapping (the page and the CLI use it).
    expect(out.problems).toEqual([{ code: 'invalid_name', line: 4 }, { code: 'slug_taken', line: 5, slug: 'diskominfo' }]);
    expect(out.problems.map((p) => opdCsvProblemText(p))).toEqual(['Baris 4: Nama OPD minimal 3 dan maksimal 150 huruf.', 'Baris 5: singkatan "diskominfo" sudah dipakai.']);
    expect(out.problems.map((p) => opdCsvProblemText(p, 'en'))).toEqual(['Line 4: the agency name must have 3 to 150 letters.', 'Line 5: the short name "diskominfo" is already used.']);
    const dinkes = await findUnitBySlug(t.db, '19.71', 'dinkes');
    expect(JSON.parse(dinkes!.settings).links.website).toBe('https://dinkes.example.go.id');
    const again = await importOpdCsv(t.db, '19.71', csv, clock);
    expect(again.created).toBe(0);
  });

  it('names the file line of a refused OPD row after a name written over two lines (it used to count records)', async () => {
    const csv = 'nama,singkatan\n"Dinas Pemberdayaan\nPerempuan",dp3a\nX,\n';
    const out = await importOpdCsv(t.db, '19.71', csv, clock);
    expect(out.created).toBe(1);
    expect(out.problems).toEqual([{ code: 'invalid_name', line: 4 }]);
    const quote = await importOpdCsv(t.db, '19.71', 'nama\n"Dinas', clock);
    expect(quote).toMatchObject({ created: 0, problems: [{ code: 'open_quote', line: '2' }] });
    expect(opdCsvProblemText(quote.problems[0]!)).toMatch(/^Baris 2: tanda kutip/);
    const noName = await importOpdCsv(t.db, '19.71', 'judul\nDinas X\n', clock);
    expect(noName.problems).toEqual([{ code: 'no_name' }]);
    expect(opdCsvProblemText(noName.problems[0]!)).toBe('Kolom "nama" tidak ditemukan di baris pertama. Contoh judul: nama,singkatan,website,instagram');
  });
});
