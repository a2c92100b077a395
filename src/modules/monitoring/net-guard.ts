import { BlockList, isIP, type LookupFunction } from 'node:net';
import dns from 'node:dns';
import os from 'node:os';

// The crawler fetches addresses that unit staff typed in, so it must never be turned against
// the server's own network (server-side request forgery): loopback, private ranges, link-local
// (169.254.169.254 is the cloud metadata service), carrier-grade NAT, multicast and the
// server's own addresses are refused. The check is made on the address the socket actually
// connects to — the one the resolver returned for that very connection — so a name that
// resolved to a public address at registration and to 127.0.0.1 now (DNS rebinding) is refused
// now. An explicit allow-list (configuration; the loopback test fleet) lets chosen networks
// through. See docs/decisions/0012-monitoring-evidence.md.

export type AddressClass =
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'cgnat'
  | 'multicast'
  | 'unspecified'
  | 'reserved'
  | 'own_address'
  | 'public';

const RANGES: [string, number, 'ipv4' | 'ipv6', AddressClass][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['169.254.0.0', 16, 'ipv4', 'link_local'],
  ['100.64.0.0', 10, 'ipv4', 'cgnat'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'reserved'],
  ['198.18.0.0', 15, 'ipv4', 'reserved'],
  ['198.51.100.0', 24, 'ipv4', 'reserved'],
  ['203.0.113.0', 24, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'private'],
  ['fe80::', 10, 'ipv6', 'link_local'],
  ['fec0::', 10, 'ipv6', 'private'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['100::', 64, 'ipv6', 'reserved'],
  ['2001:db8::', 32, 'ipv6', 'reserved'],
];

const LISTS = new Map<AddressClass, BlockList>();
for (const [net, prefix, type, cls] of RANGES) {
  let l = LISTS.get(cls);
  if (!l) LISTS.set(cls, (l = new BlockList()));
  l.addSubnet(net, prefix, type);
}

/** IPv4 embedded in an IPv6 address (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16). */
export function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '');
  const dotted = lower.match(/^(?:::ffff:(?:0:)?|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) return dotted[1]!;
  const words = expandIpv6(lower);
  if (!words) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  // ::ffff:7f00:1 (mapped, hex form)
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) return v4(words[6]!, words[7]!);
  // 64:ff9b::/96 (NAT64)
  if (words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => w === 0)) return v4(words[6]!, words[7]!);
  // 2002:AABB:CCDD::/48 (6to4)
  if (words[0] === 0x2002) return v4(words[1]!, words[2]!);
  return null;
}

function expandIpv6(ip: string): number[] | null {
  if (isIP(ip) !== 6) return null;
  let s = ip;
  const tail = s.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split('.').map(Number) as [number, number, number, number];
    s = s.slice(0, -tail[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = s.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const r = rest !== undefined && rest !== '' ? rest.split(':') : [];
  const fill = rest !== undefined ? 8 - h.length - r.length : 0;
  const all = [...h, ...Array(Math.max(0, fill)).fill('0'), ...r];
  if (all.length !== 8) return null;
  return all.map((w) => parseInt(w, 16));
}

/** What kind of network an address belongs to, before any allow-list. */
export function classifyAddress(ip: string, ownAddresses: ReadonlySet<string> = new Set()): AddressClass {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 0) return 'reserved';
  const v4 = family === 6 ? embeddedIpv4(bare) : bare;
  const target = v4 ?? bare;
  const type = v4 ? 'ipv4' : 'ipv6';
  for (const [cls, list] of LISTS) if (list.check(target, type)) return cls;
  // Own addresses matter for the public ones (a server's private addresses are refused anyway).
  if (ownAddresses.has(target) || ownAddresses.has(bare.toLowerCase())) return 'own_address';
  return 'public';
}

/** An allow-list: CIDR blocks or single addresses ("127.0.0.0/8", "::1") and host suffixes (".test"). */
export interface AllowList {
  networks: BlockList;
  hostSuffixes: string[];
  /** As configured, for messages and logs. */
  entries: string[];
}

export function parseAllowList(entries: readonly string[]): AllowList {
  const networks = new BlockList();
  const hostSuffixes: string[] = [];
  const kept: string[] = [];
  for (const raw of entries) {
    const e = raw.trim();
    if (!e) continue;
    const [addr, prefix] = e.split('/') as [string, string | undefined];
    const fam = isIP(addr);
    if (fam) {
      const type = fam === 4 ? 'ipv4' : 'ipv6';
      if (prefix !== undefined) networks.addSubnet(addr, Number(prefix), type);
      else networks.addAddress(addr, type);
      kept.push(e);
    } else if (/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(e)) {
      hostSuffixes.push(e.toLowerCase().replace(/^(?!\.)/, '.'));
      kept.push(e);
    }
  }
  return { networks, hostSuffixes, entries: kept };
}

export const EMPTY_ALLOW_LIST: AllowList = parseAllowList([]);

export function allowsAddress(allow: AllowList, ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (!family) return false;
  if (allow.networks.check(bare, family === 4 ? 'ipv4' : 'ipv6')) return true;
  const v4 = family === 6 ? embeddedIpv4(bare) : null;
  return v4 !== null && allow.networks.check(v4, 'ipv4');
}

export const allowsHost = (allow: AllowList, host: string): boolean => {
  const h = `.${host.toLowerCase().replace(/\.$/, '')}`;
  return allow.hostSuffixes.some((s) => h.endsWith(s));
};

/** The decision for one address: null when the crawler may connect to it. */
export interface AddressGuard {
  refusal(ip: string): AddressClass | null;
  readonly allow: AllowList;
}

/**
 * The server's own addresses: every interface address, plus those its public host names resolve
 * to (added by `rememberOwnHost`, since a server behind NAT does not see its public address on
 * an interface).
 */
export function createAddressGuard(allow: AllowList = EMPTY_ALLOW_LIST, extraOwn: readonly string[] = []): AddressGuard & { rememberOwnHost(host: string): Promise<void> } {
  const own = new Set<string>(extraOwn.map((a) => a.toLowerCase()));
  for (const list of Object.values(os.networkInterfaces())) for (const i of list ?? []) own.add(i.address.toLowerCase().replace(/%.*$/, ''));
  return {
    allow,
    refusal(ip) {
      if (allowsAddress(allow, ip)) return null;
      const cls = classifyAddress(ip, own);
      return cls === 'public' ? null : cls;
    },
    async rememberOwnHost(host) {
      if (!host || isIP(host)) {
        if (host) own.add(host.toLowerCase());
        return;
      }
      try {
        for (const a of await dns.promises.lookup(host, { all: true })) own.add(a.address.toLowerCase());
      } catch {
        /* an unresolvable public host name adds nothing */
      }
    },
  };
}

export const ADDRESS_REFUSED = 'E_ADDRESS_REFUSED';

export interface AddressRefusedError extends Error {
  code: typeof ADDRESS_REFUSED;
  address: string;
  addressClass: AddressClass;
}

export function addressRefused(address: string, addressClass: AddressClass, host?: string): AddressRefusedError {
  return Object.assign(new Error(`${host ?? address} → ${address} (${addressClass}) refused`), { code: ADDRESS_REFUSED, address, addressClass }) as AddressRefusedError;
}

/**
 * Wraps a resolver so every answer is checked before a socket connects to it. With Node's
 * "happy eyeballs" the resolver is asked for all addresses; any refused address refuses the
 * name, since a public site has no reason to also answer with a private address.
 */
export function guardedLookup(guard: AddressGuard, base?: LookupFunction): LookupFunction {
  const resolve = (base ?? (dns.lookup as unknown as LookupFunction)) as (...a: unknown[]) => void;
  return ((hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === 'function' ? options : callback) as (err: Error | null, address?: unknown, family?: number) => void;
    const opts = typeof options === 'function' || options === undefined ? {} : typeof options === 'number' ? { family: options } : (options as object);
    resolve(hostname, opts, (err: Error | null, address: unknown, family?: number) => {
      if (err) return cb(err);
      const list = Array.isArray(address) ? (address as { address: string; family: number }[]) : [{ address: address as string, family: family ?? 4 }];
      for (const a of list) {
        const cls = guard.refusal(a.address);
        if (cls) return cb(addressRefused(a.address, cls, hostname));
      }
      return Array.isArray(address) ? cb(null, address) : cb(null, address, family);
    });
  }) as LookupFunction;
}
