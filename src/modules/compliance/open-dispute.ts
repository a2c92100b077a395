import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type Result, err, ok } from '../../shared/result.js';
import { getPresences, sameSite } from '../monitoring/index.js';
import { complianceRepository, type Dispute } from './compliance-repository.js';
import { periodByKey } from './period.js';

// A unit contests a verdict ("our site was only down for an hour") or submits a link to a post
// the checks missed (the UNKNOWN path). Admin kota decides; see decide-dispute.ts. A link must
// point at one of the unit's registered sites or accounts: it is how a post proves it is the
// unit's own and not someone else's.

export type OpenDisputeError = 'invalid' | 'not_found' | 'link_not_official' | 'already_open';

export interface OpenDisputeInput {
  unitId: string;
  periodKey: string;
  kind: 'contest' | 'link';
  postUrl?: string;
  message: string;
  userId: string | null;
}

const PLATFORM_HOSTS: Record<string, RegExp> = {
  facebook: /(^|\.)(facebook\.com|fb\.com|fb\.watch)$/i,
  instagram: /(^|\.)instagram\.com$/i,
  tiktok: /(^|\.)tiktok\.com$/i,
  youtube: /(^|\.)(youtube\.com|youtu\.be)$/i,
  x: /(^|\.)(x\.com|twitter\.com)$/i,
};

export async function openDispute(db: Kysely<DB>, input: OpenDisputeInput, clock: Clock): Promise<Result<Dispute, OpenDisputeError>> {
  const period = periodByKey(input.periodKey);
  const message = input.message.trim();
  if (!period || message.length < 3 || message.length > 2000) return err('invalid');
  const verdict = await complianceRepository.verdict(db, input.unitId, period.key);
  if (input.kind === 'contest' && !verdict) return err('not_found');
  let postUrl: string | null = null;
  if (input.kind === 'link') {
    let u: URL;
    try {
      u = new URL(input.postUrl ?? '');
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
    } catch {
      return err('invalid');
    }
    postUrl = u.toString();
    const presences = await getPresences(db, [input.unitId]);
    const official = presences.some((p) =>
      p.kind === 'social'
        ? PLATFORM_HOSTS[p.platform ?? '']?.test(u.hostname) === true &&
          // Instagram and Facebook post URLs often omit the account; TikTok and YouTube show it.
          (!/tiktok|youtube/.test(p.platform ?? '') || u.pathname.toLowerCase().includes((p.handle ?? '').toLowerCase()))
        : !!p.url && sameSite(p.url, postUrl!),
    );
    if (!official) return err('link_not_official');
  }
  const open = await complianceRepository.disputes(db, { status: 'open', unitIds: [input.unitId], periodKey: period.key });
  if (open.some((d) => d.kind === input.kind && d.postUrl === postUrl)) return err('already_open');
  return ok(
    await complianceRepository.insertDispute(db, {
      unitId: input.unitId,
      periodKey: period.key,
      verdictId: verdict?.id ?? null,
      kind: input.kind,
      postUrl,
      message,
      status: 'open',
      originalStatus: verdict?.status ?? null,
      submittedBy: input.userId,
      submittedAt: clock.now().toISOString(),
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      postPublishedAt: null,
      evidence: verdict ? { verdictAtOpen: { status: verdict.status, reasons: verdict.reasons, evaluatedAt: verdict.evaluatedAt } } : null,
    }),
  );
}
