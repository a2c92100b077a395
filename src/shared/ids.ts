import { randomBytes } from 'node:crypto';

// Time-ordered, URL-safe ids generated in the application, so both database engines behave the
// same (no autoincrement differences) and ids sort roughly by creation time.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = randomBytes(12);
  let rand = '';
  for (const b of bytes) rand += ALPHABET[b % 32];
  return time + rand;
}

/** A random secret token (sessions, CSRF, signed links). */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
