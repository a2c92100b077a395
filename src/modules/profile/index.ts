// Public surface of the profile module: the structured profil kelurahan (Permendagri 12/2007).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { profileRepository } from './profile-repository.js';
export * from './sections.js';
export { profileCompleteness, type Completeness, type SectionCompleteness } from './completeness.js';
export { getProfile, getProfilesForUnits, getSectionForUnits, type ProfileWithMeta } from './get-profile.js';
export { updateProfileSection, updateProfileSectionAsStaff, checkProfileSection, type FieldProblem, type UpdateSectionError } from './update-profile-section.js';
export { parseCoordinate, parseNumber, INDONESIA, type CoordinateAxis, type CoordinateError } from './parse-input.js';

/** The profile is public as soon as it is saved: a media file it points at is public too. */
export const profileUsesMedia = (db: Kysely<DB>, unitId: string, keys: string[]): Promise<boolean> => profileRepository.usesMediaFile(db, unitId, keys);
export { headOf, isHeadTitle, type AparaturItem } from './head-of.js';
