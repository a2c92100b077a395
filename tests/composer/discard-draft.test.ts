import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/accounts/index.js';
import { discardDraft, getDraft } from '../../src/modules/composer/index.js';
import { type UnitRow, findUnitBySlug } from '../../src/modules/units/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { noisyPhoto } from '../media/fixtures.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, uploadPhoto } from './support.js';

const ready = { title: 'Pembagian bibit pohon', body: 'Kelurahan membagikan bibit pohon gratis kepada warga.', photos_shown: '1' };

async function actorOf(a: ComposerApp, username: string): Promise<Actor> {
  const u = await a.t.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const units = await a.t.db.selectFrom('user_units').select('unit_id').where('user_id', '=', u.id).execute();
  return { id: u.id, username, displayName: u.display_name, role: u.role, regionCode: u.region_code, unitIds: units.map((r) => r.unit_id), mustChangePassword: false };
}

const count = async (a: ComposerApp, table: 'composer_comments' | 'help_requests', draftId: string) =>
  Number((await a.t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('draft_id', '=', draftId).executeTakeFirstOrThrow()).n);

describe(`discarding a draft ("Hapus draf") on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let opGabek: Session;
  let lurah: Session;
  let pendamping: Session;
  let walikota: Session;
  let bacang: UnitRow;
  let gabek: UnitRow;
  const actors = {} as Record<'op' | 'opGabek' | 'lurah' | 'pendamping' | 'admin' | 'walikota' | 'camat', Actor>;
  beforeAll(async () => {
    a = await createComposerApp();
    [op, opGabek, lurah, pendamping, walikota] = await Promise.all(['operator.bacang', 'operator.gabek-satu', 'lurah.bacang', 'pendamping', 'walikota'].map((u) => a.loginAs(u)));
    bacang = (await findUnitBySlug(a.t.db, a.deps.config.region, 'bacang'))!;
    gabek = (await findUnitBySlug(a.t.db, a.deps.config.region, 'gabek-satu'))!;
    const names = { op: 'operator.bacang', opGabek: 'operator.gabek-satu', lurah: 'lurah.bacang', pendamping: 'pendamping', admin: 'admin', walikota: 'walikota', camat: 'camat.bukit-intan' } as const;
    for (const [k, u] of Object.entries(names)) actors[k as keyof typeof names] = await actorOf(a, u);
  });
  afterAll(async () => a?.close());

  describe('the use case', () => {
    it('deletes the draft with its comments and help requests; its photo stays in the library; the deletion is audited', async () => {
      const id = await newDraft(op, 'bacang');
      await autosave(a, op, 'bacang', id, { title: 'Salah ketik semua' });
      const photo = (await (await uploadPhoto(a, op, 'bacang', id, await noisyPhoto(400, 300))).json()) as { mediaId: string };
      await op.post('/admin/unit/bacang/bantuan', { draf: id, message: 'Tolong, saya bingung.' });
      await pendamping.post(`/admin/unit/bacang/kabar/${id}`, { action: 'comment', comment: 'Coba mulai lagi saja.' });
      const other = await newDraft(op, 'bacang');
      expect(await count(a, 'composer_comments', id)).toBeGreaterThanOrEqual(2);
      expect(await count(a, 'help_requests', id)).toBe(1);

      const r = await discardDraft(a.deps, { actor: actors.op, unit: bacang, draftId: id });
      expect(r.ok).toBe(true);
      expect(await getDraft(a.t.db, bacang.id, id)).toBeUndefined();
      expect(await count(a, 'composer_comments', id)).toBe(0);
      expect(await count(a, 'help_requests', id)).toBe(0);
      expect(await a.t.db.selectFrom('media').select('id').where('id', '=', photo.mediaId).executeTakeFirst()).toBeDefined();
      expect(await getDraft(a.t.db, bacang.id, other)).toBeDefined();
      const audit = await a.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'composer.draft.discard').execute();
      expect(audit.map((e) => [e.actor_user_id, e.unit_id, e.target])).toEqual([[actors.op.id, bacang.id, 'Salah ketik semua']]);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ draftId: id, status: 'draft' });

      // Gone is gone: a second try finds nothing.
      const again = await discardDraft(a.deps, { actor: actors.op, unit: bacang, draftId: id });
      expect(again).toMatchObject({ ok: false, error: 'not_found' });
    });

    it('refuses a published post and a scheduled one (cancel the schedule first, then it may go)', async () => {
      const pub = await newDraft(op, 'bacang');
      expect((await op.post(`/admin/unit/bacang/kabar/${pub}`, { ...ready, action: 'publish' })).status).toBe(303);
      expect(await discardDraft(a.deps, { actor: actors.op, unit: bacang, draftId: pub })).toMatchObject({ ok: false, error: 'is_published' });
      expect(await discardDraft(a.deps, { actor: actors.admin, unit: bacang, draftId: pub })).toMatchObject({ ok: false, error: 'is_published' });
      expect((await getDraft(a.t.db, bacang.id, pub))!.status).toBe('published');

      const sch = await newDraft(op, 'bacang');
      const res = await op.post(`/admin/unit/bacang/kabar/${sch}`, { ...ready, title: 'Posyandu bulan depan', action: 'schedule', jadwal: '2026-11-28T08:00' });
      expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=scheduled');
      expect(await discardDraft(a.deps, { actor: actors.lurah, unit: bacang, draftId: sch })).toMatchObject({ ok: false, error: 'is_scheduled' });
      const scheduled = (await getDraft(a.t.db, bacang.id, sch))!;
      expect(scheduled.status).toBe('scheduled');

      // "Batalkan jadwal", then "Hapus draf": the hidden website copy goes to the archive.
      expect((await op.post(`/admin/unit/bacang/kabar/${sch}`, { action: 'cancel' })).headers.get('location')).toBe('/admin/unit/bacang?pesan=cancelled');
      expect((await discardDraft(a.deps, { actor: actors.op, unit: bacang, draftId: sch })).ok).toBe(true);
      const item = await a.t.db.selectFrom('content_items').select('status').where('id', '=', scheduled.contentId!).executeTakeFirstOrThrow();
      expect(item.status).toBe('archived');
    });

    it("treats another unit's draft as missing, and refuses another unit's staff", async () => {
      const theirs = await newDraft(opGabek, 'gabek-satu');
      // Bacang's operator, under Bacang, with Gabek Satu's draft id: it does not exist there.
      expect(await discardDraft(a.deps, { actor: actors.op, unit: bacang, draftId: theirs })).toMatchObject({ ok: false, error: 'not_found' });
      // Even admin kota, under the wrong unit.
      expect(await discardDraft(a.deps, { actor: actors.admin, unit: bacang, draftId: theirs })).toMatchObject({ ok: false, error: 'not_found' });
      // Bacang's staff acting on Gabek Satu itself: not theirs to touch.
      for (const who of ['op', 'lurah', 'pendamping'] as const) {
        expect(await discardDraft(a.deps, { actor: actors[who], unit: gabek, draftId: theirs }), who).toMatchObject({ ok: false, error: 'forbidden' });
      }
      expect(await getDraft(a.t.db, gabek.id, theirs)).toBeDefined();
    });

    it('refuses the read-only roles (pimpinan, camat)', async () => {
      const id = await newDraft(op, 'bacang');
      for (const who of ['walikota', 'camat'] as const) {
        expect(await discardDraft(a.deps, { actor: actors[who], unit: bacang, draftId: id }), who).toMatchObject({ ok: false, error: 'forbidden' });
      }
      expect(await getDraft(a.t.db, bacang.id, id)).toBeDefined();
    });

    it('lets every writer of the unit discard a draft or a returned one', async () => {
      for (const who of ['op', 'lurah', 'pendamping', 'admin'] as const) {
        const id = await newDraft(op, 'bacang');
        expect((await discardDraft(a.deps, { actor: actors[who], unit: bacang, draftId: id })).ok, who).toBe(true);
      }
    });

    it('a submitted draft may be withdrawn only by whoever wrote or sent it; a returned one by any writer', async () => {
      await lurah.post('/admin/unit/bacang/persetujuan', { on: '1' });
      try {
        const id = await newDraft(op, 'bacang');
        await op.post(`/admin/unit/bacang/kabar/${id}`, { ...ready, action: 'submit' });
        expect((await getDraft(a.t.db, bacang.id, id))!.status).toBe('submitted');
        for (const who of ['lurah', 'pendamping', 'admin'] as const) {
          expect(await discardDraft(a.deps, { actor: actors[who], unit: bacang, draftId: id }), who).toMatchObject({ ok: false, error: 'submitted_by_other' });
        }
        expect((await discardDraft(a.deps, { actor: actors.op, unit: bacang, draftId: id })).ok).toBe(true);

        // Written by the pendamping, sent by the operator: both count as its writers.
        const shared = await newDraft(pendamping, 'bacang');
        await op.post(`/admin/unit/bacang/kabar/${shared}`, { ...ready, action: 'submit' });
        expect((await discardDraft(a.deps, { actor: actors.pendamping, unit: bacang, draftId: shared })).ok).toBe(true);

        const back = await newDraft(op, 'bacang');
        await op.post(`/admin/unit/bacang/kabar/${back}`, { ...ready, action: 'submit' });
        await lurah.post(`/admin/unit/bacang/kabar/${back}`, { action: 'return', note: 'Tidak perlu, sudah ada.' });
        expect((await getDraft(a.t.db, bacang.id, back))!.status).toBe('returned');
        expect((await discardDraft(a.deps, { actor: actors.lurah, unit: bacang, draftId: back })).ok).toBe(true);
      } finally {
        await lurah.post('/admin/unit/bacang/persetujuan', { on: '0' });
      }
    });
  });

  describe('over HTTP', () => {
    it('asks first on a page of its own, with the title, a red "Ya, hapus" and "Batal"', async () => {
      const id = await newDraft(op, 'bacang');
      await autosave(a, op, 'bacang', id, { title: 'Rapat RT yang batal' });
      const editor = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
      expect(editor).toContain(`href="/admin/unit/bacang/kabar/${id}/hapus"`);
      expect(editor).toContain('Hapus draf');
      const home = await (await op.get('/admin/unit/bacang')).text();
      expect(home).toContain(`href="/admin/unit/bacang/kabar/${id}/hapus?dari=beranda"`);

      const res = await op.get(`/admin/unit/bacang/kabar/${id}/hapus`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('Hapus draf ini?');
      expect(html).toContain('Rapat RT yang batal');
      expect(html).toMatch(new RegExp(`<form method="post" action="/admin/unit/bacang/kabar/${id}/hapus"[^>]*><input type="hidden" name="_csrf" value="[^"]+"/?>`));
      expect(html).toMatch(/<button type="submit" class="danger wide big">Ya, hapus<\/button>/);
      expect(html).toContain(`<a class="button secondary wide" href="/admin/unit/bacang/kabar/${id}">Batal</a>`);
      // Opened from the home list, "Batal" goes back there.
      const fromHome = await (await op.get(`/admin/unit/bacang/kabar/${id}/hapus?dari=beranda`)).text();
      expect(fromHome).toContain('<a class="button secondary wide" href="/admin/unit/bacang">Batal</a>');
      expect(await getDraft(a.t.db, bacang.id, id)).toBeDefined();
    });

    it('refuses a POST without the CSRF token (or with a wrong one)', async () => {
      const id = await newDraft(op, 'bacang');
      const none = await a.request(`/admin/unit/bacang/kabar/${id}/hapus`, { method: 'POST', cookie: op.cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
      expect(none.status).toBe(403);
      const wrong = await a.request(`/admin/unit/bacang/kabar/${id}/hapus`, { method: 'POST', cookie: op.cookie, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '_csrf=bukan-token' });
      expect(wrong.status).toBe(403);
      expect(await getDraft(a.t.db, bacang.id, id)).toBeDefined();
    });

    it('deletes on "Ya, hapus" and goes back to the unit home with a message', async () => {
      const id = await newDraft(op, 'bacang');
      await autosave(a, op, 'bacang', id, { title: 'Draf yang keliru' });
      const res = await op.post(`/admin/unit/bacang/kabar/${id}/hapus`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/admin/unit/bacang?pesan=discarded');
      expect(await getDraft(a.t.db, bacang.id, id)).toBeUndefined();
      const home = await (await op.get('/admin/unit/bacang?pesan=discarded')).text();
      expect(home).toContain('Draf sudah dihapus.');
      expect(home).not.toContain('Draf yang keliru');
      // A second tap (the back button, a resubmitted form) says plainly it is gone.
      const again = await op.post(`/admin/unit/bacang/kabar/${id}/hapus`);
      expect(again.status).toBe(404);
      expect(await again.text()).toContain('Draf itu tidak ditemukan');
    });

    it('a scheduled post offers no "Hapus draf"; asking anyway explains "Batalkan jadwal" and changes nothing', async () => {
      const id = await newDraft(op, 'bacang');
      await op.post(`/admin/unit/bacang/kabar/${id}`, { ...ready, title: 'Lomba 17-an', action: 'schedule', jadwal: '2026-11-29T08:00' });
      expect((await getDraft(a.t.db, bacang.id, id))!.status).toBe('scheduled');
      const editor = await (await op.get(`/admin/unit/bacang/kabar/${id}`)).text();
      expect(editor).not.toContain(`/kabar/${id}/hapus`);
      const page = await op.get(`/admin/unit/bacang/kabar/${id}/hapus`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Batalkan jadwal');
      expect(html).not.toContain('Ya, hapus');
      const post = await op.post(`/admin/unit/bacang/kabar/${id}/hapus`);
      expect(post.status).toBe(422);
      expect(await post.text()).toContain('Batalkan jadwal');
      expect((await getDraft(a.t.db, bacang.id, id))!.status).toBe('scheduled');
    });

    it('read-only roles get neither the page nor the button', async () => {
      const id = await newDraft(op, 'bacang');
      expect((await walikota.get(`/admin/unit/bacang/kabar/${id}/hapus`)).status).toBe(403);
      expect((await walikota.post(`/admin/unit/bacang/kabar/${id}/hapus`)).status).toBe(403);
      expect(await (await walikota.get(`/admin/unit/bacang/kabar/${id}`)).text()).not.toContain('/hapus');
      expect(await getDraft(a.t.db, bacang.id, id)).toBeDefined();
    });
  });
});
