import { randomBytes } from 'node:crypto';

// Time-ordered, URL-safe ids generated in the application, so both database engines behave the
// same (no autoincrement differences) and ids sort roughly by creation time.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

// Random bytes are drawn in batches: one randomBytes call per id was a visible share of a public
// page's cost (every request gets an id). The bytes are the same CSPRNG's; only the calls are fewer.
const POOL_IDS = 128;
let pool = Buffer.alloc(0);
let poolAt = 0;

export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  if (poolAt + 12 > pool.length) {
    pool = randomBytes(12 * POOL_IDS);
    poolAt = 0;
  }
  let rand = '';
  for (let i = poolAt; i < poolAt + 12; i++) rand += ALPHABET[pool[i]! % 32];
  poolAt += 12;
  return time + rand;
}

/** A random secret token (sessions, CSRF, signed links). */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
