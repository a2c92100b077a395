import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, createComposerApp, postMultipart, publishWithPhoto, unitId } from './support.js';
import { decodeEntities as decode, fieldError as errorById } from '../support/html.js';

// Issue 19 point 2 for the forms on a published post: "Ubah kabar yang sudah terbit" is read with
// the composer's publishedEditFormSchema (its new photos' files beside it, parse-form's formFiles)
// and the withdraw confirmation with withdrawFormSchema. A problem is said next to its field with
// the rest typed kept; a value of the wrong type (a file where text belongs) is that field's
// problem, never a 500; nothing changes until the form is right.


describe(`forms on a published post on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());

  const published = async (title: string) =>
    (await publishWithPhoto(a, op, 'bacang', title, { bytes: await noisyPhoto(1000, 800), name: 'foto.jpg', alt: 'Foto kegiatan' }, `Warga Bacang: ${title.toLowerCase()}.`)).draft;

  it('a title over the limit is said next to the title; the text, the photo description and the new slot’s description stay; nothing changed', async () => {
    const d = await published('Gotong royong RT 01');
    const photo = d.photos[0]!.mediaId;
    const long = 'J'.repeat(201);
    const res = await op.post(`/admin/unit/bacang/kabar/${d.id}/ubah`, { title: long, body: 'Isi yang diketik ulang.', revision: String(d.revision), photo, [`keep_${photo}`]: '1', [`alt_${photo}`]: 'Warga menyapu jalan', alt_baru_0: 'Untuk foto baru' });
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(errorById(html, 'f-title-err')).toContain('maksimal 200 karakter (sekarang 201)');
    expect(errorById(html, 'f-body-err')).toBeNull();
    expect(html).toContain(`value="${long}"`);
    expect(html).toContain('Isi yang diketik ulang.');
    expect(html).toContain(`name="alt_${photo}" type="text" value="Warga menyapu jalan"`);
    expect(html).toContain('name="alt_baru_0" type="text" value="Untuk foto baru"');
    const after = (await getDraft(a.t.db, bacang, d.id))!;
    expect([after.title, after.revision, after.photos[0]!.alt]).toEqual(['Gotong royong RT 01', d.revision, 'Foto kegiatan']);
  });

  it('a photo description over the limit is said next to that photo’s description', async () => {
    const d = await published('Posyandu lansia');
    const photo = d.photos[0]!.mediaId;
    const res = await op.post(`/admin/unit/bacang/kabar/${d.id}/ubah`, { title: 'Posyandu lansia hari Sabtu', body: 'Posyandu lansia pindah ke hari Sabtu.', revision: String(d.revision), photo, [`keep_${photo}`]: '1', [`alt_${photo}`]: 'x'.repeat(501) });
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(errorById(html, 'f-alt-0-err')).toContain('maksimal 500 karakter');
    expect(errorById(html, 'f-title-err')).toBeNull();
    expect(html).toContain('value="Posyandu lansia hari Sabtu"');
    expect((await getDraft(a.t.db, bacang, d.id))!.title).toBe('Posyandu lansia');
  });

  it('a title sent as a file is the title’s problem (not a 500); a refused new photo is said next to its slot', async () => {
    const d = await published('Pasar murah');
    const photo = d.photos[0]!.mediaId;
    const res = await postMultipart(
      a, op, `/admin/unit/bacang/kabar/${d.id}/ubah`,
      { body: 'Pasar murah di balai kelurahan.', revision: String(d.revision), photo, [`keep_${photo}`]: '1', [`alt_${photo}`]: 'Foto kegiatan' },
      { title: { bytes: Buffer.from('Judul'), name: 'judul.txt', type: 'text/plain' }, foto_baru_1: { bytes: Buffer.from('bukan gambar'), name: 'catatan.jpg', type: 'image/jpeg' } },
    );
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(errorById(html, 'f-baru-1-err')).toContain('catatan.jpg: ');
    expect(html).toContain('Pasar murah di balai kelurahan.');
    const empty = await op.post(`/admin/unit/bacang/kabar/${d.id}/ubah`, { title: '', body: 'Pasar murah di balai kelurahan.', revision: String(d.revision), photo, [`keep_${photo}`]: '1' });
    expect(empty.status).toBe(422);
    expect(errorById(decode(await empty.text()), 'f-title-err')).toContain('Judul belum diisi');
    const fileTitle = await postMultipart(a, op, `/admin/unit/bacang/kabar/${d.id}/ubah`, { body: 'Pasar murah di balai kelurahan.', revision: String(d.revision) }, { title: { bytes: Buffer.from('Judul'), name: 'judul.txt', type: 'text/plain' } });
    expect(fileTitle.status).toBe(422);
    expect(errorById(decode(await fileTitle.text()), 'f-title-err')).toContain('Judul belum diisi');
    expect((await getDraft(a.t.db, bacang, d.id))!.title).toBe('Pasar murah');
  });

  it('withdraw: a confirmation sent as a file asks again and changes nothing; yakin=1 takes the post back', async () => {
    const d = await published('Lomba kebersihan');
    const asFile = await postMultipart(a, op, `/admin/unit/bacang/kabar/${d.id}/tarik`, {}, { yakin: { bytes: Buffer.from('1'), name: 'y.txt', type: 'text/plain' } });
    expect(asFile.status).toBe(200);
    expect(await asFile.text()).toContain('name="yakin" value="1"');
    expect((await getDraft(a.t.db, bacang, d.id))!.status).toBe('published');
    const res = await op.post(`/admin/unit/bacang/kabar/${d.id}/tarik`, { yakin: '1' });
    expect(res.status).toBe(303);
    expect((await getDraft(a.t.db, bacang, d.id))!.status).toBe('draft');
  });
});
