import type { AparaturItem } from '../../modules/profile/index.js';
import type { UnitRow } from '../../modules/units/index.js';
import { t } from '../../i18n/index.js';

// The title of the one who greets on a unit's beranda ("Sambutan …", issue 14 point 11): the
// region's word for a kelurahan, desa or kecamatan head (Lurah, Kepala Desa, Camat — from the
// request's terms); for an OPD the title its own aparatur list gives, else "Kepala <Dinas|Badan
// …>" from the OPD's name, else the generic "Kepala Instansi".
const OFFICE = /^(dinas|badan|kantor|satuan|bagian|inspektorat)\b/i;

export function headTitleOf(unit: Pick<UnitRow, 'kind' | 'name'>, head: AparaturItem | undefined): string {
  if (unit.kind !== 'opd') return t('site.home.head');
  if (head) return head.jabatan.trim();
  const office = OFFICE.exec(unit.name.trim())?.[1];
  if (!office) return t('site.home.head');
  return office.toLowerCase() === 'inspektorat' ? t('site.home.inspektur') : t('site.home.headOfOffice', { office: office[0]!.toUpperCase() + office.slice(1).toLowerCase() });
}
