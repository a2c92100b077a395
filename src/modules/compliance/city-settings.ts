import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import { type Actor, cityAuditedChange } from '../accounts/index.js';
import { setCitySetting } from '../units/index.js';
import type { Clock } from '../../shared/clock.js';
import { isRealDateText } from '../../shared/calendar.js';
import { err, ok, type Result } from '../../shared/result.js';
import { fromWibLocal } from '../../shared/wib-time.js';
import { addException, type ExceptionInput, removeException, setRule } from './manage-rule.js';
import type { CityRule, RuleException } from './rule.js';

// Admin kota's monitoring settings as use cases (issue 19 point 2): the rule, its exceptions and
// the public transparency page. Each is refused with 'forbidden' to anyone but admin kota by the
// use case itself (not only by the route's guard) and writes its audit entry in the change's
// transaction. The forms' schemas live here too, so the web only names the fields.

type Deps = { db: Kysely<DB>; clock: Clock };

/** The city-setting key of the public /transparansi page (true = published). */
export const TRANSPARENCY_SETTING = 'transparencyPage';

const whole = (min: number, max: number) => z.string().trim().regex(/^\d+$/, 'number').transform(Number).pipe(z.number().int().min(min).max(max));

/** The rule form as posted: numbers typed as text, the website box ticked ('1') or absent. */
export const ruleFormSchema = z.object({
  periodKind: z.enum(['week', 'month']),
  minItems: whole(0, 100),
  minSocialAccounts: whole(0, 10),
  profileCompletenessMin: whole(0, 100),
  requireWebsite: z.string().transform((v) => v === '1'),
  minConfidence: z.enum(['medium', 'high']),
});

const day = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDateText(v), 'invalid_date');
/** "2026-12-24T08:00" typed in WIB → ISO UTC; a time not on the calendar is refused. */
const wibLocal = z.string().transform((v, ctx) => {
  const d = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? fromWibLocal(v) : null;
  if (!d) ctx.addIssue({ code: 'custom', message: 'invalid_date' });
  return d?.toISOString() ?? '';
});
const reason = z.string().trim().min(1).max(200);

/** An exception as the two forms post it; problems are named by field (`from`, `endsAt` …). */
export const exceptionFormSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('holiday'), from: day, to: day, reason }).refine((x) => x.to >= x.from, { path: ['to'], message: 'before_start' }),
  z.object({ kind: z.literal('maintenance'), unitId: z.string().min(1), startsAt: wibLocal, endsAt: wibLocal, reason })
    .refine((x) => !x.startsAt || !x.endsAt || x.endsAt > x.startsAt, { path: ['endsAt'], message: 'before_start' }),
]);

export async function saveRuleAsAdmin(deps: Deps, args: { actor: Actor; region: string; rule: CityRule }): Promise<Result<CityRule, 'invalid_rule' | 'forbidden'>> {
  return cityAuditedChange(
    deps,
    args,
    (trx) => setRule(trx, args.region, args.rule, args.actor.id, deps.clock),
    (rule) => ({ action: 'monitoring.rule.save', target: args.region, detail: { ...rule } }),
  );
}

/** `detail` of an 'invalid' failure names the field that is wrong. */
export async function addExceptionAsAdmin(deps: Deps, args: { actor: Actor; region: string; input: ExceptionInput }): Promise<Result<RuleException, 'invalid' | 'not_found' | 'forbidden'>> {
  return cityAuditedChange(
    deps,
    args,
    (trx) => addException(trx, args.region, args.input, args.actor.id, deps.clock),
    (x) => ({ action: 'monitoring.exception.add', unitId: x.unitId, target: x.id, detail: { kind: x.kind, startsAt: x.startsAt, endsAt: x.endsAt } }),
  );
}

export async function removeExceptionAsAdmin(deps: Deps, args: { actor: Actor; region: string; id: string }): Promise<Result<true, 'not_found' | 'forbidden'>> {
  return cityAuditedChange(deps, args, (trx) => removeException(trx, args.region, args.id), () => ({ action: 'monitoring.exception.remove', target: args.id }));
}

/** 'not_found' when the region has no kota/kabupaten unit to keep the switch on. */
export async function setTransparencyAsAdmin(deps: Deps, args: { actor: Actor; region: string; enabled: boolean }): Promise<Result<boolean, 'not_found' | 'forbidden'>> {
  return cityAuditedChange(
    deps,
    args,
    async (trx) => ((await setCitySetting(trx, args.region, TRANSPARENCY_SETTING, args.enabled, deps.clock)) ? ok(args.enabled) : err('not_found')),
    (on) => ({ action: 'monitoring.transparency', target: String(on) }),
  );
}

/** The transparency form: the box ticked ('1') or absent. */
export const transparencyFormSchema = z.object({ enabled: z.string().transform((v) => v === '1') });

/** The remove button of one exception. */
export const exceptionIdFormSchema = z.object({ id: z.string().min(1) });
