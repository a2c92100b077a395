import { describe, expect, it } from 'vitest';
import { parseLink, verifyManualLink } from '../../src/modules/channels/index.js';

describe('parseLink', () => {
  it('reads handles from profile links on each platform', () => {
    expect(parseLink('facebook', 'https://www.facebook.com/Kel.Bacang')).toEqual({ kind: 'profile', handle: 'kel.bacang' });
    expect(parseLink('instagram', 'https://instagram.com/kel_bacang/')).toEqual({ kind: 'profile', handle: 'kel_bacang' });
    expect(parseLink('tiktok', 'https://www.tiktok.com/@kel_bacang?lang=id')).toEqual({ kind: 'profile', handle: 'kel_bacang' });
  });
  it('tells posts, wrong platforms and junk apart', () => {
    expect(parseLink('tiktok', 'https://www.tiktok.com/@kel_bacang/photo/7294512345678901235')).toMatchObject({ kind: 'post', handle: 'kel_bacang', postId: '7294512345678901235' });
    expect(parseLink('facebook', 'https://www.facebook.com/permalink.php?story_fbid=55&id=123')).toMatchObject({ kind: 'post', postId: '55', accountId: '123' });
    expect(parseLink('instagram', 'https://www.tiktok.com/@x/video/1')).toBe('wrong_platform');
    expect(parseLink('facebook', 'bukan tautan')).toBe('invalid');
    expect(parseLink('tiktok', 'javascript:alert(1)')).toBe('invalid');
  });
});

describe('verifyManualLink', () => {
  const tt = { platform: 'tiktok' as const, handle: 'kel_bacang' };
  it('accepts a post of the registered account and strips tracking parameters', async () => {
    const r = await verifyManualLink(tt, 'https://www.tiktok.com/@Kel_Bacang/video/7294512345678901235?is_from_webapp=1&sender_device=pc');
    expect(r).toEqual({
      ok: true,
      value: { permalink: 'https://www.tiktok.com/@Kel_Bacang/video/7294512345678901235', postId: '7294512345678901235', accountChecked: true, checkedBy: 'url' },
    });
  });
  it('answers codes, not sentences (issue 19 point 2): another account names only the account the link is from', async () => {
    expect(await verifyManualLink(tt, 'https://www.tiktok.com/@orang_lain/video/1')).toEqual({ ok: false, error: 'wrong_account', detail: 'orang_lain' });
    expect(await verifyManualLink(tt, 'https://www.instagram.com/p/Cabc123/')).toEqual({ ok: false, error: 'wrong_platform' });
    expect(await verifyManualLink(tt, 'https://www.tiktok.com/@kel_bacang')).toEqual({ ok: false, error: 'not_a_post' });
    expect(await verifyManualLink(tt, 'bukan tautan')).toEqual({ ok: false, error: 'invalid_url' });
  });
  it('asks the lookup (TikTok oEmbed) when a short link does not name the account', async () => {
    const short = 'https://vm.tiktok.com/ZSabc123/';
    expect(await verifyManualLink(tt, short, async () => 'kel_bacang')).toMatchObject({ ok: true, value: { accountChecked: true, checkedBy: 'lookup' } });
    expect(await verifyManualLink(tt, short, async () => 'penipu')).toMatchObject({ ok: false, error: 'wrong_account' });
    // Unreachable lookup: accepted, but the evidence says the account was not checked.
    expect(await verifyManualLink(tt, short, async () => null)).toMatchObject({ ok: true, value: { accountChecked: false, checkedBy: 'none' } });
  });
  it('checks a Facebook permalink by the Page id when the link carries no username', async () => {
    const fb = { platform: 'facebook' as const, handle: 'kel.bacang', platformAccountId: '123' };
    expect(await verifyManualLink(fb, 'https://www.facebook.com/permalink.php?story_fbid=55&id=123')).toMatchObject({ ok: true, value: { accountChecked: true } });
    expect(await verifyManualLink(fb, 'https://www.facebook.com/permalink.php?story_fbid=55&id=999')).toMatchObject({ ok: false, error: 'wrong_account' });
  });
});

describe('TikTok oEmbed lookup against the fake', () => {
  it('resolves a short share link to its author, and says nothing for unknown links', async () => {
    const { startSocialFakes } = await import('../../src/fakes/social/index.js');
    const { tiktokOEmbedLookup } = await import('../../src/modules/channels/index.js');
    const { tiktokProvider } = await import('../../src/modules/channels/providers/tiktok.js');
    const fakes = await startSocialFakes({ options: { tiktokAudited: true } });
    try {
      const acc = fakes.state.addTikTokAccount({ username: 'kel_bacang' });
      const p = tiktokProvider({ tiktokBase: fakes.url, audited: true, pollIntervalMs: 1, sleep: async () => {} });
      const store: Record<string, string> = {};
      const ctx = {
        account: { platformAccountId: acc.openId, accessToken: acc.token },
        steps: store,
        record: async (k: string, v: string) => void (store[k] = v),
        forget: async () => {},
        now: () => new Date(),
      };
      const r = await p.publish({ caption: 'Posyandu', imageUrls: ['https://m/1.jpg'], privacyLevel: 'PUBLIC_TO_EVERYONE' }, ctx);
      if (!r.ok || r.value.status !== 'published') throw new Error('publish failed');
      const short = fakes.state.shortLinkFor(r.value.post.platformPostId);
      const lookup = tiktokOEmbedLookup({ wwwBase: fakes.url });
      expect(await lookup(short)).toBe('kel_bacang');
      expect(await verifyManualLink({ platform: 'tiktok', handle: 'kel_bacang' }, short, lookup)).toMatchObject({ ok: true, value: { accountChecked: true, checkedBy: 'lookup' } });
      expect(await verifyManualLink({ platform: 'tiktok', handle: 'kel_lain' }, short, lookup)).toMatchObject({ ok: false, error: 'wrong_account' });
      expect(await lookup('https://vm.tiktok.com/ZSunknown/')).toBeNull();
    } finally {
      await fakes.close();
    }
  });
});
