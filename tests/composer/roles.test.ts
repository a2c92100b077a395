import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcastContentIds, getDraft, onboardingChecklist } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, unitId, uploadPhoto } from './support.js';

const ready = { title: 'Pembagian bibit pohon', body: 'Kelurahan membagikan bibit pohon gratis kepada warga.', photos_shown: '1' };

describe(`roles in writing on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let opGabek: Session;
  let lurah: Session;
  let pendamping: Session;
  let admin: Session;
  let bacang: string;
  let gabek: string;
  beforeAll(async () => {
    a = await createComposerApp();
    [op, opGabek, lurah, pendamping, admin] = await Promise.all(['operator.bacang', 'operator.gabek-satu', 'lurah.bacang', 'pendamping', 'admin'].map((u) => a.loginAs(u)));
    bacang = await unitId(a, 'bacang');
    gabek = await unitId(a, 'gabek-satu');
  });
  afterAll(async () => a?.close());

  it('an operator cannot see, change, upload to or schedule another unit’s draft, even with its id', async () => {
    const theirs = await newDraft(opGabek, 'gabek-satu');
    await autosave(a, opGabek, 'gabek-satu', theirs, { title: 'Rahasia Gabek' });
    const theirPhoto = (await (await uploadPhoto(a, opGabek, 'gabek-satu', theirs, await noisyPhoto(400, 300))).json()) as any;

    // Through the other unit's address: refused outright.
    expect((await op.get(`/admin/unit/gabek-satu/kabar/${theirs}`)).status).toBe(403);
    expect((await op.post(`/admin/unit/gabek-satu/kabar/${theirs}`, { action: 'publish' })).status).toBe(403);
    expect((await uploadPhoto(a, op, 'gabek-satu', theirs, await noisyPhoto(300, 300))).status).toBe(403);
    expect((await op.post(`/admin/unit/gabek-satu/kabar/${theirs}`, { action: 'schedule', jadwal: '2026-12-01T08:00' })).status).toBe(403);
    // Through their own unit's address with the other unit's draft id: the draft does not exist there.
    const own = await op.get(`/admin/unit/bacang/kabar/${theirs}`);
    expect(own.status).toBe(404);
    const ownHtml = await own.text();
    expect(ownHtml).toContain('Draf itu tidak ditemukan');
    expect(ownHtml).not.toContain('Rahasia Gabek');
    expect((await op.post(`/admin/unit/bacang/kabar/${theirs}`, { action: 'cancel' })).status).toBe(404);
    expect((await autosave(a, op, 'bacang', theirs, { title: 'dibajak' })).status).toBe(404);
    expect((await uploadPhoto(a, op, 'bacang', theirs, await noisyPhoto(300, 300))).status).toBe(404);
    // Another unit's photo cannot be attached to one's own draft.
    const mine = await newDraft(op, 'bacang');
    const r = await autosave(a, op, 'bacang', mine, { photos_shown: '1', photo: theirPhoto.mediaId });
    expect(r.status).toBe(422);
    expect(((await r.json()) as any).message).toContain('foto tidak ditemukan');

    const d = (await getDraft(a.t.db, gabek, theirs))!;
    expect(d.title).toBe('Rahasia Gabek');
    expect(d.status).toBe('draft');
    expect((await getDraft(a.t.db, bacang, mine))!.photos).toEqual([]);
  });

  it('approval: with it on, the operator submits, the lurah returns with a note, then approves', async () => {
    expect((await op.post('/admin/unit/bacang/persetujuan', { on: '1' })).status).toBe(403);
    expect((await lurah.post('/admin/unit/bacang/persetujuan', { on: '1' })).headers.get('location')).toBe('/admin/unit/bacang?pesan=approval_on');

    const id = await newDraft(op, 'bacang', 'pengumuman');
    const editor = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(editor).toContain('Kirim ke Lurah untuk disetujui');
    expect(editor).not.toContain('>Terbitkan sekarang<');
    // Even a hand-made "publish" is refused for the operator.
    const sneaky = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...ready, action: 'publish' });
    expect(sneaky.status).toBe(422);
    expect(await sneaky.text()).toContain('perlu disetujui Lurah');

    const sub = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...ready, action: 'submit', note: 'Mohon diperiksa, Pak.' });
    expect(sub.headers.get('location')).toBe('/admin/unit/bacang?pesan=submitted');
    expect((await getDraft(a.t.db, bacang, id))!.status).toBe('submitted');

    const lurahHome = await (await lurah.get('/admin/unit/bacang')).text();
    expect(lurahHome).toContain('Menunggu persetujuan');
    expect(lurahHome).toContain('Pembagian bibit pohon');
    const review = await (await lurah.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(review).toContain('Mohon diperiksa, Pak.');
    expect(review).toContain('Setujui dan terbitkan');

    expect((await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'approve' })).status).toBe(422);
    expect((await lurah.post(`/admin/unit/bacang/kabar/${id}`, { action: 'return', note: '' })).status).toBe(422);
    await lurah.post(`/admin/unit/bacang/kabar/${id}`, { action: 'return', note: 'Tambahkan jam pembagiannya.' });
    expect((await getDraft(a.t.db, bacang, id))!.status).toBe('returned');
    const back = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(back).toContain('Dikembalikan oleh Lurah Bacang: &quot;Tambahkan jam pembagiannya.&quot;');
    expect(await (await op.get('/admin/unit/bacang')).text()).toContain('Dikembalikan dengan catatan');
    // The writer is told in "Pesan untuk saya", with the note and a link to the draft; the
    // lurah is not told about their own decision, and another unit's operator hears nothing.
    const inbox = await (await op.get('/admin/notifikasi')).text();
    expect(inbox).toContain('Kabar &quot;Pembagian bibit pohon&quot; dikembalikan');
    expect(inbox).toContain('Tambahkan jam pembagiannya.');
    expect(inbox).toContain(`href="/admin/unit/bacang/kabar/${id}"`);
    expect(await (await lurah.get('/admin/notifikasi')).text()).not.toContain('dikembalikan');
    expect(await (await opGabek.get('/admin/notifikasi')).text()).not.toContain('Pembagian bibit pohon');

    await op.post(`/admin/unit/bacang/kabar/${id}`, { ...ready, body: `${ready.body} Pukul 08.00 WIB.`, action: 'submit' });
    const ok = await lurah.post(`/admin/unit/bacang/kabar/${id}`, { action: 'approve' });
    expect(ok.status).toBe(303);
    const d = (await getDraft(a.t.db, bacang, id))!;
    expect(d.status).toBe('published');
    expect(d.body).toContain('Pukul 08.00 WIB.');
    expect(await (await op.get('/admin/notifikasi')).text()).toContain('Kabar &quot;Pembagian bibit pohon&quot; disetujui');

    await lurah.post('/admin/unit/bacang/persetujuan', { on: '0' });
    const direct = await newDraft(op, 'bacang');
    await op.post(`/admin/unit/bacang/kabar/${direct}`, { ...ready, action: 'publish' });
    expect((await getDraft(a.t.db, bacang, direct))!.status).toBe('published');
  });

  it('help: "Minta bantuan" reaches the assigned pendamping with the draft, who comments, edits and closes it', async () => {
    const id = await newDraft(op, 'bacang');
    await autosave(a, op, 'bacang', id, { title: 'Foto tidak mau masuk' });
    const form = await (await op.get(`/admin/unit/bacang/bantuan?draf=${id}`)).text();
    expect(form).toContain('Pendamping Diskominfo');
    expect(form).toContain('Draf &quot;Foto tidak mau masuk&quot; ikut dikirim');
    const sent = await op.post('/admin/unit/bacang/bantuan', { draf: id, message: 'Foto saya ditolak terus.' });
    expect(sent.headers.get('location')).toBe(`/admin/unit/bacang/kabar/${id}?bantuan=1`);
    expect(await (await op.get(`/admin/unit/bacang/kabar/${id}?bantuan=1`)).text()).toContain('Permintaan bantuan terkirim ke Pendamping Diskominfo');

    const pendampingId = (await a.t.db.selectFrom('users').select('id').where('username', '=', 'pendamping').executeTakeFirstOrThrow()).id;
    const notes = await a.t.db.selectFrom('notifications').selectAll().where('user_id', '=', pendampingId).execute();
    expect(notes.map((n) => [n.title, n.body, n.link])).toEqual([['Kelurahan Bacang minta bantuan', 'Foto saya ditolak terus.', '/admin/pendampingan']]);
    const list = await (await pendamping.get('/admin/pendampingan')).text();
    expect(list).toContain('1 minta bantuan');
    expect(list).toContain('Foto saya ditolak terus.');
    expect(list).toContain(`href="/admin/unit/bacang/kabar/${id}"`);
    // Bacang is listed first: it is the one asking for help.
    expect([...list.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])[0]).toBe('Bacang');

    // The pendamping edits the draft and leaves a note; they prepare but do not publish.
    await autosave(a, pendamping, 'bacang', id, { title: 'Kerja bakti Minggu pagi' });
    await pendamping.post(`/admin/unit/bacang/kabar/${id}`, { action: 'comment', comment: 'Sudah saya perbaiki judulnya.' });
    const seen = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(seen).toContain('value="Kerja bakti Minggu pagi"');
    expect(seen).toContain('Sudah saya perbaiki judulnya.');
    expect(seen).toContain('meminta bantuan');
    const pendEditor = await (await pendamping.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(pendEditor).toContain('Serahkan ke kelurahan');
    expect((await pendamping.post(`/admin/unit/bacang/kabar/${id}`, { ...ready, action: 'publish' })).status).toBe(422);

    const help = await a.t.db.selectFrom('help_requests').selectAll().where('unit_id', '=', bacang).executeTakeFirstOrThrow();
    expect(help.draft_id).toBe(id);
    expect((await op.post(`/admin/unit/bacang/bantuan/${help.id}/selesai`)).status).toBe(403);
    await pendamping.post(`/admin/unit/bacang/bantuan/${help.id}/selesai`);
    expect(await (await pendamping.get('/admin/pendampingan')).text()).not.toContain('minta bantuan');
  });

  it('city broadcast: on the chosen kelurahan sites marked "dari Pemkot", never counted as their own', async () => {
    expect((await op.post('/admin/siaran', { title: 'x' })).status).toBe(403);
    const res = await admin.post('/admin/siaran', { title: 'Vaksinasi gratis', body: 'Pemkot mengadakan vaksinasi gratis di puskesmas.', to: 'some', unit: [bacang, gabek] });
    expect(res.headers.get('location')).toBe('/admin/siaran?terkirim=2');
    const items = await a.t.db.selectFrom('content_items').selectAll().where('title', '=', 'Vaksinasi gratis').execute();
    expect(items.map((i) => i.unit_id).sort()).toEqual([bacang, gabek].sort());
    expect(items.every((i) => i.author_name === 'dari Pemkot Pangkalpinang')).toBe(true);
    const page = await (await a.request(`/gabek-satu/pengumuman/${items.find((i) => i.unit_id === gabek)!.slug}`)).text();
    expect(page).toContain('dari Pemkot Pangkalpinang');
    expect([...(await broadcastContentIds(a.t.db, [gabek]))]).toEqual([items.find((i) => i.unit_id === gabek)!.id]);
    // Gabek Satu has published nothing of its own: the broadcast does not tick "first post".
    const ob = await onboardingChecklist(a.t.db, { unitId: gabek, now: a.clock.now(), profileDoneMin: 60 });
    expect(ob.steps.find((s) => s.code === 'first_post')!.done).toBe(false);
    const obBacang = await onboardingChecklist(a.t.db, { unitId: bacang, now: a.clock.now(), profileDoneMin: 60 });
    expect(obBacang.steps.find((s) => s.code === 'first_post')!.done).toBe(true);

    const all = await admin.post('/admin/siaran', { title: 'Hari Jadi Kota', body: 'Selamat Hari Jadi Kota Pangkalpinang untuk semua warga.', to: 'all' });
    expect(all.headers.get('location')).toBe('/admin/siaran?terkirim=42');
  });

  it('the staff home shows onboarding progress with what is still to do', async () => {
    const html = await (await a.loginAs('operator.gabek-satu').then((s) => s.get('/admin/unit/gabek-satu'))).text();
    expect(html).toMatch(/Langkah awal: \d dari 6 selesai/);
    expect(html).toContain('Terbitkan kabar pertama');
    expect(html).toContain('<progress');
  });
});
