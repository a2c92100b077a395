import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/accounts/index.js';
import { connectChannelAsStaff, disconnectChannel } from '../../src/modules/channels/index.js';
import { publishingDepsOf } from '../../src/web/admin/channels/channels-deps.js';
import { testEngine } from '../support/test-db.js';
import type { Session } from '../support/test-app.js';
import { browser, channelOf, channelsWorld, type ChannelsWorld, unitId } from './support.js';

// Issue 19 point 2: disconnecting revokes at TikTok first, outside any transaction, then forgets
// the tokens and writes the audit entry in one transaction. A revoke that fails changes nothing
// (the account stays connected and staff can press again); a retry after a revoke whose answer
// was lost (TikTok: token no longer valid) completes. Against the loopback TikTok fake.
// Connecting writes its tokens and its 'channel.connected' entry together, in the use case.

describe(`connecting and disconnecting a TikTok account on ${testEngine()}`, () => {
  let w: ChannelsWorld;
  let op: Session;
  let bacang: string;
  const audits = () => w.a.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'channel.disconnected').execute();

  async function connectTikTok(username: string) {
    const acc = w.fakes.state.addTikTokAccount({ username });
    const ch = await channelOf(w.a, bacang, 'tiktok');
    const b = browser(w.a, op);
    const dialog = new URL((await b.post(`/admin/unit/bacang/kanal/${ch.id}/hubungkan`)).headers.get('location')!);
    const code = w.fakes.state.issueCode('tiktok', acc.openId);
    await b.get(`/integrations/oauth/tiktok/callback?code=${code}&scopes=user.info.basic,video.publish&state=${dialog.searchParams.get('state')}`);
    const row = await channelOf(w.a, bacang, 'tiktok');
    expect(row.state).toBe('connected');
    return { ch: row, token: acc.token };
  }

  beforeAll(async () => {
    w = await channelsWorld();
    op = await w.a.loginAs('operator.bacang');
    bacang = await unitId(w.a, 'bacang');
    expect((await op.post('/admin/unit/bacang/kanal', { platform: 'tiktok', url: 'https://www.tiktok.com/@kel_bacang' })).status).toBe(303);
  });
  afterAll(async () => w.close());

  for (const fault of ['server_error', 'network_error'] as const) {
    it(`a revoke that fails (${fault}) leaves the account connected, unaudited, and pressing again completes it`, async () => {
      const { ch, token } = await connectTikTok(`kel_bacang_${fault}`);
      const before = (await audits()).length;
      w.fakes.inject({ op: 'tiktok.revoke', fault });
      const res = await op.post(`/admin/unit/bacang/kanal/${ch.id}/putuskan`);
      expect(res.headers.get('location')).toBe('/admin/unit/bacang/kanal?pesan=revoke_failed&platform=tiktok');
      expect(await (await op.get(res.headers.get('location')!)).text()).toContain('akun masih tersambung');
      const kept = await channelOf(w.a, bacang, 'tiktok');
      expect(kept.state).toBe('connected');
      expect(kept.access_token_enc).toBe(ch.access_token_enc);
      expect(kept.refresh_token_enc).toBe(ch.refresh_token_enc);
      expect(w.fakes.state.revoked).not.toContain(token);
      expect((await audits()).length).toBe(before);

      expect((await op.post(`/admin/unit/bacang/kanal/${ch.id}/putuskan`)).headers.get('location')).toBe('/admin/unit/bacang/kanal?pesan=disconnected');
      const gone = await channelOf(w.a, bacang, 'tiktok');
      expect(gone.state).toBe('registered');
      expect(gone.access_token_enc).toBeNull();
      expect(w.fakes.state.revoked).toContain(token);
      const rows = await audits();
      expect(rows.length).toBe(before + 1);
      expect(rows.at(-1)).toMatchObject({ unit_id: bacang, target: ch.id });
      expect(JSON.parse(rows.at(-1)!.detail!)).toEqual({ platform: 'tiktok', revoked: true });
    });
  }

  it('after a revoke whose answer was lost (a killed process), TikTok says the token is invalid and the retry completes', async () => {
    const { ch } = await connectTikTok('kel_bacang_killed');
    // The first attempt's revoke reached TikTok, then the process died before the commit: the
    // row still says connected; TikTok now answers 401 access_token_invalid.
    w.fakes.inject({ op: 'tiktok.revoke', fault: 'token_expired' });
    expect((await op.post(`/admin/unit/bacang/kanal/${ch.id}/putuskan`)).headers.get('location')).toBe('/admin/unit/bacang/kanal?pesan=disconnected');
    expect((await channelOf(w.a, bacang, 'tiktok')).state).toBe('registered');
  });

  const unitRef = () => w.a.t.db.selectFrom('units').select(['id', 'parent_id', 'kind', 'region_code']).where('id', '=', bacang).executeTakeFirstOrThrow();
  const stranger = (regionCode: string): Actor => ({ id: 'nobody', username: 'nobody', displayName: 'x', role: 'operator', regionCode, unitIds: [], mustChangePassword: false });
  const connected = () => w.a.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'channel.connected').execute();

  it('the OAuth callback connects with one channel.connected entry naming the account', async () => {
    const before = (await connected()).length;
    const acc = w.fakes.state.tiktok.size;
    const { ch } = await connectTikTok('kel_bacang_audited');
    expect(w.fakes.state.tiktok.size).toBe(acc + 1);
    const rows = await connected();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ unit_id: bacang, target: ch.id, actor_user_id: expect.any(String) });
    expect(JSON.parse(rows.at(-1)!.detail!)).toEqual({ platform: 'tiktok', account: ch.platform_account_id });
  });

  it('connectChannelAsStaff refuses a stranger and a channel of another unit: no token stored, no entry', async () => {
    const unit = await unitRef();
    const ch = await channelOf(w.a, bacang, 'tiktok');
    const before = (await connected()).length;
    const input = { channelId: ch.id, platformAccountId: 'x-1', tokens: { accessToken: 'tok-x', expiresAt: null } };
    const deps = { db: w.a.t.db, clock: w.a.clock, tokenKey: w.a.deps.services.tokenKey };
    expect(await connectChannelAsStaff(deps, { actor: stranger(unit.region_code), unit, ...input })).toEqual({ ok: false, error: 'forbidden' });
    const other = await w.a.t.db.selectFrom('units').select(['id', 'parent_id', 'kind', 'region_code']).where('slug', '=', 'gabek-satu').executeTakeFirstOrThrow();
    const admin: Actor = { ...stranger(unit.region_code), role: 'admin_kota' };
    expect(await connectChannelAsStaff(deps, { actor: admin, unit: other, ...input })).toEqual({ ok: false, error: 'not_found' });
    const row = await channelOf(w.a, bacang, 'tiktok');
    expect(row.platform_account_id).toBe(ch.platform_account_id);
    expect(row.access_token_enc).toBe(ch.access_token_enc);
    expect((await connected()).length).toBe(before);
  });

  it('the use case itself refuses a person who may not write for the unit, before calling TikTok', async () => {
    const { ch } = await connectTikTok('kel_bacang_refused');
    const unit = await unitRef();
    const calls = w.fakes.state.callsOf('tiktok.revoke');
    const before = (await audits()).length;
    const r = await disconnectChannel(publishingDepsOf(w.a.deps), { actor: stranger(unit.region_code), unit, channelId: ch.id });
    expect(r).toEqual({ ok: false, error: 'forbidden' });
    expect(w.fakes.state.callsOf('tiktok.revoke')).toBe(calls);
    expect((await channelOf(w.a, bacang, 'tiktok')).state).toBe('connected');
    expect((await audits()).length).toBe(before);
  });
});
