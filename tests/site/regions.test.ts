import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegion } from '../../src/modules/units/index.js';
import { testEngine } from '../support/test-db.js';
import { type SiteFixture, createSiteFixture } from './site-fixture.js';

// Many regions in one install (issue 18 point 3, decision 0017): the public site of a unit of any
// imported regency works, in its regency's words, and each other regency has its portal page;
// the install's own regency (19.71, Pangkalpinang) is served as before.
describe(`public sites of several regencies on ${testEngine()}`, () => {
  let f: SiteFixture;
  let desa: { slug: string; name: string; id: string };
  beforeAll(async () => {
    f = await createSiteFixture({ cache: false });
    const r = await importRegion(f.t.db, '11.01', f.clock);
    if (!r.ok) throw new Error('import of 11.01 failed');
    desa = await f.t.db.selectFrom('units').select(['slug', 'name', 'id']).where('region_code', '=', '11.01').where('kind', '=', 'desa').orderBy('code').executeTakeFirstOrThrow();
  });
  afterAll(() => f.t.close());

  it("serves a desa of another imported kabupaten with desa and kabupaten words, linked to that regency's portal", async () => {
    const res = await f.get(`/${desa.slug}/`);
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(`Desa ${desa.name}`);
    expect(body).toContain('Portal Kabupaten');
    expect(body).not.toContain('Portal Kota');
    expect(body).toContain('href="/wilayah/11.01/"');
    for (const page of ['profil', 'layanan', 'berita', 'kontak']) expect((await f.get(`/${desa.slug}/${page}`)).status, page).toBe(200);
  });

  it("lists the other regency's kecamatan and desa on its portal page, and searches only its units", async () => {
    const res = await f.get('/wilayah/11.01/');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain(`href="/${desa.slug}/"`);
    expect(body).toContain('Portal Desa');
    expect(body).toContain('action="/wilayah/11.01/cari"');
    // Nothing of Pangkalpinang on Simeulue's portal.
    expect(body).not.toContain('href="/bacang/"');
    const search = await f.get('/wilayah/11.01/cari?q=Bacang');
    expect(search.status).toBe(200);
    expect(await search.text()).not.toContain('href="/bacang/');
    expect((await f.get('/wilayah/99.99/')).status).toBe(404);
    expect((await f.get('/wilayah/19.71/')).status).toBe(404);
  });

  it("keeps the install's portal and sites as they were, with a link to the other regency", async () => {
    const portal = await (await f.get('/')).text();
    expect(portal).toContain('href="/bacang/"');
    expect(portal).not.toContain(`href="/${desa.slug}/"`);
    expect(portal).toContain('href="/wilayah/11.01/"');
    const bacang = await (await f.get('/bacang/')).text();
    expect(bacang).toContain('Portal Kota');
    expect(bacang).toContain('href="/"');
    const hits = await (await f.get('/cari?q=Bacang')).text();
    expect(hits).toContain('href="/bacang/');
  });
});
