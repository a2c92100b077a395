import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import { type Actor, auditedChange } from '../../src/modules/accounts/index.js';
import { registerChannelAsStaff } from '../../src/modules/channels/index.js';
import { registerPresenceAsStaff, removePresenceAsStaff } from '../../src/modules/monitoring/index.js';
import { addDocumentAsStaff, addGalleryAsStaff, saveContentAsStaff, setContentStatusAsStaff, setDocumentStatusAsStaff } from '../../src/modules/content/index.js';
import { updateProfileSectionAsStaff } from '../../src/modules/profile/index.js';
import { adjustUnitServiceAsStaff, ensureServiceCatalogue } from '../../src/modules/services/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { err, ok } from '../../src/shared/result.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { addUnit } from './helpers.js';

// Issue 19 point 2: the staff use cases refuse by themselves (not only the route's guard), and
// write the change and its audit entry together — a change that fails leaves no entry, and an
// entry that cannot be written takes the change back with it.

let t: TestDb;
const clock = new FixedClock('2026-03-10T03:00:00Z');
const told: string[] = [];
const deps = () => ({ db: t.db, clock, onPublicChange: (u: string) => told.push(u) });
let unit: { id: string; parent_id: string | null; kind: 'kelurahan'; region_code: string };
let other: typeof unit;
const actors: Record<string, Actor> = {};

async function addActor(username: string, role: Role, unitIds: string[]): Promise<Actor> {
  const now = clock.now().toISOString();
  await t.db.insertInto('users').values({ id: username, username, display_name: username, password_hash: 'x', role, region_code: '19.71', email: null, phone: null, status: 'active', must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
  if (unitIds.length) await t.db.insertInto('user_units').values(unitIds.map((unit_id) => ({ user_id: username, unit_id }))).execute();
  return { id: username, username, displayName: username, role, regionCode: '19.71', unitIds, mustChangePassword: false };
}

const auditOf = (action: string) => t.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
const contentTitled = (title: string) => t.db.selectFrom('content_items').select(['id', 'status']).where('title', '=', title).execute();

beforeAll(async () => {
  t = await createTestDb();
  unit = { id: await addUnit(t.db, { name: 'Bacang', slug: 'bacang' }), parent_id: null, kind: 'kelurahan', region_code: '19.71' };
  other = { id: await addUnit(t.db, { name: 'Gabek', slug: 'gabek' }), parent_id: null, kind: 'kelurahan', region_code: '19.71' };
  actors.lurah = await addActor('lurah', 'lurah', [unit.id]);
  actors.otherLurah = await addActor('lurah-gabek', 'lurah', [other.id]);
  actors.pimpinan = await addActor('pimpinan', 'pimpinan', []);
  actors.operator = await addActor('operator', 'operator', [unit.id]);
  await t.db.insertInto('composer_settings').values({ unit_id: unit.id, approval_required: 1, updated_by: null, updated_at: clock.now().toISOString() }).execute();
  await ensureServiceCatalogue(t.db, clock);
});
afterAll(async () => t?.close());

const input = (title: string, status: 'draft' | 'published' = 'published') => ({ kind: 'berita' as const, title, status, body: 'Isi berita.' });

describe('content saved by staff', () => {
  it('writes the item and its audit entry together, and tells the public pages after', async () => {
    told.length = 0;
    const r = await saveContentAsStaff(deps(), { actor: actors.lurah!, unit, input: input('Kerja bakti RW 03') });
    expect(r.ok).toBe(true);
    const [row] = await contentTitled('Kerja bakti RW 03');
    expect((await auditOf('content.create')).map((a) => [a.actor_user_id, a.unit_id, a.target])).toEqual([['lurah', unit.id, row!.id]]);
    expect(told).toEqual([unit.id]);
  });

  it('refuses, in the use case, a reader and a writer of another unit: nothing saved, nothing audited', async () => {
    told.length = 0;
    for (const actor of [actors.pimpinan!, actors.otherLurah!]) {
      const r = await saveContentAsStaff(deps(), { actor, unit, input: input(`Bukan urusanku ${actor.id}`, 'draft') });
      expect(r).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await contentTitled(`Bukan urusanku ${actor.id}`)).toEqual([]);
    }
    expect((await auditOf('content.create')).length).toBe(1);
    expect(told).toEqual([]);
  });

  it('a refusal by the publishing policy and an invalid form leave no audit entry', async () => {
    const refused = await saveContentAsStaff(deps(), { actor: actors.operator!, unit, input: input('Operator terbitkan langsung') });
    expect(refused).toMatchObject({ ok: false, error: 'forbidden' });
    const invalid = await saveContentAsStaff(deps(), { actor: actors.lurah!, unit, input: { ...input('x'), title: '' } });
    expect(invalid).toMatchObject({ ok: false, error: 'invalid_input', problems: [{ path: 'title' }] });
    expect(await contentTitled('Operator terbitkan langsung')).toEqual([]);
    expect((await auditOf('content.create')).length).toBe(1);
  });

  it('status changes: the operator may archive (audited) but not publish (refused, not audited)', async () => {
    const draft = await saveContentAsStaff(deps(), { actor: actors.operator!, unit, input: input('Draf operator', 'draft') });
    if (!draft.ok) throw new Error(draft.error);
    expect(await setContentStatusAsStaff(deps(), { actor: actors.operator!, unit, id: draft.value.id, status: 'published' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await auditOf('content.published')).toEqual([]);
    expect((await setContentStatusAsStaff(deps(), { actor: actors.operator!, unit, id: draft.value.id, status: 'archived' })).ok).toBe(true);
    expect((await auditOf('content.archived')).map((a) => a.target)).toEqual([draft.value.id]);
    expect(await setContentStatusAsStaff(deps(), { actor: actors.pimpinan!, unit, id: draft.value.id, status: 'draft' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await setContentStatusAsStaff(deps(), { actor: actors.lurah!, unit, id: 'no-such-item', status: 'draft' })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await auditOf('content.draft')).toEqual([]);
  });
});

describe('documents and layanan changed by staff', () => {
  it('a document is added and published with entries; refused ones leave none', async () => {
    const doc = { category: 'berkala' as const, title: 'Laporan keuangan 2025', status: 'draft' as const };
    expect(await addDocumentAsStaff(deps(), { actor: actors.pimpinan!, unit, input: doc })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await addDocumentAsStaff(deps(), { actor: actors.operator!, unit, input: { ...doc, status: 'published' } })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await auditOf('document.create')).toEqual([]);
    const added = await addDocumentAsStaff(deps(), { actor: actors.operator!, unit, input: doc });
    if (!added.ok) throw new Error(added.error);
    expect((await auditOf('document.create')).map((a) => a.target)).toEqual([added.value.id]);
    expect(await setDocumentStatusAsStaff(deps(), { actor: actors.operator!, unit, id: added.value.id, status: 'published' })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await auditOf('document.publish')).toEqual([]);
    expect((await setDocumentStatusAsStaff(deps(), { actor: actors.lurah!, unit, id: added.value.id, status: 'published' })).ok).toBe(true);
    expect((await auditOf('document.publish')).map((a) => a.actor_user_id)).toEqual(['lurah']);
  });

  it('a layanan adjustment is refused to another unit and audited for its own', async () => {
    const change = { code: 'SKTM', enabled: true, featured: true, adjustment: { waktu: '1 hari kerja' } };
    const code = (await t.db.selectFrom('service_catalogue').select('code').executeTakeFirstOrThrow()).code;
    expect(await adjustUnitServiceAsStaff(deps(), { ...change, code, actor: actors.otherLurah!, unit })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await adjustUnitServiceAsStaff(deps(), { ...change, code, actor: actors.lurah!, unit, adjustment: { waktu: '' } })).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(await auditOf('service.adjust')).toEqual([]);
    expect((await adjustUnitServiceAsStaff(deps(), { ...change, code, actor: actors.lurah!, unit })).ok).toBe(true);
    expect((await auditOf('service.adjust')).map((a) => [a.unit_id, a.target])).toEqual([[unit.id, code]]);
  });
});

describe('galleries and social accounts added by staff', () => {
  it('an album is refused to a reader and to an invalid form without an entry, and audited when added', async () => {
    const album = { title: 'Lomba 17 Agustus', description: '', status: 'draft' as const, photos: [] };
    expect(await addGalleryAsStaff(deps(), { actor: actors.pimpinan!, unit, input: album })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await addGalleryAsStaff(deps(), { actor: actors.operator!, unit, input: { ...album, title: 'x' } })).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(await auditOf('gallery.create')).toEqual([]);
    const added = await addGalleryAsStaff(deps(), { actor: actors.operator!, unit, input: album });
    if (!added.ok) throw new Error(added.error);
    expect((await auditOf('gallery.create')).map((a) => [a.actor_user_id, a.target])).toEqual([['operator', added.value.id]]);
  });

  it('an album shown on the site follows the publishing policy: with approval on the operator is refused, the lurah may', async () => {
    const album = { title: 'Kerja bakti RT 03', description: '', status: 'published' as const, photos: [] };
    expect(await addGalleryAsStaff(deps(), { actor: actors.operator!, unit, input: album })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await t.db.selectFrom('galleries').select('id').where('title', '=', album.title).execute()).toEqual([]);
    const byLurah = await addGalleryAsStaff(deps(), { actor: actors.lurah!, unit, input: album });
    if (!byLurah.ok) throw new Error(byLurah.error);
    expect(byLurah.value.status).toBe('published');
    expect((await auditOf('gallery.create')).filter((a) => a.target === byLurah.value.id).map((a) => a.actor_user_id)).toEqual(['lurah']);
  });

  it('a social account is registered with its entry; another unit’s lurah and a duplicate leave none', async () => {
    const account = { platform: 'instagram' as const, profileUrl: 'https://www.instagram.com/kelurahan.bacang' };
    expect(await registerChannelAsStaff(deps(), { ...account, actor: actors.otherLurah!, unit })).toMatchObject({ ok: false, error: 'forbidden' });
    const first = await registerChannelAsStaff(deps(), { ...account, actor: actors.lurah!, unit });
    if (!first.ok) throw new Error(first.error);
    expect(await registerChannelAsStaff(deps(), { ...account, actor: actors.lurah!, unit })).toMatchObject({ ok: false, error: 'already_registered' });
    expect((await auditOf('channel.registered')).map((a) => [a.unit_id, a.target])).toEqual([[unit.id, first.value.id]]);
  });
});

describe('web presences registered by staff', () => {
  it('an account is added and removed with entries; a reader and a bad handle leave none', async () => {
    const input = { kind: 'social' as const, platform: 'instagram' as const, handle: '@Kel.Bacang' };
    expect(await registerPresenceAsStaff(deps(), { actor: actors.pimpinan!, unit, input })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await registerPresenceAsStaff(deps(), { actor: actors.operator!, unit, input: { ...input, handle: '' } })).toMatchObject({ ok: false, error: 'invalid' });
    expect(await auditOf('monitoring.presence.add')).toEqual([]);
    const added = await registerPresenceAsStaff(deps(), { actor: actors.operator!, unit, input });
    if (!added.ok) throw new Error(added.error);
    expect((await auditOf('monitoring.presence.add')).map((a) => a.target)).toEqual(['instagram:kel.bacang']);
    expect(await removePresenceAsStaff(deps(), { actor: actors.otherLurah!, unit, presenceId: added.value.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await removePresenceAsStaff(deps(), { actor: actors.operator!, unit, presenceId: 'no-such' })).toMatchObject({ ok: false, error: 'not_found' });
    expect(await auditOf('monitoring.presence.remove')).toEqual([]);
    expect((await removePresenceAsStaff(deps(), { actor: actors.operator!, unit, presenceId: added.value.id })).ok).toBe(true);
    expect((await auditOf('monitoring.presence.remove')).map((a) => a.target)).toEqual([added.value.id]);
  });
});

describe('profile saved by staff', () => {
  it('a section is saved with its entry; a reader is refused and a bad section leaves nothing', async () => {
    const narasi = { visi: 'Bacang maju', misi: ['Satu', 'Dua'] };
    expect(await updateProfileSectionAsStaff(deps(), { actor: actors.pimpinan!, unit, section: 'narasi', data: narasi })).toMatchObject({ ok: false, error: 'forbidden' });
    const bad = await updateProfileSectionAsStaff(deps(), { actor: actors.operator!, unit, section: 'identitas', data: { email: 'bukan email' } });
    expect(bad).toMatchObject({ ok: false, error: 'invalid_input' });
    expect(await auditOf('profile.update')).toEqual([]);
    expect(await t.db.selectFrom('profile_sections').select('section').where('unit_id', '=', unit.id).execute()).toEqual([]);
    expect((await updateProfileSectionAsStaff(deps(), { actor: actors.operator!, unit, section: 'narasi', data: narasi })).ok).toBe(true);
    expect((await auditOf('profile.update')).map((a) => [a.actor_user_id, a.target])).toEqual([['operator', 'narasi']]);
  });
});

describe('auditedChange', () => {
  const marker = (id: string) => t.db.insertInto('audit_log').values({ id, at: clock.now().toISOString(), actor_user_id: null, action: 'test.marker', unit_id: null, target: id, ip: null, detail: '{}' }).execute();
  const markers = async () => (await auditOf('test.marker')).map((a) => a.target);

  it('takes back what a change wrote when it answers with a failure', async () => {
    const r = await auditedChange(deps(), { actor: actors.lurah!, unit }, async (trx) => {
      await trx.insertInto('audit_log').values({ id: 'half', at: clock.now().toISOString(), actor_user_id: null, action: 'test.marker', unit_id: null, target: 'half', ip: null, detail: '{}' }).execute();
      return err('invalid_input');
    }, () => ({ action: 'test.change' }));
    expect(r).toEqual(err('invalid_input'));
    expect(await markers()).toEqual([]);
  });

  it('takes back the change when its audit entry cannot be written', async () => {
    await expect(auditedChange(deps(), { actor: actors.lurah!, unit }, async (trx) => {
      await trx.insertInto('audit_log').values({ id: 'done', at: clock.now().toISOString(), actor_user_id: null, action: 'test.marker', unit_id: null, target: 'done', ip: null, detail: '{}' }).execute();
      return ok('done');
    }, () => { throw new Error('audit refused'); })).rejects.toThrow('audit refused');
    expect(await markers()).toEqual([]);
    await marker('kept');
    expect(await markers()).toEqual(['kept']);
  });

  it('asks for the permission it is told (approve), before running the change', async () => {
    let ran = false;
    const r = await auditedChange(deps(), { actor: actors.operator!, unit, need: 'approve' }, async () => { ran = true; return ok(1); }, () => ({ action: 'test.change' }));
    expect(r).toEqual(err('forbidden'));
    expect(ran).toBe(false);
  });
});
