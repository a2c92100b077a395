import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WhatsAppFake, startWhatsAppFake } from '../../src/fakes/messaging/index.js';
import { OUTBOX_NO_CHANNEL, deliverCitizenMessages } from '../../src/modules/pelayanan/index.js';
import { whatsappNotifier } from '../../src/modules/reminders/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';
import { DOMISILI_SLOTS as S, apply, docPhoto, domisiliFields } from './helpers.js';

// Citizens hear about their request through the reminder notifiers (issue 17 points 1 and 2):
// here the WhatsApp template message against the Cloud API contract fake.

describe(`citizen messages through the WhatsApp notifier on ${testEngine()}`, () => {
  let a: TestApp;
  let wa: WhatsAppFake;
  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    wa = await startWhatsAppFake();
  });
  afterAll(async () => {
    await wa.close();
    await a.close();
  });
  const notifiers = () => ({ whatsapp: whatsappNotifier({ graphBase: `${wa.baseUrl}/v23.0`, phoneNumberId: wa.phoneNumberId, token: wa.token, timeoutMs: 2000 }) });

  it('sends the code and PIN as the approved template, once, and then forgets the PIN', async () => {
    const photo = await docPhoto();
    const sent = await apply(a, { files: { [S.pengantar]: photo, [S.ktp]: photo, [S.kk]: photo } });
    const pin = /PIN Anda: <span class="pel-code">(\d{6})/.exec(await (await a.request(sent.location, { cookie: sent.cookies })).text())![1]!;
    const first = await Promise.all([deliverCitizenMessages({ db: a.t.db, clock: a.clock, notifiers: notifiers() }), deliverCitizenMessages({ db: a.t.db, clock: a.clock, notifiers: notifiers() })]);
    expect(first[0].sent + first[1].sent).toBe(1);
    expect(wa.sent).toHaveLength(1);
    expect(wa.sent[0]).toMatchObject({ to: '6281234567890', template: 'permohonan_layanan_diterima', language: 'id' });
    expect(wa.sent[0]!.params).toEqual(['Surat Keterangan Domisili', 'Kelurahan Bacang', sent.code, pin, 'http://localhost:3000/bacang/layanan/lacak']);
    const row = await a.t.db.selectFrom('pelayanan_outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.params).not.toContain(pin);
    expect(row.body).not.toContain(pin);
    expect((await deliverCitizenMessages({ db: a.t.db, clock: a.clock, notifiers: notifiers() })).sent).toBe(0);
  });

  it('retries a throttled send later and fails plainly on a channel the city has not set up', async () => {
    const photo = await docPhoto();
    await apply(a, { fields: domisiliFields({ telepon: '081299990000' }), files: { [S.pengantar]: photo, [S.ktp]: photo, [S.kk]: photo }, ip: '203.0.113.2' });
    wa.fail('rate_limit');
    const r1 = await deliverCitizenMessages({ db: a.t.db, clock: a.clock, notifiers: notifiers() });
    expect(r1).toMatchObject({ sent: 0, retrying: 1 });
    a.clock.advance(2 * 60_000);
    const r2 = await deliverCitizenMessages({ db: a.t.db, clock: a.clock, notifiers: notifiers() });
    expect(r2.sent).toBe(1);
    // No notifier for e-mail configured: the message fails with a reason staff can read.
    const photo2 = await docPhoto(3);
    await apply(a, { fields: domisiliFields({ telepon: '081299990001', email: 'warga@contoh.id', notify: 'email' }), files: { [S.pengantar]: photo2, [S.ktp]: photo2, [S.kk]: photo2 }, ip: '203.0.113.3' });
    const r3 = await deliverCitizenMessages({ db: a.t.db, clock: a.clock, notifiers: notifiers() });
    expect(r3.failed).toBe(1);
    // The outbox keeps a code; the request's page says it to staff in the catalogue's words.
    const failed = await a.t.db.selectFrom('pelayanan_outbox').selectAll().where('status', '=', 'failed').executeTakeFirstOrThrow();
    expect(failed.last_error).toBe(OUTBOX_NO_CHANNEL);
    const page = await (await (await a.loginAs('operator.bacang')).get(`/admin/unit/bacang/pelayanan/${failed.owner_id}`)).text();
    expect(page).toContain('(Saluran ini belum diatur oleh Diskominfo.)');
  });
});
