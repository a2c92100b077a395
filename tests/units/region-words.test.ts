import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateRapor } from '../../src/modules/compliance/index.js';
import { updateProfileSection } from '../../src/modules/profile/index.js';
import { addOpd } from '../../src/modules/units/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Issue 14, point 11: the product speaks the region's own words. In a regency (11.01, Kabupaten
// Aceh Selatan: 260 desa) the desa site, the portal and the staff home say desa, Kepala Desa,
// Bupati, Kabupaten, Pemkab; a kecamatan's site greets from the Camat and an OPD's from its own
// head; Pangkalpinang (a kota of kelurahan) keeps kelurahan, Lurah, Wali Kota.

/** What a person reads: tags, scripts and styles gone, entities of quotes undone. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;|&#39;|&amp;/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The text with the region's own names taken out ("Kota Palak" is a desa, "Kota Bahagia" a kecamatan). */
async function withoutNames(a: TestApp, region: string, text: string): Promise<string> {
  const names = await a.t.db.selectFrom('units').select('name').where('region_code', '=', region).execute();
  const users = await a.t.db.selectFrom('users').select(['username', 'display_name']).execute();
  const all = [...names.map((n) => n.name), ...users.flatMap((u) => [u.username, u.display_name])].sort((x, y) => y.length - x.length);
  let out = text;
  for (const n of all) out = out.split(n).join(' ');
  return out;
}

const CITY_WORDS = /\b(kelurahan|lurah|wali ?kota|walikota|pemkot|kota)\b/gi;

describe('the region’s own words in a regency (11.01)', () => {
  let a: TestApp;
  let desa: string;
  let kecamatan: string;
  const page = async (path: string, as?: string) => {
    const res = as ? await (await a.loginAs(as)).get(path) : await a.request(path);
    expect(res.status, path).toBe(200);
    return visibleText(await res.text());
  };
  const cityWordsIn = async (text: string) => (await withoutNames(a, '11.01', text)).match(CITY_WORDS) ?? [];

  beforeAll(async () => {
    a = await createTestApp({ region: '11.01', demo: false });
    const head = await a.t.db.selectFrom('users').select('username').where('role', '=', 'lurah').executeTakeFirstOrThrow();
    desa = head.username.slice('lurah.'.length);
    const camat = await a.t.db.selectFrom('users').select('username').where('role', '=', 'camat').executeTakeFirstOrThrow();
    kecamatan = `kecamatan-${camat.username.slice('camat.'.length)}`;
    const unit = await a.t.db.selectFrom('units').select(['id', 'kind']).where('slug', '=', desa).executeTakeFirstOrThrow();
    expect(unit.kind).toBe('desa');
    const saved = await updateProfileSection(a.t.db, a.clock, {
      unitId: unit.id, section: 'aparatur', actorId: null,
      data: { items: [{ id: 'a1', nama: 'Teuku Ahmad', jabatan: 'Kepala Desa' }, { id: 'a2', nama: 'Cut Nur', jabatan: 'Sekretaris Desa', atasanId: 'a1' }] },
    });
    expect(saved.ok).toBe(true);
  }, 120_000);
  afterAll(async () => a.close());

  it('the desa site greets from the Kepala Desa and links to the Portal Kabupaten', async () => {
    const home = await page(`/${desa}`);
    expect(home).toContain('Sambutan Kepala Desa');
    expect(home).toContain('Teuku Ahmad , Kepala Desa');
    expect(home).toContain('Portal Kabupaten');
    expect(home).toContain('Desa ini belum menerbitkan berita');
    expect(await cityWordsIn(home)).toEqual([]);
    const layanan = await page(`/${desa}/layanan`);
    expect(layanan).toContain('kantor desa');
    expect(await cityWordsIn(layanan)).toEqual([]);
  });

  it('the portal is the regency’s portal of desa', async () => {
    const portal = await page('/');
    expect(portal).toContain('Portal Desa Kabupaten Aceh Selatan');
    expect(portal).toMatch(/\d+ kecamatan, 260 desa/);
    expect(await cityWordsIn(portal)).toEqual([]);
  });

  it('the staff home of a desa speaks of the desa and its Kepala Desa', async () => {
    const home = await page(`/admin/unit/${desa}`, `lurah.${desa}`);
    expect(home).toContain('Persetujuan Kepala Desa');
    expect(home).toContain('Pasang logo desa');
    expect(await cityWordsIn(home)).toEqual([]);
    const aparatur = await (await (await a.loginAs(`lurah.${desa}`)).get(`/admin/unit/${desa}/profil/aparatur`)).text();
    expect(aparatur).toContain('<option value="Kepala Desa">');
    expect(aparatur).toContain('<option value="Sekretaris Desa">');
    expect(aparatur).not.toContain('<option value="Lurah">');
    // A new post's house hashtags name the desa as a desa (#DesaX, #KegiatanDesa), not a kelurahan.
    const writer = await a.loginAs(`lurah.${desa}`);
    const created = await writer.post(`/admin/unit/${desa}/tulis`, { template: 'kegiatan' });
    const draftId = /\/kabar\/([a-z0-9]+)$/.exec(created.headers.get('location') ?? '')![1]!;
    const draft = await a.t.db.selectFrom('composer_drafts').select('hashtags').where('id', '=', draftId).executeTakeFirstOrThrow();
    const tags: string[] = JSON.parse(draft.hashtags);
    expect(tags).toContain('#KegiatanDesa');
    expect(tags.some((h) => h.startsWith('#Desa'))).toBe(true);
    expect(tags.join(' ')).not.toMatch(/Kelurahan/);
    const login = visibleText(await (await a.request('/admin/masuk')).text());
    expect(login).toContain('pendamping desa');
    expect(await cityWordsIn(login)).toEqual([]);
  });

  it('a kecamatan site greets from the Camat, an OPD site from its own head', async () => {
    const kec = await page(`/${kecamatan}`);
    expect(kec).toContain('Sambutan Camat');
    expect(kec).toContain('Kecamatan ini belum menerbitkan berita');
    expect(await cityWordsIn(kec)).toEqual([]);

    const dinkes = await addOpd(a.t.db, '11.01', { name: 'Dinas Kesehatan', slug: 'dinkes' }, a.clock);
    const bpkd = await addOpd(a.t.db, '11.01', { name: 'Badan Pengelolaan Keuangan Daerah', slug: 'bpkd' }, a.clock);
    expect(dinkes.ok && bpkd.ok).toBe(true);
    if (!bpkd.ok) return;
    await updateProfileSection(a.t.db, a.clock, {
      unitId: bpkd.value.unit.id, section: 'aparatur', actorId: null,
      data: { items: [{ id: 'k', nama: 'Rahmat Hidayat', jabatan: 'Kepala Badan Pengelolaan Keuangan Daerah' }] },
    });
    expect(await page('/dinkes')).toContain('Sambutan Kepala Dinas');
    const badan = await page('/bpkd');
    expect(badan).toContain('Sambutan Kepala Badan Pengelolaan Keuangan Daerah');
    expect(badan).toContain('Rahmat Hidayat , Kepala Badan Pengelolaan Keuangan Daerah');
    expect(badan).not.toContain('Lurah');
  });

  it('the weekly rapor the worker stores (outside any request) is titled for desa', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-rapor-'));
    try {
      const made = await generateRapor(a.t.db, { region: '11.01', clock: a.clock, dir });
      expect(made.ok).toBe(true);
      const pdf = made.ok ? made.value.find((f) => f.format === 'pdf')! : null;
      const text = await pdfText(readFileSync(path.join(dir, pdf!.name)));
      expect(text).toContain('Rapor Kanal Digital Desa dan OPD');
      expect(text).not.toMatch(/\bkelurahan\b/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

async function pdfText(buf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(buf), disableFontFace: true }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const text = content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('');
  await doc.destroy();
  return text;
}

describe('the same pages in Pangkalpinang (a kota of kelurahan)', () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
  }, 120_000);
  afterAll(async () => a.close());

  it('say kelurahan, Lurah and Portal Kota', async () => {
    expect(a.deps.config.region).toBe('19.71');
    const home = visibleText(await (await a.request('/bacang')).text());
    expect(home).toContain('Sambutan Lurah');
    expect(home).toContain('Portal Kota');
    expect(home).toContain('Kelurahan ini belum menerbitkan berita');
    const portal = visibleText(await (await a.request('/')).text());
    expect(portal).toContain('Portal Kelurahan Kota Pangkalpinang');
    expect(portal).toMatch(/7 kecamatan, 42 kelurahan/);
    const staff = visibleText(await (await (await a.loginAs('lurah.bacang')).get('/admin/unit/bacang')).text());
    expect(staff).toContain('Persetujuan Lurah');
    expect(staff).toContain('Pasang logo kelurahan');
    expect(staff).not.toMatch(/\b(desa|Kepala Desa|Bupati|Kabupaten|Pemkab)\b/);
    const created = await (await a.loginAs('lurah.bacang')).post('/admin/unit/bacang/tulis', { template: 'kegiatan' });
    const draftId = /\/kabar\/([a-z0-9]+)$/.exec(created.headers.get('location') ?? '')![1]!;
    const draft = await a.t.db.selectFrom('composer_drafts').select('hashtags').where('id', '=', draftId).executeTakeFirstOrThrow();
    expect(JSON.parse(draft.hashtags)).toEqual(expect.arrayContaining(['#KelurahanBacang', '#KegiatanKelurahan']));
    expect(visibleText(await (await a.request('/kecamatan-bukit-intan')).text())).toContain('Sambutan Camat');
  });
});
