// The fetcher's values (fetcher.ts): how a fetch ended, what it answers, what a caller may ask.

export type FetchEnd =
  | 'complete'
  | 'timeout_connect'
  | 'timeout_total'
  | 'too_large'
  | 'too_many_redirects'
  | 'redirect_loop'
  | 'offsite_redirect'
  | 'tls_error'
  | 'dns_error'
  | 'connection_refused'
  | 'connection_error'
  | 'address_refused'
  | 'invalid_url';

export type UserAgentMode = 'monitor' | 'googlebot';

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface FetchResult {
  requestedUrl: string;
  finalUrl: string;
  end: FetchEnd;
  /** Low-level code behind a failure, e.g. ECONNREFUSED or CERT_HAS_EXPIRED. */
  errorCode: string | null;
  status: number | null;
  headers: Record<string, string>;
  /** Body text, cut at maxBytes when the response was larger. */
  body: string;
  bytes: number;
  redirects: RedirectHop[];
  /** Where an off-site redirect pointed; we record it but do not go there. */
  offsiteLocation: string | null;
  fetchedAt: string;
  latencyMs: number;
  userAgent: UserAgentMode;
  /** The network class of a refused address (loopback, private, link_local …). */
  refusedClass?: string;
}

export interface FetchOptions {
  ua?: UserAgentMode;
  method?: 'GET' | 'HEAD';
  accept?: string;
  maxBytes?: number;
  /** Shorter limits for this fetch (a sweep's quick first look); never longer than the fetcher's. */
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
  /**
   * Stops the fetch when aborted: no further request or redirect hop is sent and the one in flight
   * is closed, ending as `timeout_total` with errorCode ABORTED (a sweep let the check go after its
   * bound, sweep-batches.ts; what the check finds then is never stored).
   */
  signal?: AbortSignal;
}

export interface FetchSession {
  fetch(url: string, options?: FetchOptions): Promise<FetchResult>;
  /** Closes the session's kept-alive connections. */
  close(): void;
}

/** One request's answer (a hop of a fetch). */
export type Hop = Pick<FetchResult, 'status' | 'headers' | 'body' | 'bytes' | 'end' | 'errorCode' | 'refusedClass'>;

/** errorCode of a fetch stopped by its caller's AbortSignal (FetchOptions.signal). */
export const ABORTED = 'ABORTED';
