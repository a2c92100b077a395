import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type DeliverySummary, deliverDueReminders } from './deliver-due-reminders.js';
import type { Notifier, NotifierChannel } from './notifier.js';
import { planReminders } from './plan-reminders.js';
import { loadRecipients } from './read-models/recipients.js';
import { rulesForRegion } from './read-models/rules-of-region.js';
import { insertLedgerRows } from './reminder-repository.js';
import type { UnitStatusSource } from './status-source.js';

export interface RunRemindersDeps {
  db: Kysely<DB>;
  clock: Clock;
  /** The city (regency code, e.g. '19.71') whose rules and people are used. */
  regionCode: string;
  statusSource: UnitStatusSource;
  /**
   * Further regencies of a many-region install (decision 0017), each with its own rules, people
   * and verdicts: all are planned before anything is sent, so none waits for the next run.
   */
  moreRegions?: { regionCode: string; statusSource: UnitStatusSource }[];
  notifiers: Partial<Record<NotifierChannel, Notifier>>;
}

export interface RunRemindersSummary extends DeliverySummary {
  planned: number;
  /** New ledger rows; 0 on a second run in the same period. */
  recorded: number;
}

/**
 * The reminder job: decide which reminders are due now, record each in the ledger (once, ever,
 * per rule/unit/period/recipient/channel), then send what is due, including retries. Safe to run
 * as often as wanted and twice at the same time.
 */
export async function runReminders(deps: RunRemindersDeps): Promise<RunRemindersSummary> {
  const now = deps.clock.now();
  let planned = 0;
  let recorded = 0;
  for (const region of [{ regionCode: deps.regionCode, statusSource: deps.statusSource }, ...(deps.moreRegions ?? [])]) {
    const rules = await rulesForRegion(deps.db, region.regionCode, true);
    if (rules.length === 0) continue;
    const [snapshot, people] = await Promise.all([region.statusSource.snapshot(now), loadRecipients(deps.db, region.regionCode)]);
    const plan = planReminders(rules, snapshot, people, now);
    planned += plan.length;
    recorded += await insertLedgerRows(deps.db, plan, now);
  }
  const delivered = await deliverDueReminders(deps);
  return { planned, recorded, ...delivered };
}
