import type { ReportUnit, UnitPeriodRecord } from './types.js';

// The compliance score and its grade bands: docs/decisions/0005-compliance-score.md. The weights
// are part of the city's contract with its units; change them there first, then here and in the
// tests, so the rapor a lurah was shown last week can still be explained.

export const SCORE_WEIGHTS = { activity: 35, presence: 20, freshness: 20, profile: 15, integrity: 10 } as const;

/** How many periods (including the current) the activity part looks back over. */
export const ACTIVITY_WINDOW = 4;
/** A social account counts as fresh when its last post is this close to the end of the period. */
export const SOCIAL_FRESH_DAYS = 14;
/** A hijacked site harms citizens whatever else the unit does, so its score is capped below 40. */
export const COMPROMISED_CAP = 39;

export type GradeKey = 'informatif' | 'menuju_informatif' | 'cukup_informatif' | 'kurang_informatif' | 'tidak_informatif';

/** KIP monitoring (monev keterbukaan informasi publik) predicate bands, highest first. */
export const GRADE_BANDS: readonly { key: GradeKey; min: number }[] = [
  { key: 'informatif', min: 90 },
  { key: 'menuju_informatif', min: 80 },
  { key: 'cukup_informatif', min: 60 },
  { key: 'kurang_informatif', min: 40 },
  { key: 'tidak_informatif', min: 0 },
];

export function gradeOf(total: number): GradeKey {
  for (const b of GRADE_BANDS) if (total >= b.min) return b.key;
  return 'tidak_informatif';
}

export interface ScoreBreakdown {
  total: number;
  activity: number;
  presence: number;
  freshness: number;
  profile: number;
  integrity: number;
  grade: GradeKey;
  /** True when the COMPROMISED cap lowered the total. */
  capped: boolean;
}

export interface ScoreContext {
  /** Period keys oldest → newest; the last is the current period. */
  periodKeys: string[];
  currentPeriodEnd: string;
  minItems: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
export const itemsIn = (r: UnitPeriodRecord | undefined): number =>
  r ? Object.values(r.items).reduce((a, b) => a + b, 0) : 0;

export function isCompromised(unit: ReportUnit, current: UnitPeriodRecord | undefined): boolean {
  return current?.verdict === 'COMPROMISED' || (unit.integrityAlerts?.length ?? 0) > 0 || unit.website.clean === false;
}

export function scoreUnit(unit: ReportUnit, ctx: ScoreContext, byPeriod?: Map<string, UnitPeriodRecord>): ScoreBreakdown {
  const W = SCORE_WEIGHTS;
  const records = byPeriod ?? new Map(unit.history.map((h) => [h.periodKey, h]));
  const window = ctx.periodKeys.slice(-ACTIVITY_WINDOW);
  const met = window.filter((k) => itemsIn(records.get(k)) >= ctx.minItems).length;
  const activity = window.length === 0 ? 0 : (W.activity * met) / window.length;

  const presence = (unit.website.has ? W.presence / 2 : 0) + (unit.socialAccounts.length > 0 ? W.presence / 2 : 0);

  const end = Date.parse(ctx.currentPeriodEnd);
  const socialFresh = unit.socialAccounts.some(
    (a) => a.lastPostAt !== null && end - Date.parse(a.lastPostAt) <= SOCIAL_FRESH_DAYS * 86_400_000,
  );
  const freshness =
    (unit.website.has && unit.website.up === true ? 5 : 0) +
    (unit.website.has && unit.website.fresh === true ? 10 : 0) +
    (socialFresh ? 5 : 0);

  const profile = W.profile * Math.min(1, Math.max(0, unit.profileCompleteness));

  const current = records.get(ctx.periodKeys[ctx.periodKeys.length - 1] ?? '');
  const compromised = isCompromised(unit, current);
  // No website means nothing to hijack; a site never checked earns half until it is.
  const integrity = compromised ? 0 : !unit.website.has ? W.integrity : unit.website.clean === true ? W.integrity : W.integrity / 2;

  let total = round1(activity + presence + freshness + profile + integrity);
  let capped = false;
  if (compromised && total > COMPROMISED_CAP) {
    total = COMPROMISED_CAP;
    capped = true;
  }
  return {
    total,
    activity: round1(activity),
    presence: round1(presence),
    freshness: round1(freshness),
    profile: round1(profile),
    integrity: round1(integrity),
    grade: gradeOf(total),
    capped,
  };
}
