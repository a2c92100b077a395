import { createHmac, timingSafeEqual } from 'node:crypto';

// A document of a citizen opens only through a link made for one staff member, for one file,
// for ten minutes. The route still checks the session, the unit and the role; the link adds that
// a copied URL (a screenshot, a forwarded chat, the browser history of a shared office PC) stops
// working for anyone else and soon for everyone.

export const DOC_LINK_TTL_MS = 10 * 60_000;

const mac = (secret: string, userId: string, docId: string, exp: number) =>
  createHmac('sha256', secret).update(`pelayanan-doc|${userId}|${docId}|${exp}`).digest('base64url');

export function signDocLink(secret: string, args: { userId: string; docId: string; now: Date }): { exp: string; sig: string } {
  const exp = args.now.getTime() + DOC_LINK_TTL_MS;
  return { exp: String(exp), sig: mac(secret, args.userId, args.docId, exp) };
}

export type DocLinkProblem = 'expired' | 'invalid';

export function checkDocLink(secret: string, args: { userId: string; docId: string; exp: string; sig: string; now: Date }): DocLinkProblem | null {
  const exp = Number(args.exp);
  if (!Number.isInteger(exp) || !args.sig) return 'invalid';
  const want = Buffer.from(mac(secret, args.userId, args.docId, exp));
  const got = Buffer.from(args.sig);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return 'invalid';
  if (exp < args.now.getTime() || exp > args.now.getTime() + DOC_LINK_TTL_MS) return 'expired';
  return null;
}
