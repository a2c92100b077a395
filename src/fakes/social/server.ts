import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { graphRoute } from './graph.js';
import { type FakeOptions, type FakeReply, type FakeRequest, type FaultFlags, graphError, tiktokError } from './protocol.js';
import { FakeSocialState } from './state.js';
import { tiktokRoute } from './tiktok.js';

// Contract fakes for the Graph API (Facebook + Instagram) and the TikTok API on one loopback
// server. Tests and the demo start it on port 0. The Graph part accepts paths with or without a
// /vNN.N prefix; the TikTok part lives under /v2/. See docs/reference/platform-apis.md §2.0 for the injection list.

export type Fault =
  | 'token_expired'
  | 'rate_limit'
  | 'server_error'
  /** The connection drops before the request is acted on. */
  | 'network_error'
  /** The request is acted on (post created), then the connection drops: the "unconfirmed" path. */
  | 'response_lost'
  /** The request is acted on, then answered 200 with a body that cannot be read (truncated JSON). */
  | 'body_unreadable'
  | 'slow'
  | 'container_never_finishes'
  | 'container_error'
  | 'url_ownership_unverified'
  | 'publish_failed';

export interface Injection {
  /** An operation ("facebook.feed", "instagram.media_publish", "tiktok.content_init"), a platform prefix, or "*". */
  op: string;
  fault: Fault;
  /** How many matching requests it affects (default 1). */
  times?: number;
  delayMs?: number;
  /** TikTok fail_reason for publish_failed (default photo_pull_failed). */
  failReason?: string;
}

/** Documented per-token per-minute TikTok limits the fake enforces (and counts violations of). */
const TIKTOK_LIMITS: Record<string, number> = {
  'tiktok.creator_info': 20,
  'tiktok.content_init': 6,
  'tiktok.status_fetch': 30,
};

export interface SocialFakes {
  /** Base URL, e.g. http://127.0.0.1:40123 — the TikTok base. */
  url: string;
  /** Graph base including a version, e.g. http://127.0.0.1:40123/v23.0. */
  graphUrl: string;
  state: FakeSocialState;
  options: FakeOptions;
  inject(injection: Injection): void;
  /** Injections not yet used up. */
  pendingInjections(): Injection[];
  close(): Promise<void>;
}

export async function startSocialFakes(
  opts: {
    port?: number;
    host?: string;
    now?: () => number;
    options?: Partial<FakeOptions>;
    /** Called before each request is handled ("facebook.feed", …): a controllable slow platform. */
    beforeHandle?: (op: string) => void | Promise<void>;
  } = {},
): Promise<SocialFakes> {
  const state = new FakeSocialState(opts.now ?? Date.now);
  const options: FakeOptions = {
    containerPendingReads: 1,
    tiktokPendingReads: 1,
    graphCallsPerMinute: 600,
    tiktokAudited: false,
    tiktokVerifiedPrefixes: null,
    tiktokTokenTtlSec: 86_400,
    facebookApp: { id: 'fake-app-id', secret: 'fake-app-secret' },
    tiktokApp: { key: 'fake-client-key', secret: 'fake-client-secret' },
    ...opts.options,
  };
  const injections: Array<Injection & { left: number }> = [];
  const windows = new Map<string, number[]>();

  function take(op: string): Injection | null {
    const i = injections.findIndex((x) => x.left > 0 && (x.op === '*' || x.op === op || op.startsWith(`${x.op}.`)));
    if (i < 0) return null;
    const inj = injections[i]!;
    inj.left--;
    if (inj.left <= 0) injections.splice(i, 1);
    return inj;
  }

  /** Sliding one-minute window per key; true when this call exceeds the limit. */
  function overLimit(key: string, limit: number): boolean {
    const t = state.now();
    const list = (windows.get(key) ?? []).filter((c) => c > t - 60_000);
    list.push(t);
    windows.set(key, list);
    return list.length > limit;
  }

  function usageHeaders(token: string | null, pageId: string | undefined): Record<string, string> {
    const used = token ? (windows.get(`graph:${token}`) ?? []).length : 0;
    const pct = Math.min(100, Math.round((used / options.graphCallsPerMinute) * 100));
    const h: Record<string, string> = { 'x-app-usage': JSON.stringify({ call_count: pct, total_cputime: pct, total_time: pct }) };
    if (pageId) {
      h['x-business-use-case-usage'] = JSON.stringify({
        [pageId]: [{ type: 'pages', call_count: pct, total_cputime: pct, total_time: pct, estimated_time_to_regain_access: pct >= 100 ? 1 : 0 }],
      });
    }
    return h;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.local');
    const raw = await readBody(req);
    const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
    Object.assign(params, parseBody(req.headers['content-type'] ?? '', raw));
    const auth = req.headers.authorization;
    const isTikTok = url.pathname.startsWith('/v2/');
    const graphPath = url.pathname.replace(/^\/v\d+\.\d+(?=\/)/, '');
    const fr: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      segments: graphPath.split('/').filter(Boolean),
      params,
      bearer: auth?.startsWith('Bearer ') ? auth.slice(7) : null,
    };
    if (url.pathname === '/oembed') return send(res, oembed(state, String(params.url ?? '')));
    const route = isTikTok ? tiktokRoute(fr) : graphRoute(fr, state);
    if (!route) {
      return send(res, isTikTok ? tiktokError(404, 'invalid_params', 'Unknown endpoint') : graphError(400, 100, `Unknown path components: ${url.pathname}`));
    }
    state.count(route.op);
    await opts.beforeHandle?.(route.op);
    const token = isTikTok ? fr.bearer : ((params.access_token as string | undefined) ?? fr.bearer);
    const pageId = !isTikTok && fr.segments[0] && state.pages.has(fr.segments[0]) ? fr.segments[0] : undefined;
    const platform = route.op.split('.')[0];

    const inj = take(route.op);
    const flags: FaultFlags = {};
    if (inj) {
      const { fault } = inj;
      if (fault === 'slow') await new Promise((r) => setTimeout(r, inj.delayMs ?? 1000));
      if (fault === 'network_error') return void res.socket?.destroy();
      if (fault === 'token_expired') {
        return send(res, platform === 'tiktok'
          ? tiktokError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.')
          : graphError(400, 190, 'Error validating access token: Session has expired on Friday, 01-May-26 03:00:00 PDT.', 463));
      }
      if (fault === 'rate_limit') {
        return send(res, platform === 'tiktok'
          ? tiktokError(429, 'rate_limit_exceeded', 'API rate limit exceeded.')
          : graphError(400, pageId ? 32 : 4, pageId ? 'Page request limit reached' : 'Application request limit reached', undefined, {
              'x-business-use-case-usage': JSON.stringify({ [pageId ?? fr.segments[0] ?? 'app']: [{ type: 'pages', call_count: 100, total_cputime: 10, total_time: 10, estimated_time_to_regain_access: 5 }] }),
            }));
      }
      if (fault === 'server_error') {
        return send(res, platform === 'tiktok'
          ? tiktokError(500, 'internal_error', 'Something went wrong. Please try again later.')
          : graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.'));
      }
      if (fault === 'url_ownership_unverified') return send(res, tiktokError(403, 'url_ownership_unverified', 'Please review our URL ownership verification rules.'));
      if (fault === 'container_error') flags.containerError = true;
      if (fault === 'container_never_finishes') flags.containerNeverFinishes = true;
      if (fault === 'publish_failed') flags.publishFailed = inj.failReason ?? 'photo_pull_failed';
    }

    // Organic limits: a well-behaved client never trips these; the benchmark counts violations.
    const limit = TIKTOK_LIMITS[route.op];
    if (limit && token && overLimit(`${route.op}:${token}`, limit)) {
      state.rateLimitViolations++;
      return send(res, tiktokError(429, 'rate_limit_exceeded', 'API rate limit exceeded.'));
    }
    if (!isTikTok && token && overLimit(`graph:${token}`, options.graphCallsPerMinute)) {
      state.rateLimitViolations++;
      return send(res, graphError(400, pageId ? 32 : 4, 'Application request limit reached', undefined, usageHeaders(token, pageId)));
    }

    const reply = route.handle(fr, state, flags, options);
    if (inj?.fault === 'response_lost') return void res.socket?.destroy();
    if (inj?.fault === 'body_unreadable') {
      res.statusCode = 200;
      res.setHeader('content-type', 'application/json; charset=UTF-8');
      const full = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      return void res.end(full.slice(0, Math.max(1, Math.floor(full.length / 2))));
    }
    if (!isTikTok) reply.headers = { ...usageHeaders(token, pageId), ...reply.headers };
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: { message: String(e), code: 1 } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    graphUrl: `${url}/v23.0`,
    state,
    options,
    inject: (i) => void injections.push({ ...i, left: i.times ?? 1 }),
    pendingInjections: () => injections.map(({ left, ...i }) => ({ ...i, times: left })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** TikTok's public oEmbed (www.tiktok.com/oembed): names the author of a post link. */
function oembed(state: FakeSocialState, link: string): FakeReply {
  const id = state.shortLinks.get(link) ?? /\/(?:video|photo)\/(\d+)/.exec(link)?.[1];
  const post = id ? state.posts.find((p) => p.platform === 'tiktok' && p.id === id) : undefined;
  const acc = post ? state.tiktok.get(post.accountId) : undefined;
  if (!post || !acc) return { status: 400, body: { code: 400, message: 'Something went wrong' } };
  return {
    status: 200,
    body: { version: '1.0', type: 'video', title: post.text.slice(0, 90), author_url: `https://www.tiktok.com/@${acc.username}`, author_name: acc.nickname, author_unique_id: acc.username, provider_name: 'TikTok' },
  };
}

function send(res: ServerResponse, reply: FakeReply): void {
  res.statusCode = reply.status;
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  res.setHeader('content-type', 'application/json; charset=UTF-8');
  res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** JSON or form bodies; form keys like attached_media[0] become an array of parsed JSON values. */
function parseBody(contentType: string, raw: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    try {
      const v = JSON.parse(raw);
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    const m = /^(\w+)\[(\d+)\]$/.exec(k);
    if (m) {
      let parsed: unknown = v;
      try {
        parsed = JSON.parse(v);
      } catch {}
      const list = (out[m[1]!] ??= []) as unknown[];
      list[Number(m[2])] = parsed;
    } else out[k] = v;
  }
  return out;
}
