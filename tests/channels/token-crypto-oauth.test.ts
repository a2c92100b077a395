import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startSocialFakes, type SocialFakes } from '../../src/fakes/social/index.js';
import {
  exchangeFacebookCode,
  exchangeTikTokCode,
  extendFacebookToken,
  facebookAuthorizationUrl,
  listFacebookPages,
  refreshTikTokToken,
  revokeTikTokToken,
  tiktokAuthorizationUrl,
} from '../../src/modules/channels/oauth.js';
import { decryptToken, encryptToken, parseTokenKey } from '../../src/modules/channels/token-crypto.js';
import { FixedClock } from '../../src/shared/clock.js';

describe('token encryption at rest', () => {
  const key = parseTokenKey(randomBytes(32).toString('hex'));
  it('round-trips and never stores the token in clear', () => {
    const sealed = encryptToken(key, 'EAAB-secret-token', 'chan-1');
    expect(sealed).not.toContain('secret');
    expect(decryptToken(key, sealed, 'chan-1')).toBe('EAAB-secret-token');
    expect(encryptToken(key, 'EAAB-secret-token', 'chan-1')).not.toBe(sealed);
  });
  it('refuses another key, another row, or a tampered value', () => {
    const sealed = encryptToken(key, 'tok', 'chan-1');
    expect(decryptToken(parseTokenKey(randomBytes(32).toString('base64')), sealed, 'chan-1')).toBeNull();
    expect(decryptToken(key, sealed, 'chan-2')).toBeNull();
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    expect(decryptToken(key, tampered, 'chan-1')).toBeNull();
  });
  it('rejects keys of the wrong size', () => {
    expect(() => parseTokenKey('abcd')).toThrow();
  });
});

describe('OAuth helpers against the fakes', () => {
  let fakes: SocialFakes;
  const clock = new FixedClock('2026-11-28T01:00:00Z');
  beforeAll(async () => {
    fakes = await startSocialFakes({ now: () => clock.now().getTime() });
  });
  afterAll(() => fakes.close());

  it('builds dialog URLs carrying the CSRF state and scopes', () => {
    const fb = new URL(facebookAuthorizationUrl({ clientId: 'app', redirectUri: 'https://b.go.id/cb', state: 's1' }));
    expect(fb.pathname).toBe('/v23.0/dialog/oauth');
    expect(fb.searchParams.get('state')).toBe('s1');
    expect(fb.searchParams.get('scope')).toContain('pages_manage_posts');
    const tt = new URL(tiktokAuthorizationUrl({ clientKey: 'k', redirectUri: 'https://b.go.id/cb', state: 's2' }));
    expect(tt.searchParams.get('client_key')).toBe('k');
    expect(tt.searchParams.get('scope')).toContain('video.publish');
  });

  it('Facebook: code → long-lived user token (lifetime read from the answer) → Page tokens; a used code fails', async () => {
    const page = fakes.state.addFacebookPage({ userId: 'user-7' });
    const deps = { graphBase: fakes.graphUrl, clientId: 'fake-app-id', clientSecret: 'fake-app-secret', clock };
    const code = fakes.state.issueCode('facebook', 'user-7');
    const r = await exchangeFacebookCode(deps, code, 'https://b.go.id/cb');
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.value.expiresAt).toBe(new Date(clock.now().getTime() + 5_183_944_000).toISOString());
    const pages = await listFacebookPages(deps, r.value.accessToken);
    if (!pages.ok) throw new Error('pages');
    expect(pages.value).toEqual([expect.objectContaining({ id: page.id, accessToken: page.token, canPublish: true, instagram: null })]);
    const again = await exchangeFacebookCode(deps, code, 'https://b.go.id/cb');
    expect(!again.ok && again.failure.kind).toBe('rejected');
    // A still-valid long-lived token can be extended; an expired one cannot (reconnect).
    expect((await extendFacebookToken(deps, r.value.accessToken)).ok).toBe(true);
    fakes.state.expireToken(r.value.accessToken);
    const expired = await extendFacebookToken(deps, r.value.accessToken);
    expect(!expired.ok && expired.failure.kind).toBe('reauth_required');
  });

  it('TikTok: code → 24-hour token and refresh token; refresh rotates; a used refresh token needs reconnect; revoke', async () => {
    const acc = fakes.state.addTikTokAccount();
    const deps = { tiktokBase: fakes.url, clientKey: 'fake-client-key', clientSecret: 'fake-client-secret', clock };
    const got = await exchangeTikTokCode(deps, fakes.state.issueCode('tiktok', acc.openId), 'https://b.go.id/cb');
    if (!got.ok) throw new Error(JSON.stringify(got));
    expect(got.value.openId).toBe(acc.openId);
    expect(got.value.expiresAt).toBe(new Date(clock.now().getTime() + 86_400_000).toISOString());
    const refreshed = await refreshTikTokToken(deps, got.value.refreshToken!);
    if (!refreshed.ok) throw new Error('refresh');
    expect(refreshed.value.accessToken).not.toBe(got.value.accessToken);
    expect(refreshed.value.refreshToken).not.toBe(got.value.refreshToken);
    const stale = await refreshTikTokToken(deps, got.value.refreshToken!);
    expect(!stale.ok && stale.failure).toMatchObject({ kind: 'reauth_required', platformCode: 'invalid_grant' });
    expect(await revokeTikTokToken(deps, refreshed.value.accessToken)).toBe('revoked');
    expect(fakes.state.revoked).toContain(refreshed.value.accessToken);
  });
});

describe('Instagram through Facebook Login', () => {
  it('finds the IG account linked to a Page and publishes to it with the Page token', async () => {
    const { instagramProvider } = await import('../../src/modules/channels/providers/instagram.js');
    const clock = new FixedClock('2026-11-28T01:00:00Z');
    const fakes = await startSocialFakes();
    try {
      const page = fakes.state.addFacebookPage({ userId: 'user-9' });
      const ig = fakes.state.addInstagramAccount({ username: 'kel_bacang', linkedPageId: page.id });
      const deps = { graphBase: fakes.graphUrl, clientId: 'fake-app-id', clientSecret: 'fake-app-secret', clock };
      const user = await exchangeFacebookCode(deps, fakes.state.issueCode('facebook', 'user-9'), 'https://b.go.id/cb');
      if (!user.ok) throw new Error('exchange');
      const pages = await listFacebookPages(deps, user.value.accessToken);
      if (!pages.ok) throw new Error('pages');
      expect(pages.value[0]!.instagram).toEqual({ id: ig.id, username: 'kel_bacang' });
      const store: Record<string, string> = {};
      const ctx = { account: { platformAccountId: ig.id, accessToken: pages.value[0]!.accessToken }, steps: store, record: async (k: string, v: string) => void (store[k] = v), forget: async () => {}, now: () => new Date() };
      const p = instagramProvider({ graphBase: fakes.graphUrl, pollIntervalMs: 1, sleep: async () => {} });
      const r = await p.publish({ caption: 'Halo', imageUrls: ['https://m/1.jpg'] }, ctx);
      expect(r.ok && r.value.status).toBe('published');
      expect(fakes.state.postsFor(ig.id)).toHaveLength(1);
      // Another Page's token cannot post to this IG account.
      const other = fakes.state.addFacebookPage();
      const denied = await p.publish({ caption: 'x', imageUrls: ['https://m/1.jpg'] }, { ...ctx, steps: {}, account: { platformAccountId: ig.id, accessToken: other.token } });
      expect(!denied.ok && denied.failure.kind).toBe('reauth_required');
    } finally {
      await fakes.close();
    }
  });
});
