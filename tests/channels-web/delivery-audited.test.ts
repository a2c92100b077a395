import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type UnitRef, actorById } from '../../src/modules/accounts/index.js';
import { registerChannel } from '../../src/modules/channels/index.js';
import { completeManualDeliveryAsStaff, enqueueDeliveries, resendDeliveryAsStaff, retryPostChangeAsStaff } from '../../src/modules/publishing/index.js';
import { testEngine } from '../support/test-db.js';
import { channelsWorld, type ChannelsWorld, unitId } from './support.js';

// Issue 19 point 2 for what staff press on a delivery: "Kirim ulang", "Coba lagi" on a failed
// change of a copy, "Sudah diposting". The use cases themselves ask the one publishing policy
// (not only the web's publishGuard) and write the change and its audit entry together: a
// refusal or a change that fails leaves no entry and changes nothing. Each test makes its own
// delivery (a post of its own on the shared channel), so each runs alone or in any order.

describe(`delivery actions audited in their use case on ${testEngine()}`, () => {
  let w: ChannelsWorld;
  let unit: UnitRef & { id: string };
  let operator: Actor;
  let lurah: Actor;
  let channelId = '';
  const deps = () => ({ db: w.a.t.db, clock: w.a.clock });
  const audits = (action: string, deliveryId: string) => w.a.t.db.selectFrom('audit_log').selectAll().where('action', '=', action).where('target', '=', deliveryId).execute();
  const delivery = (deliveryId: string) => w.a.t.db.selectFrom('deliveries').selectAll().where('id', '=', deliveryId).executeTakeFirstOrThrow();
  /** A new delivery of its own post on the unit's manual TikTok channel: it waits for "Sudah diposting". */
  const newDelivery = async (postId: string): Promise<string> => {
    const ids = await enqueueDeliveries(deps(), { unitId: unit.id, postId, targets: [{ channelId, variant: { caption: 'Kerja bakti', imageUrls: [] } }] });
    if (!ids.ok) throw new Error(ids.error);
    const id = ids.value[0]!;
    expect((await delivery(id)).state).toBe('manual_needed');
    return id;
  };
  const actor = async (username: string) => (await actorById(w.a.t.db, (await w.a.t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id))!;

  beforeAll(async () => {
    w = await channelsWorld();
    const bacang = await unitId(w.a, 'bacang');
    unit = await w.a.t.db.selectFrom('units').select(['id', 'parent_id', 'kind', 'region_code']).where('id', '=', bacang).executeTakeFirstOrThrow();
    operator = await actor('operator.bacang');
    lurah = await actor('lurah.bacang');
    // With the Lurah's approval on, the operator prepares but does not publish in the unit's name.
    await w.a.t.db.deleteFrom('composer_settings').where('unit_id', '=', bacang).execute();
    await w.a.t.db.insertInto('composer_settings').values({ unit_id: bacang, approval_required: 1, updated_by: null, updated_at: w.a.clock.now().toISOString() }).execute();
    const ch = await registerChannel(deps(), { unitId: bacang, platform: 'tiktok', profileUrl: 'https://www.tiktok.com/@kel_bacang' });
    if (!ch.ok) throw new Error(ch.error);
    channelId = ch.value.id;
  });
  afterAll(async () => w.close());

  it('"Kirim ulang": refused by the use case to the operator under approval; the Lurah’s is audited; one that fails is not', async () => {
    const deliveryId = await newDelivery('post-resend');
    expect(await resendDeliveryAsStaff(deps(), { actor: operator, unit, deliveryId, checkedAccount: false })).toEqual({ ok: false, error: 'forbidden' });
    expect((await delivery(deliveryId)).state).toBe('manual_needed');
    expect(await audits('delivery.resend', deliveryId)).toEqual([]);

    expect((await resendDeliveryAsStaff(deps(), { actor: lurah, unit, deliveryId, checkedAccount: true })).ok).toBe(true);
    expect((await delivery(deliveryId)).state).toBe('queued');
    const rows = await audits('delivery.resend', deliveryId);
    expect(rows.map((r) => [r.actor_user_id, r.unit_id])).toEqual([[lurah.id, unit.id]]);
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ checkedAccount: true });

    // A queued delivery cannot be sent again: the use case answers not_allowed and writes nothing.
    expect(await resendDeliveryAsStaff(deps(), { actor: lurah, unit, deliveryId, checkedAccount: true })).toEqual({ ok: false, error: 'not_allowed' });
    expect((await audits('delivery.resend', deliveryId)).length).toBe(1);
  });

  it('"Coba lagi" on a change: nothing failed is not_found without an entry; a failed one is queued and audited; the operator is refused', async () => {
    const deliveryId = await newDelivery('post-change-retry');
    expect(await retryPostChangeAsStaff(deps(), { actor: lurah, unit, deliveryId })).toEqual({ ok: false, error: 'not_found' });
    expect(await audits('delivery.change_retry', deliveryId)).toEqual([]);
    const now = w.a.clock.now().toISOString();
    await w.a.t.db.insertInto('delivery_changes').values({ delivery_id: deliveryId, unit_id: unit.id, kind: 'delete', message: null, revision: 1, state: 'failed', attempts: 6, next_attempt_at: null, locked_until: null, reason_code: 'x', reason: null, platform_detail: null, requested_by: null, created_at: now, updated_at: now, done_at: null }).execute();
    expect(await retryPostChangeAsStaff(deps(), { actor: operator, unit, deliveryId })).toEqual({ ok: false, error: 'forbidden' });
    const change = () => w.a.t.db.selectFrom('delivery_changes').select(['state', 'attempts']).where('delivery_id', '=', deliveryId).executeTakeFirstOrThrow();
    expect(await change()).toEqual({ state: 'failed', attempts: 6 });
    expect(await retryPostChangeAsStaff(deps(), { actor: lurah, unit, deliveryId })).toEqual({ ok: true, value: { kind: 'delete' } });
    expect(await change()).toEqual({ state: 'queued', attempts: 0 });
    const rows = await audits('delivery.change_retry', deliveryId);
    expect(rows.map((r) => [r.actor_user_id, JSON.parse(r.detail!)])).toEqual([[lurah.id, { kind: 'delete' }]]);
  });

  it('"Sudah diposting": the operator is refused before the link is looked up; a wrong link changes nothing; the right one is recorded with its entry once', async () => {
    const deliveryId = await newDelivery('post-manual');
    let lookups = 0;
    const lookup = async () => {
      lookups++;
      return null;
    };
    const url = 'https://www.tiktok.com/@kel_bacang/video/7294512345678901235';
    expect(await completeManualDeliveryAsStaff(deps(), { actor: operator, unit, deliveryId, url, lookup })).toEqual({ ok: false, error: 'forbidden' });
    expect(lookups).toBe(0);
    const wrong = await completeManualDeliveryAsStaff(deps(), { actor: lurah, unit, deliveryId, url: 'https://www.tiktok.com/@orang_lain/video/7294512345678901235', lookup });
    expect(!wrong.ok && wrong.error).toBe('wrong_account');
    expect((await delivery(deliveryId)).state).toBe('manual_needed');
    expect(await audits('delivery.manual', deliveryId)).toEqual([]);

    const done = await completeManualDeliveryAsStaff(deps(), { actor: lurah, unit, deliveryId, url, lookup });
    expect(done).toEqual({ ok: true, value: { permalink: url, accountChecked: true } });
    expect((await delivery(deliveryId)).state).toBe('published');
    const activity = await w.a.t.db.selectFrom('channel_activity').select('permalink').where('delivery_id', '=', deliveryId).execute();
    expect(activity).toEqual([{ permalink: url }]);
    expect((await audits('delivery.manual', deliveryId)).map((r) => JSON.parse(r.detail!))).toEqual([{ permalink: url, accountChecked: true }]);

    const again = await completeManualDeliveryAsStaff(deps(), { actor: lurah, unit, deliveryId, url, lookup });
    expect(!again.ok && again.error).toBe('already_published');
    expect((await audits('delivery.manual', deliveryId)).length).toBe(1);
  });
});
