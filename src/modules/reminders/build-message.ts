import { TERM_NAMES, termParams } from '../../i18n/index.js';
import { messages } from '../../i18n/messages/reminders.js';
import { formatPeriodRange, formatWib } from '../reports/index.js';
import type { ReminderMessage } from './notifier.js';
import type { ReminderTrigger } from './rules.js';

type Key = keyof typeof messages.id;
// The region's words ({Lurah}, {kota} …) come from the terms the caller runs under (issue 14.11).
const fill = (key: Key, p: Record<string, string>) => messages.id[key].replace(/\{(\w+)\}/g, (m, k: string) => p[k] ?? (TERM_NAMES.includes(k) ? termParams()[k]! : m));

export interface MessageFacts {
  recipientName: string;
  unitName: string;
  unitId: string;
  link?: string;
  periodStart: string;
  periodEnd: string;
  /** failed_periods: how many in a row. */
  count?: number;
  /** compromised: the monitoring engine's reasons. */
  reason?: string;
  /** site_down: since when. */
  since?: string;
  hours?: number;
}

/**
 * The reminder in Indonesian for every channel at once. `params` are the WhatsApp template's body
 * parameters in order (one line each: WhatsApp rejects newlines in parameters).
 */
export function buildReminderMessage(trigger: ReminderTrigger, f: MessageFacts): ReminderMessage {
  const period = formatPeriodRange(f.periodStart, f.periodEnd);
  // "Minggu, 29 November 2026 23.59 WIB": the last minute of the period, which people read as the deadline.
  const deadline = formatWib(new Date(Date.parse(f.periodEnd) - 60_000).toISOString());
  const p: Record<string, string> = {
    name: f.recipientName,
    unit: f.unitName,
    period,
    deadline,
    count: String(f.count ?? ''),
    reason: (f.reason ?? '').replace(/\s+/g, ' ').trim() || '-',
    since: f.since ? formatWib(f.since) : '',
    hours: String(f.hours ?? ''),
    link: f.link ?? '',
  };
  const params =
    trigger === 'no_content' ? [p.unit!, period, deadline]
    : trigger === 'failed_periods' ? [p.unit!, p.count!, period]
    : trigger === 'compromised' ? [p.unit!, p.reason!]
    : trigger === 'pelayanan_near' || trigger === 'pelayanan_overdue' ? [p.unit!, p.count!]
    : [p.unit!, p.since!];
  return {
    template: trigger,
    params,
    subject: fill(`reminders.msg.${trigger}.subject` as Key, p),
    text: fill(`reminders.msg.${trigger}.text` as Key, p).trimEnd(),
    link: f.link,
    unitId: f.unitId,
  };
}
