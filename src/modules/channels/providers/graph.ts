import { failure, httpRequest, retryAfterHeader, tryJson, type HttpDeps } from './http.js';
import { asRecord, type JsonRecord, recordsOf } from '../../../shared/json-record.js';
import type { Platform, ProviderFailure, ProviderResult } from './social-provider.js';
import { pFail, pOk } from './social-provider.js';

// The Graph API client shared by the Facebook and Instagram adapters: same envelope, same error
// table (docs/reference/platform-apis.md §2a), same usage headers. Tokens go in the form body or query, as
// Postiz and Mixpost send them.

export interface GraphDeps extends HttpDeps {
  /** Including the version, e.g. https://graph.facebook.com/v23.0 (config GRAPH_API_BASE). */
  graphBase: string;
  /** Told the usage the platform reports (X-App-Usage, X-Business-Use-Case-Usage), to slow down early. */
  onUsage?(usage: GraphUsage): void;
  /** Shared per process: holds calls back once Meta reports a budget nearly spent. */
  throttle?: GraphThrottle;
}

/**
 * Mixpost-style cool-down from the usage headers Meta sends on every answer: when the app's or
 * an account's budget passes `highPct`, calls for it pause (for Meta's own estimate when it gives
 * one) instead of running into error 4/32 and being cut off for longer.
 */
export class GraphThrottle {
  private readonly until = new Map<string, number>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly highPct = 90,
    private readonly pauseMs = 60_000,
  ) {}

  /** Milliseconds to hold a call for this account (0 = go). */
  holdFor(accountKey: string): number {
    const t = this.now();
    return Math.max(0, (this.until.get('app') ?? 0) - t, (this.until.get(accountKey) ?? 0) - t);
  }

  observe(accountKey: string, usage: GraphUsage): void {
    const t = this.now();
    const pause = usage.regainMinutes ? usage.regainMinutes * 60_000 : this.pauseMs;
    if ((usage.appPct ?? 0) >= this.highPct) this.until.set('app', Math.max(this.until.get('app') ?? 0, t + pause));
    if ((usage.accountPct ?? 0) >= this.highPct || usage.regainMinutes) {
      this.until.set(accountKey, Math.max(this.until.get(accountKey) ?? 0, t + pause));
    }
  }
}

export interface GraphUsage {
  /** Highest percentage of the app's call/cpu/time budget used. */
  appPct: number | null;
  /** Highest percentage of the Page's business-use-case budget used. */
  accountPct: number | null;
  /** Minutes until access is regained, when the platform has cut us off. */
  regainMinutes: number | null;
}

export function parseUsage(headers: Headers): GraphUsage {
  const usage: GraphUsage = { appPct: null, accountPct: null, regainMinutes: null };
  const app = asRecord(tryJson(headers.get('x-app-usage') ?? ''));
  if (app) {
    usage.appPct = Math.max(Number(app.call_count) || 0, Number(app.total_cputime) || 0, Number(app.total_time) || 0);
  }
  const buc = asRecord(tryJson(headers.get('x-business-use-case-usage') ?? ''));
  if (buc) {
    for (const entries of Object.values(buc)) {
      for (const e of recordsOf(entries)) {
        const pct = Math.max(Number(e.call_count) || 0, Number(e.total_cputime) || 0, Number(e.total_time) || 0);
        usage.accountPct = Math.max(usage.accountPct ?? 0, pct);
        const regain = Number(e.estimated_time_to_regain_access) || 0;
        if (regain > 0) usage.regainMinutes = Math.max(usage.regainMinutes ?? 0, regain);
      }
    }
  }
  return usage;
}

type Params = Record<string, string | number | boolean | undefined>;

/**
 * One Graph call. GET and DELETE send params in the query; POST sends a form body, or JSON when
 * a value is an array/object (attached_media), which Meta accepts too.
 */
export async function graphCall(
  platform: Platform,
  deps: GraphDeps,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  token: string,
  params: Params | Record<string, unknown> = {},
): Promise<ProviderResult<JsonRecord>> {
  const base = deps.graphBase.replace(/\/+$/, '');
  let url = `${base}/${path.replace(/^\/+/, '')}`;
  const init: RequestInit = { method };
  const all: Record<string, unknown> = { ...params, access_token: token };
  if (method === 'GET' || method === 'DELETE') {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(all)) if (v !== undefined) q.set(k, String(v));
    url += (url.includes('?') ? '&' : '?') + q.toString();
  } else if (Object.values(all).some((v) => typeof v === 'object' && v !== null)) {
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(all);
  } else {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(all)) if (v !== undefined) form.set(k, String(v));
    init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
    init.body = form.toString();
  }
  const accountKey = path.replace(/^\/+/, '').split(/[/?]/)[0] ?? '';
  const hold = deps.throttle?.holdFor(accountKey) ?? 0;
  if (hold > 0) {
    return pFail(failure(platform, 'retryable', 'rate_limited', { retryAfterMs: hold, platformMessage: 'held back: usage budget nearly spent' }));
  }
  const t = await httpRequest(url, init, deps);
  if (!t.ok) {
    return pFail(
      failure(platform, 'retryable', 'network', { platformMessage: `${t.error}: ${t.message}`, retryAfterMs: 60_000 }),
    );
  }
  const usage = parseUsage(t.res.headers);
  deps.onUsage?.(usage);
  deps.throttle?.observe(accountKey, usage);
  const body = tryJson(t.res.text);
  const object = asRecord(body);
  const success = t.res.status >= 200 && t.res.status < 300;
  // A bare truthy value (`true`, a number) counts as a yes with no fields to read.
  if (success && body && !object?.error) return pOk(object ?? {});
  if (success && (!body || typeof body !== 'object')) {
    // Meta said yes but we cannot read what it did: never a refusal. Safe calls try again; on the
    // call that makes a post visible the adapters turn this into "unconfirmed" (onIrreversible).
    return pFail(failure(platform, 'retryable', 'platform_error', { platformCode: `http ${t.res.status}`, platformMessage: `unreadable ${t.res.status} body: ${t.res.text.slice(0, 200)}`, retryAfterMs: 60_000 }));
  }
  return pFail(classifyGraphError(platform, t.res.status, body, t.res.headers, usage));
}

const MEDIA_SUBCODES = new Set([1366046, 2069019, 2207004, 2207005, 2207009, 2207026, 36001, 36003]);
const POLICY_SUBCODES = new Set([2207001, 2207050, 2207051, 1346003, 1404102, 4854002, 1404078]);
const HOUR = 3_600_000;

/** Sorts a Graph error into our kinds (docs/reference/platform-apis.md §2a and §2b tables). */
export function classifyGraphError(
  platform: Platform,
  status: number,
  body: unknown,
  headers: Headers,
  usage: GraphUsage = parseUsage(headers),
): ProviderFailure {
  const e = asRecord(asRecord(body)?.error) ?? {};
  const code = Number(e.code);
  const sub = Number(e.error_subcode);
  const extra = {
    platformCode: Number.isFinite(code) ? `${code}${Number.isFinite(sub) ? `/${sub}` : ''}` : `http ${status}`,
    platformMessage: String(e.message ?? (body == null ? '' : String(body))).slice(0, 500),
    ...(e.fbtrace_id ? { traceId: String(e.fbtrace_id) } : {}),
  };
  const regain = usage.regainMinutes ? usage.regainMinutes * 60_000 : undefined;
  const headerWait = retryAfterHeader(headers, new Date());

  if (code === 190 || code === 102) return failure(platform, 'reauth_required', 'token_expired', extra);
  if (code === 10 || (code >= 200 && code <= 299)) return failure(platform, 'reauth_required', 'permission_missing', extra);
  if (sub === 2207042) return failure(platform, 'retryable', 'daily_limit', { ...extra, retryAfterMs: HOUR });
  if (sub === 1390008) return failure(platform, 'retryable', 'rate_limited', { ...extra, retryAfterMs: 15 * 60_000 });
  if ([4, 17, 32, 613].includes(code) || (code >= 80000 && code <= 80014) || status === 429) {
    // Meta's own estimate wins; otherwise cool down as Mixpost does (an hour for app/page limits).
    const fallback = code === 613 ? 15 * 60_000 : status === 429 && !code ? 60_000 : HOUR;
    return failure(platform, 'retryable', 'rate_limited', { ...extra, retryAfterMs: regain ?? headerWait ?? fallback });
  }
  if (code === 506 || sub === 1366051) return failure(platform, 'unconfirmed', 'duplicate', extra);
  if (code === 368 || POLICY_SUBCODES.has(sub)) return failure(platform, 'rejected', 'policy_blocked', extra);
  if (MEDIA_SUBCODES.has(sub)) return failure(platform, 'rejected', 'media_rejected', extra);
  if (sub === 2207052) return failure(platform, 'rejected', 'media_unreachable', extra);
  if (sub === 2207003 || sub === 2207082 || sub === 2207027) {
    return failure(platform, 'retryable', 'platform_error', { ...extra, retryAfterMs: 60_000 });
  }
  if (sub === 2207010) return failure(platform, 'rejected', 'caption_too_long', extra);
  if (sub === 2207028) return failure(platform, 'rejected', 'too_many_images', extra);
  if (sub === 2207008 || sub === 2207020) return failure(platform, 'retryable', 'container_expired', { ...extra, retryAfterMs: 0 });
  if (sub === 2207032 || sub === 2207053) return failure(platform, 'rejected', 'container_failed', extra);
  if (code === 1 || code === 2 || e.is_transient === true || status >= 500) {
    return failure(platform, 'retryable', 'platform_error', { ...extra, retryAfterMs: headerWait ?? 5 * 60_000 });
  }
  if (code === 100) return failure(platform, 'rejected', 'invalid_request', extra);
  return failure(platform, 'rejected', 'unknown', extra);
}

/** Graph's "+0000" offsets are not ISO-8601 to every parser; normalise to an ISO string. */
export function graphTime(t: unknown): string {
  const s = String(t ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}
