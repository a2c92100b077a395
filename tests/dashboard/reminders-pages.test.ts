import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDefaultReminderRules, getNotificationPreferences, listNotifications, listReminderRules } from '../../src/modules/reminders/index.js';
import { unitRepository } from '../../src/modules/units/index.js';
import { createTestApp, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Admin kota tunes the reminder rules; each person picks their channels and reads their
// in-app notifications.

let a: TestApp;
let admin: Session;
let operator: Session;
let operatorId = '';

beforeAll(async () => {
  a = await createTestApp();
  const city = (await unitRepository.inRegion(a.t.db, '19.71')).find((u) => u.kind === 'kota')!;
  await ensureDefaultReminderRules(a.t.db, a.clock, city.id);
  admin = await a.loginAs('admin');
  operator = await a.loginAs('operator.bacang');
  operatorId = (await a.t.db.selectFrom('users').select('id').where('username', '=', 'operator.bacang').executeTakeFirstOrThrow()).id;
});
afterAll(async () => a?.close());

describe(`reminder pages on ${testEngine()}`, () => {
  it('lists the city rules and saves a change, refusing an unreadable schedule', async () => {
    const html = await (await admin.get('/admin/pengingat')).text();
    expect(html).toContain('Pengingat Kamis: belum ada konten minggu ini');
    const rule = (await listReminderRules(a.t.db, '19.71')).find((r) => r.trigger === 'no_content')!;
    const form = { ruleId: rule.id, name: rule.name, enabled: '1', threshold: '1', roles: ['operator', 'lurah'], channels: ['inapp', 'email'] };
    let res = await admin.post('/admin/pengingat/aturan', { ...form, schedule: 'tiap kamis' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Jadwal tidak dapat dibaca');
    res = await admin.post('/admin/pengingat/aturan', { ...form, schedule: '0 10 * * 3' });
    expect(res.headers.get('location')).toBe('/admin/pengingat?ok=saved');
    const saved = (await listReminderRules(a.t.db, '19.71')).find((r) => r.id === rule.id)!;
    expect(saved.schedule).toBe('0 10 * * 3');
    expect(saved.channels.sort()).toEqual(['email', 'inapp']);
  });

  it('lets a person choose channels; Telegram needs a chat id', async () => {
    let res = await operator.post('/admin/akun/pemberitahuan', { on_inapp: '1', on_telegram: '1', on_whatsapp: '1', addr_whatsapp: '0812 3456 7890' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Isi ID obrolan Telegram');
    res = await operator.post('/admin/akun/pemberitahuan', { on_inapp: '1', on_whatsapp: '1', addr_whatsapp: '0812 3456 7890' });
    expect(res.status).toBe(303);
    const prefs = await getNotificationPreferences(a.t.db, operatorId);
    expect(prefs.find((p) => p.channel === 'whatsapp')).toEqual({ channel: 'whatsapp', optedIn: true, address: '6281234567890' });
    expect(prefs.find((p) => p.channel === 'email')?.optedIn).toBe(false);
  });

  it('shows a person their own notifications and marks one read', async () => {
    await a.t.db.insertInto('notifications').values({ id: 'n1', user_id: operatorId, unit_id: null, kind: 'reminder', title: 'Belum ada konten minggu ini', body: 'Unggah satu kabar.', link: '/admin/unit/bacang', created_at: '2026-11-25T02:00:00.000Z', read_at: null }).execute();
    const html = await (await operator.get('/admin/notifikasi')).text();
    expect(html).toContain('Belum ada konten minggu ini');
    expect(await (await admin.get('/admin/notifikasi')).text()).not.toContain('Belum ada konten minggu ini');
    await admin.post('/admin/notifikasi/baca', { id: 'n1' });
    expect((await listNotifications(a.t.db, operatorId))[0]!.read).toBe(false);
    await operator.post('/admin/notifikasi/baca', { id: 'n1' });
    expect((await listNotifications(a.t.db, operatorId))[0]!.read).toBe(true);
  });
});
