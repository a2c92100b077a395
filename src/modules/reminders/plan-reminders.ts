import type { Role } from '../../db/schema/index.js';
import { streakOf } from '../reports/index.js';
import { currentTerms, unitTermKind, withTerms } from '../../i18n/index.js';
import { buildReminderMessage } from './build-message.js';
import type { NotifierChannel, ReminderMessage } from './notifier.js';
import { DAILY_TRIGGERS, type ReminderRule } from './rules.js';
import { wibDay, wibDayEnd, wibDayStart } from '../../shared/wib-time.js';
import { isRuleDue } from './schedule.js';
import type { ReminderStatusSnapshot, UnitReminderStatus } from './status-source.js';

// The pure heart of reminders: given the rules, the units' state, the people and the time,
// which reminders should exist? No I/O, so every escalation path is tested with a fixed clock.

export interface Recipient {
  userId: string;
  name: string;
  role: Role;
  /** Units the user's role covers (user_units): the kelurahan for lurah/operator, the kecamatan for camat. */
  unitIds: string[];
  email: string | null;
  phone: string | null;
  prefs: Partial<Record<NotifierChannel, { optedIn: boolean; address: string | null }>>;
}

/**
 * Without a stored preference: in-app and e-mail (a work address given to the city) are on;
 * WhatsApp and Telegram need the person's own opt-in (WhatsApp's policy; Telegram also needs the
 * chat id the person gets by starting the city's bot).
 */
export const DEFAULT_OPT_IN: Record<NotifierChannel, boolean> = { inapp: true, email: true, whatsapp: false, telegram: false };

export interface PlannedReminder {
  ruleId: string;
  unitId: string;
  periodKey: string;
  recipientUserId: string;
  channel: NotifierChannel;
  /** Empty when the person opted in but left no address: recorded as a visible failure. */
  address: string;
  message: ReminderMessage;
}

interface Trigger {
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  count?: number;
  reason?: string;
  since?: string;
}

function triggerFor(rule: ReminderRule, u: UnitReminderStatus, snap: ReminderStatusSnapshot, now: Date): Trigger | null {
  const current = snap.periods[snap.periods.length - 1]!;
  const base = { periodKey: current.key, periodStart: current.start, periodEnd: current.end };
  switch (rule.trigger) {
    case 'no_content':
      return u.itemsThisPeriod < Math.max(1, rule.threshold) ? base : null;
    case 'failed_periods': {
      // Only finished periods count: this week's verdict is still provisional.
      const done = snap.periods.slice(0, -1);
      const last = done[done.length - 1];
      if (!last) return null;
      const s = streakOf(
        u.verdicts.map((v) => ({ periodKey: v.periodKey, verdict: v.verdict, reasons: [], items: {} })),
        done.map((p) => p.key),
      );
      if (s.kind !== 'fail' || s.length < Math.max(1, rule.threshold)) return null;
      // Keyed by the latest failed period: the camat hears once per newly failed week.
      return { periodKey: last.key, periodStart: last.start, periodEnd: last.end, count: s.length };
    }
    case 'compromised': {
      const v = u.verdicts.find((x) => x.periodKey === current.key);
      return v?.verdict === 'COMPROMISED' ? { ...base, reason: (v.reasons ?? []).join('; ') } : null;
    }
    case 'site_down': {
      if (!u.siteDownSince) return null;
      const hours = (now.getTime() - Date.parse(u.siteDownSince)) / 3_600_000;
      // One alert per outage, however many periods it spans.
      return hours >= rule.threshold ? { ...base, periodKey: `down:${u.siteDownSince}`, since: u.siteDownSince } : null;
    }
    case 'pelayanan_near':
    case 'pelayanan_overdue': {
      const count = rule.trigger === 'pelayanan_near' ? u.pelayanan?.near ?? 0 : u.pelayanan?.overdue ?? 0;
      if (count < Math.max(1, rule.threshold)) return null;
      // Keyed by the WIB day: the unit hears once a day while requests wait.
      const day = wibDay(now);
      return { periodKey: `${rule.trigger}:${day}`, periodStart: wibDayStart(day).toISOString(), periodEnd: wibDayEnd(day).toISOString(), count };
    }
  }
}

/**
 * Who hears about a unit under a rule: operator, lurah and pendamping through their own unit,
 * camat through the unit's kecamatan, admin kota and pimpinan for every unit of their city (the
 * directory is already one city's people). Indexed once per run, so a big fleet stays linear.
 */
class RecipientIndex {
  private readonly byRoleUnit = new Map<string, Recipient[]>();
  private readonly cityWide = new Map<Role, Recipient[]>();
  constructor(people: readonly Recipient[]) {
    for (const p of people) {
      if (p.role === 'admin_kota' || p.role === 'pimpinan') {
        const list = this.cityWide.get(p.role) ?? [];
        list.push(p);
        this.cityWide.set(p.role, list);
        continue;
      }
      for (const unitId of p.unitIds) {
        const key = `${p.role}|${unitId}`;
        const list = this.byRoleUnit.get(key) ?? [];
        list.push(p);
        this.byRoleUnit.set(key, list);
      }
    }
  }
  for(rule: ReminderRule, u: UnitReminderStatus): Recipient[] {
    const out: Recipient[] = [];
    for (const role of rule.recipientRoles) {
      if (role === 'admin_kota' || role === 'pimpinan') out.push(...(this.cityWide.get(role) ?? []));
      else if (role === 'camat') {
        if (u.kecamatanId) out.push(...(this.byRoleUnit.get(`camat|${u.kecamatanId}`) ?? []));
      } else out.push(...(this.byRoleUnit.get(`${role}|${u.unitId}`) ?? []));
    }
    return out;
  }
}

export function addressFor(p: Recipient, channel: NotifierChannel): { optedIn: boolean; address: string } {
  const pref = p.prefs[channel];
  const optedIn = pref ? pref.optedIn : DEFAULT_OPT_IN[channel];
  const fallback = channel === 'email' ? p.email : channel === 'whatsapp' ? p.phone : channel === 'inapp' ? p.userId : null;
  return { optedIn, address: (pref?.address || fallback || '').trim() };
}

export function planReminders(
  rules: readonly ReminderRule[],
  snap: ReminderStatusSnapshot,
  people: readonly Recipient[],
  now: Date,
): PlannedReminder[] {
  const current = snap.periods[snap.periods.length - 1];
  if (!current) return [];
  const out: PlannedReminder[] = [];
  const index = new RecipientIndex(people);
  const today = wibDay(now);
  for (const rule of rules) {
    // Daily rules are due from their slot of today; the others from their slot in the period.
    const [from, to] = DAILY_TRIGGERS.includes(rule.trigger) ? [wibDayStart(today).toISOString(), wibDayEnd(today).toISOString()] : [current.start, current.end];
    if (!rule.enabled || !isRuleDue(rule, from, to, now)) continue;
    for (const u of snap.units) {
      if (!rule.unitKinds.includes(u.kind)) continue;
      const trig = triggerFor(rule, u, snap, now);
      if (!trig) continue;
      for (const person of index.for(rule, u)) {
        for (const channel of rule.channels) {
          const { optedIn, address } = addressFor(person, channel);
          if (!optedIn) continue;
          out.push({
            ruleId: rule.id,
            unitId: u.unitId,
            periodKey: trig.periodKey,
            recipientUserId: person.userId,
            channel,
            address,
            // In the unit's own words: "Perhatian Kepala Desa" for a desa (issue 14, point 11).
            message: withTerms({ ...currentTerms(), unit: unitTermKind(u.kind) }, () => buildReminderMessage(rule.trigger, {
              recipientName: person.name,
              unitName: u.unitName,
              unitId: u.unitId,
              link: DAILY_TRIGGERS.includes(rule.trigger) ? u.pelayanan?.link ?? u.link : u.link,
              periodStart: trig.periodStart,
              periodEnd: trig.periodEnd,
              count: trig.count,
              reason: trig.reason,
              since: trig.since,
              hours: rule.threshold,
            })),
          });
        }
      }
    }
  }
  return out;
}
