import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { newId } from '../../shared/ids.js';
import { keyedHash } from './codes.js';

// Guessing a tracking PIN is made slow without any lock a stranger could set off (the way the
// staff login is throttled, modules/accounts/login-throttle.ts). A code's owner can always get
// in: at worst after MAX_PIN_DELAY_MS, and at once from a browser that opened or sent that code
// before. Wrong PINs are counted in the public forms' ledger (pelayanan_throttle, keyed hashes:
// no address or code is stored) on these keys —
//   known    a browser holding the signed "known code" cookie: its own key only, so nobody
//            else's misses ever slow the owner's phone;
//   pair     this code from this address: slows one place guessing one code;
//   code     this code from anywhere, enforced only once the pair is past its free misses —
//            a botnet gets a few tries per address, a new address (the owner on a friend's
//            phone) is never made to wait for strangers' misses before it has missed itself;
//   address  any code from this address: slows one place trying many codes.
// Each miss past a key's free allowance doubles its delay (1 s, 2 s … up to MAX_PIN_DELAY_MS),
// counted from that key's last miss. A try during a delay is refused without checking the PIN
// and is not counted: it learns nothing, and it does not push the owner's wait further.

export type PinKeyKind = 'known' | 'pair' | 'code' | 'address';

export interface PinKey {
  kind: PinKeyKind;
  subject: string;
}

export const PIN_FREE_MISSES: Record<PinKeyKind, number> = { known: 5, pair: 3, code: 10, address: 20 };
export const MAX_PIN_DELAY_MS = 60_000;
/** Misses older than this are forgotten (the ledger itself is pruned after two days). */
export const PIN_FORGET_MS: Record<PinKeyKind, number> = { known: 24 * 3600_000, pair: 24 * 3600_000, code: 24 * 3600_000, address: 3600_000 };

export function pinDelayAfter(kind: PinKeyKind, misses: number): number {
  const over = misses - PIN_FREE_MISSES[kind];
  if (over <= 0) return 0;
  return Math.min(MAX_PIN_DELAY_MS, 1000 * 2 ** Math.min(over - 1, 20));
}

export function pinKeysFor(code: string, ip: string | null, known: boolean): PinKey[] {
  if (known) return [{ kind: 'known', subject: `pin-known:${code}` }];
  const where = ip ?? 'unknown';
  return [
    { kind: 'pair', subject: `pin-pair:${code} ${where}` },
    { kind: 'code', subject: `pin-code:${code}` },
    { kind: 'address', subject: `pin-address:${where}` },
  ];
}

interface Seen {
  misses: number;
  last: number | null;
}

async function seen(db: Kysely<DB>, secret: string, key: PinKey, now: Date): Promise<Seen> {
  const row = await db
    .selectFrom('pelayanan_throttle')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where('key', '=', keyedHash(secret, key.subject))
    .where('at', '>', new Date(now.getTime() - PIN_FORGET_MS[key.kind]).toISOString())
    .executeTakeFirst();
  return { misses: Number(row?.n ?? 0), last: row?.last ? Date.parse(String(row.last)) : null };
}

/** Milliseconds this try must still wait before its PIN is checked (0: check it now). */
export async function pinWait(db: Kysely<DB>, secret: string, keys: PinKey[], now: Date): Promise<number> {
  const state = new Map<PinKeyKind, Seen>();
  for (const k of keys) state.set(k.kind, await seen(db, secret, k, now));
  const pairFree = (state.get('pair')?.misses ?? 0) < PIN_FREE_MISSES.pair;
  let wait = 0;
  for (const k of keys) {
    if (k.kind === 'code' && pairFree) continue;
    const s = state.get(k.kind)!;
    if (s.last === null) continue;
    wait = Math.max(wait, s.last + pinDelayAfter(k.kind, s.misses) - now.getTime());
  }
  return Math.max(0, wait);
}

export async function countPinMiss(db: Kysely<DB>, secret: string, keys: PinKey[], now: Date): Promise<void> {
  const at = now.toISOString();
  await db.insertInto('pelayanan_throttle').values(keys.map((k) => ({ id: newId(now.getTime()), key: keyedHash(secret, k.subject), at }))).execute();
}

/**
 * The right PIN forgets the misses of this browser and of this code from this address — never
 * the code's or the address's: a stranger guessing elsewhere must not get a fresh allowance
 * each time the owner looks.
 */
export async function clearPinMisses(db: Kysely<DB>, secret: string, code: string, ip: string | null): Promise<void> {
  const own = [...pinKeysFor(code, ip, true), ...pinKeysFor(code, ip, false)].filter((k) => k.kind === 'known' || k.kind === 'pair');
  await db.deleteFrom('pelayanan_throttle').where('key', 'in', own.map((k) => keyedHash(secret, k.subject))).execute();
}
