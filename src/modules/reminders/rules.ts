import { Cron } from 'croner';
import type { Role } from '../../db/schema/index.js';
import type { ReminderTrigger } from '../../db/schema/reminders.js';
import { type Result, err, ok } from '../../shared/result.js';
import { NOTIFIER_CHANNELS, type NotifierChannel } from './notifier.js';

export type { ReminderTrigger };

export interface ReminderRule {
  id: string;
  /** The kota/kabupaten unit the rule belongs to. */
  unitId: string;
  name: string;
  trigger: ReminderTrigger;
  /** Cron in `timezone`; null = checked on every run (alerts that must go "at once"). */
  schedule: string | null;
  timezone: string;
  /** no_content: minimum items; failed_periods: periods in a row; site_down: hours; pelayanan_*: requests. */
  threshold: number;
  recipientRoles: Role[];
  channels: NotifierChannel[];
  unitKinds: ('kelurahan' | 'desa' | 'opd')[];
  enabled: boolean;
}

export type RuleDraft = Omit<ReminderRule, 'id' | 'unitId'>;

/**
 * Citizens' requests (issue 17): at 08:00 WIB on working days the unit's operators and lurah hear
 * how many requests are due today or the next working day or already late; at 09:00 the lurah
 * hears, separately, how many are late — the escalation. Both once a day per unit.
 */
export const PELAYANAN_RULES: readonly RuleDraft[] = [
  {
    name: 'Permohonan warga hampir atau sudah lewat batas waktu',
    trigger: 'pelayanan_near', schedule: '0 8 * * 1-5', timezone: 'Asia/Jakarta', threshold: 1,
    recipientRoles: ['operator', 'lurah'], channels: ['whatsapp', 'telegram', 'email', 'inapp'],
    unitKinds: ['kelurahan', 'desa', 'opd'], enabled: true,
  },
  {
    name: 'Eskalasi ke lurah: permohonan warga lewat batas waktu',
    trigger: 'pelayanan_overdue', schedule: '0 9 * * 1-5', timezone: 'Asia/Jakarta', threshold: 1,
    recipientRoles: ['lurah'], channels: ['whatsapp', 'telegram', 'email', 'inapp'],
    unitKinds: ['kelurahan', 'desa', 'opd'], enabled: true,
  },
];

/**
 * The city's starting rules (issue 7): Thursday 09:00 WIB to the operator and lurah of every
 * kelurahan without content this week; Monday 08:00 WIB to the camat after two failed periods;
 * COMPROMISED, or a site down more than 24 hours, to Diskominfo (admin kota) at once.
 */
export const DEFAULT_RULES: readonly RuleDraft[] = [
  {
    name: 'Pengingat Kamis: belum ada konten minggu ini',
    trigger: 'no_content', schedule: '0 9 * * 4', timezone: 'Asia/Jakarta', threshold: 1,
    recipientRoles: ['operator', 'lurah'], channels: ['whatsapp', 'telegram', 'email', 'inapp'],
    unitKinds: ['kelurahan', 'desa'], enabled: true,
  },
  {
    name: 'Eskalasi ke camat: gagal 2 periode berturut-turut',
    trigger: 'failed_periods', schedule: '0 8 * * 1', timezone: 'Asia/Jakarta', threshold: 2,
    recipientRoles: ['camat'], channels: ['whatsapp', 'telegram', 'email', 'inapp'],
    unitKinds: ['kelurahan', 'desa'], enabled: true,
  },
  {
    name: 'Segera ke Diskominfo: situs terindikasi dibobol',
    trigger: 'compromised', schedule: null, timezone: 'Asia/Jakarta', threshold: 0,
    recipientRoles: ['admin_kota'], channels: ['whatsapp', 'telegram', 'email', 'inapp'],
    unitKinds: ['kelurahan', 'desa', 'opd'], enabled: true,
  },
  {
    name: 'Ke Diskominfo: situs mati lebih dari 24 jam',
    trigger: 'site_down', schedule: null, timezone: 'Asia/Jakarta', threshold: 24,
    recipientRoles: ['admin_kota'], channels: ['telegram', 'email', 'inapp'],
    unitKinds: ['kelurahan', 'desa', 'opd'], enabled: true,
  },
  ...PELAYANAN_RULES,
];

const ROLES: readonly Role[] = ['admin_kota', 'pimpinan', 'camat', 'pendamping', 'lurah', 'operator'];
const TRIGGERS: readonly ReminderTrigger[] = ['no_content', 'failed_periods', 'compromised', 'site_down', 'pelayanan_near', 'pelayanan_overdue'];

/** Triggers checked per WIB day (not per compliance period): a request's deadline is a day. */
export const DAILY_TRIGGERS: readonly ReminderTrigger[] = ['pelayanan_near', 'pelayanan_overdue'];

export type RuleError = 'invalid_schedule' | 'invalid_timezone' | 'invalid_threshold' | 'no_recipients' | 'no_channels' | 'invalid_input';

/** Checks an admin's rule before it is saved; each error has an Indonesian text in the catalogue. */
export function validateRule(d: RuleDraft): Result<RuleDraft, RuleError> {
  if (!d.name.trim() || !TRIGGERS.includes(d.trigger)) return err('invalid_input');
  try {
    new Intl.DateTimeFormat('en', { timeZone: d.timezone });
  } catch {
    return err('invalid_timezone');
  }
  if (d.schedule !== null) {
    try {
      new Cron(d.schedule, { timezone: d.timezone, paused: true });
    } catch {
      return err('invalid_schedule');
    }
  }
  if (!Number.isInteger(d.threshold) || d.threshold < 0 || d.threshold > 1000) return err('invalid_threshold');
  if ((d.trigger === 'failed_periods' || d.trigger === 'no_content' || DAILY_TRIGGERS.includes(d.trigger)) && d.threshold < 1) return err('invalid_threshold');
  const roles = [...new Set(d.recipientRoles)].filter((r) => ROLES.includes(r));
  if (roles.length === 0) return err('no_recipients');
  const channels = [...new Set(d.channels)].filter((c) => NOTIFIER_CHANNELS.includes(c));
  if (channels.length === 0) return err('no_channels');
  return ok({ ...d, name: d.name.trim(), recipientRoles: roles, channels });
}
