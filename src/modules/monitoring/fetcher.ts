import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import type { Clock } from '../../shared/clock.js';
import { systemClock } from '../../shared/clock.js';
import { HostLimiter } from './host-limiter.js';
import type { SharedSpacing } from './shared-host-spacing.js';
import { ADDRESS_REFUSED, type AddressGuard, createAddressGuard, guardedLookup, parseAllowList } from './net-guard.js';
import { STATIC_ADDRESS } from './static-lookup.js';
import { hostOf, sameSite } from './url-tools.js';
import { ABORTED, type FetchEnd, type FetchOptions, type FetchResult, type FetchSession, type Hop, type UserAgentMode } from './fetch-types.js';

export { ABORTED, type FetchEnd, type FetchOptions, type FetchResult, type FetchSession, type RedirectHop, type UserAgentMode } from './fetch-types.js';

// A polite, bounded HTTP client for checking sites we do not control. Every fetch ends, and the
// result says why it ended: the monitoring verdicts and the "why is my site red?" explanations
// depend on telling a timeout from a refused connection from an off-site redirect.
//
// Contract: never throws for network or HTTP problems (those are values in `end`); never follows
// a redirect to another registrable domain; never reads more than `maxBytes` of body; never runs
// longer than `totalTimeoutMs` per fetch including redirects; never connects to an address the
// guard refuses (net-guard.ts), on the first request or any redirect hop. Safe to retry:
// GET/HEAD only.

export interface FetcherOptions {
  /** Contact address shown in the User-Agent so site owners can reach Diskominfo. */
  contactUrl: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  perHostIntervalMs: number;
  globalConcurrency: number;
  /** DNS override: tests and the fixture fleet map host names to 127.0.0.1. */
  lookup?: LookupFunction;
  /**
   * Networks the crawler may reach although they are not public (CIDRs or addresses, from the
   * MONITOR_ALLOW setting: the loopback test fleet). Default: those a `staticLookup` override
   * names explicitly, else none.
   */
  allowNetworks?: readonly string[];
  /** A guard built elsewhere (shared with the registration check); overrides allowNetworks. */
  guard?: AddressGuard;
  /** Per-host spacing shared with the other workers (PostgreSQL); default this process's only. */
  sharedSpacing?: SharedSpacing;
  /** Extra trusted CA certificates (PEM); the fixture fleet signs its own. */
  ca?: string | string[];
  clock?: Clock;
}

export const DEFAULT_FETCHER_OPTIONS: Omit<FetcherOptions, 'contactUrl'> = {
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 15_000,
  maxBytes: 2 * 1024 * 1024,
  // Browsers follow up to 20; 10 leaves room for http→https→www→/beranda chains while still
  // telling an endless chain from a long one.
  maxRedirects: 10,
  perHostIntervalMs: 1_000,
  globalConcurrency: 32,
};

export const GOOGLEBOT_UA =
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

const TLS_CODES = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ALTNAME|EPROTO/;

export function classifyNetworkError(code: string | undefined): FetchEnd {
  if (!code) return 'connection_error';
  if (code === ADDRESS_REFUSED) return 'address_refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA' || code === 'ESERVFAIL' || code === 'EAI_NONAME' || code === 'EAI_NODATA') return 'dns_error';
  if (code === 'ECONNREFUSED') return 'connection_refused';
  if (TLS_CODES.test(code)) return 'tls_error';
  return 'connection_error';
}

export class Fetcher {
  readonly options: FetcherOptions;
  readonly limiter: HostLimiter;
  private readonly clock: Clock;
  readonly monitorUa: string;
  readonly guard: AddressGuard;
  private readonly lookup: LookupFunction;
  /** HTTP requests sent (each redirect hop counts), for the benchmark's requests per site. */
  requests = 0;

  constructor(options: Partial<FetcherOptions> & { contactUrl: string }) {
    this.options = { ...DEFAULT_FETCHER_OPTIONS, ...options };
    this.clock = options.clock ?? systemClock;
    this.limiter = new HostLimiter(this.options);
    this.monitorUa = `Mozilla/5.0 (compatible; BerandaMonitor/1.0; +${this.options.contactUrl})`;
    // A staticLookup names its one address in code; writing it there is the explicit choice the
    // allow-list stands for. Any other resolver (a caching one, say) gets no exception unless
    // allowNetworks says so.
    const implied = (options.lookup as { [STATIC_ADDRESS]?: string } | undefined)?.[STATIC_ADDRESS];
    this.guard = options.guard ?? createAddressGuard(parseAllowList(options.allowNetworks ?? (implied ? [implied] : [])));
    this.lookup = guardedLookup(this.guard, options.lookup);
  }

  /**
   * False for addresses on the reserved `.test` and `.invalid` domains (RFC 6761) when no DNS
   * override is set: no real resolver answers them, so crawling one would only record a "down"
   * that says nothing about any real site. Such addresses exist where Beranda's own simulations
   * put them (the demo's OPD websites, tests); only a fetcher given their lookup visits them.
   */
  canReach(url: string): boolean {
    if (this.options.lookup) return true;
    try {
      return !/\.(test|invalid)\.?$/i.test(new URL(url).hostname);
    } catch {
      return true;
    }
  }

  /**
   * A session keeps one connection per host alive while a site is checked (a handful of
   * requests), then closes them, so a sweep of thousands of sites neither reconnects for every
   * request nor keeps thousands of idle sockets.
   */
  openSession(): FetchSession {
    const agentOptions = { keepAlive: true, maxSockets: 1, maxFreeSockets: 1 };
    const httpAgent = new http.Agent(agentOptions);
    const httpsAgent = new https.Agent({ ...agentOptions, ca: this.options.ca });
    return {
      fetch: (url, opts) => this.fetchWith(url, opts ?? {}, httpAgent, httpsAgent),
      close: () => {
        httpAgent.destroy();
        httpsAgent.destroy();
      },
    };
  }

  /** One-off fetch with its own short-lived session. */
  async fetch(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
    const s = this.openSession();
    try {
      return await s.fetch(url, opts);
    } finally {
      s.close();
    }
  }

  private async fetchWith(
    url: string,
    opts: FetchOptions,
    httpAgent: http.Agent,
    httpsAgent: https.Agent,
  ): Promise<FetchResult> {
    const ua = opts.ua ?? 'monitor';
    const started = Date.now();
    const deadline = started + Math.min(opts.totalTimeoutMs ?? Infinity, this.options.totalTimeoutMs);
    const result: FetchResult = {
      requestedUrl: url,
      finalUrl: url,
      end: 'complete',
      errorCode: null,
      status: null,
      headers: {},
      body: '',
      bytes: 0,
      redirects: [],
      offsiteLocation: null,
      fetchedAt: this.clock.now().toISOString(),
      latencyMs: 0,
      userAgent: ua,
    };
    const seen = new Set<string>();
    let current = url;
    for (;;) {
      let parsed: URL;
      try {
        parsed = new URL(current);
        if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
      } catch {
        result.end = 'invalid_url';
        break;
      }
      seen.add(parsed.toString());
      result.finalUrl = parsed.toString();
      // An address typed as a literal never reaches the resolver: check it here, on every hop.
      const literal = parsed.hostname.replace(/^\[|\]$/g, '');
      const literalRefusal = isIP(literal) ? this.guard.refusal(literal) : null;
      if (literalRefusal) {
        result.end = 'address_refused';
        result.errorCode = ADDRESS_REFUSED;
        result.refusedClass = literalRefusal;
        result.status = null;
        result.body = '';
        break;
      }
      if (opts.signal?.aborted) {
        result.end = 'timeout_total';
        result.errorCode = ABORTED;
        break;
      }
      const hop = await this.limiter.run<Hop>(parsed.hostname, () => {
        // Let go while it waited for its turn at the host: the request is never sent.
        if (opts.signal?.aborted) return Promise.resolve({ status: null, headers: {}, body: '', bytes: 0, end: 'timeout_total' as const, errorCode: ABORTED });
        this.requests++;
        return this.oneRequest(parsed, opts, ua, deadline, parsed.protocol === 'https:' ? httpsAgent : httpAgent);
      });
      result.status = hop.status;
      result.headers = hop.headers;
      result.body = hop.body;
      result.bytes = hop.bytes;
      result.errorCode = hop.errorCode;
      result.end = hop.end;
      if (hop.refusedClass) result.refusedClass = hop.refusedClass;
      if (hop.end !== 'complete' || hop.status === null || hop.status < 300 || hop.status >= 400 || !hop.headers.location) break;
      let next: string;
      try {
        next = new URL(hop.headers.location, parsed).toString();
      } catch {
        break; // a broken Location header: keep the 3xx as the answer
      }
      result.redirects.push({ url: parsed.toString(), status: hop.status, location: next });
      if (!sameSite(next, url)) {
        result.end = 'offsite_redirect';
        result.offsiteLocation = next;
        break;
      }
      if (seen.has(next)) {
        result.end = 'redirect_loop';
        break;
      }
      if (result.redirects.length >= this.options.maxRedirects) {
        result.end = 'too_many_redirects';
        break;
      }
      current = next;
    }
    result.latencyMs = Date.now() - started;
    return result;
  }

  private oneRequest(
    url: URL,
    opts: FetchOptions,
    ua: UserAgentMode,
    deadline: number,
    agent: http.Agent,
  ): Promise<Hop> {
    const maxBytes = opts.maxBytes ?? this.options.maxBytes;
    return new Promise((resolve) => {
      let settled = false;
      const chunks: Buffer[] = [];
      let bytes = 0;
      let status: number | null = null;
      let headers: Record<string, string> = {};
      let refusedClass: string | undefined;
      const finish = (end: FetchEnd, errorCode: string | null = null) => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        clearTimeout(connectTimer);
        opts.signal?.removeEventListener('abort', onAbort);
        resolve({ status, headers, body: Buffer.concat(chunks).toString('utf8'), bytes, end, errorCode, ...(refusedClass ? { refusedClass } : {}) });
      };
      const remaining = Math.max(1, deadline - Date.now());
      const mod = url.protocol === 'https:' ? https : http;
      const req = mod.request(url, {
        method: opts.method ?? 'GET',
        agent,
        lookup: this.lookup,
        servername: isIP(url.hostname.replace(/^\[|\]$/g, '')) ? undefined : url.hostname,
        headers: {
          'user-agent': ua === 'googlebot' ? GOOGLEBOT_UA : this.monitorUa,
          accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate',
          'accept-language': 'id-ID,id;q=0.9,en;q=0.5',
        },
      });
      const totalTimer = setTimeout(() => {
        finish('timeout_total', 'ETIMEDOUT');
        req.destroy();
      }, remaining);
      let connectTimer: NodeJS.Timeout | undefined = setTimeout(() => {
        finish('timeout_connect', 'ETIMEDOUT');
        req.destroy();
      }, Math.min(opts.connectTimeoutMs ?? Infinity, this.options.connectTimeoutMs, remaining));
      const onAbort = () => {
        finish('timeout_total', ABORTED);
        req.destroy();
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      if (opts.signal?.aborted) onAbort();
      req.on('socket', (socket) => {
        const connected = () => {
          clearTimeout(connectTimer);
          connectTimer = undefined;
          // Second line of defence: the address this socket really reached.
          const remote = socket.remoteAddress;
          const cls = remote ? this.guard.refusal(remote) : null;
          if (cls) {
            refusedClass = cls;
            finish('address_refused', ADDRESS_REFUSED);
            req.destroy();
          }
        };
        // A reused keep-alive socket is already connected.
        if (!socket.connecting) connected();
        else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      });
      req.on('error', (e: NodeJS.ErrnoException & { addressClass?: string }) => {
        if (e.addressClass) refusedClass = e.addressClass;
        finish(classifyNetworkError(e.code), e.code ?? 'ERROR');
      });
      req.on('response', (res) => {
        status = res.statusCode ?? null;
        headers = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        if ((opts.method ?? 'GET') === 'HEAD' || (status !== null && status >= 300 && status < 400)) {
          res.resume();
          res.on('end', () => finish('complete'));
          res.on('error', () => finish('complete'));
          return;
        }
        const enc = (res.headers['content-encoding'] ?? '').toLowerCase();
        // Count decompressed bytes so a tiny gzip bomb cannot blow the memory budget.
        const stream =
          enc === 'gzip' ? res.pipe(zlib.createGunzip()) : enc === 'deflate' ? res.pipe(zlib.createInflate()) : res;
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          const room = maxBytes - bytes;
          if (chunk.length > room) {
            if (room > 0) chunks.push(chunk.subarray(0, room));
            bytes += chunk.length;
            finish('too_large');
            // Stop the inflater too: what it still holds of a bomb is never expanded.
            if (stream !== res) stream.destroy();
            req.destroy();
            return;
          }
          chunks.push(chunk);
          bytes += chunk.length;
        });
        stream.on('end', () => finish('complete'));
        stream.on('error', (e: NodeJS.ErrnoException) => finish('connection_error', e.code ?? 'EBODY'));
        res.on('aborted', () => finish('connection_error', 'ECONNRESET'));
      });
      req.end();
    });
  }
}

export { hostOf };
export { staticLookup } from './static-lookup.js';
