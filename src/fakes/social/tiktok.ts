import { type FakeReply, type FakeRequest, type Route, big, tiktokError, tiktokOk } from './protocol.js';
import type { FakeSocialState } from './state.js';
import { asRecord } from '../../shared/json-record.js';

// TikTok Login Kit v2 and Content Posting API as documented in docs/reference/platform-apis.md §2c: the
// {data, error:{code,message,log_id}} envelope, Bearer tokens only, post ids above 2^53 sent
// as bare JSON numbers, the unaudited-app restriction and PULL_FROM_URL domain verification.

export function tiktokRoute(req: FakeRequest): Route | null {
  switch (req.path.replace(/\/+$/, '')) {
    case '/v2/oauth/token':
      return { op: 'tiktok.token', handle: token };
    case '/v2/oauth/revoke':
      return { op: 'tiktok.revoke', handle: revoke };
    case '/v2/user/info':
      return { op: 'tiktok.user_info', handle: userInfo };
    case '/v2/post/publish/creator_info/query':
      return { op: 'tiktok.creator_info', handle: creatorInfo };
    case '/v2/post/publish/content/init':
      return { op: 'tiktok.content_init', handle: contentInit };
    case '/v2/post/publish/status/fetch':
      return { op: 'tiktok.status_fetch', handle: statusFetch };
    case '/v2/video/list':
      return { op: 'tiktok.video_list', handle: videoList };
    default:
      return null;
  }
}

function account(req: FakeRequest, state: FakeSocialState) {
  const t = req.bearer ? state.tokens.get(req.bearer) : undefined;
  if (!t || t.platform !== 'tiktok' || (t.expiresAt !== null && t.expiresAt <= state.now())) {
    return tiktokError(401, 'access_token_invalid', 'The access token is invalid or not found in the request.');
  }
  return state.tiktok.get(t.subject)!;
}
const isReply = (x: unknown): x is FakeReply => typeof x === 'object' && x !== null && 'status' in x && 'body' in x;

const oauthError = (error: string, description: string): FakeReply => ({
  // TikTok often answers OAuth errors with HTTP 200; clients must read the body.
  status: 200,
  body: { error, error_description: description, log_id: `2026${Date.now()}` },
});

const token: Route['handle'] = (req, state, _f, o) => {
  const p = req.params;
  if (p.client_key !== o.tiktokApp.key || p.client_secret !== o.tiktokApp.secret) return oauthError('invalid_client', 'Client key or secret is invalid.');
  let openId: string;
  if (p.grant_type === 'authorization_code') {
    const code = state.codes.get(String(p.code ?? ''));
    if (!code || code.platform !== 'tiktok' || code.used || !p.redirect_uri) return oauthError('invalid_grant', 'Authorization code is expired.');
    code.used = true;
    openId = code.subject;
  } else if (p.grant_type === 'refresh_token') {
    const r = state.refreshTokens.get(String(p.refresh_token ?? ''));
    if (!r || r.expiresAt <= state.now()) return oauthError('invalid_grant', 'Refresh token is invalid or expired.');
    // Newer docs: refresh tokens rotate, the old one stops working once a new one is issued.
    state.refreshTokens.delete(String(p.refresh_token));
    openId = r.openId;
  } else {
    return oauthError('unsupported_grant_type', 'Grant type is not supported.');
  }
  const acc = state.tiktok.get(openId)!;
  acc.token = `act.${openId}.${state.nextId()}`;
  acc.refreshToken = `rft.${openId}.${state.nextId()}`;
  state.tokens.set(acc.token, { platform: 'tiktok', kind: 'tiktok', subject: openId, expiresAt: state.now() + o.tiktokTokenTtlSec * 1000, createdAt: state.now() });
  state.refreshTokens.set(acc.refreshToken, { openId, expiresAt: state.now() + 31_536_000_000 });
  return {
    status: 200,
    body: {
      open_id: openId,
      scope: 'user.info.basic,video.publish,video.upload,video.list',
      access_token: acc.token,
      expires_in: o.tiktokTokenTtlSec,
      refresh_token: acc.refreshToken,
      refresh_expires_in: 31_536_000,
      token_type: 'Bearer',
    },
  };
};

const revoke: Route['handle'] = (req, state) => {
  const t = String(req.params.token ?? '');
  state.tokens.delete(t);
  state.revoked.push(t);
  return { status: 200, body: {} };
};

const userInfo: Route['handle'] = (req, state) => {
  const acc = account(req, state);
  if (isReply(acc)) return acc;
  return tiktokOk({ user: { open_id: acc.openId, display_name: acc.nickname, username: acc.username, avatar_url: 'https://fake.local/a.jpg' } });
};

const creatorInfo: Route['handle'] = (req, state) => {
  const acc = account(req, state);
  if (isReply(acc)) return acc;
  return tiktokOk({
    creator_avatar_url: 'https://fake.local/a.jpg',
    creator_username: acc.username,
    creator_nickname: acc.nickname,
    privacy_level_options: acc.privacyOptions,
    comment_disabled: false,
    duet_disabled: false,
    stitch_disabled: true,
    max_video_post_duration_sec: 300,
  });
};

const contentInit: Route['handle'] = (req, state, _f, o) => {
  const acc = account(req, state);
  if (isReply(acc)) return acc;
  const p = req.params;
  const info = asRecord(p.post_info) ?? {};
  const source = asRecord(p.source_info) ?? {};
  if (p.media_type !== 'PHOTO' || source.source !== 'PULL_FROM_URL') return tiktokError(400, 'invalid_params', 'Photos support only PULL_FROM_URL.');
  const images: string[] = Array.isArray(source.photo_images) ? source.photo_images.map(String) : [];
  if (images.length === 0 || images.length > 35) return tiktokError(400, 'invalid_params', 'photo_images must hold 1 to 35 URLs.');
  if (String(info.title ?? '').length > 90) return tiktokError(400, 'invalid_params', 'title is too long.');
  if (o.tiktokVerifiedPrefixes && images.some((u) => !o.tiktokVerifiedPrefixes!.some((pre) => u.startsWith(pre)))) {
    return tiktokError(403, 'url_ownership_unverified', 'Please review our URL ownership verification rules.');
  }
  if (!o.tiktokAudited && !acc.privateAccount) {
    return tiktokError(403, 'unaudited_client_can_only_post_to_private_accounts', 'Unaudited clients can only post to private accounts.');
  }
  if (!acc.privacyOptions.includes(String(info.privacy_level))) {
    return tiktokError(400, 'privacy_level_option_mismatch', 'privacy_level is not one of the creator options.');
  }
  // Content from an unaudited client is restricted to private viewing whatever was asked.
  const privacy = o.tiktokAudited ? String(info.privacy_level) : 'SELF_ONLY';
  const publishId = `p_pub_url~v2.${state.nextBigId()}`;
  const postId = state.nextBigId();
  state.publishes.set(publishId, { publishId, openId: acc.openId, postId, reads: 0 });
  state.posts.push({
    platform: 'tiktok',
    accountId: acc.openId,
    id: postId,
    text: String(info.description ?? info.title ?? ''),
    imageUrls: images,
    createdAt: new Date(state.now()).toISOString(),
    permalink: `https://www.tiktok.com/@${acc.username}/photo/${postId}`,
    privacy,
  });
  return tiktokOk({ publish_id: publishId });
};

const statusFetch: Route['handle'] = (req, state, flags, o) => {
  const acc = account(req, state);
  if (isReply(acc)) return acc;
  const pub = state.publishes.get(String(req.params.publish_id ?? ''));
  if (!pub || pub.openId !== acc.openId) return tiktokError(400, 'invalid_params', 'publish_id does not exist.');
  if (flags.publishFailed && !pub.failReason) {
    pub.failReason = flags.publishFailed;
    // A failed publish leaves nothing on the account.
    state.posts = state.posts.filter((p) => p.id !== pub.postId);
  }
  if (pub.failReason) return tiktokOk({ status: 'FAILED', fail_reason: pub.failReason, publicaly_available_post_id: [], uploaded_bytes: 0, downloaded_bytes: 0 });
  pub.reads++;
  if (pub.reads <= o.tiktokPendingReads) {
    return tiktokOk({ status: 'PROCESSING_DOWNLOAD', fail_reason: '', publicaly_available_post_id: [], uploaded_bytes: 0, downloaded_bytes: 1024 });
  }
  const post = state.posts.find((p) => p.id === pub.postId);
  const ids = post && post.privacy !== 'SELF_ONLY' ? [big(post.id)] : [];
  return tiktokOk({ status: 'PUBLISH_COMPLETE', fail_reason: '', publicaly_available_post_id: ids, uploaded_bytes: 0, downloaded_bytes: 2048 });
};

const videoList: Route['handle'] = (req, state) => {
  const acc = account(req, state);
  if (isReply(acc)) return acc;
  const max = Math.min(20, Math.max(1, Number(req.params.max_count ?? 20)));
  const videos = state
    .postsFor(acc.openId)
    .filter((p) => p.privacy !== 'SELF_ONLY')
    .slice()
    .reverse()
    .slice(0, max)
    .map((p) => ({
      id: big(p.id),
      create_time: Math.floor(Date.parse(p.createdAt) / 1000),
      title: p.text.slice(0, 90),
      video_description: p.text,
      share_url: p.permalink,
    }));
  return tiktokOk({ videos, cursor: state.now(), has_more: false });
};
