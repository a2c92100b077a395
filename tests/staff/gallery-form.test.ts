import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noisyPhoto } from '../media/fixtures.js';
import { postMultipart } from '../composer/support.js';
import { type Session, type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { fieldError as errorById } from '../support/html.js';

// Issue 19 point 2 for the Galeri's "Album baru" form: title, description and the tick are read
// with the content module's galleryFormSchema, the photos beside it (parse-form's formFiles).
// A problem is said next to its field with the rest typed kept; nothing is stored until the
// text is right; a title sent as a file is the title's problem, not a 500.


let a: TestApp;
let op: Session;
const albums = async () => (await a.t.db.selectFrom('galleries').select('id').execute()).length;
const photosStored = async () => (await a.t.db.selectFrom('media').select('id').execute()).length;

beforeAll(async () => {
  a = await createTestApp();
  op = await a.loginAs('operator.bacang');
});
afterAll(async () => a?.close());

describe(`the album form on ${testEngine()}`, () => {
  it('a description over the limit is said next to the description; the title typed stays; neither album nor photo stored', async () => {
    const [before, media] = [await albums(), await photosStored()];
    const res = await postMultipart(a, op, '/admin/unit/bacang/galeri', { title: 'Lomba 17 Agustus', description: 'd'.repeat(2001), publish: '1' }, { photos: { bytes: await noisyPhoto(800, 600), name: 'lomba.jpg', type: 'image/jpeg' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorById(html, 'f-description-err')).toContain('maksimal 2000 karakter (sekarang 2001)');
    expect(errorById(html, 'f-title-err')).toBeNull();
    expect(html).toContain('value="Lomba 17 Agustus"');
    expect([await albums(), await photosStored()]).toEqual([before, media]);
  });

  it('a title sent as a file is the title’s problem, not a 500; the description stays', async () => {
    const before = await albums();
    const res = await postMultipart(a, op, '/admin/unit/bacang/galeri', { description: 'Keterangan yang diketik' }, { title: { bytes: Buffer.from('Judul'), name: 'judul.txt', type: 'text/plain' }, photos: { bytes: await noisyPhoto(800, 600), name: 'a.jpg', type: 'image/jpeg' } });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(errorById(html, 'f-title-err')).toBe('Judul album: tulis paling sedikit 3 huruf.');
    expect(html).toContain('Keterangan yang diketik');
    expect(await albums()).toBe(before);
  });

  it('a right form makes the album with its photo', async () => {
    const before = await albums();
    const res = await postMultipart(a, op, '/admin/unit/bacang/galeri', { title: '  Senam pagi  ', description: 'Senam bersama warga', publish: '1' }, { photos: { bytes: await noisyPhoto(800, 600), name: 'senam.jpg', type: 'image/jpeg' } });
    expect(res.status).toBe(200);
    expect(await albums()).toBe(before + 1);
    const row = await a.t.db.selectFrom('galleries').select(['title', 'description']).where('title', '=', 'Senam pagi').executeTakeFirstOrThrow();
    expect(row.description).toBe('Senam bersama warga');
  });
});
