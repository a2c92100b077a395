import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChannel } from '../../src/modules/channels/index.js';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, createComposerApp, newDraft, unitId, uploadPhoto } from './support.js';

// #14 point 3: after publishing, staff stay in control — a typo fixed on the published post
// reaches the public page (and the social copies not sent yet), the post can be taken off the
// website or deleted, each with a question first and an audit entry, and only by those who may
// publish. The copies already out on social media are named with what can be done there.

const contentOf = (a: ComposerApp, id: string) => a.t.db.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirst();
const deliveriesOf = (a: ComposerApp, postId: string) => a.t.db.selectFrom('deliveries').selectAll().where('post_id', '=', postId).orderBy('platform').execute();
const auditOf = (a: ComposerApp, action: string) => a.t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

async function publish(a: ComposerApp, s: Session, title: string, photos = 0) {
  const id = await newDraft(s, 'bacang', 'kegiatan');
  for (let i = 0; i < photos; i++) await uploadPhoto(a, s, 'bacang', id, await noisyPhoto(1200 + i * 10, 900), `foto-${i}.jpg`);
  const draft = (await getDraft(a.t.db, await unitId(a, 'bacang'), id))!;
  const fields: Record<string, string | string[]> = { title, body: `Warga Bacang ${title.toLowerCase()} bersama perangkat kelurahan.`, photos_shown: '1', photo: draft.photos.map((p) => p.mediaId) };
  for (const p of draft.photos) fields[`alt:${p.mediaId}`] = `Foto ${title}`;
  const res = await s.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'publish' });
  if (res.status !== 303) throw new Error(`publish: ${res.status}`);
  const out = (await getDraft(a.t.db, await unitId(a, 'bacang'), id))!;
  const item = (await contentOf(a, out.contentId!))!;
  return { id, draft: out, item, publicPath: `/bacang/berita/${item.slug}` };
}

describe(`after publishing: edit, take off, delete (#14 point 3) on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let lurah: Session;
  let pendamping: Session;
  let camat: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    [op, lurah, pendamping, camat] = await Promise.all(['operator.bacang', 'lurah.bacang', 'pendamping', 'camat.bukit-intan'].map((u) => a.loginAs(u)));
    bacang = await unitId(a, 'bacang');
    await registerChannel(a.deps, { unitId: bacang, platform: 'facebook', profileUrl: 'https://www.facebook.com/kelurahanbacang' });
    await registerChannel(a.deps, { unitId: bacang, platform: 'instagram', profileUrl: 'https://www.instagram.com/kelurahan.bacang/' });
  });
  afterAll(async () => a?.close());

  it('a typo fixed in the title, text and alt text reaches the public page at the same address; a photo taken out leaves it; audited', async () => {
    const p = await publish(a, op, 'Kerja bakti RT 03 di Jalan Mawar', 2);
    expect(await (await a.request(p.publicPath)).text()).toContain('Kerja bakti RT 03 di Jalan Mawar');

    // The done page offers the three actions and says what each social copy allows.
    const done = await (await op.get(`/admin/unit/bacang/kabar/${p.id}`)).text();
    expect(done).toContain(`href="/admin/unit/bacang/kabar/${p.id}/ubah"`);
    expect(done).toContain(`href="/admin/unit/bacang/kabar/${p.id}/tarik"`);
    expect(done).toContain(`href="/admin/unit/bacang/kabar/${p.id}/hapus-terbit"`);

    const form = await (await op.get(`/admin/unit/bacang/kabar/${p.id}/ubah`)).text();
    expect(form).toContain('value="Kerja bakti RT 03 di Jalan Mawar"');
    expect(form).toContain(`name="revision" value="${p.draft.revision}"`);
    const [first, second] = p.draft.photos;
    const res = await op.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, {
      title: 'Kerja bakti RT 03 di Jalan Melati',
      body: 'Warga Bacang kerja bakti di Jalan Melati bersama perangkat kelurahan.',
      revision: String(p.draft.revision),
      photo: [first!.mediaId, second!.mediaId],
      [`keep_${first!.mediaId}`]: '1',
      [`alt_${first!.mediaId}`]: 'Warga membersihkan selokan Jalan Melati',
      [`alt_${second!.mediaId}`]: 'tidak dipakai',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/unit/bacang/kabar/${p.id}?diubah=1`);
    expect(await (await op.get(res.headers.get('location')!)).text()).toContain('Perubahan disimpan dan sudah tampil di situs.');

    const item = (await contentOf(a, p.item.id))!;
    expect(item.slug).toBe(p.item.slug);
    expect(item.status).toBe('published');
    expect(item.publish_at).toBe(p.item.publish_at);
    expect(item.cover_media_id).toBe(first!.mediaId);
    expect(item.cover_alt).toBe('Warga membersihkan selokan Jalan Melati');
    // The second photo followed the text before; it is gone now.
    expect(p.item.body_html).toContain('<img');
    expect(item.body_html).not.toContain('<img');
    const page = await (await a.request(p.publicPath)).text();
    expect(page).toContain('Kerja bakti RT 03 di Jalan Melati');
    expect(page).not.toContain('Jalan Mawar');

    const draft = (await getDraft(a.t.db, bacang, p.id))!;
    expect(draft.status).toBe('published');
    expect(draft.photos).toEqual([{ mediaId: first!.mediaId, alt: 'Warga membersihkan selokan Jalan Melati' }]);
    const audit = (await auditOf(a, 'composer.published.edit')).filter((e) => JSON.parse(e.detail ?? '{}').draftId === p.id);
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ titleBefore: 'Kerja bakti RT 03 di Jalan Mawar', photosBefore: 2, photosAfter: 1 });
  });

  it('copies not sent yet go out corrected; one already out or already handed to the platform is left as it was, and the page says what can be done there', async () => {
    const p = await publish(a, op, 'Posyandu balita hari Sabtu');
    const [fb, ig] = await deliveriesOf(a, p.item.id);
    expect([fb!.platform, ig!.platform]).toEqual(['facebook', 'instagram']);
    // Facebook is out (public, with its link); Instagram waits for the manual kit, untouched.
    await a.t.db.updateTable('deliveries').set({ state: 'published', visibility: 'public', permalink: 'https://www.facebook.com/kelurahanbacang/posts/1', platform_post_id: '1' }).where('id', '=', fb!.id).execute();

    const done = await (await op.get(`/admin/unit/bacang/kabar/${p.id}`)).text();
    expect(done).toContain('Facebook: bila kabar ini diubah, teks postingan di Facebook ikut diperbarui');
    expect(done).toContain('href="https://www.facebook.com/kelurahanbacang/posts/1"');
    expect(done).toContain('Instagram: belum tampil di sana.');

    const res = await op.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, { title: 'Posyandu balita hari Minggu', body: 'Posyandu balita pindah ke hari Minggu pagi di balai RW 02.', revision: String(p.draft.revision) });
    expect(res.status).toBe(303);
    const [fbAfter, igAfter] = await deliveriesOf(a, p.item.id);
    expect(fbAfter!.variant).toBe(fb!.variant);
    expect(JSON.parse(igAfter!.variant).caption).toContain('Posyandu balita hari Minggu');
    expect(JSON.parse(igAfter!.variant).caption).not.toContain('Sabtu');

    // A delivery whose sending began (a step recorded) keeps the snapshot its steps belong to.
    await a.t.db.insertInto('delivery_steps').values({ delivery_id: igAfter!.id, key: 'container', value: 'c-1', recorded_at: new Date().toISOString() }).execute();
    const draft = (await getDraft(a.t.db, bacang, p.id))!;
    await op.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, { title: 'Posyandu balita hari Senin', body: 'Posyandu balita pindah ke hari Senin pagi di balai RW 02.', revision: String(draft.revision) });
    expect((await deliveriesOf(a, p.item.id))[1]!.variant).toBe(igAfter!.variant);
    expect(await (await a.request(p.publicPath)).text()).toContain('Posyandu balita hari Senin');
  });

  it('refuses what publishing refuses — template brackets, an empty title — saying which field, keeping what was typed, changing nothing', async () => {
    const p = await publish(a, op, 'Lomba kebersihan antar RT');
    const res = await op.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, { title: 'Lomba [nama lomba]', body: 'Pendaftaran dibuka sampai [tanggal].', revision: String(p.draft.revision) });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Lomba [nama lomba]"');
    expect(html).toContain('Pendaftaran dibuka sampai [tanggal].');
    expect(html).toMatch(/id="f-title-err"[^>]*>[^<]*\[nama lomba\]/);
    expect(html).toMatch(/id="f-body-err"[^>]*>[^<]*\[tanggal\]/);
    const empty = await op.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, { title: '', body: 'Isi yang cukup panjang untuk kabar.', revision: String(p.draft.revision) });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toMatch(/id="f-title-err"[^>]*>Judul belum diisi/);
    expect((await contentOf(a, p.item.id))!.title).toBe('Lomba kebersihan antar RT');
  });

  it('an edit made meanwhile by someone else is not overwritten: 409, the newer version kept, what was typed shown again', async () => {
    const p = await publish(a, op, 'Jadwal vaksinasi kucing');
    expect((await lurah.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, { title: 'Jadwal vaksinasi kucing dan anjing', body: 'Vaksinasi rabies gratis untuk kucing dan anjing.', revision: String(p.draft.revision) })).status).toBe(303);
    const late = await op.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, { title: 'Jadwal vaksinasi kucing (ralat)', body: 'Vaksinasi rabies gratis.', revision: String(p.draft.revision) });
    expect(late.status).toBe(409);
    const html = await late.text();
    expect(html).toContain('value="Jadwal vaksinasi kucing (ralat)"');
    expect(html).toContain(`name="revision" value="${p.draft.revision + 1}"`);
    expect((await contentOf(a, p.item.id))!.title).toBe('Jadwal vaksinasi kucing dan anjing');
  });

  it('only those who may publish: the pendamping and read-only roles are refused, and an operator once the lurah turns approval on', async () => {
    const p = await publish(a, op, 'Pasar murah di kantor kelurahan');
    for (const s of [pendamping, camat]) {
      expect((await s.get(`/admin/unit/bacang/kabar/${p.id}/ubah`)).status).toBe(403);
      expect((await s.post(`/admin/unit/bacang/kabar/${p.id}/ubah`, { title: 'Diubah', body: 'Isi yang diubah oleh orang lain.', revision: String(p.draft.revision) })).status).toBe(403);
      expect((await s.post(`/admin/unit/bacang/kabar/${p.id}/tarik`, { yakin: '1' })).status).toBe(403);
      expect((await s.post(`/admin/unit/bacang/kabar/${p.id}/hapus-terbit`, { yakin: '1' })).status).toBe(403);
    }
    // The pendamping sees why on the done page, and no buttons.
    const done = await (await pendamping.get(`/admin/unit/bacang/kabar/${p.id}`)).text();
    expect(done).not.toContain(`/kabar/${p.id}/ubah`);
    expect(done).toContain('hanya bisa diubah, ditarik atau dihapus oleh yang boleh menerbitkan');
    expect((await lurah.post('/admin/unit/bacang/persetujuan', { on: '1' })).status).toBe(303);
    try {
      expect((await op.post(`/admin/unit/bacang/kabar/${p.id}/tarik`, { yakin: '1' })).status).toBe(403);
    } finally {
      await lurah.post('/admin/unit/bacang/persetujuan', { on: '0' });
    }
    expect((await contentOf(a, p.item.id))!.status).toBe('published');
  });

  it('"Tarik dari situs" asks first, then hides the page, puts the post back among the drafts, stops what was not sent, names the copies that stay; it can go out again', async () => {
    const p = await publish(a, op, 'Penutupan jalan sementara');
    const [fb, ig] = await deliveriesOf(a, p.item.id);
    await a.t.db.updateTable('deliveries').set({ state: 'published', visibility: 'public', permalink: 'https://www.facebook.com/kelurahanbacang/posts/2' }).where('id', '=', fb!.id).execute();

    const question = await op.get(`/admin/unit/bacang/kabar/${p.id}/tarik`);
    expect(await question.text()).toContain('Tarik kabar dari situs?');
    // The bare POST (no "yakin") asks again and changes nothing.
    expect((await op.post(`/admin/unit/bacang/kabar/${p.id}/tarik`, {})).status).toBe(200);
    expect((await a.request(p.publicPath)).status).toBe(200);

    const res = await op.post(`/admin/unit/bacang/kabar/${p.id}/tarik`, { yakin: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=unpublished&sosmed=facebook');
    const home = await (await op.get(res.headers.get('location')!)).text();
    expect(home).toContain('Kabar ditarik dari situs dan kembali ke daftar draf. Salinan di media sosial tetap ada sampai dihapus di sana: Facebook.');
    expect((await a.request(p.publicPath)).status).toBe(404);
    expect((await contentOf(a, p.item.id))!.status).toBe('archived');
    expect((await getDraft(a.t.db, bacang, p.id))!.status).toBe('draft');
    // Facebook's copy is the record of what went out; Instagram's, never sent, will not be.
    expect((await deliveriesOf(a, p.item.id)).map((d) => d.id)).toEqual([fb!.id]);
    expect(ig).toBeDefined();
    expect((await auditOf(a, 'composer.published.unpublish')).some((e) => JSON.parse(e.detail!).draftId === p.id && JSON.parse(e.detail!).unsentWithdrawn === 1)).toBe(true);

    // Fixed and published again: the same address, Instagram queued afresh, Facebook not twice.
    const again = await op.post(`/admin/unit/bacang/kabar/${p.id}`, { title: 'Penutupan jalan sementara (ralat)', action: 'publish' });
    expect(again.status).toBe(303);
    expect((await contentOf(a, p.item.id))!.slug).toBe(p.item.slug);
    expect(await (await a.request(p.publicPath)).text()).toContain('Penutupan jalan sementara (ralat)');
    expect((await deliveriesOf(a, p.item.id)).map((d) => d.platform)).toEqual(['facebook', 'instagram']);
  });

  it('"Hapus kabar" asks first, then removes the website copy and the post with its notes; audited', async () => {
    const p = await publish(a, op, 'Kabar yang salah kirim');
    await op.post(`/admin/unit/bacang/kabar/${p.id}`, { action: 'comment', comment: 'Ini salah kirim.' });
    expect(await (await op.get(`/admin/unit/bacang/kabar/${p.id}/hapus-terbit`)).text()).toContain('Hapus kabar ini?');
    const res = await lurah.post(`/admin/unit/bacang/kabar/${p.id}/hapus-terbit`, { yakin: '1' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=post_deleted');
    expect(await (await lurah.get(res.headers.get('location')!)).text()).toContain('Kabar dihapus dari situs.');
    expect((await a.request(p.publicPath)).status).toBe(404);
    expect(await contentOf(a, p.item.id)).toBeUndefined();
    expect(await getDraft(a.t.db, bacang, p.id)).toBeUndefined();
    expect(await a.t.db.selectFrom('composer_comments').select('id').where('draft_id', '=', p.id).execute()).toEqual([]);
    expect((await deliveriesOf(a, p.item.id)).length).toBe(0);
    const audit = (await auditOf(a, 'composer.published.delete')).filter((e) => JSON.parse(e.detail!).draftId === p.id);
    expect(audit.map((e) => e.target)).toEqual(['Kabar yang salah kirim']);
    // Asking again: the post is gone, said plainly.
    expect((await lurah.get(`/admin/unit/bacang/kabar/${p.id}/hapus-terbit`)).status).toBe(404);
  });

  it('"Kirim ulang" follows the one publishing policy: the pendamping is refused (and sees why), the operator may; never for a post taken off the website', async () => {
    const p = await publish(a, op, 'Pembagian sembako RW 05');
    const [fb] = await deliveriesOf(a, p.item.id);
    await a.t.db.updateTable('deliveries').set({ state: 'failed', reason_code: 'platform_error', reason: 'Facebook sedang bermasalah.' }).where('id', '=', fb!.id).execute();
    const url = `/admin/unit/bacang/kiriman/${p.item.id}`;

    const seen = await (await pendamping.get(url)).text();
    expect(seen).not.toContain(`${fb!.id}/ulang`);
    expect(seen).toContain('Kirim ulang hanya bisa dilakukan oleh yang boleh menerbitkan');
    expect((await pendamping.post(`${url}/${fb!.id}/ulang`)).status).toBe(403);
    expect((await a.t.db.selectFrom('deliveries').select('state').where('id', '=', fb!.id).executeTakeFirstOrThrow()).state).toBe('failed');

    expect(await (await op.get(url)).text()).toContain(`${fb!.id}/ulang`);
    const retry = await op.post(`${url}/${fb!.id}/ulang`);
    expect(retry.headers.get('location')).toBe(`${url}?pesan=retry`);
    expect((await a.t.db.selectFrom('deliveries').select('state').where('id', '=', fb!.id).executeTakeFirstOrThrow()).state).toBe('queued');

    // Failed again after an attempt whose answer was lost: taking the post back keeps that
    // delivery (its post may exist), but "Kirim ulang" no longer sends it.
    await a.t.db.updateTable('deliveries').set({ state: 'failed' }).where('id', '=', fb!.id).execute();
    await a.t.db.insertInto('delivery_steps').values({ delivery_id: fb!.id, key: 'publish:attempt', value: '1', recorded_at: new Date().toISOString() }).execute();
    expect((await op.post(`/admin/unit/bacang/kabar/${p.id}/tarik`, { yakin: '1' })).status).toBe(303);
    expect((await deliveriesOf(a, p.item.id)).map((d) => d.id)).toEqual([fb!.id]);
    const refused = await op.post(`${url}/${fb!.id}/ulang`);
    expect(refused.headers.get('location')).toBe(`${url}?pesan=not_public`);
    expect((await a.t.db.selectFrom('deliveries').select('state').where('id', '=', fb!.id).executeTakeFirstOrThrow()).state).toBe('failed');
  });
});
