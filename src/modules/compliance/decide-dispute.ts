import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { type Result, err, ok } from '../../shared/result.js';
import { complianceRepository, type Dispute, type VerdictRow } from './compliance-repository.js';
import type { ComplianceDeps } from './deps.js';
import { evaluatePeriod } from './evaluate-period.js';
import type { VerdictStatus } from './evaluate.js';
import { periodByKey } from './period.js';

// Admin kota accepts or rejects a dispute. The decision, who made it, when, and the verdict
// before and after are recorded with the dispute, so the trail can be shown to the unit and to
// auditors. An accepted link becomes a verified content item and the period is re-evaluated;
// an accepted contest overrides the verdict (kept on later re-evaluations).

export type DecideDisputeError = 'not_found' | 'already_decided' | 'published_at_required' | 'invalid';

export interface DecideDisputeInput {
  region: string;
  disputeId: string;
  accept: boolean;
  note: string;
  adminId: string;
  /** For an accepted link: when the post was published, as admin kota checked on the platform. */
  postPublishedAt?: string;
  /** For an accepted contest: the corrected verdict (default PASS). */
  correctedStatus?: Exclude<VerdictStatus, 'COMPROMISED'>;
}

export async function decideDispute(
  db: Kysely<DB>,
  deps: ComplianceDeps,
  input: DecideDisputeInput,
): Promise<Result<{ dispute: Dispute; verdict: VerdictRow | null }, DecideDisputeError>> {
  const dispute = await complianceRepository.dispute(db, input.disputeId);
  // Same-tenant check first: another region's dispute does not exist for this admin.
  if (!dispute || (await complianceRepository.regionOf(db, dispute.unitId)) !== input.region) return err('not_found');
  if (dispute.status !== 'open') return err('already_decided');
  const note = input.note.trim();
  if (note.length > 2000) return err('invalid');
  let publishedAt: string | null = null;
  if (input.accept && dispute.kind === 'link') {
    const t = Date.parse(input.postPublishedAt ?? '');
    if (Number.isNaN(t)) return err('published_at_required');
    publishedAt = new Date(t).toISOString();
  }
  const at = deps.clock.now().toISOString();
  const before = await complianceRepository.verdict(db, dispute.unitId, dispute.periodKey);
  const decided = await complianceRepository.decide(db, dispute.id, {
    status: input.accept ? 'accepted' : 'rejected',
    by: input.adminId,
    at,
    note,
    postPublishedAt: publishedAt,
    evidence: { ...(dispute.evidence ?? {}), verdictBefore: before ? { status: before.status, reasons: before.reasons } : null, postUrl: dispute.postUrl, postPublishedAt: publishedAt },
  });
  if (!decided) return err('already_decided');

  let after = before;
  if (input.accept && dispute.kind === 'link') {
    await evaluatePeriod(db, deps, { region: input.region, periodKey: dispute.periodKey, unitIds: [dispute.unitId] });
    after = await complianceRepository.verdict(db, dispute.unitId, dispute.periodKey);
  } else if (input.accept && dispute.kind === 'contest' && before) {
    const period = periodByKey(dispute.periodKey)!;
    after = await complianceRepository.saveVerdict(
      db,
      {
        ...before,
        status: input.correctedStatus ?? 'PASS',
        reasons: [{ code: 'dispute_accepted', params: { note } }, ...before.reasons],
        alert: false,
        askForLink: false,
        evaluatedAt: at,
      },
      period,
      dispute.id,
    );
  }
  const final = (await complianceRepository.dispute(db, dispute.id))!;
  return ok({ dispute: final, verdict: after });
}
