import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, unitId, uploadPhoto } from './support.js';

describe(`composer drafts over HTTP on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());

  it('shows the big "Tulis kabar" and six templates, and one tap makes a pre-filled draft', async () => {
    const home = await (await op.get('/admin/unit/bacang')).text();
    expect(home).toContain('Tulis kabar');
    expect(home).toContain('href="/admin/unit/bacang/tulis"');
    const choose = await (await op.get('/admin/unit/bacang/tulis')).text();
    for (const label of ['Pengumuman', 'Kegiatan', 'Layanan', 'Himbauan', 'Ucapan hari besar', 'Berita']) expect(choose).toContain(label);
    const id = await newDraft(op, 'bacang', 'pengumuman');
    const editor = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(editor).toContain('Diberitahukan kepada seluruh warga Kelurahan Bacang');
    expect(editor).toMatch(/#KelurahanBacang/);
    expect(editor).toContain('Terbitkan sekarang');
  });

  it('keeps an autosaved draft across a reload, and lists it on the staff home', async () => {
    const id = await newDraft(op, 'bacang');
    const res = await autosave(a, op, 'bacang', id, { title: 'Kerja bakti RT 03', body: 'Warga membersihkan **selokan** bersama.', photos_shown: '1', revision: '1', step: 'tulis' });
    expect(res.status).toBe(200);
    const json = (await res.json()) as any;
    expect(json.ok).toBe(true);
    expect(json.revision).toBe(2);
    // The preview follows the saved text: Facebook's caption carries title and body.
    const fb = json.previews.find((p: any) => p.platform === 'website');
    expect(fb.text).toContain('Warga membersihkan selokan bersama.');

    const reload = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
    expect(reload).toContain('value="Kerja bakti RT 03"');
    expect(reload).toContain('Warga membersihkan **selokan** bersama.');
    const home = await (await op.get('/admin/unit/bacang')).text();
    expect(home).toContain('Kerja bakti RT 03');
    expect(home).toContain('Lanjutkan menulis');
  });

  it('a failed submit keeps everything typed and says what to fix', async () => {
    const id = await newDraft(op, 'bacang', 'berita');
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish', title: '', body: 'Isi yang sudah diketik panjang.', photos_shown: '1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Judul belum diisi');
    expect(html).toContain('Isi yang sudah diketik panjang.');
    expect((await getDraft(a.t.db, bacang, id))!.body).toBe('Isi yang sudah diketik panjang.');
  });

  it('survives a connection dropped mid-upload: nothing half-stored, the retry attaches the photo once', async () => {
    const id = await newDraft(op, 'bacang');
    const photo = await noisyPhoto(1600, 1200);
    const before = await a.t.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', bacang).executeTakeFirstOrThrow();
    let sent = 0;
    const dropping = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 64 * 1024) return controller.error(new Error('ECONNRESET'));
        controller.enqueue(new Uint8Array(photo.subarray(sent, sent + 16 * 1024)));
        sent += 16 * 1024;
      },
    });
    const broken = await uploadPhoto(a, op, 'bacang', id, dropping, 'kerja-bakti.jpg', { 'content-length': String(photo.length) });
    expect(broken.status).toBe(400);
    const bj = (await broken.json()) as any;
    expect(bj.retry).toBe(true);
    expect(bj.message).toContain('terputus');
    const after = await a.t.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', bacang).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect((await getDraft(a.t.db, bacang, id))!.photos).toEqual([]);

    // The script retries; a second retry of the same bytes (lost answer) changes nothing more.
    const ok1 = (await (await uploadPhoto(a, op, 'bacang', id, photo, 'kerja-bakti.jpg')).json()) as any;
    const ok2 = (await (await uploadPhoto(a, op, 'bacang', id, photo, 'kerja-bakti.jpg')).json()) as any;
    expect(ok1.ok).toBe(true);
    expect(ok2.ok).toBe(true);
    expect(ok2.duplicate).toBe(true);
    expect(ok2.mediaId).toBe(ok1.mediaId);
    expect(ok1.html).toContain(`name="alt:${ok1.mediaId}"`);
    const draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.photos.map((p) => p.mediaId)).toEqual([ok1.mediaId]);
  });

  it('does not lose a just-uploaded photo to an autosave that left before the upload finished', async () => {
    const id = await newDraft(op, 'bacang');
    const up = (await (await uploadPhoto(a, op, 'bacang', id, await noisyPhoto(800, 600))).json()) as any;
    const res = await autosave(a, op, 'bacang', id, { title: 'Judul', photos_shown: '1' });
    expect(res.status).toBe(200);
    expect((await getDraft(a.t.db, bacang, id))!.photos.map((p) => p.mediaId)).toEqual([up.mediaId]);
  });

  it('without scripts: photos travel with the form, can be reordered, described and removed', async () => {
    const id = await newDraft(op, 'bacang');
    const form = new FormData();
    form.append('_csrf', op.csrf);
    form.append('action', 'save');
    form.append('title', 'Posyandu');
    form.append('photos_shown', '1');
    form.append('foto', new Blob([new Uint8Array(await noisyPhoto(900, 600))], { type: 'image/jpeg' }), 'a.jpg');
    form.append('foto', new Blob([new Uint8Array(await noisyPhoto(600, 900))], { type: 'image/jpeg' }), 'b.jpg');
    const res = await a.request(`/admin/unit/bacang/kabar/${id}`, { method: 'POST', cookie: op.cookie, body: form });
    expect(res.status).toBe(303);
    let draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.photos).toHaveLength(2);
    const [first, second] = draft.photos.map((p) => p.mediaId);
    await op.post(`/admin/unit/bacang/kabar/${id}`, { action: `photo-up:${second}`, photos_shown: '1', photo: [first!, second!], [`alt:${first}`]: 'Ibu-ibu menimbang balita', [`alt:${second}`]: 'Kader posyandu' });
    draft = (await getDraft(a.t.db, bacang, id))!;
    expect(draft.photos).toEqual([
      { mediaId: second, alt: 'Kader posyandu' },
      { mediaId: first, alt: 'Ibu-ibu menimbang balita' },
    ]);
    await op.post(`/admin/unit/bacang/kabar/${id}`, { action: `photo-remove:${first}`, photos_shown: '1', photo: [second!, first!] });
    expect((await getDraft(a.t.db, bacang, id))!.photos.map((p) => p.mediaId)).toEqual([second]);
  });

  it('the stored photo has no GPS or camera data left, as served to the public', async () => {
    const { phoneJpegWithGps } = await import('../media/fixtures.js');
    const id = await newDraft(op, 'bacang');
    const j = (await (await uploadPhoto(a, op, 'bacang', id, await phoneJpegWithGps(), 'IMG_20261128.jpg')).json()) as any;
    expect(j.ok).toBe(true);
    const row = await a.t.db.selectFrom('media').select('variants').where('id', '=', j.mediaId).executeTakeFirstOrThrow();
    const { createFileMediaStore } = await import('../../src/modules/media/index.js');
    const store = createFileMediaStore(a.mediaDir);
    for (const v of JSON.parse(row.variants) as { key: string; name: string }[]) {
      const bytes = await store.read(v.key);
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, v.name).toBeUndefined();
      expect(bytes.includes(Buffer.from('BerandaPhone')), v.name).toBe(false);
    }
  });

  it('the in-app guide shows its steps with pictures taken from the app', async () => {
    const html = await (await op.get('/admin/panduan')).text();
    expect(html).toContain('Menulis kabar pertama');
    const pics = [...html.matchAll(/src="(\/assets\/guides\/[^"]+)"/g)].map((m) => m[1]!);
    expect(pics.length).toBeGreaterThanOrEqual(6);
    const res = await a.request(pics[0]!.replace(/&amp;/g, '&'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('"foto yang sudah ada": the unit’s library adds an earlier photo with its description; other units’ photos are not offered', async () => {
    const earlier = await newDraft(op, 'bacang');
    const up = (await (await uploadPhoto(a, op, 'bacang', earlier, await noisyPhoto(700, 500), 'kantor.jpg')).json()) as any;
    await autosave(a, op, 'bacang', earlier, { photos_shown: '1', photo: up.mediaId, [`alt:${up.mediaId}`]: 'Kantor lurah' });
    const opGabek = await a.loginAs('operator.gabek-satu');
    const theirDraft = await newDraft(opGabek, 'gabek-satu');
    const theirs = (await (await uploadPhoto(a, opGabek, 'gabek-satu', theirDraft, await noisyPhoto(640, 480), 'gabek.jpg')).json()) as any;

    const id = await newDraft(op, 'bacang');
    const page = await (await op.get(`/admin/unit/bacang/kabar/${id}/galeri`)).text();
    expect(page).toContain(`value="${up.mediaId}"`);
    expect(page).not.toContain(theirs.mediaId);
    expect((await op.post(`/admin/unit/bacang/kabar/${id}/galeri`, { media: theirs.mediaId })).status).toBe(303);
    expect((await getDraft(a.t.db, bacang, id))!.photos).toEqual([]);
    await op.post(`/admin/unit/bacang/kabar/${id}/galeri`, { media: up.mediaId });
    expect((await getDraft(a.t.db, bacang, id))!.photos).toEqual([{ mediaId: up.mediaId, alt: 'Kantor lurah' }]);
  });
});
