import type { LookupAddress, LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

/** dns.lookup's callback, as callers pass it: with an error only, or an address (or all of them). */
type LookupCallback = (err: Error | null, address?: string | LookupAddress[], family?: number) => void;

/** The marker staticLookup leaves on its function: the one address it maps names to. */
export const STATIC_ADDRESS = Symbol('staticLookupAddress');

/** A DNS override that maps every name (or those matching `only`) to one address. */
export function staticLookup(address: string, only?: (host: string) => boolean): LookupFunction {
  // Called as net's `lookup` option (hostname, options, callback) or as dns.lookup (hostname, callback).
  const fn = ((hostname: string, opts: LookupOptions | LookupCallback, cb?: LookupCallback) => {
    const callback = typeof opts === 'function' ? opts : cb!;
    const all = typeof opts === 'object' && opts?.all;
    if (only && !only(hostname)) {
      const e = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
      process.nextTick(() => callback(e));
      return;
    }
    const family = address.includes(':') ? 6 : 4;
    process.nextTick(() => (all ? callback(null, [{ address, family }]) : callback(null, address, family)));
  }) as LookupFunction;
  return Object.assign(fn, { [STATIC_ADDRESS]: address });
}

