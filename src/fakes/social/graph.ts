import { type FakeReply, type FakeRequest, type Route, graphError } from './protocol.js';
import type { FakeSocialState, FakeToken } from './state.js';
import { asRecord } from '../../shared/json-record.js';

// The Graph API (Facebook Pages + Instagram) as documented in docs/reference/platform-apis.md §2a/§2b:
// envelopes, ids, container lifecycle, publishing limit, OAuth code and long-lived exchange.

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

function tokenOf(req: FakeRequest): string | null {
  return (req.params.access_token as string | undefined) ?? req.bearer;
}

/** The token's record, or the documented 190 error. */
function auth(req: FakeRequest, state: FakeSocialState): FakeToken | FakeReply {
  const token = tokenOf(req);
  const t = token ? state.tokens.get(token) : undefined;
  if (!t) return graphError(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  if (t.expiresAt !== null && t.expiresAt <= state.now()) {
    return graphError(400, 190, `Error validating access token: Session has expired on ${iso(t.expiresAt)}.`, 463);
  }
  return t;
}
const isReply = (x: unknown): x is FakeReply => typeof x === 'object' && x !== null && 'status' in x;

function needSubject(t: FakeToken, id: string, state?: FakeSocialState): FakeReply | null {
  // A Page token also acts for the IG account linked to that Page (Facebook Login variant).
  const viaPage = t.kind === 'page' && state?.pages.get(t.subject)?.igId === id;
  return t.subject === id || viaPage ? null : graphError(403, 200, '(#200) The user hasn\'t authorized the application to perform this action');
}

function mediaCount(state: FakeSocialState, igId: string, sinceMs: number): number {
  return state.posts.filter((p) => p.accountId === igId && Date.parse(p.createdAt) > sinceMs).length;
}

export function graphRoute(req: FakeRequest, state: FakeSocialState): Route | null {
  const [a, b] = req.segments;
  const m = req.method;
  if (a === 'oauth' && b === 'access_token') return { op: 'facebook.oauth', handle: oauthToken };
  if (a === 'debug_token') return { op: 'facebook.debug_token', handle: debugToken };
  if (a === 'me' && b === 'accounts') return { op: 'facebook.accounts', handle: meAccounts };
  if (!a) return null;
  if (b === 'photos' && m === 'POST') return { op: 'facebook.photos', handle: postPhoto };
  if (b === 'feed' && m === 'POST') return { op: 'facebook.feed', handle: postFeed };
  if ((b === 'published_posts' || b === 'posts') && m === 'GET') return { op: 'facebook.published_posts', handle: listPagePosts };
  if (b === 'media' && m === 'POST') return { op: 'instagram.media', handle: createContainer };
  if (b === 'media' && m === 'GET') return { op: 'instagram.media_list', handle: listMedia };
  if (b === 'media_publish' && m === 'POST') return { op: 'instagram.media_publish', handle: mediaPublish };
  if (b === 'content_publishing_limit') return { op: 'instagram.publishing_limit', handle: publishingLimit };
  if (b === undefined && m === 'POST' && !state.containers.has(a)) return { op: 'facebook.post_update', handle: updatePost };
  if (b === undefined && m === 'DELETE') return { op: 'facebook.post_delete', handle: deletePost };
  if (b === undefined && m === 'GET') {
    if (state.containers.has(a)) return { op: 'instagram.container_status', handle: containerStatus };
    return { op: state.posts.some((p) => p.id === a && p.platform === 'instagram') ? 'instagram.media_get' : 'facebook.post', handle: getObject };
  }
  return null;
}

const oauthToken: Route['handle'] = (req, state, _f, o) => {
  const p = req.params;
  if (p.client_id !== o.facebookApp.id || p.client_secret !== o.facebookApp.secret) {
    return graphError(400, 101, 'Error validating application. Invalid application ID.');
  }
  if (p.grant_type === 'fb_exchange_token') {
    const t = state.tokens.get(String(p.fb_exchange_token ?? ''));
    if (!t || (t.expiresAt !== null && t.expiresAt <= state.now())) {
      return graphError(400, 190, 'Error validating access token: Session has expired.', 463);
    }
    const token = `EAAB-long-${state.nextId()}`;
    state.tokens.set(token, { ...t, expiresAt: state.now() + 5_183_944_000, createdAt: state.now() });
    return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 5_183_944 } };
  }
  const code = state.codes.get(String(p.code ?? ''));
  if (!code || code.platform !== 'facebook' || !p.redirect_uri) {
    return graphError(400, 100, 'Invalid verification code format.', 36008);
  }
  if (code.used) return graphError(400, 100, 'This authorization code has been used.', 36009);
  code.used = true;
  const token = `EAAB-short-${state.nextId()}`;
  state.tokens.set(token, { platform: 'facebook', kind: 'user', subject: code.subject, expiresAt: state.now() + 3_600_000, createdAt: state.now() });
  return { status: 200, body: { access_token: token, token_type: 'bearer', expires_in: 3600 } };
};

const debugToken: Route['handle'] = (req, state, _f, o) => {
  const t = state.tokens.get(String(req.params.input_token ?? ''));
  const valid = !!t && (t.expiresAt === null || t.expiresAt > state.now());
  return {
    status: 200,
    body: {
      data: {
        app_id: o.facebookApp.id,
        type: t?.kind === 'page' ? 'PAGE' : 'USER',
        is_valid: valid,
        expires_at: t?.expiresAt ? Math.floor(t.expiresAt / 1000) : 0,
        data_access_expires_at: Math.floor((state.now() + 90 * 86_400_000) / 1000),
        scopes: ['pages_show_list', 'pages_read_engagement', 'pages_manage_posts'],
      },
    },
  };
};

const meAccounts: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const data = [...state.pages.values()]
    .filter((p) => p.userId === t.subject)
    .map((p) => ({
      id: p.id,
      name: p.name,
      username: p.username,
      access_token: p.token,
      tasks: ['ANALYZE', 'ADVERTISE', 'MODERATE', 'CREATE_CONTENT', 'MANAGE'],
      picture: { data: { url: `https://fake.local/p/${p.id}.jpg` } },
      ...(p.igId ? { instagram_business_account: { id: p.igId, username: state.ig.get(p.igId)?.username } } : {}),
    }));
  return { status: 200, body: { data, paging: { cursors: { before: 'b', after: 'a' } } } };
};

function newFacebookPost(state: FakeSocialState, pageId: string, text: string, imageUrls: string[], link?: string) {
  const id = `${pageId}_${state.nextId()}`;
  const page = state.pages.get(pageId);
  const post = {
    platform: 'facebook' as const,
    accountId: pageId,
    id,
    text,
    imageUrls,
    createdAt: new Date(state.now()).toISOString(),
    permalink: `https://www.facebook.com/${page?.username ?? pageId}/posts/${id.split('_')[1]}`,
    ...(link ? { link } : {}),
  };
  state.posts.push(post);
  return post;
}

const postPhoto: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const pageId = req.segments[0]!;
  const denied = needSubject(t, pageId);
  if (denied) return denied;
  const url = String(req.params.url ?? '');
  if (!/^https?:\/\//.test(url)) return graphError(400, 100, '(#100) Invalid parameter', 2069019);
  const published = !(req.params.published === false || req.params.published === 'false');
  const photoId = state.nextId();
  state.photos.set(photoId, { pageId, url, published });
  if (!published) return { status: 200, body: { id: photoId } };
  const post = newFacebookPost(state, pageId, String(req.params.caption ?? req.params.message ?? ''), [url]);
  return { status: 200, body: { id: photoId, post_id: post.id } };
};

const postFeed: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const pageId = req.segments[0]!;
  const denied = needSubject(t, pageId);
  if (denied) return denied;
  const message = String(req.params.message ?? '');
  const attached: unknown[] = Array.isArray(req.params.attached_media) ? req.params.attached_media : [];
  const urls: string[] = [];
  for (const a of attached) {
    const photo = state.photos.get(String(asRecord(a)?.media_fbid ?? ''));
    if (!photo || photo.pageId !== pageId) return graphError(400, 100, '(#100) Invalid attached_media');
    urls.push(photo.url);
  }
  if (!message && urls.length === 0 && !req.params.link) return graphError(400, 100, '(#100) Missing message or attachment');
  const post = newFacebookPost(state, pageId, message, urls, req.params.link ? String(req.params.link) : undefined);
  const wantsPermalink = String(req.params.fields ?? '').includes('permalink_url');
  return { status: 200, body: wantsPermalink ? { id: post.id, permalink_url: post.permalink } : { id: post.id } };
};

const listPagePosts: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const pageId = req.segments[0]!;
  const limit = Number(req.params.limit ?? 25);
  const data = state
    .postsFor(pageId)
    .slice()
    .reverse()
    .slice(0, limit)
    .map((p) => ({ id: p.id, message: p.text, created_time: iso(Date.parse(p.createdAt)), permalink_url: p.permalink }));
  return { status: 200, body: { data, paging: { cursors: { before: 'b', after: 'a' } } } };
};

const getObject: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const post = state.posts.find((p) => p.id === req.segments[0]);
  if (!post) return graphError(400, 100, "(#100) Object does not exist, cannot be loaded due to missing permissions, or does not support this operation", 33);
  return post.platform === 'instagram'
    ? { status: 200, body: { id: post.id, permalink: post.permalink, timestamp: iso(Date.parse(post.createdAt)) } }
    : { status: 200, body: { id: post.id, permalink_url: post.permalink, created_time: iso(Date.parse(post.createdAt)), is_published: true } };
};

// Changing a Page post after publishing (§2a "Changing a post"): only with the token of the Page
// that owns it; a post that is gone answers 100/33 as Graph does. Every request that reached the
// post is written down in state.postChanges for tests to read.
function ownPagePost(req: FakeRequest, state: FakeSocialState): { post: FakeSocialState['posts'][number] } | FakeReply {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const post = state.posts.find((p) => p.id === req.segments[0] && p.platform === 'facebook');
  if (!post) return graphError(400, 100, 'Object does not exist, cannot be loaded due to missing permissions, or does not support this operation', 33);
  const denied = needSubject(t, post.accountId);
  return denied ?? { post };
}

const updatePost: Route['handle'] = (req, state) => {
  const found = ownPagePost(req, state);
  if (isReply(found)) return found;
  const message = req.params.message;
  if (typeof message !== 'string') return graphError(400, 100, '(#100) Nothing to update');
  found.post.text = message;
  state.postChanges.push({ op: 'update', postId: found.post.id, message, at: state.now() });
  return { status: 200, body: { success: true } };
};

const deletePost: Route['handle'] = (req, state) => {
  const found = ownPagePost(req, state);
  if (isReply(found)) return found;
  state.posts = state.posts.filter((p) => p !== found.post);
  state.postChanges.push({ op: 'delete', postId: found.post.id, at: state.now() });
  return { status: 200, body: { success: true } };
};

const createContainer: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const igId = req.segments[0]!;
  const denied = needSubject(t, igId, state);
  if (denied) return denied;
  const p = req.params;
  const carousel = p.media_type === 'CAROUSEL';
  const children = carousel ? String(p.children ?? '').split(',').filter(Boolean) : [];
  if (carousel && (children.length < 2 || children.length > 10 || children.some((c) => !state.containers.has(c)))) {
    return graphError(400, 9004, 'Carousel validation failed', 2207028);
  }
  if (!carousel && !/^https?:\/\//.test(String(p.image_url ?? ''))) return graphError(400, 9004, 'Media not found', 2207006);
  if (String(p.caption ?? '').length > 2200) return graphError(400, 100, 'Caption too long', 2207010);
  const id = `1790${state.nextId()}`;
  state.containers.set(id, {
    id,
    igId,
    ...(carousel ? {} : { imageUrl: String(p.image_url) }),
    caption: String(p.caption ?? ''),
    children,
    isCarouselItem: p.is_carousel_item === true || p.is_carousel_item === 'true',
    reads: 0,
    published: false,
    createdAt: state.now(),
  });
  return { status: 200, body: { id } };
};

const containerStatus: Route['handle'] = (req, state, flags, o) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const c = state.containers.get(req.segments[0]!)!;
  if (flags.containerError) c.forced = 'ERROR';
  if (flags.containerNeverFinishes) c.forced = 'IN_PROGRESS';
  c.reads++;
  let code: string;
  if (c.published) code = 'PUBLISHED';
  else if (c.forced === 'ERROR') code = 'ERROR';
  else if (c.forced === 'IN_PROGRESS') code = 'IN_PROGRESS';
  else if (state.now() - c.createdAt > 86_400_000) code = 'EXPIRED';
  else code = c.reads > o.containerPendingReads ? 'FINISHED' : 'IN_PROGRESS';
  const status = code === 'ERROR' ? 'Error: 2207003' : code === 'FINISHED' ? 'Finished: Media has been uploaded and it is ready to be published.' : code;
  return { status: 200, body: { status_code: code, status, id: c.id } };
};

const publishingLimit: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const acc = state.ig.get(req.segments[0]!);
  if (!acc) return graphError(400, 100, '(#100) Unknown IG user');
  const used = mediaCount(state, acc.id, state.now() - acc.quotaDuration * 1000);
  return { status: 200, body: { data: [{ quota_usage: used, config: { quota_total: acc.quotaTotal, quota_duration: acc.quotaDuration } }] } };
};

const mediaPublish: Route['handle'] = (req, state, _f, o) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const igId = req.segments[0]!;
  const denied = needSubject(t, igId, state);
  if (denied) return denied;
  const acc = state.ig.get(igId)!;
  const c = state.containers.get(String(req.params.creation_id ?? ''));
  if (!c || c.igId !== igId || c.isCarouselItem) return graphError(400, 100, 'Media ID is not available', 2207006);
  if (c.published) return graphError(400, 9, 'The media has already been published', 2207008);
  if (c.forced || c.reads <= o.containerPendingReads) return graphError(400, 9007, 'Media ID is not available', 2207027);
  if (mediaCount(state, igId, state.now() - acc.quotaDuration * 1000) >= acc.quotaTotal) {
    state.rateLimitViolations++;
    return graphError(400, 9, 'Application request limit reached', 2207042);
  }
  c.published = true;
  const id = `1791${state.nextId()}`;
  const urls = c.children.length > 0 ? c.children.map((ch) => state.containers.get(ch)?.imageUrl ?? '') : [c.imageUrl ?? ''];
  state.posts.push({
    platform: 'instagram',
    accountId: igId,
    id,
    text: c.caption,
    imageUrls: urls,
    createdAt: new Date(state.now()).toISOString(),
    permalink: `https://www.instagram.com/p/C${id.slice(-8)}/`,
  });
  return { status: 200, body: { id } };
};

const listMedia: Route['handle'] = (req, state) => {
  const t = auth(req, state);
  if (isReply(t)) return t;
  const limit = Number(req.params.limit ?? 25);
  const data = state
    .postsFor(req.segments[0]!)
    .slice()
    .reverse()
    .slice(0, limit)
    .map((p) => ({
      id: p.id,
      caption: p.text,
      media_type: p.imageUrls.length > 1 ? 'CAROUSEL_ALBUM' : 'IMAGE',
      media_url: p.imageUrls[0],
      permalink: p.permalink,
      timestamp: iso(Date.parse(p.createdAt)),
    }));
  return { status: 200, body: { data, paging: { cursors: { before: 'b', after: 'a' } } } };
};
