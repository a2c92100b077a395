import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, unitId } from '../composer/support.js';

// Issue 16 point 2: every route that makes something public asks the one publishing policy.
// Each route is driven as every role, with the unit's approval off and on; afterwards the
// database says whether anything became public (published, or scheduled — public by itself).
// The rule: admin kota and the lurah always may; the operator only with approval off; the
// pendamping never; read-only roles never. City broadcasts are admin kota's alone.

type Who = 'admin' | 'walikota' | 'camat' | 'pendamping' | 'lurah' | 'operator';
const WHO: Who[] = ['admin', 'walikota', 'camat', 'pendamping', 'lurah', 'operator'];
const USER: Record<Who, string> = { admin: 'admin', walikota: 'walikota', camat: 'camat.bukit-intan', pendamping: 'pendamping', lurah: 'lurah.bacang', operator: 'operator.bacang' };
const mayPublish = (who: Who, approval: boolean) => who === 'admin' || who === 'lurah' || (who === 'operator' && !approval);

const ready = { title: 'Kerja bakti hari Minggu', body: 'Warga diajak kerja bakti membersihkan parit pada hari Minggu pagi.' };
const PUBLIC = ['published', 'scheduled'];

interface Route {
  name: string;
  /** Makes what the route acts on (as admin kota), returns a handle. */
  prepare(): Promise<string>;
  /** The request as `s`. */
  drive(s: Session, handle: string): Promise<Response>;
  /** Did the route make something public? */
  madePublic(handle: string): Promise<boolean>;
  /** Who may, given the approval switch (the default is the publishing rule). */
  allowed?: (who: Who, approval: boolean) => boolean;
}

describe(`one publishing policy behind every route on ${testEngine()}`, () => {
  let a: ComposerApp;
  let s: Record<Who, Session>;
  let bacang: string;
  let n = 0;
  const tomorrowWib = '2026-11-26T09:00';

  const contentStatus = async (id: string) =>
    (await a.t.db.selectFrom('content_items').select('status').where('id', '=', id).executeTakeFirst())?.status ?? 'none';
  const contentByTitle = async (title: string) =>
    a.t.db.selectFrom('content_items').select(['id', 'status', 'title']).where('unit_id', '=', bacang).where('title', '=', title).execute();
  const documentByTitle = async (title: string) =>
    a.t.db.selectFrom('public_documents').select(['id', 'status']).where('unit_id', '=', bacang).where('title', '=', title).execute();
  /** A plain-editor item in draft, made by admin kota. */
  const draftContent = async () => {
    const title = `Draf polos ${++n}`;
    await s.admin.post('/admin/unit/bacang/konten', { kind: 'berita', title, body: 'Isi draf', bodyFormat: 'text', status: 'draft' });
    return (await contentByTitle(title))[0]!.id;
  };
  /** A composer draft that is ready to go out. */
  const readyDraft = async () => {
    const id = await newDraft(s.admin, 'bacang', 'pengumuman');
    await autosave(a, s.admin, 'bacang', id, { ...ready, title: `${ready.title} ${++n}` });
    return id;
  };
  const draftPublic = async (id: string) => PUBLIC.includes((await getDraft(a.t.db, bacang, id))!.status);

  const routes: Route[] = [
    {
      name: 'composer: Terbitkan sekarang',
      prepare: readyDraft,
      drive: (x, id) => x.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish' }),
      madePublic: draftPublic,
    },
    {
      name: 'composer: Jadwalkan',
      prepare: readyDraft,
      drive: (x, id) => x.post(`/admin/unit/bacang/kabar/${id}`, { action: 'schedule', jadwal: tomorrowWib }),
      madePublic: draftPublic,
    },
    {
      name: 'composer: Setujui a submitted draft',
      prepare: async () => {
        const id = await readyDraft();
        await s.admin.post(`/admin/unit/bacang/kabar/${id}`, { action: 'submit' });
        expect((await getDraft(a.t.db, bacang, id))!.status).toBe('submitted');
        return id;
      },
      drive: (x, id) => x.post(`/admin/unit/bacang/kabar/${id}`, { action: 'approve' }),
      madePublic: draftPublic,
    },
    {
      // Editing a scheduled (approved) post changes what goes public at its time.
      name: 'composer: changing a scheduled post (autosave)',
      prepare: async () => {
        const id = await readyDraft();
        await s.admin.post(`/admin/unit/bacang/kabar/${id}`, { action: 'schedule', jadwal: tomorrowWib });
        expect((await getDraft(a.t.db, bacang, id))!.status).toBe('scheduled');
        return id;
      },
      drive: (x, id) => autosave(a, x, 'bacang', id, { title: 'Judul yang belum disetujui' }),
      madePublic: async (id) => {
        const d = (await getDraft(a.t.db, bacang, id))!;
        const item = await a.t.db.selectFrom('content_items').select('title').where('id', '=', d.contentId!).executeTakeFirstOrThrow();
        return d.title === 'Judul yang belum disetujui' || item.title === 'Judul yang belum disetujui';
      },
    },
    {
      name: 'plain editor: new item with status published',
      prepare: async () => `Langsung terbit ${++n}`,
      drive: (x, title) => x.post('/admin/unit/bacang/konten', { kind: 'berita', title, body: 'Isi', bodyFormat: 'text', status: 'published' }),
      madePublic: async (title) => (await contentByTitle(title)).some((r) => PUBLIC.includes(r.status)),
    },
    {
      name: 'plain editor: new item scheduled',
      prepare: async () => `Terjadwal ${++n}`,
      drive: (x, title) => x.post('/admin/unit/bacang/konten', { kind: 'berita', title, body: 'Isi', bodyFormat: 'text', status: 'scheduled', publishAt: tomorrowWib }),
      madePublic: async (title) => (await contentByTitle(title)).some((r) => PUBLIC.includes(r.status)),
    },
    {
      name: 'plain editor: a draft saved as published',
      prepare: draftContent,
      drive: (x, id) => x.post(`/admin/unit/bacang/konten/${id}`, { kind: 'berita', title: 'Draf polos terbit', body: 'Isi', bodyFormat: 'text', status: 'published' }),
      madePublic: async (id) => PUBLIC.includes(await contentStatus(id)),
    },
    {
      name: 'status button: Terbitkan',
      prepare: draftContent,
      drive: (x, id) => x.post(`/admin/unit/bacang/konten/${id}/status`, { status: 'published' }),
      madePublic: async (id) => PUBLIC.includes(await contentStatus(id)),
    },
    {
      name: 'informasi publik: new document published',
      prepare: async () => `Dokumen ${++n}`,
      drive: (x, title) => x.post('/admin/unit/bacang/dokumen', { category: 'berkala', title, status: 'published' }),
      madePublic: async (title) => (await documentByTitle(title)).some((r) => r.status === 'published'),
    },
    {
      name: 'informasi publik: publishing a draft document',
      prepare: async () => {
        const title = `Dokumen draf ${++n}`;
        await s.admin.post('/admin/unit/bacang/dokumen', { category: 'berkala', title, status: 'draft' });
        return (await documentByTitle(title))[0]!.id;
      },
      drive: (x, id) => x.post(`/admin/unit/bacang/dokumen/${id}/terbit`),
      madePublic: async (id) => (await a.t.db.selectFrom('public_documents').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status === 'published',
    },
    {
      name: 'city broadcast to Bacang',
      prepare: async () => `Siaran Pemkot ${++n}`,
      drive: (x, title) => x.post('/admin/siaran', { title, body: 'Pengumuman dari Pemkot untuk semua warga.', to: 'some', unit: bacang }),
      madePublic: async (title) => (await contentByTitle(title)).some((r) => PUBLIC.includes(r.status)),
      allowed: (who) => who === 'admin',
    },
  ];

  beforeAll(async () => {
    a = await createComposerApp();
    const sessions = await Promise.all(WHO.map((w) => a.loginAs(USER[w])));
    s = Object.fromEntries(WHO.map((w, i) => [w, sessions[i]!])) as Record<Who, Session>;
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());

  for (const approval of [false, true]) {
    it(`approval ${approval ? 'on' : 'off'}: every route × every role`, async () => {
      expect((await s.lurah.post('/admin/unit/bacang/persetujuan', { on: approval ? '1' : '0' })).status).toBe(303);
      const wrong: string[] = [];
      for (const r of routes) {
        for (const who of WHO) {
          const handle = await r.prepare();
          const res = await r.drive(s[who], handle);
          const expected = (r.allowed ?? mayPublish)(who, approval);
          const got = await r.madePublic(handle);
          if (got !== expected) wrong.push(`${r.name} as ${who}: public=${got}, expected ${expected} (HTTP ${res.status})`);
          // A refusal is a clear 4xx, never a server error.
          if (!expected) expect(res.status, `${r.name} as ${who}`).toBeGreaterThanOrEqual(400);
          if (!expected) expect(res.status, `${r.name} as ${who}`).toBeLessThan(500);
        }
      }
      expect(wrong).toEqual([]);
      // 66 requests and their fixtures: generous for a loaded machine (speed is not under test).
    }, 180_000);
  }

  it('the plain editor offers "Terbit" only to those who may publish, and a refusal keeps what was typed', async () => {
    await s.lurah.post('/admin/unit/bacang/persetujuan', { on: '1' });
    const opForm = await (await s.operator.get('/admin/unit/bacang/konten/baru')).text();
    expect(opForm).not.toContain('value="published"');
    expect(await (await s.lurah.get('/admin/unit/bacang/konten/baru')).text()).toContain('value="published"');
    const refused = await s.operator.post('/admin/unit/bacang/konten', { kind: 'berita', title: 'Tulisan operator', body: 'Isi yang diketik', bodyFormat: 'text', status: 'published' });
    expect(refused.status).toBe(403);
    const html = await refused.text();
    expect(html).toContain('persetujuan lurah aktif');
    expect(html).toContain('value="Tulisan operator"');
    expect(html).toContain('Isi yang diketik');
  });
});
