import type { FakeSocialState } from './state.js';

// Shared shapes between the fake's router and its per-platform handlers.

export interface FakeRequest {
  method: string;
  /** Path segments after any /vNN.N Graph version prefix. */
  segments: string[];
  path: string;
  /** Query and body merged (body wins). */
  params: Record<string, unknown>;
  bearer: string | null;
}

export interface FakeReply {
  status: number;
  /** An object is sent as JSON; a string is sent as is (used for ids above 2^53). */
  body: unknown;
  headers?: Record<string, string>;
}

/** Flags the router passes down from injected faults that change behaviour rather than replace it. */
export interface FaultFlags {
  containerError?: boolean;
  containerNeverFinishes?: boolean;
  publishFailed?: string;
}

export interface FakeOptions {
  /** Status reads an IG container stays IN_PROGRESS before FINISHED (default 1). */
  containerPendingReads: number;
  /** Status reads a TikTok publish stays PROCESSING_DOWNLOAD before PUBLISH_COMPLETE (default 1). */
  tiktokPendingReads: number;
  /** Graph calls per token per minute before code 4/32 (a stand-in for Meta's usage budgets). */
  graphCallsPerMinute: number;
  /** Whether the TikTok app passed the audit; unaudited posts are forced to SELF_ONLY. */
  tiktokAudited: boolean;
  /** URL prefixes verified for PULL_FROM_URL; null accepts any http(s) URL. */
  tiktokVerifiedPrefixes: string[] | null;
  tiktokTokenTtlSec: number;
  facebookApp: { id: string; secret: string };
  tiktokApp: { key: string; secret: string };
}

export interface Route {
  op: string;
  handle(req: FakeRequest, state: FakeSocialState, flags: FaultFlags, options: FakeOptions): FakeReply;
}

/** JSON with chosen string values written as bare numbers (TikTok ids above 2^53). */
export function jsonWithBigInts(value: unknown): string {
  return JSON.stringify(value).replace(/"__bigint:(\d+)"/g, '$1');
}
export const big = (digits: string) => `__bigint:${digits}`;

export const graphError = (status: number, code: number, message: string, subcode?: number, headers?: Record<string, string>): FakeReply => ({
  status,
  body: {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(subcode !== undefined ? { error_subcode: subcode } : {}),
      is_transient: code === 1 || code === 2,
      fbtrace_id: `Fk${Math.random().toString(36).slice(2, 12)}`,
    },
  },
  ...(headers ? { headers } : {}),
});

export const tiktokError = (status: number, code: string, message: string): FakeReply => ({
  status,
  body: { data: {}, error: { code, message, log_id: `2026${Math.random().toString(16).slice(2, 14).toUpperCase()}` } },
});

export const tiktokOk = (data: unknown): FakeReply => ({
  status: 200,
  body: jsonWithBigInts({ data, error: { code: 'ok', message: '', log_id: `2026${Date.now()}` } }),
});
