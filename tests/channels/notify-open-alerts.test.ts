import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/schema/index.js';
import { channelAlertText } from '../../src/i18n/channel-alerts.js';
import { type AlertNotification, type AlertRow, type ChannelRow, notifyOpenAlerts, platformName, registerChannel } from '../../src/modules/channels/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { addUnit } from '../site/helpers.js';
import { type TestDb, createTestDb } from '../support/test-db.js';

// A channel that needs reconnecting is told to the people who can fix it — the unit's active lurah
// and operators and the region's admin kota —, once each. (They are found through the accounts
// and units modules since issue 19 point 6.)

let t: TestDb;
const clock = new FixedClock('2026-03-10T03:00:00Z');

async function person(id: string, role: Role, unitIds: string[], status: 'active' | 'disabled' = 'active', region = '19.71') {
  const now = clock.now().toISOString();
  await t.db.insertInto('users').values({ id, username: id, display_name: id, password_hash: 'x', role, region_code: region, email: null, phone: null, status, must_change_password: 0, is_demo: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
  if (unitIds.length) await t.db.insertInto('user_units').values(unitIds.map((unit_id) => ({ user_id: id, unit_id }))).execute();
}

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.close());

describe('notifyOpenAlerts', () => {
  it('tells the unit’s active lurah and operators and the region’s admin kota, once each', async () => {
    const bacang = await addUnit(t.db, { name: 'Bacang', slug: 'bacang' });
    const gabek = await addUnit(t.db, { name: 'Gabek', slug: 'gabek' });
    await person('lurah-bacang', 'lurah', [bacang]);
    await person('operator-bacang', 'operator', [bacang]);
    await person('operator-lama', 'operator', [bacang], 'disabled');
    await person('pendamping', 'pendamping', [bacang]);
    await person('operator-gabek', 'operator', [gabek]);
    await person('admin', 'admin_kota', []);
    await person('admin-lain', 'admin_kota', [], 'active', '19.04');
    const ch = await registerChannel({ db: t.db, clock }, { unitId: bacang, platform: 'instagram', profileUrl: 'https://www.instagram.com/kelurahan.bacang' });
    if (!ch.ok) throw new Error(ch.error);
    await t.db.insertInto('channel_alerts').values({ id: 'a1', unit_id: bacang, channel_id: ch.value.id, kind: 'reconnect', message: 'Sambungkan lagi', days: null, created_at: clock.now().toISOString(), resolved_at: null }).execute();
    const told: AlertNotification[] = [];
    const deps = { db: t.db, clock, alreadySent: async (u: string, link: string) => told.some((n) => n.userId === u && n.link === link), send: async (n: AlertNotification) => void told.push(n), textOf: (a: AlertRow, c: ChannelRow | undefined) => channelAlertText(a, c ? { platform: platformName(c.platform), handle: c.handle } : null) };
    expect(await notifyOpenAlerts(deps)).toEqual({ sent: 3 });
    expect(told.map((n) => n.userId).sort()).toEqual(['admin', 'lurah-bacang', 'operator-bacang']);
    expect(told[0]).toMatchObject({ unitId: bacang, title: 'Bacang', text: 'Sambungkan lagi', link: '/admin/unit/bacang/kanal?peringatan=a1' });
    expect(await notifyOpenAlerts(deps)).toEqual({ sent: 0 });
  });

  it('says an alert stored as its kind in the catalogue’s words, naming the account', async () => {
    const unit = await addUnit(t.db, { name: 'Selindung', slug: 'selindung' });
    await person('lurah-selindung', 'lurah', [unit]);
    const ch = await registerChannel({ db: t.db, clock }, { unitId: unit, platform: 'instagram', profileUrl: 'https://www.instagram.com/kelurahan.selindung' });
    if (!ch.ok) throw new Error(ch.error);
    await t.db.insertInto('channel_alerts').values({ id: 'a2', unit_id: unit, channel_id: ch.value.id, kind: 'reconnect', message: '', days: null, created_at: clock.now().toISOString(), resolved_at: null }).execute();
    const told: AlertNotification[] = [];
    const textOf = (a: AlertRow, c: ChannelRow | undefined) => channelAlertText(a, c ? { platform: platformName(c.platform), handle: c.handle } : null);
    await notifyOpenAlerts({ db: t.db, clock, alreadySent: async (u, link) => told.some((n) => n.userId === u && n.link === link) || !link.endsWith('a2'), send: async (n) => void told.push(n), textOf });
    expect(told.find((n) => n.userId === 'lurah-selindung')!.text).toBe('Akun Instagram @kelurahan.selindung perlu dihubungkan ulang. Tanpa itu, postingan tidak dapat dikirim ke akun ini.');
  });
});
