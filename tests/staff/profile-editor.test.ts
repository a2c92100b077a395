import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProfile, updateProfileSection } from '../../src/modules/profile/index.js';
import { formToSection, sectionToForm } from '../../src/web/admin/profile/section-forms.js';
import { emptyProfile } from '../../src/modules/profile/index.js';
import { type ComposerApp, createComposerApp, postMultipart, unitId } from '../composer/support.js';
import { noisyPhoto } from '../media/fixtures.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 14, points 4 and 5: the profile editor an older operator can fill in — pictures sent
// from the phone, lists as rows (no "a | b | c" lines), colour swatches — and a form that never
// loses what was typed: a refused save says next to each field what is wrong and keeps it all.

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
};
const hasAttr = (tag: string, name: string) => new RegExp(`\\s${name}(=|\\s|>|/)`).test(tag);

/** What a browser would send for the form as rendered (no file chosen, no button pressed). */
function formValues(html: string): Record<string, string> {
  const form = /<form[^>]*class="card profile-form"[\s\S]*?<\/form>/.exec(html)![0];
  const out: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type') ?? 'text';
    if (!name || type === 'file' || type === 'submit') continue;
    if ((type === 'checkbox' || type === 'radio') && !hasAttr(tag, 'checked')) continue;
    out[name] = attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '');
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) out[attr(m[1]!, 'name')!] = decode(m[2]!);
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const selected = /<option\b([^>]*\sselected[^>]*)>/.exec(m[2]!);
    out[attr(m[1]!, 'name')!] = selected ? (attr(selected[1]!, 'value') ?? '') : '';
  }
  return out;
}

describe('profile form ⇄ section document (no pipe format)', () => {
  it('list rows become items; empty and removed rows are dropped; RT rows go under their RW', () => {
    const lembaga = formToSection('lembaga', {
      'items.rows': '4',
      'items.0.jenis': 'PKK', 'items.0.nama': 'TP PKK | Bacang', 'items.0.ketua': 'Bu Yanti',
      'items.1.jenis': 'LPM', 'items.1.nama': 'LPM Bacang', 'items.1._hapus': '1',
      'items.3.jenis': 'Karang Taruna', 'items.3.nama': 'Tunas Muda',
    });
    expect(lembaga.errors).toEqual({});
    // A "|" typed in a name is part of the name, not a column separator.
    expect(lembaga.data.items).toEqual([
      { jenis: 'PKK', nama: 'TP PKK | Bacang', ketua: 'Bu Yanti', keterangan: '' },
      { jenis: 'Karang Taruna', nama: 'Tunas Muda', ketua: '', keterangan: '' },
    ]);
    // A validation path of the second kept item points back at the form's row 3.
    expect(lembaga.fieldOf('items.1.nama')).toBe('items.3.nama');

    const wilayah = formToSection('wilayah', {
      'rw.0.nomor': '01', 'rw.0.ketua': 'Pak Sahar', 'rw.1.nomor': '02',
      'rt.0.rw': '1', 'rt.0.nomor': '01', 'rt.0.ketua': 'Pak Amin',
      'rt.1.rw': '02', 'rt.1.nomor': '03',
      'rt.2.rw': '09', 'rt.2.nomor': '04',
      luasHa: '1.234,5',
    });
    expect(wilayah.data.luasHa).toBe(1234.5);
    expect(wilayah.data.rw).toEqual([
      { nomor: '01', ketua: 'Pak Sahar', rt: [{ nomor: '01', ketua: 'Pak Amin' }] },
      { nomor: '02', ketua: '', rt: [{ nomor: '03', ketua: '' }] },
    ]);
    expect(wilayah.errors).toEqual({ 'rt.2.rw': 'rw_unknown' });
    expect(wilayah.fieldOf('rw.1.rt.0.nomor')).toBe('rt.1.nomor');
  });

  it('a saved section comes back as the same form fields', () => {
    const p = emptyProfile();
    p.identitas = { ...p.identitas, lat: -2.1342, lng: 106.1021, jamPelayanan: [{ hari: ['senin', 'selasa', 'rabu', 'kamis'], buka: '07:30', tutup: '16:00', istirahat: '12.00–13.00' }] };
    const form = sectionToForm('identitas', p);
    expect(form).toMatchObject({ lat: '-2.1342', lng: '106.1021', 'jamPelayanan.rows': '1', 'jamPelayanan.0.hari': 'senin-kamis', 'jamPelayanan.0.buka': '07:30' });
    const back = formToSection('identitas', form);
    expect(back.errors).toEqual({});
    expect(back.data).toMatchObject({ lat: -2.1342, lng: 106.1021, jamPelayanan: p.identitas.jamPelayanan });
  });
});

describe(`profile editor over HTTP on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let bacang: string;
  const U = '/admin/unit/bacang/profil';

  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    bacang = await unitId(a, 'bacang');
  }, 120_000);
  afterAll(async () => a?.close());

  it('"Identitas" saves as shown with its pre-filled coordinates, and with coordinates typed with a comma or in degrees', async () => {
    const seeded = await updateProfileSection(a.t.db, a.clock, {
      unitId: bacang, section: 'identitas', actorId: null,
      data: { alamatKantor: 'Jl. Bacang No. 1', telepon: '0717 123456', lat: -2.1342, lng: 106.1021, jamPelayanan: [{ hari: ['senin', 'selasa', 'rabu', 'kamis', 'jumat'], buka: '07:30', tutup: '16:00' }] },
    });
    expect(seeded.ok).toBe(true);
    const shown = formValues(await (await op.get(`${U}/identitas`)).text());
    expect(shown).toMatchObject({ lat: '-2.1342', lng: '106.1021', 'jamPelayanan.0.hari': 'senin-jumat' });
    const asIs = await postMultipart(a, op, `${U}/identitas`, shown);
    expect(asIs.status).toBe(303);

    const typed = await postMultipart(a, op, `${U}/identitas`, { ...shown, lat: '-2,1342', lng: `106°06'07"E`, warnaAksen: '#1e6b33' });
    expect(typed.status).toBe(303);
    const { profile } = await getProfile(a.t.db, bacang);
    expect(profile.identitas.lat).toBe(-2.1342);
    expect(profile.identitas.lng).toBeCloseTo(106 + 6 / 60 + 7 / 3600, 6);
    expect(profile.identitas.warnaAksen).toBe('#1e6b33');
    expect(profile.identitas.alamatKantor).toBe('Jl. Bacang No. 1');
  });

  it('a refused save keeps every typed value and says next to each field what is wrong; nothing is saved', async () => {
    const before = (await getProfile(a.t.db, bacang)).profile.identitas;
    const typed = {
      alamatKantor: 'Jl. Depati Hamzah No. 7', telepon: '0717 42 42 42', email: 'kantor-at-bacang', kodePos: '331',
      lat: '2°07\'55"S', lng: '-2.13', 'jamPelayanan.rows': '2', 'jamPelayanan.0.hari': 'senin-kamis', 'jamPelayanan.0.buka': '07:30', 'jamPelayanan.0.tutup': '16:00',
      'jamPelayanan.1.hari': '', 'jamPelayanan.1.buka': '08:00', 'jamPelayanan.1.tutup': '11:00', 'media.0.platform': 'instagram', 'media.0.url': 'http://instagram.com/kel.bacang',
    };
    const r = await postMultipart(a, op, `${U}/identitas`, typed);
    expect(r.status).toBe(422);
    const html = await r.text();
    const kept = formValues(html);
    for (const [k, v] of Object.entries(typed)) if (k !== 'jamPelayanan.rows') expect(kept[k], k).toBe(v);
    // Each problem sits inside its field's own block, before the input it is about.
    const errorBefore = (id: string, text: RegExp) => {
      const err = html.indexOf(`id="${id}-err"`);
      const input = html.indexOf(`id="${id}"`, err);
      expect(err, id).toBeGreaterThan(0);
      expect(input - err, id).toBeLessThan(1200);
      expect(html.slice(err, input)).toMatch(text);
    };
    errorBefore('f-email', /Alamat surel belum benar/);
    errorBefore('f-kodePos', /5 angka/);
    errorBefore('f-lng', /di luar Indonesia/);
    errorBefore('f-jamPelayanan-1-hari', /Pilih harinya/);
    errorBefore('f-media-0-url', /https:\/\//);
    expect(html).not.toContain('id="f-lat-err"');
    expect(html).not.toContain('id="f-telepon-err"');
    // The summary names the field in words, not a code.
    expect(html).toMatch(/Jam pelayanan, Baris 2, Hari: Pilih harinya/);
    expect((await getProfile(a.t.db, bacang)).profile.identitas).toEqual(before);
  });

  it('logo and office photo are uploaded from the phone, shown on the form and served publicly; a file that is no picture is named at its field', async () => {
    const shown = formValues(await (await op.get(`${U}/identitas`)).text());
    const logo = await noisyPhoto(600, 600, 'png');
    const office = await noisyPhoto(1600, 1000);
    const r = await postMultipart(a, op, `${U}/identitas`, shown, {
      'logo.file': { bytes: logo, name: 'logo.png', type: 'image/png' },
      'fotoKantor.file': { bytes: office, name: 'IMG_2041.jpg', type: 'image/jpeg' },
    });
    expect(r.status).toBe(303);
    const { identitas } = (await getProfile(a.t.db, bacang)).profile;
    expect(identitas.logo).toMatch(/^\/media\/.+\.webp$/);
    expect(identitas.fotoKantor).toMatch(/^\/media\/.+\.jpg$/);
    for (const src of [identitas.logo, identitas.fotoKantor]) expect((await a.request(src)).status, src).toBe(200);
    const again = await (await op.get(`${U}/identitas`)).text();
    expect(again).toContain(`src="${identitas.logo}"`);
    expect(formValues(again).logo).toBe(identitas.logo);

    const bad = await postMultipart(a, op, `${U}/identitas`, { ...formValues(again), alamatKantor: 'Jl. Baru 9' }, { 'fotoKantor.file': { bytes: Buffer.from('bukan gambar'), name: 'catatan.txt', type: 'text/plain' } });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toMatch(/id="f-fotoKantor-err"[^>]*>Foto tidak dapat dipakai/);
    expect(formValues(html).alamatKantor).toBe('Jl. Baru 9');
    // The earlier office photo is still the one on the form (and on the profile).
    expect(formValues(html).fotoKantor).toBe(identitas.fotoKantor);

    // "Hapus gambar ini" removes the logo.
    const removed = await postMultipart(a, op, `${U}/identitas`, { ...formValues(again), 'logo._hapus': '1' });
    expect(removed.status).toBe(303);
    expect((await getProfile(a.t.db, bacang)).profile.identitas.logo).toBe('');
  });

  it('a list section adds rows with "Tambah 3 baris" and removes a row, with no "a | b | c" lines anywhere', async () => {
    const first = await (await op.get(`${U}/aparatur`)).text();
    expect(first).not.toMatch(/\|/);
    expect(first.match(/class="row-item"/g)).toHaveLength(2);
    const add = await postMultipart(a, op, `${U}/aparatur`, { ...formValues(first), 'items.0.nama': 'Rahmat Hidayat', 'items.0.jabatan': 'Lurah', _tambah: 'items' });
    expect(add.status).toBe(200);
    const more = await add.text();
    expect(more.match(/class="row-item"/g)).toHaveLength(5);
    expect(formValues(more)['items.0.nama']).toBe('Rahmat Hidayat');
    // Nothing was saved by adding rows.
    expect((await getProfile(a.t.db, bacang)).profile.aparatur.items).toEqual([]);

    const filled = { ...formValues(more), 'items.1.nama': 'Siti Aminah', 'items.1.jabatan': 'Sekretaris Lurah', 'items.2.nama': 'Budi', 'items.2.jabatan': 'Staf' };
    const portrait = await noisyPhoto(400, 500);
    expect((await postMultipart(a, op, `${U}/aparatur`, filled, { 'items.1.foto.file': { bytes: portrait, name: 'siti.jpg', type: 'image/jpeg' } })).status).toBe(303);
    let items = (await getProfile(a.t.db, bacang)).profile.aparatur.items;
    expect(items.map((i) => [i.nama, i.jabatan, i.atasanId])).toEqual([['Rahmat Hidayat', 'Lurah', ''], ['Siti Aminah', 'Sekretaris Lurah', 'p0'], ['Budi', 'Staf', 'p0']]);
    expect(items[1]!.foto).toMatch(/^\/media\//);

    const saved = formValues(await (await op.get(`${U}/aparatur`)).text());
    expect((await postMultipart(a, op, `${U}/aparatur`, { ...saved, 'items.2._hapus': '1' })).status).toBe(303);
    items = (await getProfile(a.t.db, bacang)).profile.aparatur.items;
    expect(items.map((i) => i.nama)).toEqual(['Rahmat Hidayat', 'Siti Aminah']);

    // A row missing its required name is named at that row's cell, the rest kept.
    const missing = await postMultipart(a, op, `${U}/aparatur`, { ...saved, 'items.3.jabatan': 'Staf' });
    expect(missing.status).toBe(422);
    expect(await missing.text()).toMatch(/id="f-items-3-nama-err"[^>]*>Wajib diisi/);
  });

  it('every section renders as fields and rows, and the colour is picked from swatches', async () => {
    for (const s of ['identitas', 'narasi', 'aparatur', 'wilayah', 'lembaga', 'sarana', 'potensi', 'statistik']) {
      const html = await (await op.get(`${U}/${s}`)).text();
      expect(html, s).toContain('enctype="multipart/form-data"');
      expect(html, s).not.toMatch(/prof\.(field|col|list)\./);
      expect(html, s).not.toMatch(/Satu baris per|\| Jabatan|Nomor RW \|/);
    }
    const identitas = await (await op.get(`${U}/identitas`)).text();
    expect(identitas.match(/type="radio" name="warnaAksen"/g)!.length).toBeGreaterThanOrEqual(7);
    expect(identitas).toContain('type="file" accept="image/*"');
    expect(identitas).not.toContain('alamat gambar');
  });
});

describe(`the checklist's profile step follows the city's rule on ${testEngine()}`, () => {
  let a: ComposerApp;
  beforeAll(async () => {
    a = await createComposerApp();
  }, 120_000);
  afterAll(async () => a?.close());

  it('counts the profile as done at the rule\'s minimum, not at a figure of its own', async () => {
    const { setRule, getRule } = await import('../../src/modules/compliance/index.js');
    const { profileCompleteness } = await import('../../src/modules/profile/index.js');
    const { t } = await import('../../src/i18n/index.js');
    const bacang = await unitId(a, 'bacang');
    await updateProfileSection(a.t.db, a.clock, { unitId: bacang, section: 'identitas', actorId: null, data: { alamatKantor: 'Jl. Bacang No. 1', telepon: '0717 123456', email: 'kel@contoh.go.id' } });
    await updateProfileSection(a.t.db, a.clock, { unitId: bacang, section: 'narasi', actorId: null, data: { visi: 'Bacang bersih', sejarah: 'Berdiri sejak lama.' } });
    const c = profileCompleteness((await getProfile(a.t.db, bacang)).profile).overall;
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(80);
    const op = await a.loginAs('operator.bacang');
    const label = t('composer.onboarding.profil', { detail: c });
    const stepClass = async () => {
      const html = await (await op.get('/admin/unit/bacang')).text();
      const li = [...html.matchAll(/<li class="(done|todo)">([\s\S]*?)<\/li>/g)].find((m) => m[2]!.includes(label));
      return li?.[1];
    };
    const rule = await getRule(a.t.db, a.deps.config.region);
    expect((await setRule(a.t.db, a.deps.config.region, { ...rule, profileCompletenessMin: c + 1 }, null, a.clock)).ok).toBe(true);
    expect(await stepClass()).toBe('todo');
    expect((await setRule(a.t.db, a.deps.config.region, { ...rule, profileCompletenessMin: c }, null, a.clock)).ok).toBe(true);
    expect(await stepClass()).toBe('done');
  });
});
