import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { getObservations, getPresences, type ContentItem } from '../monitoring/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { complianceRepository } from './compliance-repository.js';
import type { ComplianceDeps } from './deps.js';
import { evaluateUnit, type Verdict, type VerdictStatus, watchedDuring } from './evaluate.js';
import { type Period, periodByKey, periodContaining } from './period.js';

// Computes and stores the verdict of every unit of a region for one period. Run as a job after
// each sweep (the current period: a live view) and once after the period ends (the final word).
// Idempotent: it replaces the stored verdict with a fresh computation from the same facts,
// except where admin kota has overridden the verdict through a dispute.

export interface PeriodEvaluation {
  period: Period;
  counts: Record<VerdictStatus, number>;
  evaluated: number;
  keptOverrides: number;
  /** Units nothing watched during the period: no verdict is written ("Belum dinilai"). */
  notAssessed: number;
}

const BATCH = 200;
const SOCIAL_HOSTS = /(^|\.)(facebook|instagram|tiktok|youtube|x)\.com$/i;

export async function evaluatePeriod(
  db: Kysely<DB>,
  deps: ComplianceDeps,
  input: { region: string; periodKey?: string; unitIds?: string[] },
): Promise<Result<PeriodEvaluation, 'invalid_period'>> {
  const now = deps.clock.now();
  const rule = await complianceRepository.rule(db, input.region);
  const period = input.periodKey ? periodByKey(input.periodKey) : periodContaining(rule.periodKind, now);
  if (!period || period.kind !== rule.periodKind) return err('invalid_period');
  if (period.start > now.toISOString()) return err('invalid_period');
  const units = await complianceRepository.units(db, input.region, input.unitIds);
  const exceptions = await complianceRepository.exceptions(db, input.region, period.start, period.end);
  const counts: Record<VerdictStatus, number> = { PASS: 0, FAIL: 0, UNKNOWN: 0, COMPROMISED: 0, EXEMPT: 0 };
  let keptOverrides = 0;
  let notAssessed = 0;
  const nowIso = now.toISOString();

  for (let i = 0; i < units.length; i += BATCH) {
    const ids = units.slice(i, i + BATCH).map((u) => u.id);
    const [presences, observations, completeness, accounts, accepted, existing] = await Promise.all([
      getPresences(db, ids),
      getObservations(db, ids, period.start, nowIso),
      deps.profile?.completeness(ids) ?? Promise.resolve(new Map<string, number>()),
      deps.accounts?.accounts(ids) ?? Promise.resolve(new Map<string, { platform: string; handle: string }[]>()),
      complianceRepository.disputes(db, { status: 'accepted', unitIds: ids, periodKey: period.key }),
      complianceRepository.verdicts(db, { periodKeys: [period.key], unitIds: ids }),
    ]);
    const toSave: Verdict[] = [];
    for (const unitId of ids) {
      const prior = existing.find((v) => v.unitId === unitId);
      if (prior?.overrideDisputeId) {
        keptOverrides++;
        counts[prior.status]++;
        continue;
      }
      // A period nobody watched is not judged (decision 0005): no verdict is written, and one
      // written earlier is left as it was (raw observations may since have been pruned).
      if (!watchedDuring(observations, unitId, period, nowIso)) {
        notAssessed++;
        continue;
      }
      const mine = presences.filter((p) => p.unitId === unitId);
      const social = mine.filter((p) => p.kind === 'social').map((p) => ({ platform: p.platform ?? '', handle: p.handle ?? '' }));
      for (const a of accounts.get(unitId) ?? []) {
        if (!social.some((s) => s.platform === a.platform && s.handle === a.handle.toLowerCase())) social.push({ platform: a.platform, handle: a.handle.toLowerCase() });
      }
      const acceptedItems: ContentItem[] = accepted
        .filter((d) => d.unitId === unitId && d.kind === 'link' && d.postUrl && d.postPublishedAt)
        .map((d) => ({
          url: d.postUrl!,
          title: d.message,
          claimedAt: d.postPublishedAt,
          firstSeenAt: d.decidedAt ?? d.submittedAt,
          effectiveAt: d.postPublishedAt,
          source: 'dispute',
          confidence: 'high',
          dating: 'verified_by_admin',
          channel: SOCIAL_HOSTS.test(new URL(d.postUrl!).hostname) ? 'social' : 'website',
        }));
      const verdict = evaluateUnit(
        {
          unitId,
          rule,
          period,
          presence: {
            berandaSite: mine.some((p) => p.kind === 'beranda_site'),
            externalSites: mine.filter((p) => p.kind === 'website' && p.url).map((p) => p.url!),
            socialAccounts: social,
          },
          profileCompleteness: deps.profile ? (completeness.get(unitId) ?? null) : null,
          observations: observations.filter((o) => o.unitId === unitId),
          exceptions,
          acceptedItems,
        },
        deps.clock,
      );
      toSave.push(verdict);
      counts[verdict.status]++;
    }
    const write = async (trx: Kysely<DB>) => {
      for (const v of toSave) await complianceRepository.writeVerdict(trx, v, period);
    };
    // Inside a caller's transaction (an accepted dispute re-evaluates with its decision) the
    // verdicts join it; Kysely does not nest transactions.
    if (db.isTransaction) await write(db);
    else await db.transaction().execute(write);
  }
  return ok({ period, counts, evaluated: units.length - notAssessed, keptOverrides, notAssessed });
}
