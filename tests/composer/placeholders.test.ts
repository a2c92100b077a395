import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChannel } from '../../src/modules/channels/index.js';
import { getDraft, placeholdersIn } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { type ComposerApp, createComposerApp, newDraft, unitId } from './support.js';

// #14 point 7: a template's "[syarat 1]" marks left in the text stop publishing, with a message
// that names each mark and the field it is in — nothing reaches the website or a social account.

describe('placeholdersIn', () => {
  it('finds template marks, not Markdown links or brackets without words', () => {
    const found = placeholdersIn({
      title: 'Syarat [nama layanan]',
      body: '- [syarat 1]\n- [syarat 2]\n- [syarat 1]\nLihat [situs kami](https://bacang.test) dan catatan [1]. [ ]',
      captions: { instagram: 'Info [tulis jam] WIB' },
    });
    expect(found).toEqual([
      { field: 'title', text: '[nama layanan]' },
      { field: 'body', text: '[syarat 1]' },
      { field: 'body', text: '[syarat 2]' },
      { field: 'caption', text: '[tulis jam]' },
    ]);
    expect(placeholdersIn({ title: 'Kerja bakti', body: 'Selesai pukul 10.00 [WIB selesai tepat].', captions: {} })).toHaveLength(1);
    expect(placeholdersIn({ title: 'Kerja bakti', body: 'Tanpa tanda kurung sama sekali.', captions: {} })).toEqual([]);
  });
});

describe(`template marks refused over HTTP on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
    await registerChannel(a.deps, { unitId: bacang, platform: 'facebook', profileUrl: 'https://www.facebook.com/kelurahanbacang' });
  });
  afterAll(async () => a?.close());

  const countDeliveries = async () => Number((await a.t.db.selectFrom('deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('unit_id', '=', bacang).executeTakeFirstOrThrow()).n);

  it('"Terbitkan" with the layanan template’s [syarat 1] left in is refused, pointing at each mark, and nothing goes out', async () => {
    const id = await newDraft(op, 'bacang', 'layanan');
    const body = (await getDraft(a.t.db, bacang, id))!.body;
    expect(body).toContain('[syarat 1]');
    const before = await countDeliveries();
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish', title: 'Syarat membuat surat pindah', body, photos_shown: '1' });
    expect(res.status).toBe(422);
    const html = await res.text();
    // At the top, the field and its marks …
    expect(html).toContain('Masih ada teks contoh di Isi kabar: [nama layanan], [syarat 1], [syarat 2], [syarat 3], [hari], [jam].');
    // … and again next to the text field, which is marked invalid.
    expect(html).toMatch(/<p class="error" id="f-body-err">Ganti teks contoh ini dengan isi yang sebenarnya: \[nama layanan\], \[syarat 1\]/);
    expect(html).toMatch(/<textarea id="f-body"[^>]*aria-invalid="true"/);
    // What was typed is kept, the draft is still a draft, no website copy, no delivery.
    expect(html).toContain('value="Syarat membuat surat pindah"');
    const after = (await getDraft(a.t.db, bacang, id))!;
    expect(after.status).toBe('draft');
    expect(after.contentId).toBeNull();
    expect(await countDeliveries()).toBe(before);
  });

  it('a mark left in the title is named as the title’s; scheduling and sending for approval are refused the same way', async () => {
    const id = await newDraft(op, 'bacang', 'berita');
    const fields = { title: 'Rapat [tanggal]', body: 'Rapat warga membahas kebersihan lingkungan RT 03.', photos_shown: '1' };
    const publish = await (await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'publish' })).text();
    expect(publish).toContain('Masih ada teks contoh di Judul: [tanggal].');
    expect(publish).toMatch(/id="f-title-err">Ganti teks contoh ini dengan isi yang sebenarnya: \[tanggal\]/);
    const later = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const schedule = await op.post(`/admin/unit/bacang/kabar/${id}`, { ...fields, action: 'schedule', jadwal: `${later}T08:00` });
    expect(schedule.status).toBe(422);
    expect(await schedule.text()).toContain('Masih ada teks contoh di Judul: [tanggal].');
    expect((await getDraft(a.t.db, bacang, id))!.status).toBe('draft');
  });

  it('once every mark is replaced the same post goes out, a Markdown link notwithstanding', async () => {
    const id = await newDraft(op, 'bacang', 'layanan');
    const body = 'Warga yang ingin mengurus surat pindah membawa:\n\n- KTP asli\n- Kartu Keluarga\n\nFormulir ada di [situs kelurahan](https://bacang.test/layanan).';
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish', title: 'Syarat membuat surat pindah', body, photos_shown: '1' });
    expect(res.status).toBe(303);
    const d = (await getDraft(a.t.db, bacang, id))!;
    expect(d.status).toBe('published');
    expect(await a.t.db.selectFrom('deliveries').select('id').where('post_id', '=', d.contentId!).execute()).toHaveLength(1);
  });
});
