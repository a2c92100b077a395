import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, createComposerApp, newDraft, unitId, uploadPhoto } from '../composer/support.js';

// Issue 16 point 6: malformed input gets a clear 4xx, impossible dates and too-long text are
// refused at the field with the limit, a double tap makes one thing, flash messages come from
// server-side keys only, and another unit's media id is refused.

const idemOf = (html: string) => /name="_idem" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe(`malformed input on ${testEngine()}`, () => {
  let a: ComposerApp;
  let admin: Session;
  let op: Session;
  let opGabek: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    [admin, op, opGabek] = await Promise.all(['admin', 'operator.bacang', 'operator.gabek-satu'].map((u) => a.loginAs(u)));
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());

  it('percent-decoding: a stray % in a channel profile link and in ?ok= is a clear answer, not a 500', async () => {
    const res = await op.post('/admin/unit/bacang/kanal', { platform: 'instagram', url: 'https://www.instagram.com/kel%bacang' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const wilayah = await admin.get('/admin/wilayah?ok=%25');
    expect(wilayah.status).toBe(200);
    expect(await wilayah.text()).not.toContain('flash-ok');
  });

  it('flash messages come from server-side keys only: ?ok=<any text> shows nothing', async () => {
    const crafted = encodeURIComponent('Akun Anda diblokir, hubungi 0812-penipu');
    for (const path of [`/admin/wilayah?ok=${crafted}`, `/admin/pengguna?ok=${crafted}`, `/admin/unit/bacang/konten?ok=${crafted}`, `/admin/pengguna/diperlambat?ok=${crafted}`]) {
      const html = await (await admin.get(path)).text();
      expect(html, path).not.toContain('penipu');
    }
    expect(await (await admin.get('/admin/wilayah?ok=opd_added')).text()).toContain('OPD ditambahkan.');
    expect(await (await admin.get('/admin/wilayah?ok=csv_done&baru=3&ada=<b>1</b>')).text()).toContain('Impor selesai: 3 OPD baru, 0 sudah ada.');
  });

  it('multipart without a boundary, or cut short, is a 400 with a sentence', async () => {
    const noBoundary = await a.request('/admin/unit/bacang/konten', { method: 'POST', cookie: op.cookie, headers: { 'content-type': 'multipart/form-data', 'x-csrf-token': op.csrf }, body: 'x' });
    expect(noBoundary.status).toBe(400);
    const cut = '--b\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n' + op.csrf + '\r\n--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nJudul tanpa akhir';
    const truncated = await a.request('/admin/unit/bacang/konten', { method: 'POST', cookie: op.cookie, headers: { 'content-type': 'multipart/form-data; boundary=b' }, body: cut });
    expect(truncated.status).toBe(400);
    expect(await truncated.text()).toContain('Kiriman tidak dapat dibaca');
  });

  it('an impossible date (2026-02-30) is refused next to its field, for agenda and holiday exceptions', async () => {
    const agenda = await op.post('/admin/unit/bacang/konten', { kind: 'agenda', title: 'Rapat RT', body: 'Isi', bodyFormat: 'text', status: 'draft', eventStart: '2026-02-30T09:00', eventPlace: 'Balai RW' });
    expect(agenda.status).toBe(422);
    const html = await agenda.text();
    expect(html).toMatch(/class="field has-error"><label for="f-eventStart">[^<]*<\/label><p class="error" id="f-eventStart-err">Tanggal ini tidak ada di kalender/);
    expect(html).toContain('value="2026-02-30T09:00"');
    expect(await a.t.db.selectFrom('content_items').select('id').where('title', '=', 'Rapat RT').executeTakeFirst()).toBeUndefined();

    const holiday = await admin.post('/admin/pemantauan/aturan/pengecualian', { kind: 'holiday', from: '2026-02-30', to: '2026-03-02', reason: 'Libur' });
    expect(holiday.status).toBe(400);
    const hh = await holiday.text();
    expect(hh).toMatch(/<p class="error" id="f-from-err">Tanggal mulai tidak ada di kalender/);
    expect(hh).toContain('value="Libur"');
    const maint = await admin.post('/admin/pemantauan/aturan/pengecualian', { kind: 'maintenance', unitId: bacang, startsAt: '2026-04-31T08:00', endsAt: '2026-05-01T08:00', mreason: 'Server' });
    expect(maint.status).toBe(400);
    expect(await maint.text()).toMatch(/id="f-startsAt-err">Waktu mulai tidak ada di kalender/);
    expect(await a.t.db.selectFrom('compliance_exceptions').select('id').execute()).toEqual([]);
  });

  it('a too-long help message is refused with the limit, never cut silently', async () => {
    const long = 'tolong '.repeat(400);
    const res = await op.post('/admin/unit/bacang/bantuan', { message: long });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('maksimal 2000 karakter');
    expect(html).toContain('tolong tolong');
    expect(await a.t.db.selectFrom('help_requests').select('id').execute()).toEqual([]);
    // Far past the form's size limit: refused with that limit.
    const huge = await op.post('/admin/unit/bacang/bantuan', { message: 'x'.repeat(1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('64 KB');
  });

  it('a double tap on a create form makes one thing: at once, and sent again later', async () => {
    const form = await (await op.get('/admin/unit/bacang/konten/baru?jenis=berita')).text();
    const key = idemOf(form);
    expect(key).not.toBe('');
    const fields = { _idem: key, kind: 'berita', title: 'Dua kali ketuk', body: 'Isi', bodyFormat: 'text', status: 'draft' };
    const [r1, r2] = await Promise.all([op.post('/admin/unit/bacang/konten', fields), op.post('/admin/unit/bacang/konten', fields)]);
    const r3 = await op.post('/admin/unit/bacang/konten', fields);
    expect([r1.status, r2.status, r3.status]).toEqual([303, 303, 303]);
    expect(r2.headers.get('location')).toBe(r1.headers.get('location'));
    expect((await a.t.db.selectFrom('content_items').select('id').where('title', '=', 'Dua kali ketuk').execute()).length).toBe(1);

    // Every create form carries a key.
    for (const path of ['/admin/unit/bacang/tulis', '/admin/unit/bacang/bantuan', '/admin/unit/bacang/dokumen', '/admin/unit/bacang/kanal']) {
      expect(idemOf(await (await op.get(path)).text()), path).not.toBe('');
    }
    for (const path of ['/admin/siaran', '/admin/pengguna/baru', '/admin/wilayah']) expect(idemOf(await (await admin.get(path)).text()), path).not.toBe('');

    // A new draft from a template, tapped twice.
    const tulis = idemOf(await (await op.get('/admin/unit/bacang/tulis')).text());
    const before = (await a.t.db.selectFrom('composer_drafts').select('id').where('unit_id', '=', bacang).execute()).length;
    const [d1, d2] = await Promise.all([op.post('/admin/unit/bacang/tulis', { _idem: tulis, template: 'pengumuman' }), op.post('/admin/unit/bacang/tulis', { _idem: tulis, template: 'pengumuman' })]);
    expect(d1.headers.get('location')).toBe(d2.headers.get('location'));
    expect((await a.t.db.selectFrom('composer_drafts').select('id').where('unit_id', '=', bacang).execute()).length).toBe(before + 1);

    // A form that came back with a problem frees its key: the corrected one is saved.
    const k2 = idemOf(await (await op.get('/admin/unit/bacang/konten/baru')).text());
    expect((await op.post('/admin/unit/bacang/konten', { ...fields, _idem: k2, title: 'x' })).status).toBe(422);
    expect((await op.post('/admin/unit/bacang/konten', { ...fields, _idem: k2, title: 'Sudah dibetulkan' })).status).toBe(303);
  });

  it('another unit’s media id is refused as a cover', async () => {
    const theirs = await newDraft(opGabek, 'gabek-satu');
    const up = (await (await uploadPhoto(a, opGabek, 'gabek-satu', theirs, await noisyPhoto(300, 300))).json()) as { mediaId: string };
    const res = await op.post('/admin/unit/bacang/konten', { kind: 'berita', title: 'Sampul curian', body: 'Isi', bodyFormat: 'text', status: 'draft', coverMediaId: up.mediaId });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Kode foto tidak dikenal.');
    expect(await a.t.db.selectFrom('content_items').select('id').where('title', '=', 'Sampul curian').executeTakeFirst()).toBeUndefined();
    // The same for a picture of the profile (logo), given as another unit's file address.
    const row = await a.t.db.selectFrom('media').select('variants').where('id', '=', up.mediaId).executeTakeFirstOrThrow();
    const key = (JSON.parse(row.variants) as { key: string }[])[0]!.key;
    const logo = await op.post('/admin/unit/bacang/profil/identitas', { alamatKantor: 'Jl. Bacang No. 1', logo: `/media/${key}` });
    expect(logo.status).toBeGreaterThanOrEqual(400);
    expect(logo.status).toBeLessThan(500);
    const saved = await a.t.db.selectFrom('profile_sections').select('data').where('unit_id', '=', bacang).where('section', '=', 'identitas').executeTakeFirst();
    expect(saved?.data ?? '').not.toContain(key);
  });
});
