import type { Kysely } from 'kysely';
import type { Actor } from '../accounts/index.js';
import type { DB } from '../../db/schema/index.js';
import { newId } from '../../shared/ids.js';
import { wibMonth, wibYear } from '../../shared/wib-time.js';
import { type UnitRow, findUnitById, unitLineage } from '../units/index.js';
import { closing, notifyStatus } from './change-status.js';
import { newVerifyCode } from './codes.js';
import type { PelayananDeps } from './deps.js';
import { getServiceForm } from './get-service-form.js';
import { type LetterContent, type Letterhead, buildLetterContent } from './letter-content.js';
import { defaultAbbreviation, formatLetterNumber, nextLetterSeq } from './letter-number.js';
import { renderLetterPdf } from './letter-pdf.js';
import { resolveTemplate } from './letter-template.js';
import { requestsRepo } from './requests-repo.js';
import { type UnitPelayananSettings, cityUnitOf, getUnitSettings } from './settings.js';

// The head of the unit approves a request whose layanan ends in a letter: the request closes,
// the letter takes the next number of the unit's year, its text is fixed from the template,
// and the citizen is told — all in one transaction. The PDF is drawn from the stored text when
// it is first opened and then kept privately, so every later copy is the same file.

const KIND_LABEL: Record<string, string> = { kelurahan: 'Kelurahan', desa: 'Desa', kecamatan: 'Kecamatan', opd: '', kota: 'Kota', kabupaten: 'Kabupaten' };
const HEAD_TITLE: Record<string, string> = { kelurahan: 'Lurah', desa: 'Kepala Desa', kecamatan: 'Camat', opd: 'Kepala' };

export interface UnitPlace {
  unit: UnitRow;
  kindLabel: string;
  kecamatan: string;
  /** "Kota Pangkalpinang" */
  kota: string;
  /** "Pangkalpinang": the place written before the date. */
  city: string;
}

export async function placeOf(db: Kysely<DB>, unit: UnitRow): Promise<UnitPlace> {
  const lineage = await unitLineage(db, unit);
  const kec = lineage.find((u) => u.kind === 'kecamatan');
  const kota = lineage.find((u) => u.kind === 'kota' || u.kind === 'kabupaten');
  const kotaName = kota?.name ?? '';
  return {
    unit,
    kindLabel: KIND_LABEL[unit.kind] ?? '',
    kecamatan: kec?.name ?? '',
    kota: kotaName,
    city: kotaName.replace(/^(Kota|Kabupaten)\s+/i, '') || kotaName,
  };
}

export function letterheadOf(p: UnitPlace, s: UnitPelayananSettings): Letterhead {
  const upper = [`PEMERINTAH ${p.kota.toUpperCase()}`];
  if (p.kecamatan && p.unit.kind !== 'kecamatan') upper.push(`KECAMATAN ${p.kecamatan.toUpperCase()}`);
  return { upper, name: `${p.kindLabel} ${p.unit.name}`.trim().toUpperCase(), address: s.kopAlamat };
}

export function signerOf(p: UnitPlace, s: UnitPelayananSettings, approver: Pick<Actor, 'displayName'>) {
  return {
    jabatan: s.penandatanganJabatan || `${HEAD_TITLE[p.unit.kind] ?? 'Kepala'} ${p.unit.name}`,
    nama: s.penandatanganNama || approver.displayName,
    nip: s.penandatanganNip,
  };
}

export type ApproveError = 'not_found' | 'not_allowed' | 'wrong_state' | 'no_letter';

export async function approveRequest(
  deps: PelayananDeps,
  args: { actor: Actor; isHead: boolean; unitId: string; id: string; note: string; trackingLink: string; publicUrl: string },
): Promise<{ ok: true; letterId: string; number: string } | { ok: false; error: ApproveError }> {
  if (!args.isHead) return { ok: false, error: 'not_allowed' };
  const r = await requestsRepo.byId(deps.db, args.unitId, args.id);
  if (!r) return { ok: false, error: 'not_found' };
  if ((r.status !== 'baru' && r.status !== 'diproses') || r.personal_deleted_at) return { ok: false, error: 'wrong_state' };
  const form = await getServiceForm(deps.db, args.unitId, r.service_code);
  // A layanan switched off later still gets its letter for a request already made.
  if (form.ok && !form.value.letter) return { ok: false, error: 'no_letter' };
  const unit = await findUnitById(deps.db, args.unitId);
  const city = await cityUnitOf(deps.db, deps.region);
  if (!unit || !city) return { ok: false, error: 'not_found' };
  const [place, settings] = await Promise.all([placeOf(deps.db, unit), getUnitSettings(deps.db, unit.id)]);
  const { template } = await resolveTemplate(deps.db, { unitId: unit.id, cityUnitId: city.id, code: r.service_code, produk: form.ok ? form.value.produk : r.service_name });

  const now = deps.clock.now();
  const at = now.toISOString();
  const year = wibYear(now);
  const letterId = newId(now.getTime());
  const verifyCode = newVerifyCode();
  const verifyUrl = `${args.publicUrl}/verifikasi/${verifyCode}`;
  let fields: Record<string, string> = {};
  try {
    fields = JSON.parse(r.fields) as Record<string, string>;
  } catch {
    fields = {};
  }
  const signer = signerOf(place, settings, args.actor);
  const note = args.note.trim().slice(0, 500) || deps.words.letterReadyNote;

  const outcome = await deps.db.transaction().execute(async (trx) => {
    // The first statement writes (see letter-number.ts): it also makes a second approval of the
    // same request find nothing to move, so it never takes a number.
    const moved = await requestsRepo.transition(trx, r.id, ['baru', 'diproses'], { status: 'selesai', letter_id: letterId, updated_at: at, ...closing(r, now) });
    if (!moved) return null;
    const seq = await nextLetterSeq(trx, unit.id, year);
    const number = formatLetterNumber(settings.formatNomor, { seq, kode: template.kodeKlasifikasi, singkatan: settings.singkatan || defaultAbbreviation(unit.name), month: wibMonth(now), year });
    const content: LetterContent = buildLetterContent(template, {
      applicant: { nama: r.applicant_name, nik: r.nik, kk: r.kk, alamat: r.address },
      fields,
      unit: { name: unit.name, kindLabel: place.kindLabel, kecamatan: place.kecamatan, kota: place.kota, city: place.city },
      signer,
      nomor: number,
      issuedAt: now,
      verifyUrl,
      verifyCode,
      kop: letterheadOf(place, settings),
    }, deps.words.date);
    await trx
      .insertInto('pelayanan_letters')
      .values({
        id: letterId,
        unit_id: unit.id,
        request_id: r.id,
        year,
        seq,
        number,
        verify_code: verifyCode,
        subject: template.judul,
        service_code: r.service_code,
        issued_at: at,
        signer_name: signer.nama,
        signer_title: signer.jabatan,
        signer_nip: signer.nip,
        content: JSON.stringify(content),
        pdf_key: null,
        content_deleted_at: null,
        is_demo: r.is_demo,
      })
      .execute();
    await requestsRepo.addEvent(trx, {
      owner_kind: 'request',
      owner_id: r.id,
      unit_id: r.unit_id,
      at,
      kind: 'letter_issued',
      status: 'selesai',
      note: deps.words.note({ kind: 'letter_issued', number, note }),
      actor_user_id: args.actor.id,
      actor_label: deps.words.actor({ kind: 'head', unit: `${place.kindLabel} ${unit.name}`.trim() }),
    });
    await notifyStatus(trx, now, deps.words, r, 'selesai', deps.words.note({ kind: 'letter_issued', number, note }), args.trackingLink);
    return { number, content };
  });
  if (!outcome) return { ok: false, error: 'wrong_state' };
  // The PDF is drawn when first opened (letterPdfOf), not here: drawing takes a few hundred
  // milliseconds of CPU, and an approval should answer at once.
  return { ok: true, letterId, number: outcome.number };
}

async function storeLetterPdf(deps: PelayananDeps, letterId: string, unitId: string, content: LetterContent): Promise<Buffer> {
  const pdf = await renderLetterPdf(content);
  const key = await deps.store.put(unitId, pdf);
  const r = await deps.db.updateTable('pelayanan_letters').set({ pdf_key: key }).where('id', '=', letterId).where('pdf_key', 'is', null).where('content', 'is not', null).executeTakeFirst();
  // Someone else stored it first, or retention removed the letter meanwhile: drop ours.
  if (Number(r.numUpdatedRows) !== 1) await deps.store.remove(key);
  return pdf;
}

/** The letter's PDF for its request, drawn again from its text when no file was kept. Null once retention removed it. */
export async function letterPdfOf(deps: PelayananDeps, args: { unitId: string; requestId: string }): Promise<{ pdf: Buffer; number: string; letterId: string } | null> {
  const l = await deps.db
    .selectFrom('pelayanan_letters')
    .select(['id', 'number', 'content', 'pdf_key', 'unit_id'])
    .where('request_id', '=', args.requestId)
    .where('unit_id', '=', args.unitId)
    .executeTakeFirst();
  if (!l || !l.content) return null;
  const kept = l.pdf_key ? await deps.store.read(l.pdf_key) : null;
  if (kept) return { pdf: kept, number: l.number, letterId: l.id };
  return { pdf: await storeLetterPdf(deps, l.id, l.unit_id, JSON.parse(l.content) as LetterContent), number: l.number, letterId: l.id };
}
