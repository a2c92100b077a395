import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noisyPhoto } from '../media/fixtures.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';

// Issue 14, point 2: each role lands where its work is, and the unit's staff home leads to every
// page of the unit in one tap. The browser crawl (tests/e2e/staff-reach.test.ts) walks it all;
// these check the rules quickly.

const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('staff homes', () => {
  let a: TestApp;
  const s = {} as Record<string, Session>;
  beforeAll(async () => {
    a = await createTestApp();
    for (const u of ['admin', 'walikota', 'camat.bukit-intan', 'pendamping', 'lurah.bacang', 'operator.bacang']) s[u] = await a.loginAs(u);
  });
  afterAll(async () => a.close());

  it('lands pimpinan, camat and admin kota on the dashboard, unit staff on their unit', async () => {
    for (const u of ['admin', 'walikota', 'camat.bukit-intan']) {
      const res = await s[u]!.get('/admin');
      expect([res.status, res.headers.get('location')], u).toEqual([303, '/admin/dasbor']);
    }
    for (const u of ['lurah.bacang', 'operator.bacang']) expect((await s[u]!.get('/admin')).headers.get('location'), u).toBe('/admin/unit/bacang');
    const pendamping = await (await s.pendamping!.get('/admin')).text();
    expect(links(pendamping)).toContain('/admin/unit/bacang');
    expect(links(pendamping)).toContain('/admin/pendampingan');
  });

  it("the unit's home has the big buttons, and writing ones only for those who may write", async () => {
    const base = '/admin/unit/bacang';
    const want = ['/tulis', '/konten', '/profil', '/layanan', '/dokumen', '/galeri', '/kanal', '/bantuan'].map((p) => base + p);
    const op = links(await (await s['operator.bacang']!.get(base)).text());
    for (const href of want) expect(op, href).toContain(href);
    const mayor = links(await (await s.walikota!.get(base)).text());
    expect(mayor).not.toContain(`${base}/tulis`);
    expect(mayor).not.toContain(`${base}/bantuan`);
    for (const href of want.filter((h) => !h.endsWith('/tulis') && !h.endsWith('/bantuan'))) expect(mayor, href).toContain(href);
    expect(mayor).toContain('/admin/dasbor/unit/bacang');
  });

  it('each onboarding step not yet done links to where it is done', async () => {
    const html = await (await s['operator.bacang']!.get('/admin/unit/bacang')).text();
    expect(html).toMatch(/<a href="\/admin\/unit\/bacang\/profil\/identitas#logo">Pasang logo kelurahan/);
    expect(html).toMatch(/<a href="\/admin\/unit\/bacang\/profil\/identitas#foto-kantor">Pasang foto kantor kelurahan/);
    expect(html).toMatch(/<a href="\/admin\/unit\/bacang\/tulis">Terbitkan kabar pertama/);
    expect(html).toMatch(/<a href="\/admin\/unit\/bacang\/kanal">Daftarkan akun media sosial/);
  });

  it('the unit list is grouped by kecamatan, searchable, and shows only what the role may open', async () => {
    const all = await (await s.walikota!.get('/admin/unit')).text();
    expect(all).toContain('Kecamatan Bukit Intan');
    expect(all).toContain('Kecamatan Gabek');
    expect(links(all).filter((l) => /^\/admin\/unit\/[^/]+$/.test(l)).length).toBeGreaterThan(42);
    const found = await (await s.walikota!.get('/admin/unit?q=bacang')).text();
    expect(links(found)).toContain('/admin/unit/bacang');
    expect(links(found)).not.toContain('/admin/unit/gabek-satu');
    expect(found).toMatch(/1 unit cocok dengan ("|&quot;)bacang/);
    const camat = await (await s['camat.bukit-intan']!.get('/admin/unit')).text();
    expect(links(camat)).toContain('/admin/unit/bacang');
    expect(links(camat)).not.toContain('/admin/unit/gabek-satu');
    expect(camat).not.toContain('Kecamatan Gabek');
  });

  it('galeri: an album made from photos sent from the phone shows on the public Galeri page', async () => {
    const op = s['operator.bacang']!;
    const form = new FormData();
    form.append('_csrf', op.csrf);
    form.append('title', 'Kerja bakti RT 03');
    form.append('publish', '1');
    form.append('photos', new Blob([new Uint8Array(await noisyPhoto(900, 600))], { type: 'image/jpeg' }), 'a.jpg');
    form.append('photos', new Blob([new Uint8Array(Buffer.from('bukan foto'))], { type: 'image/jpeg' }), 'rusak.jpg');
    const res = await a.request('/admin/unit/bacang/galeri', { method: 'POST', cookie: op.cookie, body: form });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Album tersimpan.');
    // The refused file is named with its reason, not silently dropped.
    expect(html).toMatch(/Foto &quot;rusak.jpg&quot;:|Foto "rusak.jpg":/);
    const site = await (await a.request('/bacang/galeri')).text();
    expect(site).toContain('Kerja bakti RT 03');
  });

  it('galeri: a refused album keeps what was typed and says which field is wrong', async () => {
    const op = s['operator.bacang']!;
    const res = await op.post('/admin/unit/bacang/galeri', { title: 'ab', description: 'Keterangan panjang yang diketik' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Judul album: tulis paling sedikit 3 huruf.');
    expect(html).toContain('value="ab"');
    expect(html).toContain('Keterangan panjang yang diketik');
  });

  it('galeri: with the Lurah’s approval on, the operator is not offered "show now" and an album sent with it stays off the site', async () => {
    const op = s['operator.bacang']!;
    expect((await s['lurah.bacang']!.post('/admin/unit/bacang/persetujuan', { on: '1' })).status).toBe(303);
    try {
      const page = await (await op.get('/admin/unit/bacang/galeri')).text();
      expect(page).not.toContain('name="publish"');
      expect(page).toContain('album Anda disimpan dulu tanpa tampil di situs');
      const form = new FormData();
      form.append('_csrf', op.csrf);
      form.append('title', 'Posyandu Melati Juni');
      form.append('publish', '1');
      form.append('photos', new Blob([new Uint8Array(await noisyPhoto(600, 400))], { type: 'image/jpeg' }), 'b.jpg');
      const res = await a.request('/admin/unit/bacang/galeri', { method: 'POST', cookie: op.cookie, body: form });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Album tersimpan.');
      expect(await (await a.request('/bacang/galeri')).text()).not.toContain('Posyandu Melati Juni');

      // The operator has no way to show it; the Lurah sees "Tampilkan di situs" and shows it.
      const album = await a.t.db.selectFrom('galleries').select(['id', 'status']).where('title', '=', 'Posyandu Melati Juni').executeTakeFirstOrThrow();
      expect(album.status).toBe('draft');
      expect(await (await op.get('/admin/unit/bacang/galeri')).text()).not.toContain(`/galeri/${album.id}/tampilkan`);
      expect((await op.post(`/admin/unit/bacang/galeri/${album.id}/tampilkan`, {})).status).toBe(403);
      const lurah = s['lurah.bacang']!;
      expect(await (await lurah.get('/admin/unit/bacang/galeri')).text()).toContain(`/admin/unit/bacang/galeri/${album.id}/tampilkan`);
      expect((await lurah.post(`/admin/unit/bacang/galeri/${album.id}/tampilkan`, {})).status).toBe(200);
      expect(await (await a.request('/bacang/galeri')).text()).toContain('Posyandu Melati Juni');
      const entry = await a.t.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'gallery.publish').executeTakeFirst();
      expect(entry?.target).toBe(album.id);
      // Shown once: a second press finds no draft.
      expect((await lurah.post(`/admin/unit/bacang/galeri/${album.id}/tampilkan`, {})).status).toBe(404);
    } finally {
      await s['lurah.bacang']!.post('/admin/unit/bacang/persetujuan', { on: '0' });
    }
  });
});
