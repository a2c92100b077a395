import type { Actor } from '../../../modules/accounts/index.js';
import {
  type LetterContent,
  type LetterTemplate,
  type ServiceForm,
  SAMPLE_FACTS,
  buildLetterContent,
  defaultAbbreviation,
  formatLetterNumber,
  getUnitSettings,
  letterTemplateSchema,
  letterheadOf,
  placeOf,
  signerOf,
} from '../../../modules/pelayanan/index.js';
import type { UnitRow } from '../../../modules/units/index.js';
import { wibMonth, wibYear } from '../../../shared/wib-time.js';
import type { AppDeps } from '../../deps.js';

// What the template pages share: validating the five fields with errors per field, the
// placeholders a layanan offers, and the example letter drawn with made-up data.

export function validateTemplate(values: Record<string, string>): { template: LetterTemplate | null; errors: Record<string, string> } {
  const r = letterTemplateSchema.safeParse(values);
  if (r.success) return { template: r.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const k = String(issue.path[0] ?? 'isi');
    errors[k] ??= issue.code === 'too_small' ? 'required' : issue.code === 'too_big' ? 'too_long' : 'invalid';
  }
  return { template: null, errors };
}

export const placeholdersFor = (form: ServiceForm | null): string[] => [
  'nama', 'nik', 'kk', 'alamat', 'unit', 'jenis_unit', 'kecamatan', 'kota', 'tanggal', 'jabatan_penandatangan',
  ...(form ? form.fields.map((f) => f.key) : []),
];

/** The example letter of a unit (its letterhead, numbering and signer) or, for the city's page, of a sample unit. */
export async function sampleLetter(deps: AppDeps, args: { unit: UnitRow; template: LetterTemplate; actor: Actor }): Promise<LetterContent> {
  const [place, settings] = await Promise.all([placeOf(deps.db, args.unit), getUnitSettings(deps.db, args.unit.id)]);
  const now = deps.clock.now();
  return buildLetterContent(args.template, {
    ...SAMPLE_FACTS,
    unit: { name: args.unit.name, kindLabel: place.kindLabel, kecamatan: place.kecamatan, kota: place.kota, city: place.city },
    signer: signerOf(place, settings, args.actor),
    nomor: formatLetterNumber(settings.formatNomor, { seq: 1, kode: args.template.kodeKlasifikasi, singkatan: settings.singkatan || defaultAbbreviation(args.unit.name), month: wibMonth(now), year: wibYear(now) }),
    issuedAt: now,
    verifyUrl: `${deps.config.publicUrl}/verifikasi/CONTOH`,
    verifyCode: 'CONTOH',
    kop: letterheadOf(place, settings),
  }, deps.services.pelayananWords.date);
}
