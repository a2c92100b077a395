import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNotificationPreferences } from '../../src/modules/reminders/index.js';
import { postMultipart } from '../composer/support.js';
import { type Session, type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 19 point 2 for "Cara saya menerima pengingat" (/admin/akun/pemberitahuan): read with the
// reminders module's notificationPrefsFormSchema; each channel's problem is said next to its own
// address (they were listed at the top only), what was typed stays, and nothing is stored until
// every channel is right (one wrong channel used to leave the others saved).

const errorAt = (html: string, field: string) => new RegExp(`<p class="error" id="f-${field}-err">([^<]*)</p>`).exec(html)?.[1] ?? null;
const ticked = (html: string, name: string) => new RegExp(`name="${name}" value="1" checked`).test(html);

let a: TestApp;
let operator: Session;
let operatorId: string;
beforeAll(async () => {
  a = await createTestApp();
  operator = await a.loginAs('operator.bacang');
  operatorId = (await a.t.db.selectFrom('users').select('id').where('username', '=', 'operator.bacang').executeTakeFirstOrThrow()).id;
});
afterAll(async () => a?.close());

describe(`notification preferences form on ${testEngine()}`, () => {
  it('a Telegram tick without a chat id and a bad WhatsApp number are each said next to their channel; the rest typed stays; nothing stored', async () => {
    const before = await getNotificationPreferences(a.t.db, operatorId);
    const res = await operator.post('/admin/akun/pemberitahuan', { on_email: '1', addr_email: 'lurah@contoh.id', on_telegram: '1', addr_telegram: '', on_whatsapp: '1', addr_whatsapp: 'bukan nomor' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorAt(html, 'addr_telegram')).toContain('Isi ID obrolan Telegram');
    expect(errorAt(html, 'addr_whatsapp')).toBe('Alamat untuk saluran ini tidak sah.');
    expect(errorAt(html, 'addr_email')).toBeNull();
    expect(html).toContain('value="lurah@contoh.id"');
    expect(html).toContain('value="bukan nomor"');
    expect([ticked(html, 'on_email'), ticked(html, 'on_telegram'), ticked(html, 'on_whatsapp'), ticked(html, 'on_inapp')]).toEqual([true, true, true, false]);
    expect(await getNotificationPreferences(a.t.db, operatorId)).toEqual(before);
  });

  it('a chat id sent as a file is the Telegram field’s problem, not a 500', async () => {
    const res = await postMultipart(a, operator, '/admin/akun/pemberitahuan', { on_telegram: '1', on_inapp: '1', addr_email: 'lurah@contoh.id' }, { addr_telegram: { bytes: Buffer.from('5550001'), name: 'id.txt', type: 'text/plain' } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorAt(html, 'addr_telegram')).toContain('Isi ID obrolan Telegram');
    expect(html).toContain('value="lurah@contoh.id"');
  });

  it('a right form stores every channel as typed', async () => {
    const res = await operator.post('/admin/akun/pemberitahuan', { on_telegram: '1', addr_telegram: '5550001', on_whatsapp: '1', addr_whatsapp: '0812 3456 7890', addr_email: '' });
    expect(res.headers.get('location')).toBe('/admin/akun/pemberitahuan?ok=prefs_saved');
    const prefs = await getNotificationPreferences(a.t.db, operatorId);
    expect(prefs.map((p) => [p.channel, p.optedIn, p.address])).toEqual([
      ['email', false, null],
      ['telegram', true, '5550001'],
      ['whatsapp', true, '6281234567890'],
      ['inapp', false, null],
    ]);
  });
});
