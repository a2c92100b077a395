import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverCitizenMessages, queueCitizenMessage } from '../../src/modules/pelayanan/index.js';
import { type Notifier, type OutgoingReminder, type SendResult, PERSON_MESSAGE_MAX_ATTEMPTS, deliverPersonMessages } from '../../src/modules/reminders/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { addUnit } from '../site/helpers.js';
import { type TestDb, createTestDb } from '../support/test-db.js';

// The one outbox sender serves staff messages and citizens' messages (issue 19): both kinds are
// claimed once, retried with their own backoff, failed for good on a rejection or their last
// attempt, and finished with their own bookkeeping (a citizen's PIN blanked once sent).

let t: TestDb;
let unitId: string;
const clock = new FixedClock('2026-03-10T03:00:00Z');
const sent: OutgoingReminder[] = [];
let answers: SendResult[] = [];
const scripted: Notifier = {
  channel: 'whatsapp',
  async send(m) {
    sent.push(m);
    return answers.shift() ?? { ok: true, value: { providerMessageId: 'x' } };
  },
};
const retryable = (retryAfterMs?: number): SendResult => ({ ok: false, error: 'retryable', code: 'network', reason: 'jaringan', ...(retryAfterMs ? { retryAfterMs } : {}) });
const rejected: SendResult = { ok: false, error: 'rejected', code: 'no_address', reason: 'ditolak' };
const deps = (notifiers: Partial<Record<'whatsapp', Notifier>> = { whatsapp: scripted }) => ({ db: t.db, clock, notifiers });

async function staffMessage(id: string) {
  const now = clock.now().toISOString();
  await t.db.insertInto('staff_message_outbox').values({ id, user_id: 'u1', unit_id: unitId, channel: 'whatsapp', address: '+6281200000001', subject: 'Balasan\nbaru', body: 'Isi', link: 'https://x/y', status: 'pending', attempts: 0, next_attempt_at: now, last_error: null, created_at: now, sent_at: null }).execute();
}
const staffRow = (id: string) => t.db.selectFrom('staff_message_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const citizenRows = () => t.db.selectFrom('pelayanan_outbox').selectAll().execute();

beforeAll(async () => {
  t = await createTestDb();
  unitId = await addUnit(t.db, { name: 'Bacang', slug: 'bacang' });
  const now = clock.now().toISOString();
  await t.db.insertInto('users').values({ id: 'u1', username: 'u1', display_name: 'Operator', password_hash: 'x', role: 'operator', region_code: '19.71', email: null, phone: null, status: 'active', must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
});
afterAll(async () => t?.close());
beforeEach(async () => {
  sent.length = 0;
  answers = [];
  await t.db.deleteFrom('staff_message_outbox').execute();
  await t.db.deleteFrom('pelayanan_outbox').execute();
});

describe('the one outbox sender', () => {
  it('sends a staff message once even when two runs overlap, as its WhatsApp template', async () => {
    await staffMessage('m1');
    const [a, b] = await Promise.all([deliverPersonMessages(deps()), deliverPersonMessages(deps())]);
    expect(a.sent + b.sent).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ to: '+6281200000001', recipientUserId: 'u1', message: { template: 'staff_message', params: ['Balasan baru', 'https://x/y'] } });
    expect(await staffRow('m1')).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
  });

  it('retries a staff message with its backoff (or the provider’s wait) and gives up at its last attempt', async () => {
    await staffMessage('m2');
    answers = [retryable(), retryable(90_000)];
    expect(await deliverPersonMessages(deps())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await staffRow('m2');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'jaringan', next_attempt_at: '2026-03-10T03:01:00.000Z' });
    expect(await deliverPersonMessages(deps())).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet
    await t.db.updateTable('staff_message_outbox').set({ next_attempt_at: clock.now().toISOString() }).execute();
    await deliverPersonMessages(deps());
    expect((await staffRow('m2')).next_attempt_at).toBe('2026-03-10T03:01:30.000Z');
    await t.db.updateTable('staff_message_outbox').set({ attempts: PERSON_MESSAGE_MAX_ATTEMPTS - 1, next_attempt_at: clock.now().toISOString() }).execute();
    answers = [retryable()];
    expect(await deliverPersonMessages(deps())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    row = await staffRow('m2');
    expect(row).toMatchObject({ status: 'failed', attempts: PERSON_MESSAGE_MAX_ATTEMPTS });
  });

  it('fails a rejected message, and one whose channel is not configured, at once', async () => {
    await staffMessage('m3');
    await staffMessage('m4');
    answers = [rejected];
    await deliverPersonMessages({ ...deps(), limit: 1 });
    expect(await deliverPersonMessages(deps({}))).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await staffRow('m3')).status).toBe('failed');
    expect(await staffRow('m4')).toMatchObject({ status: 'failed', last_error: 'not configured' });
  });

  it('sends a citizen’s message through the same path and blanks its PIN once sent', async () => {
    const message = { template: 'pelayanan_received' as const, params: ['Domisili', 'Bacang', 'ABC123', '482913', 'https://x/cek'], subject: 'Diterima', text: 'PIN Anda 482913.', link: 'https://x/cek' };
    expect(await queueCitizenMessage(t.db, clock.now(), { ownerId: 'r1', unitId, to: { channel: 'whatsapp', phone: '+6281200000002', email: null }, message })).toBe(true);
    answers = [retryable()];
    expect(await deliverCitizenMessages(deps())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await citizenRows())[0]).toMatchObject({ status: 'pending', body: 'PIN Anda 482913.', next_attempt_at: '2026-03-10T03:01:00.000Z' });
    await t.db.updateTable('pelayanan_outbox').set({ next_attempt_at: clock.now().toISOString() }).execute();
    expect(await deliverCitizenMessages(deps())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent.at(-1)).toMatchObject({ to: '+6281200000002', recipientUserId: '', message: { template: 'pelayanan_received', params: message.params } });
    const [row] = await citizenRows();
    expect(row).toMatchObject({ status: 'sent', attempts: 2, body: 'PIN Anda ••••••.' });
    expect(JSON.parse(row!.params)[3]).toBe('••••••');
  });
});
