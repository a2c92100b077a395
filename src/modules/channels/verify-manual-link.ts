import type { ChannelPlatform } from '../../db/schema/channels.js';
import { type Result, err, ok } from '../../shared/result.js';
import { type HttpDeps, httpRequest, tryJson } from './providers/http.js';
import { asRecord } from '../../shared/json-record.js';
import { canonicalPostUrl, parseLink } from './profile-url.js';

// "Sudah diposting": checks the link staff paste for a manual-kit delivery — that it is a link
// to one post on the right platform, from the account registered for the unit. Where the link
// does not name the account (instagram.com/p/…, vm.tiktok.com/…), an optional lookup (TikTok
// oEmbed, or the account's recent posts when connected) settles it; otherwise it is accepted and
// the evidence says the account could not be checked, so a pendamping can look.

/**
 * Codes, never sentences (issue 19 point 2): the kit page says them with the platform and the
 * registered account it shows. 'wrong_account' carries, as `detail`, the account the link names
 * (its handle, or its Page id), without '@'.
 */
export type ManualLinkError = 'invalid_url' | 'wrong_platform' | 'wrong_account' | 'not_a_post';

export interface VerifiedLink {
  permalink: string;
  postId: string | null;
  /** true: the link's account matched; false: the link does not say and no lookup could tell. */
  accountChecked: boolean;
  checkedBy: 'url' | 'lookup' | 'none';
}

export interface ManualLinkAccount {
  platform: ChannelPlatform;
  handle: string;
  platformAccountId?: string | null;
}

/** Resolves the author of a link (e.g. TikTok oEmbed author_unique_id); null when unreachable. */
export type AuthorLookup = (url: string) => Promise<string | null>;

export async function verifyManualLink(
  account: ManualLinkAccount,
  url: string,
  lookup?: AuthorLookup,
): Promise<Result<VerifiedLink, ManualLinkError>> {
  const parsed = parseLink(account.platform, url);
  if (parsed === 'invalid') return err('invalid_url');
  if (parsed === 'wrong_platform') return err('wrong_platform');
  if (parsed.kind === 'profile') return err('not_a_post');
  const permalink = canonicalPostUrl(url);
  const expected = account.handle.replace(/^@/, '').toLowerCase();
  const mismatch = (found: string) => err('wrong_account' as const, found);

  if (parsed.handle) {
    if (parsed.handle !== expected) return mismatch(parsed.handle);
    return ok({ permalink, postId: parsed.postId, accountChecked: true, checkedBy: 'url' });
  }
  if (parsed.accountId && account.platformAccountId) {
    if (parsed.accountId !== account.platformAccountId) return mismatch(parsed.accountId);
    return ok({ permalink, postId: parsed.postId, accountChecked: true, checkedBy: 'url' });
  }
  if (lookup) {
    const author = (await lookup(permalink).catch(() => null))?.replace(/^@/, '').toLowerCase() ?? null;
    if (author) {
      if (author !== expected) return mismatch(author);
      return ok({ permalink, postId: parsed.postId, accountChecked: true, checkedBy: 'lookup' });
    }
  }
  return ok({ permalink, postId: parsed.postId, accountChecked: false, checkedBy: 'none' });
}

/**
 * TikTok's public oEmbed (no token needed) as an AuthorLookup: resolves short share links to the
 * account that posted them. Any failure means "cannot tell", never "wrong account".
 */
export function tiktokOEmbedLookup(deps: HttpDeps & { wwwBase?: string }): AuthorLookup {
  return async (url) => {
    const base = (deps.wwwBase ?? 'https://www.tiktok.com').replace(/\/+$/, '');
    const t = await httpRequest(`${base}/oembed?url=${encodeURIComponent(url)}`, { method: 'GET' }, { timeoutMs: 10_000, ...deps });
    if (!t.ok || t.res.status !== 200) return null;
    const author = asRecord(tryJson(t.res.text))?.author_unique_id;
    return typeof author === 'string' && author ? author : null;
  };
}
