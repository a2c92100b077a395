import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, createComposerApp, newDraft, postMultipart, publishWithPhoto, unitId, uploadPhoto } from './support.js';
import { decodeEntities as decode } from '../support/html.js';

// #14 point 3: changing a published post can add photos, not only keep or remove them — from the
// phone, through the composer's media pipeline and checks, each with its alt text; the public
// page shows them once saved. A refused file says why and keeps everything else (the text typed
// and the photos already accepted); a photo id from elsewhere adds nothing.


describe(`a published post gains new photos when edited (#14 point 3) on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());

  async function publishedWithPhoto(title: string) {
    const { id, draft } = await publishWithPhoto(a, op, 'bacang', title, { bytes: await noisyPhoto(1200, 900), name: 'pertama.jpg', alt: 'Foto pertama' }, `Warga Bacang ${title.toLowerCase()}.`);
    const item = await a.t.db.selectFrom('content_items').selectAll().where('id', '=', draft.contentId!).executeTakeFirstOrThrow();
    return { id, draft, publicPath: `/bacang/berita/${item.slug}` };
  }

  it('a photo picked on the edit form is stored through the media pipeline, with its alt text, and shows on the public page', async () => {
    const p = await publishedWithPhoto('Senam pagi di lapangan RW 02');
    const form = await (await op.get(`/admin/unit/bacang/kabar/${p.id}/ubah`)).text();
    expect(form).toContain('enctype="multipart/form-data"');
    expect(form).toContain('name="foto_baru_0"');
    expect(form).toContain('name="alt_baru_0"');

    const first = p.draft.photos[0]!.mediaId;
    const res = await postMultipart(
      a, op, `/admin/unit/bacang/kabar/${p.id}/ubah`,
      { title: 'Senam pagi di lapangan RW 02', body: 'Warga Bacang senam pagi bersama.', revision: String(p.draft.revision), photo: first, [`keep_${first}`]: '1', [`alt_${first}`]: 'Foto pertama', alt_baru_0: 'Ibu-ibu senam di lapangan' },
      { foto_baru_0: { bytes: await noisyPhoto(1000, 1000), name: 'senam.jpg', type: 'image/jpeg' } },
    );
    expect(res.status).toBe(303);
    const draft = (await getDraft(a.t.db, bacang, p.id))!;
    expect(draft.photos).toHaveLength(2);
    expect(draft.photos[0]!.mediaId).toBe(first);
    expect(draft.photos[1]!.alt).toBe('Ibu-ibu senam di lapangan');
    const media = await a.t.db.selectFrom('media').selectAll().where('id', '=', draft.photos[1]!.mediaId).executeTakeFirstOrThrow();
    expect(media.unit_id).toBe(bacang);
    const page = decode(await (await a.request(p.publicPath)).text());
    expect(page).toContain('alt="Ibu-ibu senam di lapangan"');
    const audit = await a.t.db.selectFrom('audit_log').select('detail').where('action', '=', 'composer.published.edit').execute();
    expect(audit.map((x) => JSON.parse(x.detail ?? '{}')).some((d) => d.draftId === p.id && d.photosAdded === 1)).toBe(true);
  });

  it('a refused file says why; the text typed and the photo accepted beside it stay for the next save; a photo id from elsewhere adds nothing', async () => {
    const p = await publishedWithPhoto('Pengambilan bantuan sembako');
    const first = p.draft.photos[0]!.mediaId;
    const res = await postMultipart(
      a, op, `/admin/unit/bacang/kabar/${p.id}/ubah`,
      { title: 'Pengambilan bantuan sembako hari Jumat', body: 'Bantuan sembako diambil hari Jumat.', revision: String(p.draft.revision), photo: first, [`keep_${first}`]: '1', alt_baru_0: 'Antrean warga', alt_baru_1: 'bukan foto' },
      { foto_baru_0: { bytes: await noisyPhoto(900, 900), name: 'antre.jpg', type: 'image/jpeg' }, foto_baru_1: { bytes: Buffer.from('ini bukan gambar sama sekali'), name: 'catatan.jpg', type: 'image/jpeg' } },
    );
    expect(res.status).toBe(422);
    const html = decode(await res.text());
    expect(html).toContain('catatan.jpg: ');
    expect(html).toContain('value="Pengambilan bantuan sembako hari Jumat"');
    // Nothing changed yet on the site or the draft.
    expect((await getDraft(a.t.db, bacang, p.id))!.photos).toHaveLength(1);
    const carried = /name="baru" value="([^"]+)"/.exec(html)?.[1];
    expect(carried).toBeTruthy();
    expect(html).toContain(`name="alt_${carried}" type="text" value="Antrean warga"`);

    // Sent again as the page now stands (plus another unit's photo id typed in): saved with the
    // accepted photo, the foreign id ignored.
    const gabek = await a.loginAs('operator.gabek-satu');
    const other = await newDraft(gabek, 'gabek-satu', 'kegiatan');
    expect((await uploadPhoto(a, gabek, 'gabek-satu', other, await noisyPhoto(800, 800), 'gabek.jpg')).status).toBe(200);
    const foreign = await a.t.db.selectFrom('media').select('id').where('unit_id', '!=', bacang).executeTakeFirstOrThrow();
    const again = await postMultipart(a, op, `/admin/unit/bacang/kabar/${p.id}/ubah`, {
      title: 'Pengambilan bantuan sembako hari Jumat', body: 'Bantuan sembako diambil hari Jumat.', revision: String(p.draft.revision),
      photo: first, [`keep_${first}`]: '1', baru: [carried!, foreign.id, 'tidak-ada'], [`keep_${carried}`]: '1', [`alt_${carried}`]: 'Antrean warga',
    });
    expect(again.status).toBe(303);
    const draft = (await getDraft(a.t.db, bacang, p.id))!;
    expect(draft.photos.map((x) => x.mediaId)).toEqual([first, carried]);
    expect(decode(await (await a.request(p.publicPath)).text())).toContain('alt="Antrean warga"');
  });
});
