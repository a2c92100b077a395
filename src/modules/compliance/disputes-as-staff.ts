import type { Kysely } from 'kysely';
import * as z from 'zod';
import type { DB } from '../../db/schema/index.js';
import { type Actor, type UnitRef, auditedChange, cityAuditedChange } from '../accounts/index.js';
import type { Clock } from '../../shared/clock.js';
import type { Result } from '../../shared/result.js';
import { fromWibLocal } from '../../shared/wib-time.js';
import type { Dispute, VerdictRow } from './compliance-repository.js';
import { decideDispute, type DecideDisputeError } from './decide-dispute.js';
import type { ComplianceDeps } from './deps.js';
import { openDispute, type OpenDisputeError } from './open-dispute.js';
import { periodByKey } from './period.js';

// Disputes as staff use cases (issue 19 point 2): a unit's staff send a link or contest a verdict
// (whoever may write for the unit), admin kota decides. The use case refuses the actor itself
// with 'forbidden' and writes the audit entry in the dispute's transaction. The forms' schemas
// live here, so the web only names the fields.

type Deps = { db: Kysely<DB>; clock: Clock };

/** A unit's link or contest form as posted; `postUrl` only counts for a link. */
export const openDisputeFormSchema = z.object({
  kind: z.enum(['link', 'contest']),
  periodKey: z.string().refine((k) => periodByKey(k) !== null, 'invalid_period'),
  postUrl: z.string().trim().max(2000).optional(),
  message: z.string().trim().min(3).max(2000),
}).refine((f) => f.kind === 'contest' || /^https?:\/\/\S+$/i.test(f.postUrl ?? ''), { path: ['postUrl'], message: 'url' });
export type OpenDisputeForm = z.output<typeof openDisputeFormSchema>;

export async function openDisputeAsStaff(
  deps: Deps,
  args: { actor: Actor; unit: UnitRef; form: OpenDisputeForm },
): Promise<Result<Dispute, OpenDisputeError | 'forbidden'>> {
  const { kind, periodKey, postUrl, message } = args.form;
  return auditedChange(
    deps,
    args,
    (trx) => openDispute(trx, { unitId: args.unit.id, periodKey, kind, postUrl: kind === 'link' ? postUrl : undefined, message, userId: args.actor.id }, deps.clock),
    (d) => ({ action: `monitoring.dispute.${d.kind}`, target: d.id }),
  );
}

const CORRECTED = ['PASS', 'EXEMPT', 'UNKNOWN', 'FAIL'] as const;

/** Admin kota's decision form: accept ('1') or reject, a note, and for a link the publication time typed in WIB. */
export const decideDisputeFormSchema = z.object({
  disputeId: z.string().min(1),
  accept: z.string().transform((v) => v === '1'),
  note: z.string().max(2000),
  publishedAt: z.string().transform((v, ctx) => {
    if (v === '') return undefined;
    const d = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? fromWibLocal(v) : null;
    if (!d) ctx.addIssue({ code: 'custom', message: 'invalid_date' });
    return d?.toISOString();
  }),
  correctedStatus: z.string().transform((v) => (CORRECTED as readonly string[]).includes(v) ? (v as (typeof CORRECTED)[number]) : 'PASS'),
});
export type DecideDisputeForm = z.output<typeof decideDisputeFormSchema>;

/**
 * The ports a decision reads (profile completeness, registered accounts), built on the handle it
 * is given: an accepted link re-evaluates the period inside the decision's transaction, and on
 * SQLite a read through any other handle would wait for that transaction for ever.
 */
export type DecisionSources = (db: Kysely<DB>) => Omit<ComplianceDeps, 'clock'>;

export async function decideDisputeAsAdmin(
  deps: Deps & { sources: DecisionSources },
  args: { actor: Actor; region: string; form: DecideDisputeForm },
): Promise<Result<{ dispute: Dispute; verdict: VerdictRow | null }, DecideDisputeError | 'forbidden'>> {
  const f = args.form;
  return cityAuditedChange(
    deps,
    args,
    (trx) =>
      decideDispute(trx, { clock: deps.clock, ...deps.sources(trx) }, {
        region: args.region,
        disputeId: f.disputeId,
        accept: f.accept,
        note: f.note,
        adminId: args.actor.id,
        postPublishedAt: f.publishedAt,
        correctedStatus: f.correctedStatus,
      }),
    ({ dispute }) => ({ action: `monitoring.dispute.${dispute.status}`, unitId: dispute.unitId, target: dispute.id }),
  );
}
