import { Cron } from 'croner';
import type { ReminderRule } from './rules.js';

/**
 * Whether a rule is due at `now` within the period [start, end). A scheduled rule fires at its
 * first cron slot inside the period and stays due until the period ends, so the job can run every
 * few minutes (or catch up after downtime) and the ledger keeps it to one reminder per period.
 * Unscheduled rules (alerts) are always due.
 */
export function isRuleDue(rule: Pick<ReminderRule, 'schedule' | 'timezone'>, periodStart: string, periodEnd: string, now: Date): boolean {
  if (rule.schedule === null) return true;
  const start = new Date(Date.parse(periodStart) - 1);
  const slot = new Cron(rule.schedule, { timezone: rule.timezone, paused: true }).nextRun(start);
  if (!slot) return false;
  return slot.getTime() <= now.getTime() && now.getTime() < Date.parse(periodEnd) && slot.getTime() < Date.parse(periodEnd);
}
