import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { postMultipart } from '../composer/support.js';
import { DOMISILI_SLOTS as S, GOOD_NIK, apply, docPhoto, mergeCookies } from './helpers.js';

// Issue 17 points 2, 3 and 6 through the real app: the unit's inbox, asking for a fix, the
// citizen's fix, the lurah's approval, the numbered letter with its QR page, and the audit of
// every staff view of a citizen's data.

export async function pdfText(buf: Buffer | Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true }).promise;
  let out = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    out += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : ' ') : '')).join('');
  }
  await doc.destroy();
  // pdfkit breaks lines after a slash, so pdfjs returns "470/001/ BACANG/": glue those back.
  return out.replace(/\s+/g, ' ').replace(/\/ /g, '/');
}

const auditOf = (a: TestApp, action: string, target?: string) => {
  let q = a.t.db.selectFrom('audit_log').selectAll().where('action', '=', action);
  if (target) q = q.where('target', '=', target);
  return q.execute();
};

describe(`staff inbox, fix, approval and letter on ${testEngine()}`, () => {
  let a: TestApp;
  let operator: Session;
  let lurah: Session;
  let code: string;
  let requestId: string;
  let citizenCookie: string;
  let pin: string;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    operator = await a.loginAs('operator.bacang');
    lurah = await a.loginAs('lurah.bacang');
    const photo = await docPhoto();
    const sent = await apply(a, { files: { [S.pengantar]: photo, [S.ktp]: photo, [S.kk]: photo } });
    code = sent.code!;
    const page = await a.request(sent.location, { cookie: sent.cookies });
    pin = /PIN Anda: <span class="pel-code">(\d{6})<\/span>/.exec(await page.text())![1]!;
    citizenCookie = mergeCookies(sent.cookies, page);
    requestId = (await a.t.db.selectFrom('pelayanan_requests').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => a.close());

  it('reaches the inbox by tapping from the unit home, with the NIK masked in the list', async () => {
    const home = await operator.get('/admin/unit/bacang');
    expect(await home.text()).toContain('href="/admin/unit/bacang/pelayanan"');
    const inbox = await (await operator.get('/admin/unit/bacang/pelayanan')).text();
    expect(inbox).toContain(code);
    expect(inbox).toContain('Siti Aminah');
    expect(inbox).toContain('197101••••••0001');
    expect(inbox).not.toContain(GOOD_NIK);
    expect(inbox).toContain(`href="/admin/unit/bacang/pelayanan/${requestId}"`);
    // The list itself is not an audited view of personal data, but the request page is.
    expect(await auditOf(a, 'pelayanan.request.view', requestId)).toHaveLength(0);
  });

  it('audits every opening of the request and of each document; links are per person and expire', async () => {
    const page = await operator.get(`/admin/unit/bacang/pelayanan/${requestId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(GOOD_NIK);
    const views = await auditOf(a, 'pelayanan.request.view', requestId);
    expect(views).toHaveLength(1);
    expect(JSON.stringify(views[0])).not.toContain(GOOD_NIK);
    const links = [...html.matchAll(/href="(\/admin\/unit\/bacang\/pelayanan\/[a-z0-9]+\/berkas\/([a-z0-9]+)\?exp=\d+&amp;sig=[^"]+)"/g)].map((m) => ({ href: m[1]!.replace(/&amp;/g, '&'), id: m[2]! }));
    expect(links).toHaveLength(3);
    const doc = await operator.get(links[0]!.href);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('image/jpeg');
    expect(doc.headers.get('cache-control')).toBe('no-store');
    expect(doc.headers.get('content-security-policy')).toContain('sandbox');
    expect((await auditOf(a, 'pelayanan.document.view', links[0]!.id))).toHaveLength(1);
    // The same link in the lurah's browser (made for the operator) does not open the file.
    const borrowed = await lurah.get(links[0]!.href);
    expect(borrowed.status).toBe(303);
    // Without the signature, or after ten minutes, neither.
    expect((await operator.get(links[0]!.href.replace(/\?.*$/, ''))).status).toBe(303);
    a.clock.advance(11 * 60_000);
    expect((await operator.get(links[0]!.href)).status).toBe(303);
    expect(await auditOf(a, 'pelayanan.document.view', links[0]!.id)).toHaveLength(1);
  });

  it('never lets another unit\'s staff, counts-only roles or a guessed address reach a citizen\'s request or document', async () => {
    const doc = (await a.t.db.selectFrom('pelayanan_documents').select('id').where('owner_id', '=', requestId).executeTakeFirstOrThrow()).id;
    const gabek = await a.loginAs('operator.gabek-satu');
    // Under its own unit's address, Bacang's request does not exist for Gabek Satu's operator …
    expect((await gabek.get(`/admin/unit/gabek-satu/pelayanan/${requestId}`)).status).toBe(404);
    expect((await gabek.post(`/admin/unit/gabek-satu/pelayanan/${requestId}/aksi`, { aksi: 'proses' })).status).toBe(404);
    expect((await gabek.get(`/admin/unit/gabek-satu/pelayanan/${requestId}/surat.pdf`)).status).toBe(404);
    // … and under Bacang's address it is refused (and the refusal is in the audit log).
    expect((await gabek.get(`/admin/unit/bacang/pelayanan/${requestId}`)).status).toBe(403);
    // Even a correctly signed link (made for that operator) finds nothing under another unit.
    const { signDocLink } = await import('../../src/modules/pelayanan/index.js');
    const gabekActor = await a.t.db.selectFrom('users').select('id').where('username', '=', 'operator.gabek-satu').executeTakeFirstOrThrow();
    const s = signDocLink(a.deps.config.secret, { userId: gabekActor.id, docId: doc, now: a.clock.now() });
    expect((await gabek.get(`/admin/unit/gabek-satu/pelayanan/${requestId}/berkas/${doc}?exp=${s.exp}&sig=${s.sig}`)).status).toBe(404);
    // Counts-only roles: refused.
    for (const who of ['walikota', 'camat.bukit-intan', 'admin', 'pendamping']) {
      const s2 = await a.loginAs(who);
      expect((await s2.get(`/admin/unit/bacang/pelayanan/${requestId}`)).status, who).toBe(403);
      expect((await s2.get(`/admin/unit/bacang/pelayanan`)).status, who).toBe(403);
    }
    // A guessed document id, even signed for the right person, is not found.
    const opId = (await a.t.db.selectFrom('users').select('id').where('username', '=', 'operator.bacang').executeTakeFirstOrThrow()).id;
    const guess = signDocLink(a.deps.config.secret, { userId: opId, docId: 'zzzzzzzzzzzzzzzzzzzzzz', now: a.clock.now() });
    expect((await operator.get(`/admin/unit/bacang/pelayanan/${requestId}/berkas/zzzzzzzzzzzzzzzzzzzzzz?exp=${guess.exp}&sig=${guess.sig}`)).status).toBe(404);
    // Nothing of it is reachable without signing in.
    expect((await a.request(`/admin/unit/bacang/pelayanan/${requestId}/berkas/${doc}`)).status).toBe(303);
    expect((await a.request(`/admin/unit/bacang/pelayanan/${requestId}/berkas/${doc}`)).headers.get('location')).toMatch(/^\/admin\/masuk/);
    expect((await auditOf(a, 'access.denied')).length).toBeGreaterThanOrEqual(5);
  });

  it('asks the citizen for a fix; the citizen is told, adds a document, and the request comes back', async () => {
    // A fix needs a note: without one, the page says so next to the field and keeps the state.
    const empty = await operator.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'perbaikan', catatan: '' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Tulis dulu keterangannya.');
    // Parsed with the module's requestActionFormSchema: an unknown action is a 400 page, a note
    // sent as a file is an empty note (the same field problem), never a 500; the state stays.
    expect((await operator.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'hapus', catatan: 'x' })).status).toBe(400);
    const fileNote = await postMultipart(a, operator, `/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'perbaikan' }, { catatan: { bytes: Buffer.from('x'), name: 'x.txt', type: 'text/plain' } });
    expect(fileNote.status).toBe(422);
    expect(await fileNote.text()).toContain('Tulis dulu keterangannya.');
    expect((await a.t.db.selectFrom('pelayanan_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status).not.toBe('perlu_perbaikan');
    const res = await operator.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'perbaikan', catatan: 'Foto KTP buram, mohon difoto ulang.' });
    expect(res.status).toBe(303);
    const row = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(row.status).toBe('perlu_perbaikan');
    const msgs = await a.t.db.selectFrom('pelayanan_outbox').selectAll().where('owner_id', '=', requestId).orderBy('created_at').execute();
    expect(msgs.map((m) => m.template)).toEqual(['pelayanan_received', 'pelayanan_status']);
    expect(msgs[1]!.body).toContain('Foto KTP buram');

    const track = await (await a.request(`/bacang/layanan/lacak/${code}`, { cookie: citizenCookie })).text();
    expect(track).toContain('Foto KTP buram, mohon difoto ulang.');
    expect(track).toContain('name="berkas_0"');

    // The next day the citizen opens the tracking page again (code + PIN: yesterday's two-hour
    // session is over) and sends a new photo; the deadline counts again from then.
    a.clock.advance(24 * 3600_000);
    expect((await a.request(`/bacang/layanan/lacak/${code}`, { cookie: citizenCookie })).status).toBe(303);
    const reopen = await a.request('/bacang/layanan/lacak', { method: 'POST', body: new URLSearchParams({ kode: code, pin }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(reopen.status).toBe(303);
    citizenCookie = mergeCookies(citizenCookie, reopen);
    const body = new FormData();
    body.set('jenis_0', 'Fotokopi KTP-el pemohon');
    body.set('berkas_0', new Blob([new Uint8Array(await docPhoto(7))], { type: 'image/jpeg' }), 'ktp-baru.jpg');
    body.set('catatan', 'Sudah saya foto ulang.');
    const fixed = await a.request(`/bacang/layanan/lacak/${code}/perbaikan`, { method: 'POST', body, cookie: citizenCookie });
    expect(fixed.status).toBe(303);
    const after = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(after.status).toBe('baru');
    expect(after.clock_started_at).toBe(a.clock.now().toISOString());
    expect(after.deadline_at > row.deadline_at).toBe(true);
    const docs = await a.t.db.selectFrom('pelayanan_documents').select(['label', 'slot']).where('owner_id', '=', requestId).execute();
    expect(docs).toHaveLength(4);
    expect(docs.some((d) => d.slot === 'perbaikan' && d.label === 'Fotokopi KTP-el pemohon')).toBe(true);
  });

  it('leaves approval to the lurah; the operator cannot issue the letter or refuse', async () => {
    const page = await (await operator.get(`/admin/unit/bacang/pelayanan/${requestId}`)).text();
    expect(page).not.toContain('value="setujui"');
    expect(page).toContain('Surat diterbitkan setelah disetujui lurah.');
    expect((await operator.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'setujui' })).status).toBe(403);
    expect((await operator.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'tolak', catatan: 'x' })).status).toBe(403);
    // "Selesai" without a letter is refused for a layanan that ends in one.
    expect((await operator.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'selesai' })).status).toBe(422);
  });

  it('issues a numbered letter with a QR code to a verification page without personal data', async () => {
    const res = await lurah.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'setujui', catatan: 'Surat asli dapat diambil di kantor.' });
    expect(res.status).toBe(303);
    // A second tap does nothing: no second letter, no second number.
    expect((await lurah.post(`/admin/unit/bacang/pelayanan/${requestId}/aksi`, { aksi: 'setujui' })).status).toBe(409);
    const letters = await a.t.db.selectFrom('pelayanan_letters').selectAll().where('request_id', '=', requestId).execute();
    expect(letters).toHaveLength(1);
    const letter = letters[0]!;
    // 26 November 2026 WIB (the clock moved a day): 470/001/BACANG/XI/2026.
    expect(letter.issued_at).toBe(a.clock.now().toISOString());
    expect(letter.number).toBe('470/001/BACANG/XI/2026');
    expect(letter).toMatchObject({ seq: 1, year: 2026, subject: 'SURAT KETERANGAN DOMISILI', signer_title: 'Lurah Bacang', signer_name: 'Lurah Bacang' });
    const row = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'selesai', letter_id: letter.id, within_deadline: 1 });

    const pdf = await lurah.get(`/admin/unit/bacang/pelayanan/${requestId}/surat.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const expected of ['PEMERINTAH KOTA PANGKALPINANG', 'KECAMATAN BUKIT INTAN', 'KELURAHAN BACANG', 'SURAT KETERANGAN DOMISILI', 'Nomor: 470/001/BACANG/XI/2026', 'Siti Aminah', GOOD_NIK, 'sejak tahun 2015', 'Melamar pekerjaan', 'Lurah Bacang', `verifikasi/${letter.verify_code}`]) {
      expect(text, expected).toContain(expected);
    }
    expect(await auditOf(a, 'pelayanan.letter.view', letter.id)).toHaveLength(1);

    const verify = await a.request(`/verifikasi/${letter.verify_code}`);
    expect(verify.status).toBe(200);
    const v = await verify.text();
    expect(v).toContain('470/001/BACANG/XI/2026');
    expect(v).toContain('26 November 2026');
    expect(v).toContain('Kelurahan Bacang');
    expect(v).toContain('SURAT KETERANGAN DOMISILI');
    expect(v).not.toContain('Siti');
    expect(v).not.toContain(GOOD_NIK);
    expect((await a.request('/verifikasi/ABCDEFGHJKMN')).status).toBe(404);

    // The citizen sees every step and downloads the same letter.
    const track = await (await a.request(`/bacang/layanan/lacak/${code}`, { cookie: citizenCookie })).text();
    for (const step of ['Permohonan dikirim', 'Petugas meminta perbaikan', 'Pemohon menambahkan perbaikan', 'Surat diterbitkan dan ditandatangani']) expect(track).toContain(step);
    expect(track).toContain('Selesai');
    expect(track).toContain('Surat asli dapat diambil di kantor.');
    const own = await a.request(`/bacang/layanan/lacak/${code}/surat.pdf`, { cookie: citizenCookie });
    expect(own.status).toBe(200);
    expect(await pdfText(new Uint8Array(await own.arrayBuffer()))).toContain('470/001/BACANG/XI/2026');
    expect((await a.request(`/bacang/layanan/lacak/${code}/surat.pdf`)).status).toBe(303);
    expect(pin).toMatch(/^\d{6}$/);
  });

  it('shows the letter template preview and a sample PDF, for the unit and for the city', async () => {
    const page = await operator.post('/admin/unit/bacang/pelayanan/layanan/domisili/templat', {
      aksi: 'pratinjau', judul: 'SURAT KETERANGAN DOMISILI', kodeKlasifikasi: '470', pembuka: 'Yang bertanda tangan di bawah ini:', isi: 'Benar tinggal di {alamat} sejak {tinggal_sejak}.', penutup: 'Demikian.',
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Pratinjau dengan data contoh');
    expect(html).toContain('Benar tinggal di Jl. Contoh No. 1, RT 001 / RW 001 sejak 2015.');
    const bad = await operator.post('/admin/unit/bacang/pelayanan/layanan/domisili/templat', { aksi: 'simpan', judul: '', kodeKlasifikasi: '470', pembuka: '', isi: 'x', penutup: '' });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Wajib diisi.');
    const sample = await operator.get('/admin/unit/bacang/pelayanan/layanan/domisili/contoh.pdf');
    expect(await pdfText(new Uint8Array(await sample.arrayBuffer()))).toContain('CONTOH NAMA PEMOHON');
    const admin = await a.loginAs('admin');
    const saved = await admin.post('/admin/pelayanan/templat/sktm', { aksi: 'simpan', judul: 'SURAT KETERANGAN TIDAK MAMPU', kodeKlasifikasi: '400.9', pembuka: 'Lurah menerangkan:', isi: 'Keluarga tidak mampu di {unit}.', penutup: 'Demikian.' });
    expect(saved.status).toBe(303);
    const unitView = await (await operator.get('/admin/unit/bacang/pelayanan/layanan/sktm')).text();
    expect(unitView).toContain('Keluarga tidak mampu di {unit}.');
    expect(unitView).toContain('Ini templat dari Pemerintah Kota.');
  });
});
