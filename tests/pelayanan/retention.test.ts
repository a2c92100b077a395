import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRetention, submitComplaint } from '../../src/modules/pelayanan/index.js';
import { pelayananDeps } from '../../src/web/pelayanan/public-shared.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { DOMISILI_SLOTS as S, apply, docPhoto, domisiliFields, mergeCookies } from './helpers.js';

// Retention (issue 17 point 6): once a request has been closed for the city's period, its
// documents, letter file and personal data are deleted by the daily job; the row (for the
// statistics) and the letter's register row (for the QR page) stay.

const DAY = 24 * 3600_000;

describe(`retention of citizens' documents on ${testEngine()}`, () => {
  let a: TestApp;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
  });
  afterAll(async () => a.close());

  it('deletes documents, the letter file and personal data after the period, keeps the register and the statistics', async () => {
    const photo = await docPhoto();
    const files = { [S.pengantar]: photo, [S.ktp]: photo, [S.kk]: photo };
    const closed = await apply(a, { files });
    const open = await apply(a, { files, fields: domisiliFields({ telepon: '081277770000' }), ip: '203.0.113.77' });
    const pin = /PIN Anda: <span class="pel-code">(\d{6})/.exec(await (await a.request(closed.location, { cookie: closed.cookies })).text())![1]!;
    const id = (code: string) => a.t.db.selectFrom('pelayanan_requests').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow().then((r) => r.id);
    const closedId = await id(closed.code!);
    const openId = await id(open.code!);
    const lurah = await a.loginAs('lurah.bacang');
    expect((await lurah.post(`/admin/unit/bacang/pelayanan/${closedId}/aksi`, { aksi: 'setujui' })).status).toBe(303);
    expect((await lurah.get(`/admin/unit/bacang/pelayanan/${closedId}/surat.pdf`)).status).toBe(200);
    const letter = await a.t.db.selectFrom('pelayanan_letters').selectAll().where('request_id', '=', closedId).executeTakeFirstOrThrow();
    const fileOf = (key: string) => path.join(a.deps.config.pelayananDir, key);
    const docFiles = async (owner: string) => (await a.t.db.selectFrom('pelayanan_documents').select('storage_key').where('owner_id', '=', owner).execute()).map((d) => fileOf(d.storage_key));
    const closedFiles = [...(await docFiles(closedId)), fileOf(letter.pdf_key!)];
    const openFiles = await docFiles(openId);
    expect([...closedFiles, ...openFiles].every(existsSync)).toBe(true);
    // A form left half-done keeps its uploads only a day.
    const draft = await apply(a, { files: { [S.ktp]: photo }, fields: domisiliFields({ nik: '123' }), ip: '203.0.113.78' });
    expect(draft.res.status).toBe(422);
    const drafts = (await a.t.db.selectFrom('pelayanan_documents').select('storage_key').where('owner_kind', '=', 'draft').execute()).map((d) => fileOf(d.storage_key));
    expect(drafts).toHaveLength(1);

    const deps = pelayananDeps(a.deps);
    // 89 days later: nothing is due yet (the city keeps documents 90 days), but the draft is.
    a.clock.advance(89 * DAY);
    expect(await applyRetention(deps)).toMatchObject({ requests: 0, drafts: 1 });
    expect(drafts.some(existsSync)).toBe(false);
    expect(closedFiles.every(existsSync)).toBe(true);
    a.clock.advance(2 * DAY);
    expect(await applyRetention(deps)).toMatchObject({ requests: 1, drafts: 0 });
    expect(closedFiles.some(existsSync)).toBe(false);
    expect(openFiles.every(existsSync)).toBe(true);
    // Twice is harmless.
    expect(await applyRetention(deps)).toMatchObject({ requests: 0 });

    const row = await a.t.db.selectFrom('pelayanan_requests').selectAll().where('id', '=', closedId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'selesai', nik: null, kk: null, phone: null, email: null, address: '', fields: '{}', service_code: 'domisili' });
    expect(row.completion_minutes).not.toBeNull();
    expect(row.docs_deleted_at).not.toBeNull();
    const kept = await a.t.db.selectFrom('pelayanan_letters').selectAll().where('id', '=', letter.id).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ number: letter.number, subject: letter.subject, issued_at: letter.issued_at, content: null, pdf_key: null });
    expect((await a.t.db.selectFrom('pelayanan_documents').select('deleted_at').where('owner_id', '=', closedId).execute()).every((d) => d.deleted_at !== null)).toBe(true);
    // The QR page still confirms the letter; the PDF is gone for staff and citizen alike.
    expect(await (await a.request(`/verifikasi/${letter.verify_code}`)).text()).toContain(letter.number);
    const again = await a.loginAs('lurah.bacang');
    expect((await again.get(`/admin/unit/bacang/pelayanan/${closedId}/surat.pdf`)).status).toBe(404);
    const reopen = await a.request('/bacang/layanan/lacak', { method: 'POST', body: new URLSearchParams({ kode: closed.code!, pin }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(reopen.status).toBe(303);
    const view = await (await a.request(`/bacang/layanan/lacak/${closed.code}`, { cookie: mergeCookies('', reopen) })).text();
    expect(view).toContain(letter.number);
    expect(view).toContain('Berkas surat sudah dihapus karena masa simpan habis');
    expect(view).toContain('Berkas dihapus karena masa simpan habis');
  });

  it('removes a closed complaint\'s photo and sender, keeping a published answer and the counts', async () => {
    const deps = pelayananDeps(a.deps);
    const bacang = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    const make = async (publish: boolean) => {
      const r = await submitComplaint(deps, {
        unitId: bacang, unitName: 'Kelurahan Bacang', category: 'kebersihan', body: `Sampah menumpuk di ujung gang ${publish ? 'A' : 'B'}.`, location: 'Gang Mawar', anonymous: false,
        name: 'Ani', phone: '081288880000', email: '', notify: 'whatsapp', publish, consent: true, photo: { slot: 'foto', name: 'f.jpg', bytes: await docPhoto(9) }, trackingLink: 'http://x', ip: null,
      });
      if (!r.ok) throw new Error(r.error);
      await a.t.db.updateTable('pelayanan_complaints').set({ status: 'dijawab', answer: 'Sudah diangkut.', answered_at: a.clock.now().toISOString(), closed_at: a.clock.now().toISOString(), response_minutes: 60 }).where('id', '=', r.complaintId).execute();
      return r.complaintId;
    };
    const shown = await make(true);
    const hidden = await make(false);
    const photos = (await a.t.db.selectFrom('pelayanan_documents').select('storage_key').where('owner_id', 'in', [shown, hidden]).execute()).map((d) => path.join(a.deps.config.pelayananDir, d.storage_key));
    expect(photos.every(existsSync)).toBe(true);
    a.clock.advance(91 * DAY);
    expect(await applyRetention(deps)).toMatchObject({ complaints: 2 });
    expect(photos.some(existsSync)).toBe(false);
    const rows = await a.t.db.selectFrom('pelayanan_complaints').selectAll().where('id', 'in', [shown, hidden]).execute();
    for (const r of rows) expect(r).toMatchObject({ name: null, phone: null, email: null, status: 'dijawab', response_minutes: 60 });
    expect(rows.find((r) => r.id === shown)).toMatchObject({ body: 'Sampah menumpuk di ujung gang A.', publish_consent: 1 });
    expect(rows.find((r) => r.id === hidden)).toMatchObject({ body: '(dihapus)', location: '', publish_consent: 0 });
  });
});
