import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTrackingCode } from '../../src/modules/pelayanan/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { DOMISILI_SLOTS as S, GOOD_NIK, apply, docPhoto, domisiliFields, mergeCookies } from './helpers.js';

// The citizen's side of issue 17 point 1, through the real app: the form under a layanan page,
// mistakes kept and explained, uploads kept while correcting, the code and PIN, tracking.

describe(`citizen online request on ${testEngine()}`, () => {
  let a: TestApp;
  let photo: Buffer;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    photo = await docPhoto();
  });
  afterAll(async () => a.close());

  const threeDocs = () => ({ [S.pengantar]: photo, [S.ktp]: photo, [S.kk]: photo });

  it('links the form from the layanan page and builds it from the requirements', async () => {
    const page = await (await a.request('/bacang/layanan/domisili')).text();
    expect(page).toContain('href="/bacang/layanan/domisili/ajukan"');
    expect(page).toContain('href="/bacang/layanan/lacak"');
    const res = await a.request('/bacang/layanan/domisili/ajukan');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain(`name="doc_${S.pengantar}"`);
    expect(html).toContain(`name="doc_${S.ktp}"`);
    // Conditional and brought-along requirements are not demanded as uploads.
    expect(html).toMatch(/Surat keterangan pindah dari daerah asal \(bagi pendatang\)\s*\(tidak wajib\)/);
    expect(html).not.toContain(`name="doc_${S.foto}"`);
    expect(html).toContain('Pas foto 3×4 sebanyak 2 lembar');
    // Purpose and retention before sending.
    expect(html).toContain('hanya untuk memproses permohonan Surat Keterangan Domisili');
    expect(html).toContain('90 hari setelah permohonan selesai');
    expect(html).toContain('name="situs_web"');
    // No script at all on the page.
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
  });

  it('keeps what was typed and says, next to each field, what is wrong', async () => {
    const { res } = await apply(a, {
      fields: domisiliFields({ nik: '1971990101900001', kk: '123', telepon: '12345', rt: '', setuju: '' }),
      files: { [S.ktp]: photo },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('6 angka pertama NIK bukan kode kecamatan yang ada');
    expect(html).toContain('Nomor KK harus 16 angka.');
    expect(html).toContain('Tulis nomor HP yang diawali 08');
    expect(html).toContain('Centang persetujuan');
    expect(html).toContain('Foto dokumen ini wajib dikirim.');
    expect(html).toContain('value="Siti Aminah"');
    expect(html).toContain('value="1971990101900001"');
    expect(html).toContain('value="Jl. Melati No. 5"');
    // The KTP photo that passed is kept for the next try.
    expect(html).toContain('Foto sudah diterima');
    expect(await a.t.db.selectFrom('pelayanan_requests').selectAll().execute()).toHaveLength(0);

    // Second try from the same page: the KTP is not sent again.
    const again = await apply(a, { fromHtml: html, files: { [S.pengantar]: photo, [S.kk]: photo } });
    expect(again.res.status).toBe(303);
    const row = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('tracking_code', '=', again.code!).executeTakeFirstOrThrow();
    const docs = await a.t.db.selectFrom('pelayanan_documents').selectAll().where('owner_id', '=', row.id).execute();
    expect(docs.map((d) => d.slot).sort()).toEqual([S.kk, S.ktp, S.pengantar].sort());
  });

  it('gives a code and a PIN, shown once, and a tracking page with each step', async () => {
    const { res, cookies, code, location } = await apply(a, { files: threeDocs() });
    expect(res.status).toBe(303);
    expect(code).toMatch(/^L-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(location).toBe(`/bacang/layanan/lacak/${code}?baru=1`);
    const page = await a.request(location, { cookie: cookies });
    expect(page.status).toBe(200);
    const html = await page.text();
    const pin = /PIN Anda: <span class="pel-code">(\d{6})<\/span>/.exec(html)?.[1];
    expect(pin).toMatch(/^\d{6}$/);
    expect(html).toContain('Baru diterima');
    expect(html).toContain('Permohonan dikirim');
    // The PIN is not shown a second time, even on the same page.
    const again = await (await a.request(location, { cookie: mergeCookies(cookies, page) })).text();
    expect(again).not.toContain(pin!);

    // Another browser needs the code and PIN.
    const stranger = await a.request(`/bacang/layanan/lacak/${code}`);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toBe(`/bacang/layanan/lacak?kode=${code}`);
    const wrong = await a.request('/bacang/layanan/lacak', { method: 'POST', body: new URLSearchParams({ kode: code!, pin: '000000' === pin ? '111111' : '000000' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Kode lacak atau PIN tidak cocok');
    const right = await a.request('/bacang/layanan/lacak', { method: 'POST', body: new URLSearchParams({ kode: code!.toLowerCase().replace(/-/g, ' '), pin: pin! }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(right.status).toBe(303);
    const cookie = right.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const view = await (await a.request(`/bacang/layanan/lacak/${code}`, { cookie })).text();
    expect(view).toContain('Surat Keterangan Domisili');
    // Personal data is not on the tracking page: not the NIK, not the phone.
    expect(view).not.toContain(GOOD_NIK);
    expect(view).not.toContain('081234567890');
    // The code of Bacang is not found under another unit's address.
    const elsewhere = await a.request('/gabek-satu/layanan/lacak', { method: 'POST', body: new URLSearchParams({ kode: code!, pin: pin! }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(elsewhere.status).toBe(422);
  });

  it('stores the request with its deadline, consent and a WhatsApp message with the code and PIN', async () => {
    const { code } = await apply(a, { files: threeDocs() });
    const row = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('tracking_code', '=', code!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'baru', nik: GOOD_NIK, phone: '081234567890', notify_channel: 'whatsapp', deadline_days: 1, consent_version: 'pdp-1:90' });
    // Submitted Wednesday 25 Nov 2026 09:00 WIB (the test clock), 1 working day → end of Thursday.
    expect(row.deadline_at).toBe('2026-11-26T17:00:00.000Z');
    const out = await a.t.db.selectFrom('pelayanan_outbox').selectAll().where('owner_id', '=', row.id).executeTakeFirstOrThrow();
    expect(out).toMatchObject({ channel: 'whatsapp', address: '081234567890', template: 'pelayanan_received', status: 'pending' });
    expect(JSON.parse(out.params)[2]).toBe(code);
  });

  it('keeps documents outside the public media folder and never serves them publicly', async () => {
    const { code } = await apply(a, { files: threeDocs() });
    const row = await a.t.db.selectFrom('pelayanan_requests').select('id').where('tracking_code', '=', code!).executeTakeFirstOrThrow();
    const doc = await a.t.db.selectFrom('pelayanan_documents').selectAll().where('owner_id', '=', row.id).executeTakeFirstOrThrow();
    expect(existsSync(path.join(a.deps.config.pelayananDir, doc.storage_key))).toBe(true);
    expect(path.relative(a.deps.config.mediaDir, path.join(a.deps.config.pelayananDir, doc.storage_key)).startsWith('..')).toBe(true);
    for (const guess of [`/media/${doc.storage_key}`, `/media/${doc.id}`, `/bacang/layanan/lacak/${code}/${doc.id}`, `/${doc.storage_key}`]) {
      const res = await a.request(guess);
      expect(res.status, guess).toBe(404);
    }
    if (existsSync(a.deps.config.mediaDir)) expect(readdirSync(a.deps.config.mediaDir, { recursive: true }).join()).not.toContain(doc.storage_key.split('/')[1]);
  });

  it('stops robots: honeypot, wrong sum, rate limits per address and per phone', async () => {
    const before = (await a.t.db.selectFrom('pelayanan_requests').select('id').execute()).length;
    const bot = await apply(a, { fields: domisiliFields({ situs_web: 'http://spam.example' }), files: threeDocs() });
    expect(bot.res.status).toBe(303);
    expect(bot.location).toBe('/bacang/layanan');
    const sum = await apply(a, { answer: '99', files: threeDocs() });
    expect(sum.res.status).toBe(422);
    expect(await sum.res.text()).toContain('Jawaban pertanyaan pengaman salah');
    expect((await a.t.db.selectFrom('pelayanan_requests').select('id').execute()).length).toBe(before);

    // Five per phone per day (this phone has sent some already in earlier tests).
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await apply(a, { fields: domisiliFields({ telepon: '0813 0000 1111' }), files: threeDocs(), ip: `198.51.100.${i}` })).res.status;
    expect(last).toBe(429);
    // Twenty per address per hour.
    let status = 0;
    for (let i = 0; i < 21 && status !== 429; i++) status = (await apply(a, { fields: domisiliFields({ telepon: `0814000${String(1000 + i)}` }), files: threeDocs(), ip: '192.0.2.50' })).res.status;
    expect(status).toBe(429);
    // An hour later the address may send again.
    a.clock.advance(3600_000 + 1000);
    expect((await apply(a, { fields: domisiliFields({ telepon: '081500001234' }), files: threeDocs(), ip: '192.0.2.50' })).res.status).toBe(303);
  }, 120_000); // dozens of uploads / scrypt PIN checks: slow on a shared machine

  it('never locks a code: wrong PINs make guessing slow, and the owner still gets in', async () => {
    const sent = await apply(a, { fields: domisiliFields({ telepon: '081600001234' }), files: threeDocs(), ip: '203.0.113.99' });
    const page = await a.request(sent.location, { cookie: sent.cookies });
    const pin = /PIN Anda: <span class="pel-code">(\d{6})<\/span>/.exec(await page.text())![1]!;
    const ownerPhone = mergeCookies(sent.cookies, page);
    const wrong = pin === '999999' ? '999998' : '999999';
    const post = (p: string, ip: string, cookie = '', code = sent.code!) =>
      a.request('/bacang/layanan/lacak', { method: 'POST', cookie, body: new URLSearchParams({ kode: code, pin: p }), headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });

    // One address: three misses are free, the fourth starts a delay; a try during it is refused
    // without checking the PIN, the right one included.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(wrong, '198.51.100.200')).status);
    expect(statuses).toEqual([422, 422, 422, 422]);
    const waiting = await post(pin, '198.51.100.200');
    expect(waiting.status).toBe(429);
    expect(waiting.headers.get('retry-after')).toBe('1');
    expect(await waiting.text()).toContain('Tunggu 1 detik');

    // A crowd of addresses each spends its three free misses on the code: from then on every
    // address that has missed waits for the code's delay (a minute), so guessing crawls.
    for (let n = 1; n <= 10; n++) for (let i = 0; i < 3; i++) expect((await post(wrong, `198.51.100.${n}`)).status).toBe(422);
    const slowed = await post(wrong, '198.51.100.1');
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBe(60);

    // The owner is not locked out: at once from the phone that sent the request (even behind the
    // slowed address), and at once from a friend's phone elsewhere.
    const own = await post(pin, '198.51.100.200', ownerPhone);
    expect(own.status).toBe(303);
    expect(own.headers.get('location')).toBe(`/bacang/layanan/lacak/${sent.code}`);
    expect((await post(pin, '192.0.2.77')).status).toBe(303);
    // After the delay the stranger's wrong PIN is checked again (and refused as wrong, not locked).
    a.clock.advance(61_000);
    expect((await post(wrong, '198.51.100.1')).status).toBe(422);

    // One address trying many codes: twenty misses are free, then it waits.
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await post('123456', '198.51.100.250', '', newTrackingCode('layanan'))).status;
    expect(last).toBe(422);
    expect((await post(pin, '198.51.100.250')).status).toBe(429);
  }, 120_000); // dozens of uploads / scrypt PIN checks: slow on a shared machine

  it('deletes a citizen\'s data on request with the code and the PIN, keeping the row for statistics', async () => {
    const sent = await apply(a, { fields: domisiliFields({ telepon: '081700001234' }), files: threeDocs(), ip: '203.0.113.120' });
    const page = await a.request(sent.location, { cookie: sent.cookies });
    const pin = /PIN Anda: <span class="pel-code">(\d{6})<\/span>/.exec(await page.text())![1]!;
    const cookie = mergeCookies(sent.cookies, page);
    const row = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('tracking_code', '=', sent.code!).executeTakeFirstOrThrow();
    const files = (await a.t.db.selectFrom('pelayanan_documents').select('storage_key').where('owner_id', '=', row.id).execute()).map((d) => path.join(a.deps.config.pelayananDir, d.storage_key));
    expect(files.every((f) => existsSync(f))).toBe(true);
    const post = (form: Record<string, string>, c = cookie) => a.request(`/bacang/layanan/lacak/${sent.code}/hapus`, { method: 'POST', cookie: c, body: new URLSearchParams(form), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    // Without the tracking cookie: back to the code + PIN form.
    expect((await post({ pin, yakin: '1' }, '')).status).toBe(303);
    // Without ticking "yes", or with a wrong PIN: nothing happens.
    expect((await post({ pin })).status).toBe(422);
    expect((await post({ pin: pin === '123456' ? '654321' : '123456', yakin: '1' })).status).toBe(422);
    expect(files.every((f) => existsSync(f))).toBe(true);
    const done = await post({ pin, yakin: '1' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/bacang/layanan/lacak/${sent.code}?ok=hapus`);
    expect(files.some((f) => existsSync(f))).toBe(false);
    const after = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'dibatalkan', nik: null, kk: null, phone: null, email: null, address: '', fields: '{}', service_code: 'domisili' });
    expect(after.applicant_name).not.toContain('Siti');
    expect(after.personal_deleted_at).not.toBeNull();
    expect(await a.t.db.selectFrom('pelayanan_outbox').selectAll().where('owner_id', '=', row.id).execute()).toHaveLength(0);
    const view = await (await a.request(done.headers.get('location')!, { cookie })).text();
    expect(view).toContain('Data pribadi Anda sudah dihapus.');
    expect(view).toContain('Dibatalkan');
  });

  it('answers 404 for unknown units, layanan and counter-only layanan', async () => {
    expect((await a.request('/tidak-ada/layanan/domisili/ajukan')).status).toBe(404);
    expect((await a.request('/bacang/layanan/tidak-ada/ajukan')).status).toBe(404);
  });
});
