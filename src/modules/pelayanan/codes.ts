import { createHmac, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';

// Tracking codes, PINs and letter verification codes. No citizen account exists: a request is
// followed with its code (printed, read aloud at the counter — so no 0/O or 1/I/L) and a PIN
// that only the citizen has. PINs are stored as scrypt hashes; a leaked table does not reveal them.

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function randomChars(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

export type CodeKind = 'layanan' | 'pengaduan';

/** "L-7K3P-Q9XA" for a request, "P-…" for a complaint: 31⁸ ≈ 8.5 × 10¹¹ codes per kind. */
export function newTrackingCode(kind: CodeKind): string {
  const r = randomChars(8);
  return `${kind === 'layanan' ? 'L' : 'P'}-${r.slice(0, 4)}-${r.slice(4)}`;
}

/** What people type: lower case, spaces, missing dashes … → the stored form, or null. */
export function normaliseTrackingCode(raw: string): string | null {
  const s = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (!/^[LP][A-Z0-9]{8}$/.test(s)) return null;
  return `${s[0]}-${s.slice(1, 5)}-${s.slice(5)}`;
}

export const codeKindOf = (code: string): CodeKind => (code.startsWith('P') ? 'pengaduan' : 'layanan');

export const newPin = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

// N = 2^14 keeps a check near 30 ms: cheap for one citizen, slow for a table brute-forced offline.
const SCRYPT = { N: 16384, r: 8, p: 1 };

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, 32, SCRYPT);
  return `scrypt$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, saltB64, hashB64] = stored.split('$');
  if (scheme !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64url');
  const got = scryptSync(pin.replace(/\D/g, ''), Buffer.from(saltB64, 'base64url'), expected.length, SCRYPT);
  return timingSafeEqual(expected, got);
}

/** The code in a letter's QR link: unguessable, so the register cannot be walked. */
export const newVerifyCode = (): string => randomChars(12);

/** A keyed hash: rate-limit keys and logs never hold an IP address or phone number. */
export const keyedHash = (secret: string, value: string): string =>
  createHmac('sha256', secret).update(value).digest('base64url').slice(0, 32);
