import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectChannel, registerChannel } from '../../src/modules/channels/index.js';
import { enqueueDeliveries, runDelivery } from '../../src/modules/publishing/index.js';
import { testEngine } from '../support/test-db.js';
import type { Session } from '../support/test-app.js';
import { channelsWorld, type ChannelsWorld, unitId } from './support.js';

// Issue 16.5: "Kirim ulang" on a delivery whose outcome stayed unknown first asks staff to look
// at the account — with the link to it — and only a ticked "I checked" re-sends.

describe(`"Kirim ulang" on a "belum pasti" delivery on ${testEngine()}`, () => {
  let w: ChannelsWorld;
  let op: Session;
  let deliveryId = '';
  const postId = 'post-belum-pasti';
  const steps = () => w.a.t.db.selectFrom('delivery_steps').select('key').where('delivery_id', '=', deliveryId).execute();
  const state = async () => (await w.a.t.db.selectFrom('deliveries').select('state').where('id', '=', deliveryId).executeTakeFirstOrThrow()).state;

  beforeAll(async () => {
    w = await channelsWorld();
    op = await w.a.loginAs('operator.bacang');
    const bacang = await unitId(w.a, 'bacang');
    const deps = { db: w.a.t.db, clock: w.a.clock, tokenKey: w.a.services.tokenKey };
    const page = w.fakes.state.addFacebookPage({ username: 'kel.bacang' });
    const reg = await registerChannel(deps, { unitId: bacang, platform: 'facebook', profileUrl: 'https://www.facebook.com/kel.bacang' });
    if (!reg.ok) throw new Error(reg.error);
    await connectChannel(deps, { channelId: reg.value.id, platformAccountId: page.id, tokens: { accessToken: page.token, expiresAt: null } });
    const r = await enqueueDeliveries(deps, { unitId: bacang, postId, targets: [{ channelId: reg.value.id, variant: { caption: 'Pengumuman ronda malam', imageUrls: [] } }] });
    deliveryId = r.ok ? r.value[0]! : '';
    // The connection drops after Facebook posted: the outcome is unknown.
    w.fakes.inject({ op: 'facebook.feed', fault: 'response_lost' });
    await runDelivery(w.a.services.publishing, deliveryId);
    // The automatic lookups are used up (as when the account cannot be read): a person decides now.
    await w.a.t.db.updateTable('deliveries').set({ next_attempt_at: null, reason_code: 'outcome_unknown_check' }).where('id', '=', deliveryId).execute();
  });
  afterAll(async () => w.close());

  it('shows the account to look at and asks for the tick before it re-sends', async () => {
    expect(await state()).toBe('unconfirmed');
    const html = await (await op.get(`/admin/unit/bacang/kiriman/${postId}`)).text();
    expect(html).toContain('href="https://www.facebook.com/kel.bacang"');
    expect(html).toContain('Buka akun Facebook @kel.bacang');
    expect(html).toMatch(/<input type="checkbox" name="checked" value="1" required/);

    // Without the tick (a form sent without the browser's check): nothing is sent or forgotten.
    const refused = await op.post(`/admin/unit/bacang/kiriman/${postId}/${deliveryId}/ulang`);
    expect(refused.headers.get('location')).toBe(`/admin/unit/bacang/kiriman/${postId}?pesan=check_first`);
    expect(await state()).toBe('unconfirmed');
    expect((await steps()).map((s) => s.key)).toContain('post:attempt');

    const sent = await op.post(`/admin/unit/bacang/kiriman/${postId}/${deliveryId}/ulang`, { checked: '1' });
    expect(sent.headers.get('location')).toBe(`/admin/unit/bacang/kiriman/${postId}?pesan=retry`);
    expect(await state()).toBe('queued');
    expect((await steps()).map((s) => s.key)).not.toContain('post:attempt');
  });
});
