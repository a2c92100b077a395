import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type Actor, cityAuditedChange } from '../accounts/index.js';
import { unitRepository } from '../units/index.js';
import { rulesForRegion } from './read-models/rules-of-region.js';
import { countRules, findRule, insertRule, ledgerUnitOf, requeueLedgerRow, triggersOf, updateRule } from './reminder-repository.js';
import { DEFAULT_RULES, PELAYANAN_RULES, type ReminderRule, type RuleDraft, type RuleError, validateRule } from './rules.js';

/** Admin kota's list of the city's reminder rules. */
export function listReminderRules(db: Kysely<DB>, regionCode: string): Promise<ReminderRule[]> {
  return rulesForRegion(db, regionCode);
}

/** Creates (no id) or updates a rule after validating it. */
export async function saveReminderRule(
  db: Kysely<DB>,
  clock: Clock,
  cityUnitId: string,
  draft: RuleDraft,
  id?: string,
): Promise<Result<{ id: string }, RuleError | 'not_found'>> {
  const v = validateRule(draft);
  if (!v.ok) return v;
  if (!id) return ok({ id: await insertRule(db, cityUnitId, v.value, clock.now()) });
  const existing = await findRule(db, id);
  if (!existing || existing.unitId !== cityUnitId) return err('not_found');
  await updateRule(db, id, v.value, clock.now());
  return ok({ id });
}

/** The rule saved by a person (issue 19 point 2): admin kota only, refused by the use case itself; rule and audit entry in one transaction. */
export const saveReminderRuleAsAdmin = (
  deps: { db: Kysely<DB>; clock: Clock },
  args: { actor: Actor; cityUnitId: string; draft: RuleDraft; id?: string },
) =>
  cityAuditedChange(
    deps,
    args,
    (trx) => saveReminderRule(trx, deps.clock, args.cityUnitId, args.draft, args.id),
    (v) => ({ action: 'reminders.rule.save', target: v.id }),
  );

/**
 * "Kirim ulang" on a reminder that failed (issue 19 point 2): admin kota only — the use case
 * refuses others itself —, requeued together with its 'reminders.requeue' entry; 'not_found'
 * (no entry) when there is no failed reminder of that id in `region`, the regency the admin
 * serves: another regency's reminder is not theirs to send, even by its id.
 */
export const retryReminderAsAdmin = (deps: { db: Kysely<DB>; clock: Clock }, args: { actor: Actor; ledgerId: string; region: string }) =>
  cityAuditedChange(
    deps,
    args,
    async (trx): Promise<Result<{ id: string }, 'not_found'>> => {
      const unitId = await ledgerUnitOf(trx, args.ledgerId);
      const unit = unitId && (await unitRepository.byId(trx, unitId));
      if (!unit || unit.region_code !== args.region) return err('not_found');
      return (await requeueLedgerRow(trx, args.ledgerId, deps.clock.now())) ? ok({ id: args.ledgerId }) : err('not_found');
    },
    (v) => ({ action: 'reminders.requeue', target: v.id }),
  );

/** The admin's forms on /admin/pengingat that name one reminder. */
export const reminderRetrySchema = z.object({ ledgerId: z.string().trim().min(1).max(100) });

/** Seeds the default rules for a city that has none yet (idempotent; call at setup or start). */
export async function ensureDefaultReminderRules(db: Kysely<DB>, clock: Clock, cityUnitId: string): Promise<number> {
  if ((await countRules(db, cityUnitId)) > 0) return 0;
  for (const d of DEFAULT_RULES) await insertRule(db, cityUnitId, d, clock.now());
  return DEFAULT_RULES.length;
}

/**
 * Cities set up before online requests existed get the two pelayanan rules once (issue 17);
 * a city that already has a rule with such a trigger (or changed it) is left alone.
 */
export async function ensurePelayananReminderRules(db: Kysely<DB>, clock: Clock, cityUnitId: string): Promise<number> {
  const have = await triggersOf(db, cityUnitId);
  let added = 0;
  for (const d of PELAYANAN_RULES) {
    if (have.has(d.trigger)) continue;
    await insertRule(db, cityUnitId, d, clock.now());
    added++;
  }
  return added;
}
