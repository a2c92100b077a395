import type { Kysely } from 'kysely';
import { unitRepository } from '../units/index.js';
import type { DB } from '../../db/schema/index.js';
import { newId } from '../../shared/ids.js';
import { IN_LIST_SLICE, inSlices } from '../../shared/in-slices.js';
import type { Verdict, VerdictStatus } from './evaluate.js';
import type { Period } from './period.js';
import { type CityRule, DEFAULT_RULE, type RuleException, validateRule } from './rule.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The order verdicts are read in when their units are queried in slices (in-slices.ts). */
const byPeriodThenUnit = (a: { period_start: string; unit_id: string }, b: { period_start: string; unit_id: string }) => cmp(a.period_start, b.period_start) || cmp(a.unit_id, b.unit_id);

// The only file of the compliance module that touches the database.

export interface VerdictRow extends Verdict {
  id: string;
  periodStart: string;
  periodEnd: string;
  countedByChannel: Record<string, number>;
  overrideDisputeId: string | null;
}

export interface Dispute {
  id: string;
  unitId: string;
  periodKey: string;
  verdictId: string | null;
  kind: 'contest' | 'link';
  postUrl: string | null;
  message: string;
  status: 'open' | 'accepted' | 'rejected';
  originalStatus: string | null;
  submittedBy: string | null;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  postPublishedAt: string | null;
  evidence: Record<string, unknown> | null;
}

const toVerdict = (r: DB['compliance_verdicts']): VerdictRow => ({
  id: r.id,
  unitId: r.unit_id,
  periodKey: r.period_key,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  status: r.status,
  reasons: JSON.parse(r.reasons),
  evidence: JSON.parse(r.evidence),
  counted: [],
  required: r.required_items,
  alert: r.alert === 1,
  askForLink: r.ask_for_link === 1,
  evaluatedAt: r.evaluated_at,
  countedByChannel: JSON.parse(r.counted_by_channel),
  overrideDisputeId: r.override_dispute_id,
});

const toDispute = (r: DB['compliance_disputes']): Dispute => ({
  id: r.id,
  unitId: r.unit_id,
  periodKey: r.period_key,
  verdictId: r.verdict_id,
  kind: r.kind,
  postUrl: r.post_url,
  message: r.message,
  status: r.status,
  originalStatus: r.original_status,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  decisionNote: r.decision_note,
  postPublishedAt: r.post_published_at,
  evidence: r.evidence ? JSON.parse(r.evidence) : null,
});

export const complianceRepository = {
  async rule(db: Kysely<DB>, region: string): Promise<CityRule> {
    const r = await db.selectFrom('compliance_rules').select('rule').where('region_code', '=', region).executeTakeFirst();
    if (!r) return DEFAULT_RULE;
    const v = validateRule(JSON.parse(r.rule) as Partial<CityRule>);
    return v.ok ? v.value : DEFAULT_RULE;
  },

  async saveRule(db: Kysely<DB>, region: string, rule: CityRule, by: string | null, now: string): Promise<void> {
    await db
      .insertInto('compliance_rules')
      .values({ region_code: region, rule: JSON.stringify(rule), updated_by: by, updated_at: now })
      .onConflict((oc) => oc.column('region_code').doUpdateSet({ rule: JSON.stringify(rule), updated_by: by, updated_at: now }))
      .execute();
  },

  async addException(db: Kysely<DB>, region: string, x: Omit<RuleException, 'id'>, by: string | null, now: string): Promise<RuleException> {
    const id = newId();
    await db
      .insertInto('compliance_exceptions')
      .values({ id, region_code: region, unit_id: x.unitId, kind: x.kind, starts_at: x.startsAt, ends_at: x.endsAt, reason: x.reason, created_by: by, created_at: now })
      .execute();
    return { id, ...x };
  },

  async removeException(db: Kysely<DB>, region: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('compliance_exceptions').where('id', '=', id).where('region_code', '=', region).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async exceptions(db: Kysely<DB>, region: string, from: string, to: string): Promise<RuleException[]> {
    const rows = await db
      .selectFrom('compliance_exceptions')
      .selectAll()
      .where('region_code', '=', region)
      .where('ends_at', '>', from)
      .where('starts_at', '<', to)
      .orderBy('starts_at')
      .execute();
    return rows.map((r) => ({ id: r.id, unitId: r.unit_id, kind: r.kind, startsAt: r.starts_at, endsAt: r.ends_at, reason: r.reason }));
  },

  async units(db: Kysely<DB>, region: string, unitIds?: string[]) {
    const rows = await unitRepository.ofRegion(db, region, { kinds: ['kelurahan', 'desa', 'opd'], ids: unitIds, orderBy: 'id' });
    return rows.map((u) => ({ id: u.id, kind: u.kind, region_code: u.region_code }));
  },

  async regionOf(db: Kysely<DB>, unitId: string): Promise<string | null> {
    return (await unitRepository.byId(db, unitId))?.region_code ?? null;
  },

  async saveVerdict(db: Kysely<DB>, v: Verdict, period: Period, overrideDisputeId: string | null = null): Promise<VerdictRow> {
    await complianceRepository.writeVerdict(db, v, period, overrideDisputeId);
    return (await complianceRepository.verdict(db, v.unitId, period.key))!;
  },

  async writeVerdict(db: Kysely<DB>, v: Verdict, period: Period, overrideDisputeId: string | null = null): Promise<void> {
    const byChannel: Record<string, number> = {};
    for (const i of v.counted) {
      const ch = i.channel === 'social' ? (i.url.match(/(facebook|instagram|tiktok|youtube|x)\.com/)?.[1] ?? 'social') : 'website';
      byChannel[ch] = (byChannel[ch] ?? 0) + 1;
    }
    const values = {
      status: v.status,
      reasons: JSON.stringify(v.reasons),
      evidence: JSON.stringify(v.evidence.slice(0, 30)),
      counted_items: v.counted.length,
      counted_by_channel: JSON.stringify(byChannel),
      required_items: v.required,
      alert: v.alert ? 1 : 0,
      ask_for_link: v.askForLink ? 1 : 0,
      override_dispute_id: overrideDisputeId,
      evaluated_at: v.evaluatedAt,
    };
    await db
      .insertInto('compliance_verdicts')
      .values({ id: newId(), unit_id: v.unitId, period_key: period.key, period_start: period.start, period_end: period.end, ...values })
      .onConflict((oc) => oc.columns(['unit_id', 'period_key']).doUpdateSet(values))
      .execute();
  },

  async verdict(db: Kysely<DB>, unitId: string, periodKey: string): Promise<VerdictRow | null> {
    const r = await db.selectFrom('compliance_verdicts').selectAll().where('unit_id', '=', unitId).where('period_key', '=', periodKey).executeTakeFirst();
    return r ? toVerdict(r) : null;
  },

  async verdictById(db: Kysely<DB>, id: string): Promise<VerdictRow | null> {
    const r = await db.selectFrom('compliance_verdicts').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toVerdict(r) : null;
  },

  async verdicts(db: Kysely<DB>, filter: { periodKeys?: string[]; unitIds?: string[]; statuses?: VerdictStatus[] }): Promise<VerdictRow[]> {
    // An empty list asks for nothing (SQL has no empty `in`).
    if (filter.statuses?.length === 0) return [];
    let q = db.selectFrom('compliance_verdicts').selectAll();
    if (filter.periodKeys) q = q.where('period_key', 'in', filter.periodKeys.length ? filter.periodKeys : ['']);
    if (filter.statuses) q = q.where('status', 'in', filter.statuses);
    const ordered = (x: typeof q) => x.orderBy('period_start').orderBy('unit_id');
    if (!filter.unitIds) return (await ordered(q).execute()).map(toVerdict);
    if (filter.unitIds.length === 0) return [];
    if (filter.unitIds.length <= IN_LIST_SLICE) return (await ordered(q.where('unit_id', 'in', filter.unitIds)).execute()).map(toVerdict);
    const rows = await inSlices(filter.unitIds, (ids) => q.where('unit_id', 'in', ids).execute());
    return rows.sort(byPeriodThenUnit).map(toVerdict);
  },

  async insertDispute(db: Kysely<DB>, d: Omit<Dispute, 'id'>): Promise<Dispute> {
    const id = newId();
    await db
      .insertInto('compliance_disputes')
      .values({
        id,
        unit_id: d.unitId,
        period_key: d.periodKey,
        verdict_id: d.verdictId,
        kind: d.kind,
        post_url: d.postUrl,
        message: d.message,
        status: d.status,
        original_status: d.originalStatus,
        submitted_by: d.submittedBy,
        submitted_at: d.submittedAt,
        decided_by: null,
        decided_at: null,
        decision_note: null,
        post_published_at: d.postPublishedAt,
        evidence: d.evidence ? JSON.stringify(d.evidence) : null,
      })
      .execute();
    return { ...d, id };
  },

  async dispute(db: Kysely<DB>, id: string): Promise<Dispute | null> {
    const r = await db.selectFrom('compliance_disputes').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toDispute(r) : null;
  },

  async disputes(db: Kysely<DB>, filter: { status?: Dispute['status']; unitIds?: string[]; periodKey?: string }): Promise<Dispute[]> {
    let q = db.selectFrom('compliance_disputes').selectAll();
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.periodKey) q = q.where('period_key', '=', filter.periodKey);
    if (!filter.unitIds) return (await q.orderBy('submitted_at').execute()).map(toDispute);
    if (filter.unitIds.length === 0) return [];
    const rows = await inSlices(filter.unitIds, (ids) => q.where('unit_id', 'in', ids).execute());
    return rows.sort((a, b) => (a.submitted_at < b.submitted_at ? -1 : a.submitted_at > b.submitted_at ? 1 : 0)).map(toDispute);
  },

  /** Records a decision only if the dispute is still open (a double click decides once). */
  async decide(
    db: Kysely<DB>,
    id: string,
    d: { status: 'accepted' | 'rejected'; by: string; at: string; note: string; postPublishedAt: string | null; evidence: Record<string, unknown> },
  ): Promise<boolean> {
    const r = await db
      .updateTable('compliance_disputes')
      .set({ status: d.status, decided_by: d.by, decided_at: d.at, decision_note: d.note, post_published_at: d.postPublishedAt, evidence: JSON.stringify(d.evidence) })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },
};
