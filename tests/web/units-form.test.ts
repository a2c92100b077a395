import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../support/test-db.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';

// "Tambah OPD" read through parse-form with the units module's schema (issue 19 point 2): a
// problem is said next to its field, in the catalogue's words for the module's code, and the
// form keeps what was typed; nothing is saved or audited.

describe(`the Tambah OPD form on ${testEngine()}`, () => {
  let a: TestApp;
  let admin: Session;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    admin = await a.loginAs('admin');
  });
  afterAll(async () => a.close());

  const fieldError = (html: string, field: string) => new RegExp(`class="field has-error">\\s*<label for="f-${field}">[^<]*</label>(?:\\s*<p class="hint"[^>]*>[^<]*</p>)?\\s*<p class="error" id="f-${field}-err">([^<]*)</p>`).exec(html)?.[1];
  const units = () => a.t.db.selectFrom('units').select('slug').where('kind', '=', 'opd').execute();

  it('a short name and a bad slug are named next to their fields, with what was typed kept', async () => {
    const before = await units();
    const res = await admin.post('/admin/wilayah/opd', { name: 'Di', slug: 'Dinas Pangan!', website: '', instagram: '@dinas_pangan' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, 'name')).toBe('Nama OPD minimal 3 dan maksimal 150 huruf.');
    expect(html).toContain('value="Dinas Pangan!"');
    expect(html).toContain('value="@dinas_pangan"');
    const slugRes = await admin.post('/admin/wilayah/opd', { name: 'Dinas Pangan', slug: 'Dinas Pangan!' });
    expect(fieldError(await slugRes.text(), 'slug')).toContain('Singkatan hanya huruf kecil');
    expect(await units()).toEqual(before);
  });

  it('a short name already used is said next to the short name; a good one is added and audited', async () => {
    expect((await admin.post('/admin/wilayah/opd', { name: 'Dinas Pangan', slug: 'pangan' })).status).toBe(303);
    const twice = await admin.post('/admin/wilayah/opd', { name: 'Dinas Ketahanan Pangan', slug: 'pangan' });
    expect(twice.status).toBe(400);
    expect(fieldError(await twice.text(), 'slug')).toBe('Singkatan itu sudah dipakai unit lain. Pilih singkatan lain.');
    const entries = await a.t.db.selectFrom('audit_log').select('target').where('action', '=', 'unit.create').execute();
    expect(entries).toEqual([{ target: 'pangan' }]);
  });
});
