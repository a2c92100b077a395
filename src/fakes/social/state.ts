// In-memory state of the social contract fakes: accounts, tokens, what was posted, and the
// counters tests and the benchmark read (requests per operation, rate-limit violations).

export type FakePlatform = 'facebook' | 'instagram' | 'tiktok';

export interface FakePost {
  platform: FakePlatform;
  accountId: string;
  id: string;
  text: string;
  link?: string;
  imageUrls: string[];
  createdAt: string;
  permalink: string;
  /** TikTok privacy; SELF_ONLY posts are not listed and get no public id. */
  privacy?: string;
}

export interface FakeToken {
  platform: FakePlatform;
  kind: 'user' | 'page' | 'ig' | 'tiktok';
  /** Page id, IG user id, TikTok open_id, or a Facebook user id for user tokens. */
  subject: string;
  expiresAt: number | null;
  createdAt: number;
}

export interface FakePage { id: string; name: string; username: string; userId: string; token: string; igId?: string }
export interface FakeIgAccount { id: string; username: string; token: string; quotaTotal: number; quotaDuration: number }
export interface FakeTikTokAccount {
  openId: string;
  username: string;
  nickname: string;
  token: string;
  refreshToken: string;
  /** A private account; unaudited apps may only post to these. */
  privateAccount: boolean;
  privacyOptions: string[];
}

export interface FakeContainer {
  id: string;
  igId: string;
  imageUrl?: string;
  caption: string;
  children: string[];
  isCarouselItem: boolean;
  /** IN_PROGRESS until `pendingReads` status reads have happened, unless forced. */
  forced?: 'IN_PROGRESS' | 'ERROR';
  reads: number;
  published: boolean;
  createdAt: number;
}

export interface FakeTikTokPublish {
  publishId: string;
  openId: string;
  postId: string | null;
  reads: number;
  failReason?: string;
}

export class FakeSocialState {
  pages = new Map<string, FakePage>();
  ig = new Map<string, FakeIgAccount>();
  tiktok = new Map<string, FakeTikTokAccount>();
  tokens = new Map<string, FakeToken>();
  refreshTokens = new Map<string, { openId: string; expiresAt: number }>();
  codes = new Map<string, { platform: FakePlatform; subject: string; used: boolean }>();
  posts: FakePost[] = [];
  photos = new Map<string, { pageId: string; url: string; published: boolean }>();
  containers = new Map<string, FakeContainer>();
  publishes = new Map<string, FakeTikTokPublish>();
  revoked: string[] = [];
  /** Edits and deletions of posts that went through (Facebook Page posts), in order. */
  postChanges: Array<{ op: 'update' | 'delete'; postId: string; message?: string; at: number }> = [];
  /** vm.tiktok.com short links handed out by shortLinkFor (resolved by the fake oEmbed). */
  shortLinks = new Map<string, string>();
  /** Calls per operation name ("facebook.feed", "tiktok.content_init", …). */
  calls = new Map<string, number>();
  /** Requests refused because the caller exceeded a documented limit (not injected faults). */
  rateLimitViolations = 0;
  private seq = 100_000;
  private bigSeq = 7_294_512_345_678_901_234n;

  constructor(private readonly clock: () => number) {}

  now(): number {
    return this.clock();
  }
  nextId(): string {
    return String(++this.seq);
  }
  /** TikTok post ids: always above 2^53, as in production. */
  nextBigId(): string {
    this.bigSeq += 1n;
    return this.bigSeq.toString();
  }
  count(op: string): void {
    this.calls.set(op, (this.calls.get(op) ?? 0) + 1);
  }
  callsOf(op: string): number {
    return this.calls.get(op) ?? 0;
  }

  /** A share link that does not name the account, as the TikTok app's "copy link" gives. */
  shortLinkFor(postId: string): string {
    const url = `https://vm.tiktok.com/ZS${postId.slice(-8)}/`;
    this.shortLinks.set(url, postId);
    return url;
  }

  postsFor(accountId: string): FakePost[] {
    return this.posts.filter((p) => p.accountId === accountId);
  }

  addFacebookPage(p: { id?: string; name?: string; username?: string; userId?: string; token?: string } = {}): FakePage {
    const id = p.id ?? this.nextId();
    const page: FakePage = {
      id,
      name: p.name ?? `Kelurahan ${id}`,
      username: p.username ?? `kel${id}`,
      userId: p.userId ?? 'user-1',
      token: p.token ?? `EAAB-page-${id}`,
    };
    this.pages.set(id, page);
    this.tokens.set(page.token, { platform: 'facebook', kind: 'page', subject: id, expiresAt: null, createdAt: this.now() });
    return page;
  }

  /** `linkedPageId`: an IG professional account connected to a Page (Instagram via Facebook Login). */
  addInstagramAccount(a: { id?: string; username?: string; token?: string; quotaTotal?: number; linkedPageId?: string } = {}): FakeIgAccount {
    const id = a.id ?? `1784${this.nextId()}`;
    const acc: FakeIgAccount = {
      id,
      username: a.username ?? `kel_ig_${id}`,
      token: a.token ?? `IGQ-${id}`,
      quotaTotal: a.quotaTotal ?? 100,
      quotaDuration: 86_400,
    };
    this.ig.set(id, acc);
    if (a.linkedPageId) this.pages.get(a.linkedPageId)!.igId = id;
    this.tokens.set(acc.token, { platform: 'instagram', kind: 'ig', subject: id, expiresAt: null, createdAt: this.now() });
    return acc;
  }

  addTikTokAccount(
    a: { openId?: string; username?: string; token?: string; privateAccount?: boolean; tokenTtlSec?: number } = {},
  ): FakeTikTokAccount {
    const openId = a.openId ?? `open-${this.nextId()}`;
    const acc: FakeTikTokAccount = {
      openId,
      username: a.username ?? `kel_tt_${openId}`,
      nickname: `Kelurahan ${openId}`,
      token: a.token ?? `act.${openId}`,
      refreshToken: `rft.${openId}.${this.nextId()}`,
      privateAccount: a.privateAccount ?? false,
      privacyOptions: a.privateAccount
        ? ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY']
        : ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
    };
    this.tiktok.set(openId, acc);
    const ttl = a.tokenTtlSec ?? 86_400;
    this.tokens.set(acc.token, { platform: 'tiktok', kind: 'tiktok', subject: openId, expiresAt: this.now() + ttl * 1000, createdAt: this.now() });
    this.refreshTokens.set(acc.refreshToken, { openId, expiresAt: this.now() + 365 * 86_400_000 });
    return acc;
  }

  /** An OAuth code as the platform's dialog would hand to our callback. */
  issueCode(platform: FakePlatform, subject: string): string {
    const code = `code-${platform}-${this.nextId()}`;
    this.codes.set(code, { platform, subject, used: false });
    return code;
  }

  /** Make a token fail from now on as expired (error 190 / access_token_invalid). */
  expireToken(token: string): void {
    const t = this.tokens.get(token);
    if (t) t.expiresAt = this.now() - 1;
  }
}
