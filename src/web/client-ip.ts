import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The client's address for rate limits and the audit log. X-Forwarded-For is trusted only when
 * the direct peer is loopback (a reverse proxy on the same machine), so it cannot be forged
 * from outside to dodge the login limit.
 */
export function clientIp(c: Context): string | null {
  let peer: string | undefined;
  try {
    peer = getConnInfo(c).remote.address;
  } catch {
    peer = undefined;
  }
  const isLoopback = !peer || peer === '::1' || peer.startsWith('127.') || peer === '::ffff:127.0.0.1';
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (isLoopback && forwarded && /^[0-9a-f.:]{3,45}$/i.test(forwarded)) return forwarded;
  return peer ?? null;
}
