import type { NotifyChannel } from '../../db/schema/pelayanan.js';
import { isDay } from '../../shared/wib-time.js';
import { checkKk, checkNik, normaliseIdNumber } from './nik.js';
import type { ServiceForm } from './service-form.js';
import { checkArea } from './unit-area.js';

// The form's rules in one pure function, so the same messages appear next to the same fields
// whether the browser validated first or not (the public form works without JavaScript).
// Error values are i18n key suffixes: `pel.err.<code>`.

export interface IdentityInput {
  nama: string;
  nik: string;
  kk: string;
  telepon: string;
  email: string;
  alamat: string;
  rt: string;
  rw: string;
}

export interface CleanRequest {
  nama: string;
  nik: string;
  kk: string | null;
  telepon: string;
  email: string | null;
  alamat: string;
  fields: Record<string, string>;
  notify: NotifyChannel;
}

export type FieldErrors = Record<string, string>;

const PHONE = /^(?:\+?62|0)8\d{7,12}$/;
const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,190}\.[a-z]{2,}$/i;

/** "0812-3456 7890" → "081234567890"; "+62 812…" → "+62812…". */
export const normalisePhone = (raw: string): string => raw.replace(/[\s\-().]/g, '');

export function checkPhone(raw: string): string | null {
  const p = normalisePhone(raw);
  if (!p) return 'required';
  return PHONE.test(p) ? null : 'phone_invalid';
}

export function checkEmail(raw: string): string | null {
  if (!raw) return null;
  return raw.length <= 254 && EMAIL.test(raw) ? null : 'email_invalid';
}

export function checkNotify(notify: string, phone: string, email: string): { channel: NotifyChannel; error: string | null } {
  const channel: NotifyChannel = notify === 'whatsapp' || notify === 'email' ? notify : 'none';
  if (channel === 'email' && !email) return { channel, error: 'notify_needs_email' };
  if (channel === 'whatsapp' && !phone) return { channel, error: 'notify_needs_phone' };
  return { channel, error: null };
}

export function validateRequest(form: ServiceForm, identity: IdentityInput, fields: Record<string, string>, notify: string, consent: boolean): { clean: CleanRequest; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const v = (s: string | undefined) => (s ?? '').trim();
  const nama = v(identity.nama);
  if (!nama) errors.nama = 'required';
  else if (nama.length > 120) errors.nama = 'too_long';

  const nikErr = checkNik(v(identity.nik));
  if (nikErr) errors.nik = nikErr === 'empty' ? 'required' : `nik_${nikErr}`;
  let kk: string | null = null;
  if (form.needsKk) {
    const kkErr = checkKk(v(identity.kk));
    if (kkErr) errors.kk = kkErr === 'empty' ? 'required' : `kk_${kkErr}`;
    kk = normaliseIdNumber(v(identity.kk));
  }

  const telepon = normalisePhone(v(identity.telepon));
  const phoneErr = checkPhone(telepon);
  if (phoneErr) errors.telepon = phoneErr;
  const email = v(identity.email);
  const emailErr = checkEmail(email);
  if (emailErr) errors.email = emailErr;

  const jalan = v(identity.alamat);
  if (!jalan) errors.alamat = 'required';
  else if (jalan.length > 300) errors.alamat = 'too_long';
  const rt = v(identity.rt);
  const rw = v(identity.rw);
  if (!/^\d{1,3}$/.test(rt)) errors.rt = rt ? 'rt_invalid' : 'required';
  if (!/^\d{1,3}$/.test(rw)) errors.rw = rw ? 'rt_invalid' : 'required';
  if (!errors.rt && !errors.rw) Object.assign(errors, checkArea(form.area, rt, rw));
  const alamat = `${jalan}, RT ${rt.padStart(3, '0')} / RW ${rw.padStart(3, '0')}`;

  const clean: Record<string, string> = {};
  for (const f of form.fields) {
    const value = v(fields[f.key]);
    const max = f.type === 'textarea' ? 1000 : 200;
    if (!value) {
      if (f.required) errors[`field_${f.key}`] = 'required';
      continue;
    }
    if (value.length > max) errors[`field_${f.key}`] = 'too_long';
    else if (f.type === 'date' && !isDay(value)) errors[`field_${f.key}`] = 'date_invalid';
    clean[f.key] = value;
  }

  const n = checkNotify(notify, telepon, email);
  if (n.error) errors.notify = n.error;
  if (!consent) errors.consent = 'consent_required';

  return {
    clean: { nama, nik: normaliseIdNumber(v(identity.nik)), kk, telepon, email: email || null, alamat, fields: clean, notify: n.channel },
    errors,
  };
}
