import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citySettingsFormSchema, unitSettingsSchema } from '../../src/modules/pelayanan/index.js';
import { problemsOf } from '../../src/shared/field-problems.js';
import { postMultipart } from '../composer/support.js';
import { type Session, type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 19 point 2 for the pelayanan settings forms (a unit's letters and holidays, the city's
// retention and holidays, a layanan's form settings): parsed with the pelayanan module's
// schemas, each problem said next to its field, what was typed kept, a wrong type never a 500.

const errorNextTo = (html: string, id: string): string | null =>
  new RegExp(`<label for="f-${id}">[^]*?<p class="error" id="f-${id}-err">([^<]*)</p>`).exec(html)?.[1] ?? null;

describe(`pelayanan settings forms on ${testEngine()}`, () => {
  let a: TestApp;
  let lurah: Session;
  let admin: Session;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    lurah = await a.loginAs('lurah.bacang');
    admin = await a.loginAs('admin');
  });
  afterAll(async () => a?.close());

  const unitSettings = '/admin/unit/bacang/pelayanan/pengaturan';

  it('letter settings: a number format without {nomor} and a too long NIP, each next to its field; the rest kept', async () => {
    const res = await lurah.post(unitSettings, { formatNomor: '470/KEL-BCG/2026', singkatan: 'KEL-BCG', penandatanganNama: 'Budi Santoso', penandatanganJabatan: 'Lurah', penandatanganNip: '1'.repeat(31), kopAlamat: 'Jl. Merdeka 1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorNextTo(html, 'formatNomor')).toContain('wajib memuat');
    expect(errorNextTo(html, 'penandatanganNip')).toBe('Ada isian yang terlalu panjang.');
    expect(errorNextTo(html, 'singkatan')).toBeNull();
    expect(html).toContain('value="Budi Santoso"');
    expect(html).toContain('value="Jl. Merdeka 1"');
    expect(html).toContain('value="470/KEL-BCG/2026"');
    const short = await (await lurah.post(unitSettings, { formatNomor: 'ab' })).text();
    expect(errorNextTo(short, 'formatNomor')).toContain('terlalu pendek');
  });

  it('a settings field sent as a file is that field’s problem, not a 500', async () => {
    const res = await postMultipart(a, lurah, unitSettings, { singkatan: 'KEL-BCG' }, { formatNomor: { bytes: Buffer.from('x'), name: 'x.txt', type: 'text/plain' } });
    expect(res.status).toBe(422);
    expect(errorNextTo(await res.text(), 'formatNomor')).not.toBeNull();
    const wrong = unitSettingsSchema.safeParse({ formatNomor: 12, singkatan: ['a'] });
    expect((wrong.success ? [] : problemsOf(wrong.error.issues)).map((p) => p.path).sort()).toEqual(['formatNomor', 'singkatan']);
    const days = citySettingsFormSchema.safeParse({ retensiHari: 'sembilan puluh' });
    expect(days.success ? [] : problemsOf(days.error.issues).map((p) => p.path)).toEqual(['retensiHari']);
  });

  it('a holiday without a description says so next to the description and keeps the dates', async () => {
    const res = await lurah.post('/admin/unit/bacang/pelayanan/libur', { dari: '2026-12-24', sampai: '2026-12-26', alasan: ' ' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorNextTo(html, 'alasan')).toContain('Tulis keterangannya');
    expect(errorNextTo(html, 'dari')).toBeNull();
    expect(html).toContain('value="2026-12-24"');
    expect(html).toContain('value="2026-12-26"');
  });

  it('the city: retention days as typed with the problem next to them; a holiday range too long next to its end date', async () => {
    const res = await admin.post('/admin/pelayanan/pengaturan', { retensiHari: '5 hari' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorNextTo(html, 'retensiHari')).toBe('Tulis angka 7 sampai 3650.');
    expect(html).toContain('value="5 hari"');
    const range = await admin.post('/admin/pelayanan/libur', { dari: '2026-12-01', sampai: '2027-02-01', alasan: 'Terlalu lama' });
    expect(range.status).toBe(422);
    const rangeHtml = await range.text();
    expect(errorNextTo(rangeHtml, 'sampai')).toContain('paling lama 31 hari');
    expect(rangeHtml).toContain('value="Terlalu lama"');
    const saved = await admin.post('/admin/pelayanan/pengaturan', { retensiHari: '120' });
    expect(saved.status).toBe(303);
  });

  it('a layanan’s form settings: days that are not a number keep what was typed, with the problem next to them', async () => {
    const res = await lurah.post('/admin/unit/bacang/pelayanan/layanan/domisili/formulir', { deadlineDays: 'tiga' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-days-err">/);
    expect(html).toContain('name="deadlineDays" inputmode="numeric" value="tiga"');
    // The online switch was left off in the failed form, and stays off as typed.
    expect(html).not.toMatch(/name="online" value="1" checked/);
  });
});
