import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReminderRule, ensureDefaultReminderRules, listReminderRules } from '../../src/modules/reminders/index.js';
import { unitRepository } from '../../src/modules/units/index.js';
import { postMultipart } from '../composer/support.js';
import { type Session, type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 19 point 2 for a reminder rule's form (/admin/pengingat/aturan): read with the reminders
// module's schema; a refused form comes back with what was typed in that rule's form (it drew from
// the saved rule before), each problem next to its field, and a wrong type is a field problem.

/** The rule's own form in the page. */
const formOf = (html: string, id: string) => new RegExp(`<form[^>]*>(?:(?!</form>)[^])*name="ruleId" value="${id}"(?:(?!</form>)[^])*</form>`).exec(html)?.[0] ?? '';
const errorAt = (html: string, field: string, id: string) => new RegExp(`<p class="error" id="f-${field}-${id}-err">([^<]*)</p>`).exec(html)?.[1] ?? null;

let a: TestApp;
let admin: Session;
let rule: ReminderRule;
beforeAll(async () => {
  a = await createTestApp();
  const city = (await unitRepository.inRegion(a.t.db, '19.71')).find((u) => u.kind === 'kota')!;
  await ensureDefaultReminderRules(a.t.db, a.clock, city.id);
  admin = await a.loginAs('admin');
  rule = (await listReminderRules(a.t.db, '19.71')).find((r) => r.trigger === 'no_content')!;
});
afterAll(async () => a?.close());

describe(`reminder rule form on ${testEngine()}`, () => {
  const typed = () => ({ ruleId: rule.id, name: 'Kamis pagi: kabar minggu ini', enabled: '1', schedule: '0 7 * * 4', threshold: '3', roles: ['lurah'], channels: ['email'] });

  it('a schedule that cannot be read is said next to it; the other typed values stay in that rule’s form', async () => {
    const res = await admin.post('/admin/pengingat/aturan', { ...typed(), schedule: 'tiap kamis' });
    expect(res.status).toBe(400);
    const form = formOf(await res.text(), rule.id);
    expect(errorAt(form, 'schedule', rule.id)).toContain('Jadwal tidak dapat dibaca');
    expect(errorAt(form, 'name', rule.id)).toBeNull();
    expect(form).toContain('value="tiap kamis"');
    expect(form).toContain('value="Kamis pagi: kabar minggu ini"');
    expect(form).toContain('value="3"');
    expect(form).toMatch(/value="lurah" checked/);
    expect(form).not.toMatch(/value="operator" checked/);
    expect(form).toMatch(/value="email" checked/);
    expect(form).not.toMatch(/value="inapp" checked/);
    expect((await listReminderRules(a.t.db, '19.71')).find((r) => r.id === rule.id)!.name).toBe(rule.name);
  });

  it('a threshold that is not a number, and no channel, each at its field', async () => {
    const res = await admin.post('/admin/pengingat/aturan', { ...typed(), threshold: 'tiga', channels: [] });
    expect(res.status).toBe(400);
    const form = formOf(await res.text(), rule.id);
    expect(errorAt(form, 'threshold', rule.id)).toContain('bilangan bulat');
    expect(errorAt(form, 'channels', rule.id)).toContain('saluran');
    expect(form).toContain('value="tiga"');
  });

  it('a name sent as a file is the name problem, not a 500', async () => {
    const res = await postMultipart(a, admin, '/admin/pengingat/aturan', { ...typed(), name: [] } as never, { name: { bytes: Buffer.from('x'), name: 'x.txt', type: 'text/plain' } });
    expect(res.status).toBe(400);
    const form = formOf(await res.text(), rule.id);
    expect(errorAt(form, 'name', rule.id)).toContain('Nama aturan');
    expect(form).toContain('value="0 7 * * 4"');
  });

  it('a good form is saved as typed', async () => {
    const res = await admin.post('/admin/pengingat/aturan', typed());
    expect(res.headers.get('location')).toBe('/admin/pengingat?ok=saved');
    const saved = (await listReminderRules(a.t.db, '19.71')).find((r) => r.id === rule.id)!;
    expect([saved.name, saved.schedule, saved.threshold, saved.recipientRoles, saved.channels]).toEqual(['Kamis pagi: kabar minggu ini', '0 7 * * 4', 3, ['lurah'], ['email']]);
  });

  it('"mark as read" with an id sent as a file marks nothing and is not a 500', async () => {
    const res = await postMultipart(a, admin, '/admin/notifikasi/baca', {}, { id: { bytes: Buffer.from('x'), name: 'x.txt', type: 'text/plain' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/notifikasi?ok=read');
  });
});
