import { createHmac, timingSafeEqual } from 'node:crypto';

// Instagram and TikTok pull images by URL, so a delivery's images get public, signed,
// time-limited URLs under PUBLIC_URL. Signed so an unpublished draft's photos cannot be
// enumerated; time-limited (default 48 h: an IG container lives 24 h, TikTok pulls within
// minutes) so a leaked link dies. The web layer serves /media/… only when verifyMediaUrl passes.

export interface MediaUrlSigner {
  publicUrl: string;
  /** Config `secret` (BERANDA_SECRET). */
  secret: string;
}

const sign = (secret: string, path: string, exp: number) =>
  createHmac('sha256', secret).update(`media:${path}:${exp}`).digest('base64url');

/** `path` is the media path under PUBLIC_URL, e.g. "/media/u/abc/1080x1350.jpg". */
export function signMediaUrl(s: MediaUrlSigner, path: string, now: Date, ttlMs = 48 * 3_600_000): string {
  const clean = `/${path.replace(/^\/+/, '')}`;
  const exp = Math.floor((now.getTime() + ttlMs) / 1000);
  return `${s.publicUrl.replace(/\/+$/, '')}${clean}?exp=${exp}&sig=${sign(s.secret, clean, exp)}`;
}

export type MediaUrlCheck = 'ok' | 'expired' | 'bad_signature';

export function verifyMediaUrl(secret: string, path: string, exp: string | null, sig: string | null, now: Date): MediaUrlCheck {
  const e = Number(exp);
  if (!exp || !sig || !Number.isInteger(e)) return 'bad_signature';
  const expected = Buffer.from(sign(secret, `/${path.replace(/^\/+/, '')}`, e));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad_signature';
  return e * 1000 < now.getTime() ? 'expired' : 'ok';
}
