import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Actor } from '../accounts/index.js';
import { listChannelAlerts } from '../channels/index.js';
import { getRule } from '../compliance/index.js';
import { contentRepository, isPublicAt } from '../content/index.js';
import { type UnitRow, unitRepository } from '../units/index.js';
import { broadcastContentIds } from './broadcast-ids.js';
import { draftRepo } from './draft-repo.js';
import { type HelpRequestRow, openHelpRequests } from './help-requests.js';
import { type Onboarding, onboardingChecklist } from './onboarding-checklist.js';

// A pendamping's list of their kelurahan with what each one needs, most urgent first: open help
// requests, then drafts waiting for a decision, then silence (no own post for a week or more),
// then unfinished onboarding and channels to reconnect.

export interface UnitNeeds {
  unit: UnitRow;
  help: HelpRequestRow[];
  waiting: number;
  lastPostAt: string | null;
  daysSilent: number | null;
  onboarding: Onboarding;
  reconnect: number;
  /** Higher is more urgent. */
  urgency: number;
}

export async function pendampingOverview(db: Kysely<DB>, args: { actor: Actor; now: Date }): Promise<UnitNeeds[]> {
  const units: UnitRow[] = [];
  for (const id of args.actor.unitIds) {
    const u = await unitRepository.byId(db, id);
    if (u && u.region_code === args.actor.regionCode) units.push(u);
  }
  const ids = units.map((u) => u.id);
  const help = await openHelpRequests(db, ids);
  const waiting = await draftRepo.countByUnit(db, ids, 'submitted');
  const broadcasts = await broadcastContentIds(db, ids);
  const nowIso = args.now.toISOString();
  // The city rule's profile minimum, as on the unit's staff home and the dashboard.
  const { profileCompletenessMin } = await getRule(db, args.actor.regionCode);
  const out: UnitNeeds[] = [];
  for (const unit of units) {
    const items = await contentRepository.listForStaff(db, unit.id, 100);
    const own = items
      .filter((i) => i.is_demo === 0 && !broadcasts.has(i.id) && isPublicAt(i.status, i.publish_at, nowIso))
      .map((i) => i.publish_at!)
      .sort();
    const lastPostAt = own.length ? own[own.length - 1]! : null;
    const daysSilent = lastPostAt ? Math.floor((args.now.getTime() - new Date(lastPostAt).getTime()) / 86_400_000) : null;
    const unitHelp = help.filter((h) => h.unit_id === unit.id);
    const onboarding = await onboardingChecklist(db, { unitId: unit.id, now: args.now, profileDoneMin: profileCompletenessMin });
    const reconnect = (await listChannelAlerts(db, unit.id)).filter((a) => a.kind === 'reconnect').length;
    const w = waiting.get(unit.id) ?? 0;
    const silentScore = daysSilent === null ? 30 : Math.min(daysSilent, 30);
    const urgency = unitHelp.length * 1000 + w * 100 + (silentScore >= 7 ? silentScore : 0) + reconnect * 10 + (onboarding.total - onboarding.done);
    out.push({ unit, help: unitHelp, waiting: w, lastPostAt, daysSilent, onboarding, reconnect, urgency });
  }
  return out.sort((a, b) => b.urgency - a.urgency || a.unit.name.localeCompare(b.unit.name));
}
