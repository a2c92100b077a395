import { newId } from '../../shared/ids.js';
import { hashPin, newPin, newTrackingCode } from './codes.js';
import type { PelayananDeps, UploadedFile } from './deps.js';
import { citizenMessage, queueCitizenMessage } from './outbox.js';
import { requestsRepo } from './requests-repo.js';
import { storeDocument } from './store-document.js';
import { SUBMIT_LIMITS, isThrottled, takeThrottle } from './throttle.js';
import { type FieldErrors, checkEmail, checkNotify, checkPhone, normalisePhone } from './validate-request.js';

// A complaint or suggestion (pengaduan) to a unit (issue 17 point 5). Anonymous is allowed —
// then nothing that identifies the sender is asked for or kept, and no message can be sent;
// the tracking code and PIN still let them read the answer.

export const COMPLAINT_CATEGORIES = ['pelayanan', 'infrastruktur', 'kebersihan', 'ketertiban', 'sosial', 'saran', 'lainnya'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export interface ComplaintInput {
  unitId: string;
  unitName: string;
  category: string;
  body: string;
  location: string;
  anonymous: boolean;
  name: string;
  phone: string;
  email: string;
  notify: string;
  publish: boolean;
  consent: boolean;
  photo: UploadedFile | null;
  trackingLink: string;
  ip: string | null;
}

export type ComplaintOutcome =
  | { ok: true; complaintId: string; code: string; pin: string }
  | { ok: false; error: 'rate_limited' }
  | { ok: false; error: 'invalid'; errors: FieldErrors };

export function validateComplaint(i: ComplaintInput): FieldErrors {
  const errors: FieldErrors = {};
  if (!COMPLAINT_CATEGORIES.includes(i.category as ComplaintCategory)) errors.kategori = 'required';
  const body = i.body.trim();
  if (body.length < 10) errors.isi = body ? 'too_short' : 'required';
  else if (body.length > 3000) errors.isi = 'too_long';
  if (i.location.trim().length > 200) errors.lokasi = 'too_long';
  if (!i.anonymous) {
    if (!i.name.trim()) errors.nama = 'required';
    else if (i.name.trim().length > 120) errors.nama = 'too_long';
    const phoneErr = i.phone.trim() ? checkPhone(i.phone) : null;
    if (phoneErr) errors.telepon = phoneErr;
    const emailErr = checkEmail(i.email.trim());
    if (emailErr) errors.email = emailErr;
    const n = checkNotify(i.notify, i.phone.trim(), i.email.trim());
    if (n.error) errors.notify = n.error;
  }
  if (!i.consent) errors.consent = 'consent_required';
  return errors;
}

export async function submitComplaint(deps: PelayananDeps, input: ComplaintInput): Promise<ComplaintOutcome> {
  if (input.ip && (await isThrottled(deps.db, deps.clock, deps.secret, { subject: `ip:${input.ip}`, ...SUBMIT_LIMITS.perIp }))) return { ok: false, error: 'rate_limited' };
  const errors = validateComplaint(input);
  if (Object.keys(errors).length > 0) return { ok: false, error: 'invalid', errors };
  const phone = input.anonymous ? null : normalisePhone(input.phone) || null;
  const limited = await takeThrottle(deps.db, deps.clock, deps.secret, [
    ...(input.ip ? [{ subject: `ip:${input.ip}`, ...SUBMIT_LIMITS.perIp }] : []),
    ...(phone ? [{ subject: `phone:${phone.replace(/^(\+?62|0)/, '')}`, ...SUBMIT_LIMITS.perPhone }] : []),
  ]);
  if (limited) return { ok: false, error: 'rate_limited' };

  const now = deps.clock.now();
  const id = newId(now.getTime());
  // The photo is checked and stored first; a refused photo is a field error, nothing is kept.
  let photoKey: { storage: string } | null = null;
  if (input.photo && input.photo.bytes.length > 0) {
    const stored = await storeDocument(deps, { unitId: input.unitId, ownerKind: 'complaint', ownerId: id, slot: 'foto', label: deps.words.doc('photo'), bytes: input.photo.bytes, uploadedBy: 'warga' });
    if (!stored.ok) return { ok: false, error: 'invalid', errors: { foto: `doc_${stored.error}` } };
    photoKey = { storage: stored.value.storage_key };
  }
  const code = newTrackingCode('pengaduan');
  const pin = newPin();
  const at = now.toISOString();
  const notify = input.anonymous ? 'none' : checkNotify(input.notify, input.phone.trim(), input.email.trim()).channel;
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('pelayanan_complaints')
        .values({
          id,
          origin_unit_id: input.unitId,
          unit_id: input.unitId,
          tracking_code: code,
          pin_hash: hashPin(pin),
          status: 'baru',
          category: input.category,
          body: input.body.trim(),
          location: input.location.trim(),
          anonymous: input.anonymous ? 1 : 0,
          name: input.anonymous ? null : input.name.trim(),
          phone,
          email: input.anonymous ? null : input.email.trim() || null,
          notify_channel: notify,
          publish_consent: input.publish ? 1 : 0,
          answer: null,
          answered_at: null,
          answered_by_unit_id: null,
          forwarded_at: null,
          submitted_at: at,
          closed_at: null,
          response_minutes: null,
          docs_deleted_at: null,
          personal_deleted_at: null,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await requestsRepo.addEvent(trx, { owner_kind: 'complaint', owner_id: id, unit_id: input.unitId, at, kind: 'received', status: 'baru', note: '', actor_user_id: null, actor_label: deps.words.actor({ kind: input.anonymous ? 'anonymous' : 'reporter' }) });
      await queueCitizenMessage(trx, now, {
        ownerId: id,
        unitId: input.unitId,
        to: { channel: notify, phone, email: input.anonymous ? null : input.email.trim() || null },
        message: citizenMessage(deps.words, { kind: 'complaint_received', unit: input.unitName, code, pin, link: input.trackingLink }),
      });
    });
  } catch (e) {
    if (photoKey) {
      await deps.store.remove(photoKey.storage);
      await deps.db.deleteFrom('pelayanan_documents').where('owner_id', '=', id).execute();
    }
    throw e;
  }
  return { ok: true, complaintId: id, code, pin };
}
