import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import type { Clock } from '../../shared/clock.js';
import { type FieldProblem, problemsOf } from '../../shared/field-problems.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type Actor, type UnitRef, auditedChange } from '../accounts/index.js';
import { unitOwnsFile } from '../media/index.js';
import { profileRepository } from './profile-repository.js';
import { PROFILE_SECTIONS, type Profile, type ProfileSectionKey, isSectionKey } from './sections.js';

export type { FieldProblem };

export type UpdateSectionError = 'unknown_section' | 'invalid_input';

export async function updateProfileSection(
  db: Kysely<DB>,
  clock: Clock,
  input: { unitId: string; section: string; data: unknown; actorId: string | null },
): Promise<Result<Profile[ProfileSectionKey], UpdateSectionError> & { problems?: FieldProblem[] }> {
  if (!isSectionKey(input.section)) return err('unknown_section');
  const parsed = PROFILE_SECTIONS[input.section].safeParse(input.data);
  if (!parsed.success) return { ...err('invalid_input'), problems: problemsOf(parsed.error.issues) };
  // A picture is one of this unit's own library (issue 16): another unit's file is refused.
  // Without a person (the demo seeder, fixtures) the check is skipped.
  if (input.actorId !== null) {
    const problems: FieldProblem[] = [];
    for (const [path, value] of mediaRefsOf(parsed.data)) {
      if (!(await unitOwnsFile(db, input.unitId, value.slice('/media/'.length)))) problems.push({ path, code: 'media_other_unit' });
    }
    if (problems.length) return { ...err('invalid_input'), problems };
  }
  await profileRepository.save(db, {
    unit_id: input.unitId,
    section: input.section,
    data: JSON.stringify(parsed.data),
    updated_by: input.actorId,
    updated_at: clock.now().toISOString(),
  });
  return ok(parsed.data as Profile[ProfileSectionKey]);
}

/**
 * What validation would say about a section, without saving: a form that already has fields it
 * could not read still names every other problem in one go.
 */
export function checkProfileSection(section: ProfileSectionKey, data: unknown): FieldProblem[] {
  const parsed = PROFILE_SECTIONS[section].safeParse(data);
  return parsed.success ? [] : problemsOf(parsed.error.issues);
}

/** Every `/media/…` value in a section, with its dotted path. */
function mediaRefsOf(data: unknown, path = ''): [string, string][] {
  if (typeof data === 'string') return data.startsWith('/media/') ? [[path, data]] : [];
  if (Array.isArray(data)) return data.flatMap((v, i) => mediaRefsOf(v, path ? `${path}.${i}` : String(i)));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => mediaRefsOf(v, path ? `${path}.${k}` : k));
  return [];
}

/**
 * A section saved by a person on the staff screen: refused ('forbidden') unless they may write
 * for the unit, and saved with its audit entry in one transaction. The caller tells the public
 * pages after a success.
 */
export async function updateProfileSectionAsStaff(
  deps: { db: Kysely<DB>; clock: Clock },
  args: { actor: Actor; unit: UnitRef; section: string; data: unknown },
): Promise<(Result<Profile[ProfileSectionKey], UpdateSectionError | 'forbidden'> & { problems?: FieldProblem[] })> {
  const { actor, unit } = args;
  return auditedChange(
    deps,
    { actor, unit },
    (trx) => updateProfileSection(trx, deps.clock, { unitId: unit.id, section: args.section, data: args.data, actorId: actor.id }),
    () => ({ action: 'profile.update', target: args.section }),
  );
}
