import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { isRealDateText } from '../../shared/calendar.js';
import { type Result, err, ok } from '../../shared/result.js';
import { complianceRepository } from './compliance-repository.js';
import { type CityRule, holiday, type RuleException, validateRule } from './rule.js';

// Admin kota's settings for the rule: the rule itself and its exceptions.

export const getRule = (db: Kysely<DB>, region: string): Promise<CityRule> => complianceRepository.rule(db, region);

export async function setRule(db: Kysely<DB>, region: string, input: Partial<CityRule>, by: string | null, clock: Clock): Promise<Result<CityRule, 'invalid_rule'>> {
  const r = validateRule(input);
  if (!r.ok) return r;
  await complianceRepository.saveRule(db, region, r.value, by, clock.now().toISOString());
  return r;
}

export type ExceptionInput =
  | { kind: 'holiday'; from: string; to: string; reason: string }
  | { kind: 'maintenance'; unitId: string; startsAt: string; endsAt: string; reason: string };

export async function addException(
  db: Kysely<DB>,
  region: string,
  input: ExceptionInput,
  by: string | null,
  clock: Clock,
): Promise<Result<RuleException, 'invalid' | 'not_found'>> {
  // `detail` names the field that is wrong, so the form can say it next to that field.
  const day = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isRealDateText(v);
  let x: Omit<RuleException, 'id'>;
  if (input.kind === 'holiday') {
    if (!day(input.from)) return err('invalid', 'from');
    if (!day(input.to) || input.to < input.from) return err('invalid', 'to');
    if (!input.reason.trim()) return err('invalid', 'reason');
    const h = holiday('', input.from, input.to, input.reason.trim());
    x = { unitId: null, kind: 'holiday', startsAt: h.startsAt, endsAt: h.endsAt, reason: h.reason };
  } else {
    const s = Date.parse(input.startsAt);
    const e = Date.parse(input.endsAt);
    if (Number.isNaN(s)) return err('invalid', 'startsAt');
    if (Number.isNaN(e) || e <= s) return err('invalid', 'endsAt');
    if (!input.reason.trim()) return err('invalid', 'reason');
    if ((await complianceRepository.regionOf(db, input.unitId)) !== region) return err('not_found');
    x = { unitId: input.unitId, kind: 'maintenance', startsAt: new Date(s).toISOString(), endsAt: new Date(e).toISOString(), reason: input.reason.trim() };
  }
  return ok(await complianceRepository.addException(db, region, x, by, clock.now().toISOString()));
}

export async function removeException(db: Kysely<DB>, region: string, id: string): Promise<Result<true, 'not_found'>> {
  return (await complianceRepository.removeException(db, region, id)) ? ok(true) : err('not_found');
}

export const listExceptions = (db: Kysely<DB>, region: string, from: string, to: string) => complianceRepository.exceptions(db, region, from, to);
