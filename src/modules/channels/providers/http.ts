import { t } from '../../../i18n/index.js';
import { platformName } from './platforms.js';
import type { FailureCode, FailureKind, Platform, ProviderFailure } from './social-provider.js';

// One place for the HTTP mechanics every adapter shares: the real `fetch`, a timeout on every
// call (a hung platform must not hold a worker forever), and the transport-level failures.

export interface HttpDeps {
  fetch?: typeof fetch;
  /** Per request; default 30 s. */
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type Transport = { ok: true; res: HttpResponse } | { ok: false; error: 'timeout' | 'network'; message: string };

export async function httpRequest(url: string, init: RequestInit, deps: HttpDeps): Promise<Transport> {
  const doFetch = deps.fetch ?? fetch;
  try {
    const res = await doFetch(url, { ...init, signal: AbortSignal.timeout(deps.timeoutMs ?? 30_000) });
    const text = await res.text();
    return { ok: true, res: { status: res.status, headers: res.headers, text } };
  } catch (e) {
    const error = e as Error;
    const timeout = error?.name === 'TimeoutError' || error?.name === 'AbortError';
    return { ok: false, error: timeout ? 'timeout' : 'network', message: String(error?.message ?? e) };
  }
}

export function failure(
  platform: Platform,
  kind: FailureKind,
  code: FailureCode,
  extra: Omit<ProviderFailure, 'kind' | 'code' | 'reason'> = {},
): ProviderFailure {
  const f: ProviderFailure = {
    kind,
    code,
    reason: t(`channels.failure.${code}`, { platform: platformName(platform) }),
  };
  if (extra.retryAfterMs !== undefined) f.retryAfterMs = extra.retryAfterMs;
  if (extra.platformCode !== undefined) f.platformCode = extra.platformCode;
  if (extra.platformMessage !== undefined) f.platformMessage = extra.platformMessage.slice(0, 500);
  if (extra.traceId !== undefined) f.traceId = extra.traceId;
  return f;
}

/** Seconds or an HTTP date, as the Retry-After header allows. */
export function retryAfterHeader(headers: Headers, now: Date): number | undefined {
  const v = headers.get('retry-after');
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

/** Parsed JSON, null when the text is not JSON. Read it through asRecord/recordsOf. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
