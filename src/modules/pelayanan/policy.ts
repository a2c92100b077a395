import { type Actor, type UnitRef, inScope } from '../accounts/index.js';

// Who may see what of citizens' requests and complaints. Stricter than the unit policy on
// purpose (UU 27/2022: access limited to what the purpose needs): a citizen's data and documents
// are for the staff of the unit that serves them — its operators and its head (lurah, or the
// head of an OPD or kecamatan that a complaint was forwarded to). Admin kota, pimpinan, camat
// (for their kelurahan) and pendamping help and oversee; they see counts and times, never a
// NIK, an address or a photo of a KTP. The same-region check comes first, as everywhere.

// In scope: the actor's regency, or a province admin's province (decision 0017).
const sameRegion = (actor: Actor, unit: UnitRef) => inScope(actor.regionCode, unit.region_code);

/**
 * Whether the person's role answers complaints in any unit at all (their own unit's operator and
 * head, a camat for the kecamatan): the staff menu links the complaints inbox for them only.
 */
export function answersComplaints(actor: Actor): boolean {
  return actor.role === 'operator' || actor.role === 'lurah' || actor.role === 'camat';
}

/** Read and work the unit's inbox: personal data and documents (every view is audited). */
export function canHandle(actor: Actor, unit: UnitRef): boolean {
  if (!sameRegion(actor, unit) || !actor.unitIds.includes(unit.id)) return false;
  if (actor.role === 'operator' || actor.role === 'lurah') return true;
  // A camat is the head of their kecamatan: complaints forwarded to it are theirs to answer.
  return actor.role === 'camat' && unit.kind === 'kecamatan';
}

/** Decide: approve and sign a letter, refuse a request. The unit's head. */
export function canDecide(actor: Actor, unit: UnitRef): boolean {
  if (!canHandle(actor, unit)) return false;
  return actor.role === 'lurah' || actor.role === 'camat';
}

/** Counts and times only (the unit's summary, the dashboard's "Pelayanan" view). */
export function canSeeCounts(actor: Actor, unit: UnitRef): boolean {
  if (!sameRegion(actor, unit)) return false;
  if (canHandle(actor, unit)) return true;
  switch (actor.role) {
    case 'admin_kota':
    case 'pimpinan':
      return true;
    case 'camat':
      return actor.unitIds.includes(unit.id) || (unit.parent_id !== null && actor.unitIds.includes(unit.parent_id));
    case 'pendamping':
      return actor.unitIds.includes(unit.id);
    default:
      return false;
  }
}

/** City-wide settings of pelayanan: letter templates, holidays, how long documents are kept. */
export const canManagePelayanan = (actor: Actor): boolean => actor.role === 'admin_kota';
