import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { profileRepository } from './profile-repository.js';
import { type Profile, type ProfileSectionKey, emptyProfile, isSectionKey, readSection } from './sections.js';

export interface ProfileWithMeta {
  profile: Profile;
  /** Latest change to any section, ISO; null when nothing was ever saved. */
  updatedAt: string | null;
}

export async function getProfile(db: Kysely<DB>, unitId: string): Promise<ProfileWithMeta> {
  const rows = await profileRepository.sections(db, unitId);
  const profile = emptyProfile();
  let updatedAt: string | null = null;
  for (const row of rows) {
    if (!isSectionKey(row.section)) continue;
    putSection(profile, row.section, row.data);
    if (!updatedAt || row.updated_at > updatedAt) updatedAt = row.updated_at;
  }
  return { profile, updatedAt };
}

/** One stored section, read through its schema, into the profile. */
function putSection<K extends ProfileSectionKey>(profile: Profile, key: K, data: string): void {
  profile[key] = readSection(key, safeJson(data));
}

/** The whole profile of many units, for those with at least one saved section (one query per slice of units). */
export async function getProfilesForUnits(db: Kysely<DB>, unitIds: string[]): Promise<Map<string, Profile>> {
  const profiles = new Map<string, Profile>();
  for (const row of await profileRepository.allSectionsOfUnits(db, unitIds)) {
    if (!isSectionKey(row.section)) continue;
    let p = profiles.get(row.unit_id);
    if (!p) profiles.set(row.unit_id, (p = emptyProfile()));
    putSection(p, row.section, row.data);
  }
  return profiles;
}

/** One section for many units at once (the portal needs every unit's identitas). */
export async function getSectionForUnits<K extends keyof Profile>(
  db: Kysely<DB>,
  unitIds: string[],
  section: K,
): Promise<Map<string, Profile[K]>> {
  const rows = await profileRepository.sectionsOfUnits(db, unitIds, section);
  return new Map(rows.map((r) => [r.unit_id, readSection(section, safeJson(r.data))]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
