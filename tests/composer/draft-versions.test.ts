import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDraft, listVersions } from '../../src/modules/composer/index.js';
import type { Session } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { type ComposerApp, autosave, createComposerApp, newDraft, unitId } from './support.js';

// #14 point 1 on the server: a page that saves on top of someone else's newer save does not
// overwrite it; the person gets the stored version back and chooses, and the version not chosen
// is set aside ("Versi lain"), never lost.

const OP_PAGE = 'aaaaaaaaaaaaaaaa1111';
const PD_PAGE = 'bbbbbbbbbbbbbbbb2222';

describe(`draft versions and clashes on ${testEngine()}`, () => {
  let a: ComposerApp;
  let op: Session;
  let pd: Session;
  let bacang: string;
  beforeAll(async () => {
    a = await createComposerApp();
    op = await a.loginAs('operator.bacang');
    pd = await a.loginAs('pendamping');
    bacang = await unitId(a, 'bacang');
  });
  afterAll(async () => a?.close());

  /** A draft the operator has saved once from their page (revision 2). */
  async function started() {
    const id = await newDraft(op, 'bacang', 'berita');
    const r = await autosave(a, op, 'bacang', id, { title: 'Kerja bakti RT 03', body: 'Teks operator.', revision: '1', editor: OP_PAGE });
    expect(((await r.json()) as any).revision).toBe(2);
    return id;
  }

  it('the operator’s page saving on an older revision does not overwrite the pendamping’s newer text: it gets it back', async () => {
    const id = await started();
    // The pendamping corrects the draft from their own page, which loaded revision 2.
    const fix = await autosave(a, pd, 'bacang', id, { title: 'Kerja bakti RT 03', body: 'Teks yang diperbaiki pendamping.', revision: '2', editor: PD_PAGE });
    expect(fix.status).toBe(200);
    // The operator's page still thinks it is at revision 2 and sends its own text.
    const stale = await autosave(a, op, 'bacang', id, { title: 'Kerja bakti RT 03', body: 'Teks operator, diketik lagi.', revision: '2', editor: OP_PAGE });
    expect(stale.status).toBe(409);
    const json = (await stale.json()) as any;
    expect(json.conflict.fields).toEqual(['body']);
    expect(json.conflict.values.body).toBe('Teks yang diperbaiki pendamping.');
    expect(json.conflict.by).toBe('Pendamping Diskominfo');
    expect(json.conflict.revision).toBe(3);
    expect((await getDraft(a.t.db, bacang, id))!.body).toBe('Teks yang diperbaiki pendamping.');
    // The stored version is also readable on its own (for a page back on the screen).
    const v = (await (await op.get(`/admin/unit/bacang/kabar/${id}/versi`)).json()) as any;
    expect(v).toMatchObject({ ok: true, revision: 3, session: PD_PAGE, by: 'Pendamping Diskominfo' });
    expect(v.values.body).toBe('Teks yang diperbaiki pendamping.');
  });

  it('a page saving on top of its own earlier save (an answer it never read) is not a clash; nor is a stale page that changes no text', async () => {
    const id = await started();
    await autosave(a, op, 'bacang', id, { body: 'Terkirim saat layar mati.', revision: '2', editor: OP_PAGE });
    const again = await autosave(a, op, 'bacang', id, { body: 'Terkirim saat layar mati, lalu ditambah.', revision: '2', editor: OP_PAGE });
    expect(again.status).toBe(200);
    expect((await getDraft(a.t.db, bacang, id))!.body).toBe('Terkirim saat layar mati, lalu ditambah.');
    // Another page on an old revision, same text: its other changes (the step) go through.
    const same = await autosave(a, pd, 'bacang', id, { title: 'Kerja bakti RT 03', body: 'Terkirim saat layar mati, lalu ditambah.', revision: '2', editor: PD_PAGE, step: 'foto' });
    expect(same.status).toBe(200);
    expect((await getDraft(a.t.db, bacang, id))!.step).toBe('foto');
  });

  it('"Pakai yang di HP ini" keeps the phone’s text and sets the stored one aside; "Pakai yang tersimpan" the other way round', async () => {
    const id = await started();
    await autosave(a, pd, 'bacang', id, { body: 'Versi pendamping.', revision: '2', editor: PD_PAGE });
    const mine = await autosave(a, op, 'bacang', id, { title: 'Kerja bakti RT 03', body: 'Versi operator.', revision: '3', editor: OP_PAGE, resolve: 'mine' });
    expect(mine.status).toBe(200);
    expect((await getDraft(a.t.db, bacang, id))!.body).toBe('Versi operator.');
    let kept = await listVersions(a.t.db, bacang, id);
    expect(kept.map((k) => [k.body, k.writtenByName])).toEqual([['Versi pendamping.', 'Pendamping Diskominfo']]);

    const id2 = await started();
    await autosave(a, pd, 'bacang', id2, { body: 'Versi pendamping kedua.', revision: '2', editor: PD_PAGE });
    const theirs = await autosave(a, op, 'bacang', id2, { title: 'Kerja bakti RT 03', body: 'Versi operator kedua.', revision: '3', editor: OP_PAGE, resolve: 'theirs' });
    expect(theirs.status).toBe(200);
    expect((await getDraft(a.t.db, bacang, id2))!.body).toBe('Versi pendamping kedua.');
    kept = await listVersions(a.t.db, bacang, id2);
    expect(kept.map((k) => [k.body, k.writtenByName])).toEqual([['Versi operator kedua.', 'Operator Bacang']]);
  });

  it('without scripts: "Terbitkan" from a stale page publishes nothing, keeps what was typed under "Versi lain", and one tap takes it back', async () => {
    const id = await started();
    await autosave(a, pd, 'bacang', id, { body: 'Pendamping memperbaiki isi kabar ini dengan lengkap.', revision: '2', editor: PD_PAGE });
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'publish', title: 'Kerja bakti RT 03', body: 'Operator menulis versinya sendiri dengan lengkap.', photos_shown: '1', revision: '2', editor: 'cccccccccccccccc3333' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Kabar ini baru saja diubah oleh Pendamping Diskominfo');
    expect(html).toContain('Versi lain');
    expect(html).toContain('Operator menulis versinya sendiri dengan lengkap.');
    expect(html).toContain('Pendamping memperbaiki isi kabar ini dengan lengkap.');
    const d = (await getDraft(a.t.db, bacang, id))!;
    expect(d.status).toBe('draft');
    expect(d.body).toBe('Pendamping memperbaiki isi kabar ini dengan lengkap.');

    const [version] = await listVersions(a.t.db, bacang, id);
    const use = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: `use-version:${version!.id}` });
    expect(use.status).toBe(303);
    expect((await getDraft(a.t.db, bacang, id))!.body).toBe('Operator menulis versinya sendiri dengan lengkap.');
    // The pendamping's text is now the one set aside: still there, one tap away.
    expect((await listVersions(a.t.db, bacang, id)).map((v) => v.body)).toEqual(['Pendamping memperbaiki isi kabar ini dengan lengkap.']);
  });

  it('an unknown version id changes nothing', async () => {
    const id = await started();
    const res = await op.post(`/admin/unit/bacang/kabar/${id}`, { action: 'use-version:nope' });
    expect(res.status).toBe(422);
    expect((await getDraft(a.t.db, bacang, id))!.body).toBe('Teks operator.');
  });
});
