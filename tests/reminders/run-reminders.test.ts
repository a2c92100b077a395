import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TelegramFake, type WhatsAppFake, startTelegramFake, startWhatsAppFake } from '../../src/fakes/messaging/index.js';
import {
  type Notifier, type NotifierChannel, type ReminderStatusSnapshot, type UnitStatusSource, emailNotifier, ensureDefaultReminderRules,
  inAppNotifier, listNotifications, listReminderProblems, listReminderRules, listUnitReminders, markNotificationRead, retryReminderAsAdmin,
  runReminders, saveReminderRule, setNotificationPreference, telegramNotifier, whatsappNotifier, getNotificationPreferences,
} from '../../src/modules/reminders/index.js';
import { reminderChannelLabel, reminderStatusLabel } from '../../src/i18n/reminder-labels.js';
import { lastWeeklyPeriods } from '../../src/modules/reports/periods.js';
import { FixedClock } from '../../src/shared/clock.js';
import { type TestDb, createTestDb } from '../support/test-db.js';
import { type LocalSmtp, decodeQuotedPrintable, startLocalSmtp } from './support/smtp.js';
import { seedCity } from './support/seed.js';

const MIN = 60_000;

/** The dashboard's verdicts, as the composition root would pass them in. */
class MemoryStatus implements UnitStatusSource {
  items: Record<string, number> = { bacang: 0, 'sinar-bulan': 3, kejaksaan: 0 };
  verdicts: Record<string, { periodKey: string; verdict: 'PASS' | 'FAIL' | 'UNKNOWN' | 'COMPROMISED'; reasons?: string[] }[]> = {};
  down: Record<string, string | null> = {};
  async snapshot(now: Date): Promise<ReminderStatusSnapshot> {
    const kec: Record<string, string> = { bacang: 'kec-bukit-intan', 'sinar-bulan': 'kec-bukit-intan', kejaksaan: 'kec-taman-sari' };
    return {
      periods: lastWeeklyPeriods(now, 6),
      units: Object.keys(kec).map((id) => ({
        unitId: id, unitName: `Kelurahan ${id}`, kind: 'kelurahan' as const, kecamatanId: kec[id]!, itemsThisPeriod: this.items[id] ?? 0,
        verdicts: this.verdicts[id] ?? [], siteDownSince: this.down[id] ?? null, link: `https://beranda.example/admin/unit/${id}`,
      })),
    };
  }
}

describe('runReminders over the database, with a local SMTP server and contract fakes', () => {
  let t: TestDb;
  let smtp: LocalSmtp;
  let tg: TelegramFake;
  let wa: WhatsAppFake;
  let email: Notifier & { close(): void };
  const clock = new FixedClock('2026-11-26T02:05:00Z'); // Thursday 09:05 WIB
  const status = new MemoryStatus();
  let notifiers: Partial<Record<NotifierChannel, Notifier>>;
  const run = () => runReminders({ db: t.db, clock, regionCode: '19.71', statusSource: status, notifiers });

  beforeAll(async () => {
    t = await createTestDb();
    await seedCity(t.db);
    [smtp, tg, wa] = await Promise.all([startLocalSmtp(), startTelegramFake({ chats: ['5550001', '5550099'] }), startWhatsAppFake()]);
    email = emailNotifier({ smtpUrl: smtp.url, from: 'Beranda <noreply@pangkalpinangkota.go.id>', timeoutMs: 3000 });
    notifiers = {
      email,
      telegram: telegramNotifier({ apiBase: tg.baseUrl, botToken: tg.token, timeoutMs: 2000 }),
      whatsapp: whatsappNotifier({ graphBase: `${wa.baseUrl}/v23.0`, phoneNumberId: wa.phoneNumberId, token: wa.token, timeoutMs: 2000 }),
      inapp: inAppNotifier(t.db, clock),
    };
    // The four of issue 7 and the two deadline rules of citizens' requests (issue 17).
    expect(await ensureDefaultReminderRules(t.db, clock, 'kota')).toBe(6);
    expect(await ensureDefaultReminderRules(t.db, clock, 'kota')).toBe(0);
    // Sari opts in to WhatsApp and Telegram; the Kejaksaan lurah's mail server will refuse.
    expect((await setNotificationPreference(t.db, clock, 'op-bacang', 'whatsapp', true, null)).ok).toBe(true);
    expect((await setNotificationPreference(t.db, clock, 'op-bacang', 'telegram', true, '5550001')).ok).toBe(true);
    smtp.rejectRecipient.set('salah@kejaksaan.example', 550);
  });
  afterAll(async () => {
    email?.close();
    await Promise.all([smtp?.close(), tg?.close(), wa?.close()]);
    await t?.close();
  });

  it('sends Thursday reminders to the operator and lurah of each kelurahan without content, on every channel', async () => {
    const s = await run();
    // Bacang: Sari × 4 channels + lurah × 2 (e-mail, in-app); Kejaksaan lurah × 2. The disabled user gets nothing.
    expect(s).toMatchObject({ planned: 8, recorded: 8, sent: 7, failed: 1, retrying: 0 });
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(['lurah@bacang.example', 'sari@bacang.example']);
    expect(decodeQuotedPrintable(smtp.mails[0]!.raw)).toContain('belum mengunggah konten apa pun');
    expect(tg.sent).toHaveLength(1);
    expect(tg.sent[0]).toMatchObject({ chatId: '5550001' });
    expect(wa.sent).toEqual([expect.objectContaining({ to: '6281200000001', template: 'pengingat_konten_mingguan', params: ['Kelurahan bacang', '23–29 November 2026', 'Minggu, 29 November 2026 23.59 WIB'] })]);
    const inbox = await listNotifications(t.db, 'lurah-bacang');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ unitId: 'bacang', kind: 'no_content', read: false, link: 'https://beranda.example/admin/unit/bacang' });
    expect(await markNotificationRead(t.db, clock, 'lurah-bacang', inbox[0]!.id)).toBe(true);
    expect(await markNotificationRead(t.db, clock, 'op-bacang', inbox[0]!.id)).toBe(false); // not theirs
    expect((await listNotifications(t.db, 'lurah-bacang', { unreadOnly: true })).length).toBe(0);
  });

  it('a job run twice sends once', async () => {
    clock.advance(15 * MIN);
    const again = await run();
    expect(again).toMatchObject({ planned: 8, recorded: 0, sent: 0 });
    const both = await Promise.all([run(), run()]);
    expect(both.reduce((n, s) => n + s.sent + s.recorded, 0)).toBe(0);
    expect(smtp.mails).toHaveLength(2);
    expect(tg.sent).toHaveLength(1);
    expect(wa.sent).toHaveLength(1);
    expect(await listNotifications(t.db, 'op-bacang')).toHaveLength(1);
  });

  it('keeps a rejected reminder visible with its Indonesian reason, and lets admin kota send it again', async () => {
    const problems = await listReminderProblems(t.db, '19.71');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ recipientName: 'Lurah Kejaksaan', channel: 'email', status: 'failed', lastErrorCode: 'email_rejected' });
    // Codes from the module; the staff pages say them in the catalogue's words.
    expect([reminderChannelLabel(problems[0]!.channel), reminderStatusLabel(problems[0]!.status)]).toEqual(['E-mail', 'Gagal dikirim']);
    expect(reminderChannelLabel('pigeon')).toBe('pigeon');
    expect(problems[0]!.lastErrorReason).toMatch(/ditolak/);
    smtp.rejectRecipient.delete('salah@kejaksaan.example');
    const admin = { id: 'admin-test', username: 'admin', displayName: 'Admin', role: 'admin_kota' as const, regionCode: '19.71', unitIds: [], mustChangePassword: false };
    expect((await retryReminderAsAdmin({ db: t.db, clock }, { actor: admin, ledgerId: problems[0]!.id, region: '19.71' })).ok).toBe(true);
    expect(await run()).toMatchObject({ recorded: 0, sent: 1 });
    expect(smtp.mails.map((m) => m.to[0])).toContain('salah@kejaksaan.example');
    expect(await listReminderProblems(t.db, '19.71')).toEqual([]);
  });

  it('retries a retryable failure later and gives up visibly after the last attempt', async () => {
    // A new week; WhatsApp throttles us once, Telegram keeps failing.
    clock.set('2026-12-03T02:05:00Z'); // Thursday 09:05 WIB, week 49
    wa.fail('rate_limit');
    tg.fail('server_error', 10);
    const first = await run();
    expect(first).toMatchObject({ recorded: 8, retrying: 2 });
    const waiting = (await listReminderProblems(t.db, '19.71')).filter((p) => p.status === 'retrying');
    expect(waiting.map((p) => p.channel).sort()).toEqual(['telegram', 'whatsapp']);
    expect(waiting.find((p) => p.channel === 'whatsapp')!.lastErrorReason).toMatch(/Akan dicoba lagi/);
    // Not yet due: nothing is resent a minute later.
    clock.advance(MIN);
    expect(await run()).toMatchObject({ sent: 0, retrying: 0 });
    clock.advance(5 * MIN);
    const second = await run();
    expect(second).toMatchObject({ sent: 1, retrying: 1 }); // WhatsApp through, Telegram still failing
    expect(wa.sent).toHaveLength(2);
    for (let i = 0; i < 6; i++) {
      clock.advance(4 * 3_600_000);
      await run();
    }
    const gaveUp = (await listReminderProblems(t.db, '19.71')).find((p) => p.channel === 'telegram')!;
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 5, lastErrorCode: 'gave_up' });
    expect(gaveUp.lastErrorReason).toContain('Sudah dicoba beberapa kali');
    expect(tg.sent).toHaveLength(1);
  });

  it('escalates to the camat after two failed periods, once per newly failed period, and shows it in the drill-down', async () => {
    const monday = new Date('2026-12-07T01:00:00Z'); // Monday 08:00 WIB, week 50
    const keys = lastWeeklyPeriods(monday, 3).map((p) => p.key); // W48, W49, W50
    status.verdicts.bacang = [{ periodKey: keys[0]!, verdict: 'FAIL' }, { periodKey: keys[1]!, verdict: 'FAIL' }];
    status.items.bacang = 0;
    clock.set(new Date(monday.getTime() - MIN));
    await run();
    const before = (await listUnitReminders(t.db, 'bacang')).filter((r) => r.recipientUserId === 'camat-bi');
    expect(before).toEqual([]);
    clock.set(monday);
    await run();
    const camat = (await listUnitReminders(t.db, 'bacang')).filter((r) => r.recipientUserId === 'camat-bi');
    expect(camat.map((r) => r.channel).sort()).toEqual(['email', 'inapp']); // the camat never opted in to WhatsApp here
    expect(camat.every((r) => r.status === 'sent' && r.periodKey === keys[1])).toBe(true);
    expect(camat[0]!.ruleName).toBe('Eskalasi ke camat: gagal 2 periode berturut-turut');
    const mail = smtp.mails.find((m) => m.to[0] === 'camat@bukitintan.example')!;
    expect(decodeQuotedPrintable(mail.raw)).toContain('tidak memenuhi aturan kanal digital selama 2 periode berturut-turut');
    // The next Monday, still failing: a new escalation for the new period, not a repeat of the old one.
    const next = new Date(monday.getTime() + 7 * 24 * 3_600_000);
    status.verdicts.bacang.push({ periodKey: keys[2]!, verdict: 'FAIL' });
    clock.set(next);
    await run();
    const later = (await listUnitReminders(t.db, 'bacang')).filter((r) => r.recipientUserId === 'camat-bi');
    expect(later).toHaveLength(4);
    expect(smtp.mails.filter((m) => m.to[0] === 'camat@bukitintan.example')).toHaveLength(2);
  });

  it('alerts Diskominfo at once about a compromised site, one alert per unit per period', async () => {
    clock.set('2026-12-15T06:00:00Z'); // Tuesday 13.00 WIB
    const key = lastWeeklyPeriods(clock.now(), 1)[0]!.key;
    status.verdicts['sinar-bulan'] = [{ periodKey: key, verdict: 'COMPROMISED', reasons: ['Konten judi online di halaman depan'] }];
    await run();
    await run();
    const alerts = (await listUnitReminders(t.db, 'sinar-bulan')).filter((r) => r.recipientUserId === 'diskominfo');
    expect(alerts.map((a) => a.channel).sort()).toEqual(['email', 'inapp']);
    expect(alerts[0]!.subject).toBe('SEGERA: situs Kelurahan sinar-bulan terindikasi dibobol');
  });

  it('lets admin kota change a rule, rejecting a schedule it cannot read', async () => {
    const [first] = await listReminderRules(t.db, '19.71');
    const bad = await saveReminderRule(t.db, clock, 'kota', { ...first!, schedule: 'kamis pagi' }, first!.id);
    expect(bad).toMatchObject({ ok: false, error: 'invalid_schedule' });
    const good = await saveReminderRule(t.db, clock, 'kota', { ...first!, schedule: '0 10 * * 3', enabled: false }, first!.id);
    expect(good.ok).toBe(true);
    const after = (await listReminderRules(t.db, '19.71')).find((r) => r.id === first!.id)!;
    expect(after).toMatchObject({ schedule: '0 10 * * 3', enabled: false });
    expect(await saveReminderRule(t.db, clock, 'kec-taman-sari', { ...first! }, first!.id)).toMatchObject({ ok: false, error: 'not_found' });
  });

  it('stores channel preferences with validation', async () => {
    expect(await setNotificationPreference(t.db, clock, 'lurah-bacang', 'telegram', true, null)).toMatchObject({ ok: false, error: 'address_required' });
    expect(await setNotificationPreference(t.db, clock, 'lurah-bacang', 'whatsapp', true, 'bukan nomor')).toMatchObject({ ok: false, error: 'invalid_address' });
    expect(await setNotificationPreference(t.db, clock, 'lurah-bacang', 'whatsapp', true, '0812 3333 4444')).toMatchObject({ ok: true, value: { address: '6281233334444' } });
    const prefs = await getNotificationPreferences(t.db, 'lurah-bacang');
    expect(prefs.find((p) => p.channel === 'whatsapp')).toEqual({ channel: 'whatsapp', optedIn: true, address: '6281233334444' });
    expect(prefs.find((p) => p.channel === 'email')).toEqual({ channel: 'email', optedIn: true, address: null });
  });
});
