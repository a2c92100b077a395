import { type ScoreBreakdown, itemsIn, scoreUnit } from './score.js';
import { type Streak, streakOf } from './streaks.js';
import { t } from '../../i18n/index.js';
import { type Lang } from './text.js';
import type { ReportInput, ReportReason, ReportUnit, SocialAccountState, UnitPeriodRecord, Verdict, WebsiteState } from './types.js';

// One row per unit for the status grid, the ranking and the exports: everything a reader needs
// to see why the unit stands where it does, already in words (verdict and streak labels).

export interface UnitRow {
  id: string;
  name: string;
  code: string | null;
  kind: ReportUnit['kind'];
  kecamatanId: string | null;
  kecamatanName: string | null;
  location: ReportUnit['location'];
  verdict: Verdict | null;
  verdictLabel: string;
  /** As codes; said where shown (the verdict's and streak's labels are already words). */
  reasons: ReportReason[];
  itemsThisPeriod: number;
  itemsByChannel: Record<string, number>;
  website: WebsiteState;
  socialAccounts: SocialAccountState[];
  profileCompleteness: number;
  score: ScoreBreakdown;
  gradeLabel: string;
  streak: Streak;
  streakLabel: string;
  alerts: ReportReason[];
  lastCheckedAt: string | null;
}

export function verdictLabel(v: Verdict | null, lang: Lang = 'id'): string {
  return t(`reports.verdict.${v ?? 'NONE'}`, {}, lang);
}

export function streakLabel(s: Streak, lang: Lang = 'id'): string {
  if (s.kind === 'none' || s.length === 0) return t('reports.streak.none', {}, lang);
  // "1 minggu berturut-turut" reads oddly: a run of one is just this week.
  if (s.length === 1) return t(s.kind === 'pass' ? 'reports.streak.pass_one' : 'reports.streak.fail_one', {}, lang);
  return t(s.kind === 'pass' ? 'reports.streak.pass' : 'reports.streak.fail', {
    count: s.length,
    period: t('reports.period.week', {}, lang),
  }, lang);
}

export function buildUnitRows(input: ReportInput, lang: Lang = 'id'): UnitRow[] {
  const periodKeys = input.periods.map((p) => p.key);
  const current = input.periods[input.periods.length - 1];
  if (!current) throw new Error('buildUnitRows: at least one period is required');
  const ctx = { periodKeys, currentPeriodEnd: current.end, minItems: input.minItemsPerPeriod ?? 1 };
  return input.units.map((u) => {
    const byPeriod = new Map<string, UnitPeriodRecord>(u.history.map((h) => [h.periodKey, h]));
    const now = byPeriod.get(current.key);
    const score = scoreUnit(u, ctx, byPeriod);
    const streak = streakOf(byPeriod, periodKeys);
    const alerts = [...(u.integrityAlerts ?? [])];
    if (now?.verdict === 'COMPROMISED' && alerts.length === 0) alerts.push(...now.reasons);
    return {
      id: u.id,
      name: u.name,
      code: u.code,
      kind: u.kind,
      kecamatanId: u.kecamatanId,
      kecamatanName: u.kecamatanName,
      location: u.location,
      verdict: now?.verdict ?? null,
      verdictLabel: verdictLabel(now?.verdict ?? null, lang),
      reasons: now?.reasons ?? [],
      itemsThisPeriod: itemsIn(now),
      itemsByChannel: now?.items ?? {},
      website: u.website,
      socialAccounts: u.socialAccounts,
      profileCompleteness: u.profileCompleteness,
      score,
      gradeLabel: t(`reports.grade.${score.grade}`, {}, lang),
      streak,
      streakLabel: streakLabel(streak, lang),
      alerts,
      lastCheckedAt: u.lastCheckedAt,
    };
  });
}
