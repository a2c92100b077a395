import { BlockList, isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { getConnInfo } from '@hono/node-server/conninfo';

// The client's address, for login delays and the audit log. X-Forwarded-For is believed only
// from the proxies named in TRUSTED_PROXIES (config), and read from the right: each trusted
// proxy appends the address it saw, so the rightmost entry that is not a trusted proxy is the
// client — entries to its left were written by the client and can say anything.

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an address → null. */
export function normaliseAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const a = raw.trim().replace(/^\[|\]$/g, '');
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)?.[1];
  if (v4) return v4;
  return isIP(a) ? a.toLowerCase() : null;
}

export function trustedProxyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const e of entries) {
    if (e === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [addr, bits] = e.split('/');
    const family = isIP(addr!) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr!, family);
    else list.addSubnet(addr!, Number(bits), family);
  }
  return list;
}

// A BlockList check builds a SocketAddress each time; a server sees the same few peers (its
// proxies, loopback) on every request, so answers are remembered per list (bounded).
const verdicts = new WeakMap<BlockList, Map<string, boolean>>();
function trusted(list: BlockList, a: string): boolean {
  let seen = verdicts.get(list);
  if (!seen) verdicts.set(list, (seen = new Map()));
  let v = seen.get(a);
  if (v === undefined) {
    v = list.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4');
    if (seen.size >= 1000) seen.clear();
    seen.set(a, v);
  }
  return v;
}

/**
 * The client address from the connection's peer and the X-Forwarded-For header. A peer that is
 * not a trusted proxy is the client, whatever the header says.
 */
export function clientAddress(peer: string | null, forwardedFor: string | undefined, proxies: BlockList): string | null {
  let current = peer;
  if (!current || !trusted(proxies, current)) return current;
  const hops = (forwardedFor ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // A hop that is not an address was not written by a proxy we trust: stop at the last good one.
    if (!hop) return current;
    current = hop;
    if (!trusted(proxies, hop)) return hop;
  }
  return current;
}

/** The direct peer; null in-process (tests call the app without a socket). */
export function peerAddress(c: Context): string | null {
  try {
    return normaliseAddress(getConnInfo(c).remote.address);
  } catch {
    return null;
  }
}

/** The address resolved once per request (app.tsx), for the audit log and login delays. */
export const clientIp = (c: Context<AppEnv>): string | null => c.get('clientIp') ?? null;

/** Resolves the client address once per request; also put on the access log line. */
export function resolveClientIp(config: { trustedProxies: string[] }): MiddlewareHandler<AppEnv> {
  const proxies = trustedProxyList(config.trustedProxies);
  return async (c, next) => {
    // In process (tests call app.request, no socket) the request is treated as coming from a
    // local proxy; a served request always has its peer.
    c.set('clientIp', clientAddress(peerAddress(c) ?? '127.0.0.1', c.req.header('x-forwarded-for'), proxies));
    await next();
  };
}
