import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { listUnitChannels } from '../channels/index.js';
import { contentRepository, isPublicAt } from '../content/index.js';
import { getProfile, profileCompleteness } from '../profile/index.js';
import { broadcastContentIds } from './broadcast-ids.js';

// "Langkah awal" on each unit's staff home: the few things a new kelurahan does once, in the
// order that makes sense, each with where to go next. Computed from other modules' data on read
// (nothing to keep in step); the labels are catalogue keys composer.onboarding.<code>.

export type OnboardingCode = 'profil' | 'logo' | 'foto_kantor' | 'first_post' | 'social_registered' | 'social_connected';

export interface OnboardingStep {
  code: OnboardingCode;
  done: boolean;
  /** Extra number for the label, e.g. the profile's percentage. */
  detail?: number;
}

export interface Onboarding {
  steps: OnboardingStep[];
  done: number;
  total: number;
  percent: number;
}

/**
 * `profileDoneMin` is the city rule's profile completeness minimum (rule.profileCompletenessMin),
 * required so the checklist, the staff home, the dashboard and the pendamping's overview all
 * agree with the compliance verdict (issue 14, point 6): there is no fixed figure to fall back on.
 */
export async function onboardingChecklist(db: Kysely<DB>, args: { unitId: string; now: Date; profileDoneMin: number }): Promise<Onboarding> {
  const { profile } = await getProfile(db, args.unitId);
  const completeness = profileCompleteness(profile).overall;
  const channels = await listUnitChannels(db, args.unitId);
  const nowIso = args.now.toISOString();
  const broadcasts = await broadcastContentIds(db, [args.unitId]);
  const items = await contentRepository.listForStaff(db, args.unitId, 200);
  const ownPublished = items.some((i) => i.is_demo === 0 && !broadcasts.has(i.id) && isPublicAt(i.status, i.publish_at, nowIso));
  const steps: OnboardingStep[] = [
    { code: 'profil', done: completeness >= args.profileDoneMin, detail: completeness },
    { code: 'logo', done: !!profile.identitas.logo },
    { code: 'foto_kantor', done: !!profile.identitas.fotoKantor },
    { code: 'first_post', done: ownPublished },
    { code: 'social_registered', done: channels.length > 0 },
    { code: 'social_connected', done: channels.some((c) => c.state === 'connected') },
  ];
  const done = steps.filter((s) => s.done).length;
  return { steps, done, total: steps.length, percent: Math.round((done / steps.length) * 100) };
}
