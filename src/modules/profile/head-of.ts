import type { Profile } from './sections.js';

// Who heads the unit, by the title the unit itself wrote in its aparatur list (issue 14, point
// 11): a kelurahan has a Lurah, a desa a Kepala Desa (in Aceh a Keuchik/Geuchik, elsewhere a
// Kades), a kecamatan a Camat, an OPD a Kepala Dinas/Badan/Kantor … or an Inspektur. "Kepala
// Seksi"/"Kepala Urusan" are staff, not the head, so only the heads' own titles count.
const HEAD_TITLE = /^(lurah|kepala desa|kades|keuchik|geuchik|camat|kepala (dinas|badan|kantor|satuan|instansi|bagian|unit|pusat)\b.*|inspektur\b.*)$/i;

export type AparaturItem = Profile['aparatur']['items'][number];

export const isHeadTitle = (jabatan: string): boolean => HEAD_TITLE.test(jabatan.trim());

/** The unit's head as its aparatur list names them, or undefined when nobody holds a head's title. */
export function headOf(p: Pick<Profile, 'aparatur'>): AparaturItem | undefined {
  return p.aparatur.items.find((a) => isHeadTitle(a.jabatan));
}
