import { err, ok, type Result } from '../../shared/result.js';
import type { PeriodKind } from './period.js';
import { wibDayRange } from './period.js';

// The city's rule, as admin kota configures it. Defaults follow Pemkot Pangkalpinang's mandate:
// every kelurahan has a website and at least one social account, posts at least one piece of
// content per week on any channel, and keeps its profile complete.

export interface CityRule {
  periodKind: PeriodKind;
  /** Content items needed per period, on any channel. */
  minItems: number;
  requireWebsite: boolean;
  minSocialAccounts: number;
  /** 0–100; the profile module measures completeness. 0 turns the check off. */
  profileCompletenessMin: number;
  /** Weakest evidence that still counts as content (weaker evidence gives UNKNOWN). */
  minConfidence: 'medium' | 'high';
}

export const DEFAULT_RULE: CityRule = {
  periodKind: 'week',
  minItems: 1,
  requireWebsite: true,
  minSocialAccounts: 1,
  profileCompletenessMin: 60,
  minConfidence: 'medium',
};

export function validateRule(input: Partial<CityRule>): Result<CityRule, 'invalid_rule'> {
  const r = { ...DEFAULT_RULE, ...input };
  const bad =
    (r.periodKind !== 'week' && r.periodKind !== 'month') ||
    !Number.isInteger(r.minItems) || r.minItems < 0 || r.minItems > 100 ||
    !Number.isInteger(r.minSocialAccounts) || r.minSocialAccounts < 0 || r.minSocialAccounts > 10 ||
    !(r.profileCompletenessMin >= 0 && r.profileCompletenessMin <= 100) ||
    (r.minConfidence !== 'medium' && r.minConfidence !== 'high');
  return bad ? err('invalid_rule') : ok(r);
}

/**
 * A pause of the rule: a holiday for the whole city (unitId null) or a maintenance window of
 * one unit. Instants are ISO UTC, end exclusive.
 */
export interface RuleException {
  id: string;
  unitId: string | null;
  kind: 'holiday' | 'maintenance';
  startsAt: string;
  endsAt: string;
  reason: string;
}

/** A city holiday spanning WIB calendar days `from`..`to` inclusive. */
export function holiday(id: string, from: string, to: string, reason: string): RuleException {
  return { id, unitId: null, kind: 'holiday', startsAt: wibDayRange(from).start, endsAt: wibDayRange(to).end, reason };
}

/** Milliseconds of [start, end) covered by the exceptions that apply to the unit (overlaps merged). */
export function pausedMs(exceptions: RuleException[], unitId: string, start: string, end: string): number {
  const s = Date.parse(start);
  const e = Date.parse(end);
  const spans = exceptions
    .filter((x) => x.unitId === null || x.unitId === unitId)
    .map((x) => [Math.max(s, Date.parse(x.startsAt)), Math.min(e, Date.parse(x.endsAt))] as const)
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curS = -Infinity;
  let curE = -Infinity;
  for (const [a, b] of spans) {
    if (a > curE) {
      if (curE > curS) total += curE - curS;
      curS = a;
      curE = b;
    } else curE = Math.max(curE, b);
  }
  if (curE > curS) total += curE - curS;
  return total;
}

/**
 * Content required in a period once the paused time is taken out: a pause stops the clock, so
 * a month with a week of holidays needs proportionally fewer items, and a fully paused period
 * needs none. Rounded up, so any working day of a weekly rule still needs its one item.
 */
export function requiredItems(rule: CityRule, exceptions: RuleException[], unitId: string, start: string, end: string): number {
  const total = Date.parse(end) - Date.parse(start);
  const active = total - pausedMs(exceptions, unitId, start, end);
  if (active <= 0) return 0;
  return Math.ceil((rule.minItems * active) / total - 1e-9);
}

export function inMaintenance(exceptions: RuleException[], unitId: string, instant: string): boolean {
  return exceptions.some((x) => x.kind === 'maintenance' && x.unitId === unitId && instant >= x.startsAt && instant < x.endsAt);
}
