import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

// A light check that a person filled the form, with no third-party script and no JavaScript:
// a small sum ("Berapa 3 + 4?") whose answer is bound to a signed token. The token carries its
// own expiry, so nothing is stored; the honeypot field and the rate limits do the rest.

export interface Challenge {
  a: number;
  b: number;
  /** Hidden field: expiry, nonce and a MAC over them and the right answer. */
  token: string;
}

const TTL_MS = 2 * 3600_000;

const mac = (secret: string, payload: string, answer: number) =>
  createHmac('sha256', secret).update(`pelayanan-challenge|${payload}|${answer}`).digest('base64url');

export function newChallenge(secret: string, now: Date): Challenge {
  const a = randomInt(1, 10);
  const b = randomInt(1, 10);
  const payload = `${now.getTime() + TTL_MS}.${randomBytes(9).toString('base64url')}`;
  return { a, b, token: `${payload}.${mac(secret, payload, a + b)}` };
}

export type ChallengeFailure = 'challenge_wrong' | 'challenge_expired';

export function checkChallenge(secret: string, now: Date, token: string, answer: string): ChallengeFailure | null {
  const parts = token.split('.');
  if (parts.length !== 3) return 'challenge_expired';
  const [exp, nonce, sig] = parts as [string, string, string];
  if (!/^\d{10,16}$/.test(exp) || Number(exp) < now.getTime()) return 'challenge_expired';
  const n = Number(answer.trim());
  if (!Number.isInteger(n) || n < 0 || n > 100) return 'challenge_wrong';
  const want = Buffer.from(mac(secret, `${exp}.${nonce}`, n));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? null : 'challenge_wrong';
}
