import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listComments } from '../../src/modules/composer/index.js';
import { type Notifier, type OutgoingReminder, deliverPersonMessages, listNotifications, setNotificationPreference } from '../../src/modules/reminders/index.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { newDraft, unitId } from './support.js';

// #14 point 9: replies to help requests, comments on drafts, approvals and returns reach the
// person in "Pesan untuk saya", and by their chosen channel when the city configured it. The
// clock moves a minute after each request, so "newest first" has a meaning.

const userIdOf = async (a: TestApp, username: string) => (await a.t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe(`messages reach people on ${testEngine()}`, () => {
  let a: TestApp;
  let op: Session;
  let pd: Session;
  let lurah: Session;
  let bacang: string;
  let operatorId: string;
  beforeAll(async () => {
    // The city has a Telegram bot configured (nothing is sent in this test: the job is run by hand with a recording notifier).
    a = await createTestApp({ publicUrl: 'https://beranda.test', telegramBotToken: '123:abc' });
    op = await a.loginAs('operator.bacang');
    pd = await a.loginAs('pendamping');
    lurah = await a.loginAs('lurah.bacang');
    bacang = await unitId(a, 'bacang');
    operatorId = await userIdOf(a, 'operator.bacang');
  });
  afterAll(async () => a?.close());

  it('a pendamping’s reply to a help request reaches the operator’s "Pesan untuk saya", and the draft’s notes', async () => {
    const draftId = await newDraft(op, 'bacang', 'layanan');
    await op.post(`/admin/unit/bacang/kabar/${draftId}`, { action: 'save', title: 'Syarat surat pindah', photos_shown: '1' });
    a.clock.advance(60_000);
    const asked = await op.post('/admin/unit/bacang/bantuan', { draf: draftId, message: 'Syaratnya apa saja ya?' });
    a.clock.advance(60_000);
    expect(asked.status).toBe(303);
    const help = await a.t.db.selectFrom('help_requests').selectAll().where('draft_id', '=', draftId).executeTakeFirstOrThrow();

    // The pendamping's list offers a reply box for the request.
    const list = await (await pd.get('/admin/pendampingan')).text();
    expect(list).toContain(`id="balas-${help.id}"`);
    expect(list).toContain('Balasan untuk Operator Bacang');

    const before = (await listNotifications(a.t.db, operatorId)).length;
    const reply = await pd.post(`/admin/unit/bacang/bantuan/${help.id}/selesai`, { balasan: 'Bawa KTP asli dan Kartu Keluarga. Sudah saya tambahkan di draf.' });
    a.clock.advance(60_000);
    expect(reply.status).toBe(303);
    const inbox = await listNotifications(a.t.db, operatorId);
    expect(inbox.length).toBe(before + 1);
    expect(inbox[0]).toMatchObject({
      kind: 'help_reply',
      title: 'Balasan dari Pendamping Diskominfo',
      body: 'Pendamping Diskominfo membalas permintaan bantuan Anda tentang "Syarat surat pindah": "Bawa KTP asli dan Kartu Keluarga. Sudah saya tambahkan di draf."',
      link: `/admin/unit/bacang/kabar/${draftId}`,
      read: false,
    });
    // The operator's inbox page shows it.
    const page = await (await op.get('/admin/notifikasi')).text();
    expect(page).toContain('Balasan dari Pendamping Diskominfo');
    expect(page).toContain('Bawa KTP asli dan Kartu Keluarga.');
    // And the reply is kept with the request and in the draft's notes.
    expect((await a.t.db.selectFrom('help_requests').select(['status', 'answer']).where('id', '=', help.id).executeTakeFirstOrThrow())).toEqual({ status: 'answered', answer: 'Bawa KTP asli dan Kartu Keluarga. Sudah saya tambahkan di draf.' });
    expect((await listComments(a.t.db, bacang, draftId)).map((c) => [c.author_name, c.body]).at(-1)).toEqual(['Pendamping Diskominfo', 'Bawa KTP asli dan Kartu Keluarga. Sudah saya tambahkan di draf.']);
    // The pendamping is not told of their own reply.
    expect((await listNotifications(a.t.db, await userIdOf(a, 'pendamping'))).some((n) => n.kind === 'help_reply')).toBe(false);
  });

  it('a comment on a draft reaches its writer; the lurah’s return reaches the writer too', async () => {
    const draftId = await newDraft(op, 'bacang', 'berita');
    await op.post(`/admin/unit/bacang/kabar/${draftId}`, { action: 'save', title: 'Rapat RW 02', body: 'Rapat warga RW 02 membahas kebersihan lingkungan.', photos_shown: '1' });
    a.clock.advance(60_000);
    await pd.post(`/admin/unit/bacang/kabar/${draftId}`, { action: 'comment', comment: 'Tambahkan jam rapatnya.' });
    a.clock.advance(60_000);
    let inbox = await listNotifications(a.t.db, operatorId);
    expect(inbox[0]).toMatchObject({ kind: 'draft_comment', title: 'Catatan baru pada "Rapat RW 02"', body: 'Pendamping Diskominfo menulis: "Tambahkan jam rapatnya."', link: `/admin/unit/bacang/kabar/${draftId}#catatan` });

    await lurah.post('/admin/unit/bacang/persetujuan', { on: '1' });

    a.clock.advance(60_000);
    await op.post(`/admin/unit/bacang/kabar/${draftId}`, { action: 'submit', title: 'Rapat RW 02', body: 'Rapat warga RW 02 pukul 19.30 WIB membahas kebersihan lingkungan.', photos_shown: '1' });
    a.clock.advance(60_000);
    await lurah.post(`/admin/unit/bacang/kabar/${draftId}`, { action: 'return', note: 'Sebutkan tempatnya.' });
    a.clock.advance(60_000);
    inbox = await listNotifications(a.t.db, operatorId);
    expect(inbox[0]).toMatchObject({ kind: 'draft_returned', title: 'Kabar "Rapat RW 02" dikembalikan' });
    // The pendamping commented earlier, so a later comment by the operator reaches them.
    await op.post(`/admin/unit/bacang/kabar/${draftId}`, { action: 'comment', comment: 'Sudah saya tambahkan tempatnya.' });
    a.clock.advance(60_000);
    const pdInbox = await listNotifications(a.t.db, await userIdOf(a, 'pendamping'));
    expect(pdInbox[0]).toMatchObject({ kind: 'draft_comment', body: 'Operator Bacang menulis: "Sudah saya tambahkan tempatnya."' });
    await lurah.post('/admin/unit/bacang/persetujuan', { on: '0' });
    a.clock.advance(60_000);
  });

  it('goes by the person’s chosen channel when the city configured it (Telegram here), sent by the job with its link', async () => {
    const r = await setNotificationPreference(a.t.db, a.clock, operatorId, 'telegram', true, '555123');
    expect(r.ok).toBe(true);
    // WhatsApp is chosen too, but the city has no WhatsApp configured: nothing is queued for it.
    await a.t.db.updateTable('users').set({ phone: '081234567890' }).where('id', '=', operatorId).execute();
    await setNotificationPreference(a.t.db, a.clock, operatorId, 'whatsapp', true, null);
    const draftId = await newDraft(op, 'bacang', 'berita');
    await pd.post(`/admin/unit/bacang/kabar/${draftId}`, { action: 'comment', comment: 'Judulnya masih kosong.' });
    a.clock.advance(60_000);
    const queued = await a.t.db.selectFrom('staff_message_outbox').selectAll().where('user_id', '=', operatorId).where('status', '=', 'pending').execute();
    expect(queued.map((q) => [q.channel, q.address])).toEqual([['telegram', '555123']]);
    expect(queued[0]!.link).toBe(`https://beranda.test/admin/unit/bacang/kabar/${draftId}#catatan`);

    const sent: OutgoingReminder[] = [];
    const telegram: Notifier = { channel: 'telegram', send: async (m) => (sent.push(m), { ok: true, value: { providerMessageId: 'tg-1' } }) };
    const summary = await deliverPersonMessages({ db: a.t.db, clock: a.clock, notifiers: { telegram } });
    expect(summary).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent[0]).toMatchObject({ to: '555123', message: { template: 'staff_message', subject: 'Catatan baru pada "(belum ada judul)"', text: 'Pendamping Diskominfo menulis: "Judulnya masih kosong."' } });
    // Run again: nothing is sent twice.
    expect(await deliverPersonMessages({ db: a.t.db, clock: a.clock, notifiers: { telegram } })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });
});
