import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { challengeOf, docPhoto, makeOpdWithOperator, mergeCookies } from './helpers.js';

// Issue 17 point 5 through the real app: a complaint filed on a kelurahan's site, forwarded by
// its operator to an OPD, answered there, followed by the citizen on the kelurahan's site; the
// public page's counts and the answers published only where the citizen agreed.

async function fileComplaint(a: TestApp, fields: Record<string, string>, photo?: Buffer, ip = '203.0.113.40') {
  const html = await (await a.request('/bacang/pengaduan')).text();
  const ch = challengeOf(html);
  const body = new FormData();
  body.set('uji', ch.token);
  body.set('jawaban', ch.answer);
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  if (photo) body.set('foto', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'sampah.jpg');
  const res = await a.request('/bacang/pengaduan', { method: 'POST', body, headers: { 'x-forwarded-for': ip } });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  return { res, cookies, location: res.headers.get('location') ?? '', code: /lacak\/(P-[A-Z0-9-]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? null };
}

const named = { kategori: 'infrastruktur', isi: 'Lampu jalan di Gang Melati mati sejak dua minggu, gelap dan rawan.', lokasi: 'Gang Melati, RT 003 / RW 002', nama: 'Budi', telepon: '0812 1111 2222', notify: 'whatsapp', publikasi: '1', setuju: '1' };

describe(`citizen complaints on ${testEngine()}`, () => {
  let a: TestApp;
  let operator: Session;
  let opd: Awaited<ReturnType<typeof makeOpdWithOperator>>;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    operator = await a.loginAs('operator.bacang');
    opd = await makeOpdWithOperator(a);
  });
  afterAll(async () => a.close());

  it('offers the form with SP4N-LAPOR! and keeps what was typed when something is missing', async () => {
    const page = await (await a.request('/bacang/pengaduan')).text();
    expect(page).toContain('href="https://www.lapor.go.id"');
    expect(page).toContain('name="anonim"');
    expect(await (await a.request('/bacang/layanan')).text()).toContain('href="/bacang/pengaduan"');
    const bad = await fileComplaint(a, { ...named, isi: 'pendek', telepon: '123', setuju: '' });
    expect(bad.res.status).toBe(422);
    const html = await bad.res.text();
    expect(html).toContain('Tulis sedikit lebih lengkap');
    expect(html).toContain('Tulis nomor HP yang diawali 08');
    expect(html).toContain('Centang persetujuan');
    expect(html).toContain('value="Gang Melati, RT 003 / RW 002"');
    expect(html).toContain('>pendek</textarea>');
  });

  it('takes an anonymous complaint without any contact and sends nothing', async () => {
    const r = await fileComplaint(a, { kategori: 'kebersihan', isi: 'Sampah di depan pasar tidak diangkut seminggu.', anonim: '1', nama: 'tidak dipakai', telepon: '0812 9999 0000', notify: 'whatsapp', setuju: '1' });
    expect(r.res.status).toBe(303);
    expect(r.code).toMatch(/^P-/);
    const row = await a.t.db.selectFrom('pelayanan_complaints').selectAll().where('tracking_code', '=', r.code!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ anonymous: 1, name: null, phone: null, email: null, notify_channel: 'none' });
    expect(await a.t.db.selectFrom('pelayanan_outbox').selectAll().where('owner_id', '=', row.id).execute()).toHaveLength(0);
    const page = await (await a.request(r.location, { cookie: r.cookies })).text();
    expect(page).toMatch(/PIN Anda: <span class="pel-code">\d{6}/);
  });

  it('is forwarded by the kelurahan to an OPD, answered there, and followed by the citizen on the kelurahan\'s site', async () => {
    const sent = await fileComplaint(a, named, await docPhoto(5));
    expect(sent.res.status).toBe(303);
    const first = await a.request(sent.location, { cookie: sent.cookies });
    const cookie = mergeCookies(sent.cookies, first);
    const id = (await a.t.db.selectFrom('pelayanan_complaints').select('id').where('tracking_code', '=', sent.code!).executeTakeFirstOrThrow()).id;

    // The operator finds it by tapping: unit home → Permohonan warga → Pengaduan warga.
    expect(await (await operator.get('/admin/unit/bacang/pelayanan')).text()).toContain('href="/admin/unit/bacang/pengaduan"');
    const inbox = await (await operator.get('/admin/unit/bacang/pengaduan')).text();
    expect(inbox).toContain(sent.code!);
    const detail = await (await operator.get(`/admin/unit/bacang/pengaduan/${id}`)).text();
    expect(detail).toContain('Lampu jalan di Gang Melati');
    expect(detail).toContain(`value="${opd.unitId}"`);
    expect((await a.t.db.selectFrom('audit_log').select('id').where('action', '=', 'pelayanan.complaint.view').where('target', '=', id).execute()).length).toBe(1);
    const photoLink = /href="(\/admin\/unit\/bacang\/pengaduan\/[a-z0-9]+\/foto\/[a-z0-9]+\?exp=\d+&amp;sig=[^"]+)"/.exec(detail)![1]!.replace(/&amp;/g, '&');
    expect((await operator.get(photoLink)).status).toBe(200);

    // Parsed with complaintActionFormSchema: an unknown action is a 400 page, not a 500, and changes nothing.
    expect((await operator.post(`/admin/unit/bacang/pengaduan/${id}/aksi`, { aksi: 'hapus', teks: 'x' })).status).toBe(400);
    const fwd = await operator.post(`/admin/unit/bacang/pengaduan/${id}/aksi`, { aksi: 'teruskan', tujuan: opd.unitId, teks: 'Lampu jalan kewenangan Dinas PUPR.' });
    expect(fwd.status).toBe(303);
    // Gone from the kelurahan's inbox and its photo with it.
    expect((await operator.get(`/admin/unit/bacang/pengaduan/${id}`)).status).toBe(404);
    expect((await operator.get(photoLink)).status).toBe(404);

    const pupr = await a.loginAs(opd.username, opd.password);
    const home = await pupr.get('/admin');
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe(`/admin/unit/${opd.slug}`);
    const opdInbox = await (await pupr.get(`/admin/unit/${opd.slug}/pengaduan`)).text();
    expect(opdInbox).toContain(sent.code!);
    expect(opdInbox).toContain('diteruskan ke unit Anda');
    const answer = await pupr.post(`/admin/unit/${opd.slug}/pengaduan/${id}/aksi`, { aksi: 'jawab', teks: 'Lampu sudah diganti pada 27 November oleh tim PJU.', publikasi: '1' });
    expect(answer.status).toBe(303);

    const row = await a.t.db.selectFrom('pelayanan_complaints').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'dijawab', unit_id: opd.unitId, origin_unit_id: (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id, publish_consent: 1 });
    expect(row.response_minutes).toBe(0);
    // (The test clock stands still, so the three share one timestamp: compared as a set.)
    const msgs = await a.t.db.selectFrom('pelayanan_outbox').select(['template', 'body']).where('owner_id', '=', id).execute();
    expect(msgs.map((m) => m.template).sort()).toEqual(['pengaduan_received', 'pengaduan_status', 'pengaduan_status']);
    expect(msgs.some((m) => m.template === 'pengaduan_status' && m.body.includes('Diteruskan ke Dinas Pekerjaan Umum'))).toBe(true);
    expect(msgs.some((m) => m.template === 'pengaduan_status' && m.body.includes('Lampu sudah diganti'))).toBe(true);

    const track = await (await a.request(`/bacang/layanan/lacak/${sent.code}`, { cookie })).text();
    for (const s of ['Pengaduan diterima', 'Diteruskan ke instansi yang berwenang', 'Pengaduan dijawab', 'Lampu sudah diganti pada 27 November', 'Dinas Pekerjaan Umum dan Penataan Ruang']) expect(track).toContain(s);
    expect(track).toContain('Sudah dijawab');

    // Published with the citizen's consent, without the name or number.
    const pub = await (await a.request('/bacang/pengaduan')).text();
    expect(pub).toContain('Lampu sudah diganti pada 27 November');
    expect(pub).not.toContain('Budi');
    expect(pub).not.toContain('081211112222');
    expect(pub).not.toContain('0812 1111 2222');
  });

  it('publishes nothing the citizen did not agree to, and counts every complaint', async () => {
    const sent = await fileComplaint(a, { ...named, publikasi: '', isi: 'Saluran air tersumbat di depan SD 5, mohon dibersihkan.', telepon: '0812 3333 4444' }, undefined, '203.0.113.41');
    const id = (await a.t.db.selectFrom('pelayanan_complaints').select('id').where('tracking_code', '=', sent.code!).executeTakeFirstOrThrow()).id;
    await operator.post(`/admin/unit/bacang/pengaduan/${id}/aksi`, { aksi: 'jawab', teks: 'Sudah dibersihkan oleh petugas kebersihan.', publikasi: '1' });
    const pub = await (await a.request('/bacang/pengaduan')).text();
    expect(pub).not.toContain('Sudah dibersihkan oleh petugas');
    expect(pub).toMatch(/<b>3<\/b>pengaduan masuk/);
    expect(pub).toMatch(/<b>2<\/b>sudah dijawab/);
  });
});
