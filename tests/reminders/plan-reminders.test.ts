import { describe, expect, it } from 'vitest';
import { isRuleDue, planReminders, validateRule, DEFAULT_RULES } from '../../src/modules/reminders/index.js';
import { PELAYANAN_RULES } from '../../src/modules/reminders/rules.js';
import { lastWeeklyPeriods, weeklyPeriod } from '../../src/modules/reports/periods.js';
import { THURSDAY_0900_WIB, people, rules, snapshot } from './support/city.js';

const HOUR = 3_600_000;
const only = (trigger: string) => rules().filter((r) => r.trigger === trigger);
const who = (plan: ReturnType<typeof planReminders>) => plan.map((p) => `${p.unitId}→${p.recipientUserId}:${p.channel}`).sort();

describe('when a scheduled rule is due (WIB)', () => {
  const rule = only('no_content')[0]!;
  const p = weeklyPeriod(THURSDAY_0900_WIB);
  it('fires from Thursday 09:00 WIB until the period ends, not before', () => {
    expect(isRuleDue(rule, p.start, p.end, new Date(THURSDAY_0900_WIB.getTime() - 60_000))).toBe(false);
    expect(isRuleDue(rule, p.start, p.end, THURSDAY_0900_WIB)).toBe(true);
    // Sunday 23:59 WIB is still this week: a missed run catches up.
    expect(isRuleDue(rule, p.start, p.end, new Date('2026-11-29T16:59:00Z'))).toBe(true);
    // Monday 00:01 WIB is a new week whose Thursday has not come yet.
    const next = weeklyPeriod(new Date('2026-11-29T17:01:00Z'));
    expect(isRuleDue(rule, next.start, next.end, new Date('2026-11-29T17:01:00Z'))).toBe(false);
  });
});

describe('planReminders', () => {
  it('reminds the operator and lurah of each kelurahan without content this week, on their channels', () => {
    const plan = planReminders(only('no_content'), snapshot(THURSDAY_0900_WIB), people(), THURSDAY_0900_WIB);
    expect(who(plan)).toEqual([
      // Sari opted in to WhatsApp and Telegram; e-mail and in-app are on by default.
      'bacang→lurah-bacang:email', 'bacang→lurah-bacang:inapp',
      'bacang→op-bacang:email', 'bacang→op-bacang:inapp', 'bacang→op-bacang:telegram', 'bacang→op-bacang:whatsapp',
      'kejaksaan→lurah-kejaksaan:email', 'kejaksaan→lurah-kejaksaan:inapp',
    ]);
    // Sinar Bulan posted twice: nobody there is reminded. The camat and the mayor are not either.
    const wa = plan.find((x) => x.channel === 'whatsapp')!;
    expect(wa.address).toBe('081200000001');
    expect(wa.periodKey).toBe('2026-W48');
    expect(wa.message.params).toEqual(['Kelurahan Bacang', '23–29 November 2026', 'Minggu, 29 November 2026 23.59 WIB']);
    expect(wa.message.text).toContain('Yth. Sari (operator Bacang)');
    expect(wa.message.text).toContain('https://beranda.example/admin/tulis');
  });

  it("speaks to each unit's head in the unit's own words: the Lurah of a kelurahan, the Kepala Desa of a desa", () => {
    const overdue = PELAYANAN_RULES.filter((d) => d.trigger === 'pelayanan_overdue').map((d) => ({ ...d, id: 'rule-overdue', unitId: 'kota', recipientRoles: [...d.recipientRoles], channels: [...d.channels], unitKinds: [...d.unitKinds], enabled: true }));
    const pelayanan = { near: 0, overdue: 2, link: 'https://beranda.example/admin/unit/x/pelayanan' };
    const snap = snapshot(THURSDAY_0900_WIB, { bacang: { pelayanan }, kejaksaan: { pelayanan, kind: 'desa', unitName: 'Desa Kejaksaan' } });
    const plan = planReminders(overdue, snap, people(), THURSDAY_0900_WIB).filter((p) => p.channel === 'inapp');
    const subject = (unitId: string) => plan.find((p) => p.unitId === unitId)!.message.subject;
    expect(subject('bacang')).toMatch(/^Perhatian Lurah: 2 permohonan warga/);
    expect(subject('kejaksaan')).toMatch(/^Perhatian Kepala Desa: 2 permohonan warga/);
  });

  it('plans nothing on Wednesday', () => {
    const wed = new Date(THURSDAY_0900_WIB.getTime() - 24 * HOUR);
    expect(planReminders(only('no_content'), snapshot(wed), people(), wed)).toEqual([]);
  });

  it('escalates to the camat of the kecamatan after two failed periods, and only then', () => {
    const monday = new Date('2026-11-30T01:00:00Z'); // Monday 08:00 WIB, week 49
    const [w46, w47, w48] = lastWeeklyPeriods(monday, 4).map((p) => p.key);
    const oneFail = snapshot(monday, { bacang: { verdicts: [{ periodKey: w47!, verdict: 'PASS' }, { periodKey: w48!, verdict: 'FAIL' }] } });
    expect(planReminders(only('failed_periods'), oneFail, people(), monday)).toEqual([]);

    const twoFails = snapshot(monday, {
      bacang: { verdicts: [{ periodKey: w46!, verdict: 'PASS' }, { periodKey: w47!, verdict: 'FAIL' }, { periodKey: w48!, verdict: 'COMPROMISED' }] },
      kejaksaan: { verdicts: [{ periodKey: w47!, verdict: 'UNKNOWN' }, { periodKey: w48!, verdict: 'FAIL' }] },
    });
    const plan = planReminders(only('failed_periods'), twoFails, people(), monday);
    expect(who(plan)).toEqual(['bacang→camat-bi:email', 'bacang→camat-bi:inapp', 'bacang→camat-bi:whatsapp']);
    expect(plan[0]!.periodKey).toBe(w48); // keyed by the latest failed period: once per newly failed week
    expect(plan.find((p) => p.channel === 'email')!.message.subject).toBe('Perhatian Camat: Kelurahan Bacang tidak aktif 2 periode berturut-turut');
    // Before Monday 08:00 WIB the escalation waits.
    expect(planReminders(only('failed_periods'), twoFails, people(), new Date(monday.getTime() - HOUR))).toEqual([]);
  });

  it('the current, unfinished week never counts towards escalation', () => {
    const monday = new Date('2026-11-30T01:00:00Z');
    const [, , w48, w49] = lastWeeklyPeriods(monday, 4).map((p) => p.key);
    const s = snapshot(monday, { bacang: { verdicts: [{ periodKey: w48!, verdict: 'FAIL' }, { periodKey: w49!, verdict: 'FAIL' }] } });
    expect(planReminders(only('failed_periods'), s, people(), monday)).toEqual([]);
  });

  it('alerts Diskominfo at once when a site is compromised, whatever the day', () => {
    const tuesday = new Date('2026-11-24T13:00:00Z');
    const key = weeklyPeriod(tuesday).key;
    const s = snapshot(tuesday, { 'sinar-bulan': { verdicts: [{ periodKey: key, verdict: 'COMPROMISED', reasons: ['Konten judi online di halaman depan'] }] } });
    const plan = planReminders(only('compromised'), s, people(), tuesday);
    expect(who(plan)).toEqual(['sinar-bulan→diskominfo:email', 'sinar-bulan→diskominfo:inapp', 'sinar-bulan→diskominfo:telegram']);
    expect(plan[0]!.message.params).toEqual(['Kelurahan Sinar Bulan', 'Konten judi online di halaman depan']);
    expect(plan[0]!.message.subject).toBe('SEGERA: situs Kelurahan Sinar Bulan terindikasi dibobol');
  });

  it('alerts Diskominfo about a site down for more than 24 hours, once per outage', () => {
    const now = new Date('2026-11-24T13:00:00Z');
    const since = (h: number) => new Date(now.getTime() - h * HOUR).toISOString();
    expect(planReminders(only('site_down'), snapshot(now, { kejaksaan: { siteDownSince: since(23) } }), people(), now)).toEqual([]);
    const plan = planReminders(only('site_down'), snapshot(now, { kejaksaan: { siteDownSince: since(25) } }), people(), now);
    expect(who(plan)).toEqual(['kejaksaan→diskominfo:email', 'kejaksaan→diskominfo:inapp', 'kejaksaan→diskominfo:telegram']);
    expect(plan[0]!.periodKey).toBe(`down:${since(25)}`);
    expect(plan[0]!.message.text).toContain('tidak dapat dibuka sejak Senin, 23 November 2026 19.00 WIB');
  });

  it('respects opt-outs and keeps a person who opted in without an address visible', () => {
    const ppl = people();
    ppl.find((p) => p.userId === 'lurah-bacang')!.prefs = { email: { optedIn: false, address: null }, inapp: { optedIn: false, address: null }, telegram: { optedIn: true, address: null } };
    const plan = planReminders(only('no_content'), snapshot(THURSDAY_0900_WIB), ppl, THURSDAY_0900_WIB);
    const lurah = plan.filter((p) => p.recipientUserId === 'lurah-bacang');
    expect(lurah.map((p) => [p.channel, p.address])).toEqual([['telegram', '']]);
  });

  it('skips disabled rules', () => {
    const r = only('no_content').map((x) => ({ ...x, enabled: false }));
    expect(planReminders(r, snapshot(THURSDAY_0900_WIB), people(), THURSDAY_0900_WIB)).toEqual([]);
  });
});

describe('validateRule', () => {
  it('accepts the defaults and rejects a broken schedule, zone, threshold or empty lists', () => {
    for (const d of DEFAULT_RULES) expect(validateRule(d).ok).toBe(true);
    const base = DEFAULT_RULES[0]!;
    expect(validateRule({ ...base, schedule: 'setiap kamis' })).toMatchObject({ ok: false, error: 'invalid_schedule' });
    expect(validateRule({ ...base, timezone: 'Asia/Bandung' })).toMatchObject({ ok: false, error: 'invalid_timezone' });
    expect(validateRule({ ...base, threshold: 0 })).toMatchObject({ ok: false, error: 'invalid_threshold' });
    expect(validateRule({ ...base, recipientRoles: [] })).toMatchObject({ ok: false, error: 'no_recipients' });
    expect(validateRule({ ...base, channels: [] })).toMatchObject({ ok: false, error: 'no_channels' });
  });
});

describe('statusSourceFromReportInput', () => {
  it('feeds reminders from the dashboard rows, so both read the same verdicts', async () => {
    const { statusSourceFromReportInput } = await import('../../src/modules/reminders/index.js');
    const { fixture, NOW } = await import('../reports/support/fixture.js');
    const { reasonText } = await import('../../src/i18n/monitoring-reasons.js');
    const src = statusSourceFromReportInput(async () => fixture(), reasonText, (id) => `https://beranda.example/dasbor/unit/${id}`);
    const snap = await src.snapshot(NOW);
    // The rows carry reason codes; the reminder gets them in the caller's words.
    expect(snap.units.find((u) => u.unitId === 'air-itam')!.verdicts.at(-1)!.reasons).toEqual(['Kata-kata promosi judi ditemukan di halaman depan (slot gacor).']);
    const bacang = snap.units.find((u) => u.unitId === 'bacang')!;
    expect(bacang).toMatchObject({ itemsThisPeriod: 3, kecamatanId: 'bukit-intan', link: 'https://beranda.example/dasbor/unit/bacang' });
    expect(snap.units.find((u) => u.unitId === 'sinar-bulan')!.itemsThisPeriod).toBe(0);
    expect(bacang.verdicts).toHaveLength(4);
    // Thursday of that week: Sinar Bulan (no content) would be reminded, Bacang would not.
    const thursday = new Date('2026-11-26T02:00:00Z');
    const people = [
      { userId: 'a', name: 'A', role: 'operator' as const, unitIds: ['bacang'], email: 'a@x.id', phone: null, prefs: {} },
      { userId: 'b', name: 'B', role: 'operator' as const, unitIds: ['sinar-bulan'], email: 'b@x.id', phone: null, prefs: {} },
    ];
    const plan = planReminders(rules().filter((r) => r.trigger === 'no_content'), snap, people, thursday);
    expect([...new Set(plan.map((p) => p.unitId))]).toEqual(['sinar-bulan']);
  });
});
