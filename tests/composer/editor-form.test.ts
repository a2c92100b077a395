import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, postMultipart, unitId, uploadPhoto } from './support.js';
import { decodeEntities as decode, fieldError as errorById } from '../support/html.js';

// Issue 19 point 2 for the editor's big form (/admin/unit/:slug/kabar/:id): read with the
// composer's editorFormSchema — the pressed button is one of its fields — and the patch bounded
// by draftPatchSchema. Refused, nothing is saved and the page comes back with what was typed,
// each problem next to its field; a file where text belongs, or a button the page never had, is
// a problem said on the page, never a 500.


describe(`the editor's form on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());

  async function draftWithPhoto() {
    const id = await newDraft(op, 'bacang', 'kegiatan');
    await uploadPhoto(a, op, 'bacang', id, await noisyPhoto(900, 700), 'foto.jpg');
    await autosave(a, op, 'bacang', id, { title: 'Kerja bakti', body: 'Warga kerja bakti.' });
    return (await getDraft(a.t.db, bacang, id))!;
  }
  const url = (id: string) => `/admin/unit/bacang/kabar/${id}`;

  it('a title over the limit is said next to the title; the text, hashtags and photo description typed stay; nothing saved', async () => {
    const d = await draftWithPhoto();
    const photo = d.photos[0]!.mediaId;
    const res = await op.post(url(d.id), { title: 'K'.repeat(201), body: 'Teks yang baru diketik.', hashtags: '#bacang #gotongroyong', photos_shown: '1', photo, [`alt:${photo}`]: 'Warga membawa sapu', action: 'save' });
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(errorById(html, 'f-title-err')).toContain('maksimal 200 karakter (sekarang 201)');
    expect(errorById(html, 'f-body-err')).toBeNull();
    expect(html).toContain('Teks yang baru diketik.');
    expect(html).toContain('#bacang #gotongroyong');
    expect(html).toContain('value="Warga membawa sapu"');
    const after = (await getDraft(a.t.db, bacang, d.id))!;
    expect([after.title, after.body, after.revision]).toEqual(['Kerja bakti', 'Warga kerja bakti.', d.revision]);
  });

  it('a photo description over the limit is said next to that photo', async () => {
    const d = await draftWithPhoto();
    const photo = d.photos[0]!.mediaId;
    const res = await op.post(url(d.id), { title: 'Kerja bakti RT 02', photos_shown: '1', photo, [`alt:${photo}`]: 'a'.repeat(301), action: 'save' });
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(errorById(html, `alt-${photo}-err`)).toContain('terlalu panjang');
    expect(html).toContain('value="Kerja bakti RT 02"');
    expect((await getDraft(a.t.db, bacang, d.id))!.title).toBe('Kerja bakti');
  });

  it('a title sent as a file is the title’s problem, not a 500; the text typed stays', async () => {
    const d = await draftWithPhoto();
    const res = await postMultipart(a, op, url(d.id), { body: 'Teks yang diketik bersama berkas.', action: 'publish' }, { title: { bytes: Buffer.from('Judul'), name: 'judul.txt', type: 'text/plain' } });
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(errorById(html, 'f-title-err')).toContain('bukan berkas');
    expect(html).toContain('Teks yang diketik bersama berkas.');
    expect((await getDraft(a.t.db, bacang, d.id))!.status).toBe('draft');
  });

  it('the button is a field: one the page never had, or a file under it, is refused on the page; a photo button names its photo', async () => {
    const d = await draftWithPhoto();
    for (const res of [
      await op.post(url(d.id), { title: 'Diketik', action: 'hapus-semua' }),
      await op.post(url(d.id), { title: 'Diketik', action: 'photo-remove:' }),
      await postMultipart(a, op, url(d.id), { title: 'Diketik' }, { action: { bytes: Buffer.from('publish'), name: 'a.txt', type: 'text/plain' } }),
    ]) {
      expect(res.status).toBe(422);
      const html = decode(await res.text());
      expect(html).toContain('Tombol itu tidak dikenali');
      expect(html).toContain('value="Diketik"');
    }
    expect((await getDraft(a.t.db, bacang, d.id))!.title).toBe('Kerja bakti');
    const photo = d.photos[0]!.mediaId;
    const removed = await op.post(url(d.id), { title: 'Kerja bakti', photos_shown: '1', photo, action: `photo-remove:${photo}` });
    expect(removed.headers.get('location')).toBe(`${url(d.id)}#photos`);
    expect((await getDraft(a.t.db, bacang, d.id))!.photos).toEqual([]);
  });

  it('autosave reads the same form: a file as the title is answered with the title’s problem, nothing saved', async () => {
    const d = await draftWithPhoto();
    const res = await postMultipart(a, op, `${url(d.id)}/simpan`, { body: 'Autosave' }, { title: { bytes: Buffer.from('x'), name: 'x.txt', type: 'text/plain' } });
    expect(res.status).toBe(422);
    const json = (await res.json()) as { ok: boolean; fields: Record<string, string> };
    expect(json.ok).toBe(false);
    expect(json.fields.title).toContain('bukan berkas');
    expect((await getDraft(a.t.db, bacang, d.id))!.body).toBe('Warga kerja bakti.');
  });
});
