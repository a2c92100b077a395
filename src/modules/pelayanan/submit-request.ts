import { newId, newToken } from '../../shared/ids.js';
import { workingDeadline } from '../../shared/wib-time.js';
import { hashPin, newPin, newTrackingCode } from './codes.js';
import type { PelayananDeps, UploadedFile } from './deps.js';
import { getServiceForm } from './get-service-form.js';
import { calendarFor } from './holidays.js';
import { citizenMessage, queueCitizenMessage } from './outbox.js';
import { type DocumentRow, requestsRepo } from './requests-repo.js';
import type { ServiceForm } from './service-form.js';
import { cityUnitOf, getCitySettings } from './settings.js';
import { deleteDocumentFiles, storeDocument } from './store-document.js';
import { SUBMIT_LIMITS, isThrottled, takeThrottle } from './throttle.js';
import { type FieldErrors, type IdentityInput, validateRequest } from './validate-request.js';

export interface SubmitRequestInput {
  unitId: string;
  unitName: string;
  serviceCode: string;
  identity: IdentityInput;
  fields: Record<string, string>;
  notify: string;
  consent: boolean;
  files: UploadedFile[];
  /** Uploads kept from an earlier try of the same form (hidden field). */
  draftToken: string | null;
  /** Where the citizen follows the request (absolute, for WhatsApp/e-mail). */
  trackingLink: string;
  ip: string | null;
}

export interface StashedDocument {
  slot: string;
  label: string;
  kind: 'image' | 'pdf';
}

export type SubmitOutcome =
  | { ok: true; requestId: string; code: string; pin: string; notified: boolean }
  | { ok: false; error: 'not_found' | 'not_online' | 'rate_limited' }
  | { ok: false; error: 'invalid'; errors: FieldErrors; draftToken: string; stashed: StashedDocument[] };

/** The consent a citizen gives: the purpose and the retention period they were shown. */
export const consentVersion = (retentionDays: number) => `pdp-1:${retentionDays}`;

/** Max files one form may carry; each document slot takes one, plus three "other" pages. */
export const MAX_FILES = 12;

/**
 * A citizen's online request: the form's rules, every upload checked as hostile, uploads kept
 * while the citizen corrects a mistake, rate limits per address and per phone, then the request,
 * its documents, its first history line and the message with the code and PIN in one transaction.
 */
export async function submitRequest(deps: PelayananDeps, input: SubmitRequestInput): Promise<SubmitOutcome> {
  const form = await getServiceForm(deps.db, input.unitId, input.serviceCode);
  if (!form.ok) return { ok: false, error: form.error };
  if (input.ip && (await isThrottled(deps.db, deps.clock, deps.secret, { subject: `ip:${input.ip}`, ...SUBMIT_LIMITS.perIp }))) {
    return { ok: false, error: 'rate_limited' };
  }
  const { clean, errors } = validateRequest(form.value, input.identity, input.fields, input.notify, input.consent);
  const draftToken = input.draftToken && /^[A-Za-z0-9_-]{16,64}$/.test(input.draftToken) ? input.draftToken : newToken(18);

  const stashed = await stashUploads(deps, form.value, input, draftToken, errors);
  for (const slot of form.value.documents) {
    if (slot.mode === 'wajib' && !stashed.some((d) => d.slot === slot.key) && !errors[`doc_${slot.key}`]) errors[`doc_${slot.key}`] = 'doc_required';
  }
  const view = stashed.map((d) => ({ slot: d.slot, label: d.label, kind: d.kind }));
  if (Object.keys(errors).length > 0) return { ok: false, error: 'invalid', errors, draftToken, stashed: view };

  const limited = await takeThrottle(deps.db, deps.clock, deps.secret, [
    ...(input.ip ? [{ subject: `ip:${input.ip}`, ...SUBMIT_LIMITS.perIp }] : []),
    { subject: `phone:${clean.telepon.replace(/^(\+?62|0)/, '')}`, ...SUBMIT_LIMITS.perPhone },
  ]);
  if (limited) return { ok: false, error: 'rate_limited' };

  const now = deps.clock.now();
  const city = await cityUnitOf(deps.db, deps.region);
  const cal = await calendarFor(deps.db, input.unitId, city?.id ?? '');
  const retention = (await getCitySettings(deps.db, city?.id ?? '')).retensiHari;
  const code = newTrackingCode('layanan');
  const pin = newPin();
  const id = newId(now.getTime());
  const at = now.toISOString();
  let notified = false;
  await deps.db.transaction().execute(async (trx) => {
    await requestsRepo.insert(trx, {
      id,
      unit_id: input.unitId,
      service_code: form.value.code,
      service_name: form.value.name,
      tracking_code: code,
      pin_hash: hashPin(pin),
      status: 'baru',
      applicant_name: clean.nama,
      nik: clean.nik,
      kk: clean.kk,
      phone: clean.telepon,
      email: clean.email,
      address: clean.alamat,
      fields: JSON.stringify(clean.fields),
      notify_channel: clean.notify,
      consent_at: at,
      consent_version: consentVersion(retention),
      submitted_at: at,
      deadline_days: form.value.deadlineDays,
      clock_started_at: at,
      deadline_at: workingDeadline(now, form.value.deadlineDays, cal).toISOString(),
      fix_note: null,
      refuse_reason: null,
      closed_at: null,
      completion_minutes: null,
      within_deadline: null,
      letter_id: null,
      docs_deleted_at: null,
      personal_deleted_at: null,
      is_demo: 0,
      created_at: at,
      updated_at: at,
    });
    await requestsRepo.adoptDrafts(trx, draftToken, input.unitId, 'request', id);
    await requestsRepo.addEvent(trx, { owner_kind: 'request', owner_id: id, unit_id: input.unitId, at, kind: 'submitted', status: 'baru', note: '', actor_user_id: null, actor_label: deps.words.actor({ kind: 'citizen' }) });
    notified = await queueCitizenMessage(trx, now, {
      ownerId: id,
      unitId: input.unitId,
      to: { channel: clean.notify, phone: clean.telepon, email: clean.email },
      message: citizenMessage(deps.words, { kind: 'request_received', service: form.value.name, unit: input.unitName, code, pin, link: input.trackingLink }),
    });
  });
  return { ok: true, requestId: id, code, pin, notified };
}

/**
 * Checks and keeps this try's uploads under the draft token, so a citizen who mistyped the NIK
 * does not send the same 5 MB photos again over slow data. A new file for a slot replaces the
 * kept one. Returns every document now kept for the form.
 */
async function stashUploads(deps: PelayananDeps, form: ServiceForm, input: SubmitRequestInput, draftToken: string, errors: FieldErrors): Promise<DocumentRow[]> {
  const slots = new Map(form.documents.filter((d) => d.mode !== 'dibawa').map((d) => [d.key, d.label]));
  const kept = await requestsRepo.documentsOf(deps.db, draftToken);
  let count = kept.filter((d) => d.owner_kind === 'draft' && d.unit_id === input.unitId).length;
  const current = kept.filter((d) => d.owner_kind === 'draft' && d.unit_id === input.unitId);
  for (const file of input.files) {
    if (file.bytes.length === 0) continue;
    const extra = /^lain-\d$/.test(file.slot);
    const label = extra ? deps.words.doc('other') : slots.get(file.slot);
    if (!label) continue;
    if (count >= MAX_FILES) {
      errors[`doc_${file.slot}`] = 'doc_too_many';
      continue;
    }
    const stored = await storeDocument(deps, { unitId: input.unitId, ownerKind: 'draft', ownerId: draftToken, slot: file.slot, label, bytes: file.bytes, uploadedBy: 'warga' });
    if (!stored.ok) {
      errors[`doc_${file.slot}`] = `doc_${stored.error}`;
      continue;
    }
    const replaced = current.filter((d) => d.slot === file.slot);
    await deleteDocumentFiles(deps, replaced);
    for (const r of replaced) current.splice(current.indexOf(r), 1);
    current.push(stored.value);
    count = current.length;
  }
  return current;
}
