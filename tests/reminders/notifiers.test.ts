import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TelegramFake, type WhatsAppFake, startTelegramFake, startWhatsAppFake } from '../../src/fakes/messaging/index.js';
import { emailNotifier } from '../../src/modules/reminders/email-notifier.js';
import type { OutgoingReminder, ReminderMessage } from '../../src/modules/reminders/notifier.js';
import { telegramNotifier } from '../../src/modules/reminders/telegram-notifier.js';
import { toWhatsAppNumber, whatsappNotifier } from '../../src/modules/reminders/whatsapp-notifier.js';
import { type LocalSmtp, decodeQuotedPrintable, startLocalSmtp } from './support/smtp.js';

const message: ReminderMessage = {
  template: 'no_content',
  params: ['Kelurahan Bacang', '23–29 November 2026', 'Minggu, 29 November 2026 24.00 WIB'],
  subject: 'Pengingat: Kelurahan Bacang belum mengunggah konten minggu ini',
  text: 'Yth. Bu Sari,\n\nKelurahan Bacang belum mengunggah konten apa pun untuk periode ini.',
  unitId: 'u1',
};
const to = (address: string): OutgoingReminder => ({ to: address, recipientUserId: 'user-1', message });

describe('e-mail notifier against a local SMTP server', () => {
  let smtp: LocalSmtp;
  beforeAll(async () => {
    smtp = await startLocalSmtp();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers the Indonesian reminder to the recipient', async () => {
    const n = emailNotifier({ smtpUrl: smtp.url, from: 'Beranda <noreply@pangkalpinangkota.go.id>' });
    const r = await n.send(to('sari@bacang.example'));
    n.close();
    expect(r.ok).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(['sari@bacang.example']);
    const body = decodeQuotedPrintable(smtp.mails[0]!.raw);
    expect(body).toContain('belum mengunggah konten apa pun');
    expect(body).toContain('X-Beranda-Template: no_content');
  });

  it('sorts a 550 as rejected and a 450 as retryable, each with an Indonesian reason', async () => {
    smtp.rejectRecipient.set('salah@bacang.example', 550);
    smtp.rejectRecipient.set('penuh@bacang.example', 450);
    const n = emailNotifier({ smtpUrl: smtp.url, from: 'noreply@example.go.id' });
    const hard = await n.send(to('salah@bacang.example'));
    const soft = await n.send(to('penuh@bacang.example'));
    n.close();
    expect(hard).toMatchObject({ ok: false, error: 'rejected', code: 'email_rejected' });
    expect(hard.ok ? '' : hard.reason).toMatch(/ditolak/);
    expect(soft).toMatchObject({ ok: false, error: 'retryable', code: 'email_temporary' });
  });

  it('treats an unreachable SMTP server as retryable', async () => {
    const n = emailNotifier({ smtpUrl: 'smtp://127.0.0.1:1', from: 'noreply@example.go.id', timeoutMs: 2000 });
    const r = await n.send(to('sari@bacang.example'));
    n.close();
    expect(r).toMatchObject({ ok: false, error: 'retryable' });
  });

  it('rejects a recipient without an e-mail address without calling the server', async () => {
    const before = smtp.mails.length;
    const n = emailNotifier({ smtpUrl: smtp.url, from: 'noreply@example.go.id' });
    const r = await n.send(to(''));
    n.close();
    expect(r).toMatchObject({ ok: false, error: 'rejected', code: 'no_address' });
    expect(smtp.mails.length).toBe(before);
  });
});

describe('Telegram notifier against the Bot API contract fake', () => {
  let tg: TelegramFake;
  beforeAll(async () => {
    tg = await startTelegramFake({ chats: ['5551234', '5559999'] });
  });
  afterAll(async () => {
    await tg.close();
  });
  const notifier = () => telegramNotifier({ apiBase: tg.baseUrl, botToken: tg.token, timeoutMs: 1000 });

  it('posts sendMessage with the chat id and the text', async () => {
    const r = await notifier().send(to('5551234'));
    expect(r.ok).toBe(true);
    const last = tg.sent.at(-1)!;
    expect(last.chatId).toBe('5551234');
    expect(last.text).toContain('Kelurahan Bacang belum mengunggah konten');
    expect(r.ok && r.value.providerMessageId).toBe(String(last.messageId));
    expect(tg.requests.at(-1)!.path).toBe(`/bot${tg.token}/sendMessage`);
  });

  it('classifies each documented failure', async () => {
    const cases: [Parameters<TelegramFake['fail']>[0], string, string][] = [
      ['rate_limit', 'retryable', 'rate_limited'],
      ['server_error', 'retryable', 'server_error'],
      ['blocked', 'rejected', 'telegram_blocked'],
      ['chat_not_found', 'rejected', 'telegram_chat_not_found'],
      ['unauthorized', 'rejected', 'auth'],
      ['drop', 'retryable', 'network'],
    ];
    for (const [scenario, kind, code] of cases) {
      tg.fail(scenario);
      const r = await notifier().send(to('5551234'));
      expect(r, scenario).toMatchObject({ ok: false, error: kind, code });
      expect(r.ok ? '' : r.reason, scenario).toMatch(/[a-z]/);
    }
    tg.fail('rate_limit');
    const r = await notifier().send(to('5551234'));
    expect(r.ok ? 0 : r.retryAfterMs).toBe(3000);
  });

  it('reports an unknown chat and a wrong token as rejected, and a slow server as a retryable timeout', async () => {
    expect(await notifier().send(to('404404'))).toMatchObject({ error: 'rejected', code: 'telegram_chat_not_found' });
    const wrong = telegramNotifier({ apiBase: tg.baseUrl, botToken: 'nope', timeoutMs: 1000 });
    expect(await wrong.send(to('5551234'))).toMatchObject({ error: 'rejected', code: 'auth' });
    const slowFake = await startTelegramFake({ slowMs: 1500 });
    slowFake.fail('slow');
    const slow = telegramNotifier({ apiBase: slowFake.baseUrl, botToken: slowFake.token, timeoutMs: 200 });
    expect(await slow.send(to('1'))).toMatchObject({ error: 'retryable', code: 'timeout' });
    await slowFake.close();
  });
});

describe('WhatsApp notifier against the Cloud API contract fake', () => {
  let wa: WhatsAppFake;
  beforeAll(async () => {
    wa = await startWhatsAppFake({ unreachable: ['6281200000000'] });
  });
  afterAll(async () => {
    await wa.close();
  });
  const notifier = (over: Partial<Parameters<typeof whatsappNotifier>[0]> = {}) =>
    whatsappNotifier({ graphBase: `${wa.baseUrl}/v23.0`, phoneNumberId: wa.phoneNumberId, token: wa.token, timeoutMs: 1000, ...over });

  it('normalises Indonesian phone numbers', () => {
    expect(toWhatsAppNumber('0812-3456-7890')).toBe('6281234567890');
    expect(toWhatsAppNumber('+62 812 3456 7890')).toBe('6281234567890');
    expect(toWhatsAppNumber('abc')).toBeNull();
  });

  it('sends the approved template with the body parameters in order', async () => {
    const r = await notifier().send(to('0812-3456-7890'));
    expect(r.ok).toBe(true);
    const last = wa.sent.at(-1)!;
    expect(last).toMatchObject({ to: '6281234567890', template: 'pengingat_konten_mingguan', language: 'id' });
    expect(last.params).toEqual(message.params);
    expect(r.ok && r.value.providerMessageId).toBe(last.id);
    expect(wa.requests.at(-1)!.headers.authorization).toBe(`Bearer ${wa.token}`);
  });

  it('classifies documented error codes into retryable and rejected', async () => {
    const cases: [Parameters<WhatsAppFake['fail']>[0], string, string][] = [
      ['token_expired', 'rejected', 'auth'],
      ['rate_limit', 'retryable', 'rate_limited'],
      ['pair_rate_limit', 'retryable', 'rate_limited'],
      ['server_error', 'retryable', 'server_error'],
      ['template_missing', 'rejected', 'whatsapp_template'],
      ['drop', 'retryable', 'network'],
    ];
    for (const [scenario, kind, code] of cases) {
      wa.fail(scenario);
      const r = await notifier().send(to('081234567890'));
      expect(r, scenario).toMatchObject({ ok: false, error: kind, code });
    }
  });

  it('rejects numbers not on WhatsApp, wrong templates and parameter mismatches as the contract says', async () => {
    expect(await notifier().send(to('081200000000'))).toMatchObject({ error: 'rejected', code: 'whatsapp_undeliverable' });
    const unapproved = notifier({
      templates: {
        no_content: { name: 'belum_disetujui', language: 'id' },
        failed_periods: { name: 'x', language: 'id' },
        compromised: { name: 'x', language: 'id' },
        site_down: { name: 'x', language: 'id' },
        pelayanan_near: { name: 'x', language: 'id' },
        pelayanan_overdue: { name: 'x', language: 'id' },
        pelayanan_received: { name: 'x', language: 'id' },
        pelayanan_status: { name: 'x', language: 'id' },
        pengaduan_received: { name: 'x', language: 'id' },
        pengaduan_status: { name: 'x', language: 'id' },
        staff_message: { name: 'x', language: 'id' },
      },
    });
    const r = await unapproved.send(to('081234567890'));
    expect(r).toMatchObject({ error: 'rejected', code: 'whatsapp_template' });
    expect(r.ok ? '' : r.detail).toContain('132001');
    const fewer = await notifier().send({ ...to('081234567890'), message: { ...message, params: ['satu'] } });
    expect(fewer).toMatchObject({ error: 'rejected', code: 'whatsapp_template' });
    expect(fewer.ok ? '' : fewer.detail).toContain('132000');
    expect(await notifier().send(to('12'))).toMatchObject({ error: 'rejected', code: 'invalid_parameter' });
    expect(await notifier({ token: 'salah' }).send(to('081234567890'))).toMatchObject({ error: 'rejected', code: 'auth' });
  });
});
