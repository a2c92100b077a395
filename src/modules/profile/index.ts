// Public surface of the profile module: the structured profil kelurahan (Permendagri 12/2007).
export * from './sections.js';
export { profileCompleteness, type Completeness, type SectionCompleteness } from './completeness.js';
export { getProfile, getSectionForUnits, type ProfileWithMeta } from './get-profile.js';
export { updateProfileSection, type FieldProblem, type UpdateSectionError } from './update-profile-section.js';
