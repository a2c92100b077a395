import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoUsers } from '../../src/modules/accounts/index.js';
import { reminderStatusSource } from '../../src/modules/compliance/index.js';
import { addHolidays, cityUnitOf, createFilePrivateStore, deadlineCountsByUnit, recomputeDeadlines, submitRequest, withPelayananCounts } from '../../src/modules/pelayanan/index.js';
import { ensureDefaultReminderRules, inAppNotifier, runReminders } from '../../src/modules/reminders/index.js';
import { ensureServiceCatalogue } from '../../src/modules/services/index.js';
import { importRegion } from '../../src/modules/units/index.js';
import { FixedClock } from '../../src/shared/clock.js';
import { pelayananWords } from '../../src/main/pelayanan-words.js';
import { reasonText } from '../../src/i18n/monitoring-reasons.js';
import { type TestDb, createTestDb, testEngine } from '../support/test-db.js';
import { DOMISILI_SLOTS as S, docPhoto, makeRequest } from './helpers.js';

// Deadlines in working days with the unit's holidays, from an injected clock (issue 17 point 4),
// and the daily reminders they cause: the unit's operators and lurah for what is near or late,
// the lurah again (escalation) for what is late.

describe(`deadlines and their reminders on ${testEngine()}`, () => {
  let t: TestDb;
  let dir: string;
  let bacang: string;
  let city: string;
  const clock = new FixedClock('2026-11-27T01:00:00Z'); // Friday 27 Nov 2026, 08:00 WIB
  const deps = () => ({ db: t.db, clock, store: createFilePrivateStore(dir), secret: 'x'.repeat(40), region: '19.71', words: pelayananWords() });

  beforeAll(async () => {
    t = await createTestDb();
    dir = mkdtempSync(path.join(os.tmpdir(), 'beranda-deadlines-'));
    await importRegion(t.db, '19.71', clock);
    await ensureDemoUsers(t.db, clock, '19.71');
    await ensureServiceCatalogue(t.db, clock);
    bacang = (await t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    city = (await cityUnitOf(t.db, '19.71'))!.id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts a Friday request\'s day from Monday, skips a unit holiday, and moves open deadlines when one is declared', async () => {
    const photo = await docPhoto();
    const submit = (telepon: string, unitId = bacang) =>
      submitRequest(deps(), {
        unitId, unitName: 'Kelurahan', serviceCode: 'domisili',
        identity: { nama: 'Warga', nik: '1971010101900001', kk: '1971012301150007', telepon, email: '', alamat: 'Jl. A', rt: '1', rw: '1' },
        fields: { ttl: 'Pangkalpinang, 1 Januari 1990', pekerjaan: 'Guru', tinggal_sejak: '2010', keperluan: 'uji' },
        notify: 'none', consent: true, draftToken: null, trackingLink: 'http://x', ip: null,
        files: [{ slot: S.pengantar, name: 'a.jpg', bytes: photo }, { slot: S.ktp, name: 'b.jpg', bytes: photo }, { slot: S.kk, name: 'c.jpg', bytes: photo }],
      });
    const first = await submit('081300000001');
    expect(first.ok).toBe(true);
    const row = async (id: string) => t.db.selectFrom('pelayanan_requests').select(['deadline_at']).where('id', '=', id).executeTakeFirstOrThrow();
    // Friday → end of Monday 30 November (WIB).
    expect((await row(first.ok ? first.requestId : '')).deadline_at).toBe('2026-11-30T17:00:00.000Z');
    // The lurah closes the office on Monday: the same request is now due Tuesday, and a new one too.
    expect((await addHolidays(t.db, clock, { unitId: bacang, from: '2026-11-30', reason: 'Pindah kantor' })).ok).toBe(true);
    expect(await recomputeDeadlines(t.db, { unitIds: [bacang], cityUnitId: city })).toBe(1);
    expect((await row(first.ok ? first.requestId : '')).deadline_at).toBe('2026-12-01T17:00:00.000Z');
    const second = await submit('081300000002');
    expect((await row(second.ok ? second.requestId : '')).deadline_at).toBe('2026-12-01T17:00:00.000Z');
    // A city holiday on Tuesday moves both again, for every unit.
    expect((await addHolidays(t.db, clock, { unitId: city, from: '2026-12-01', reason: 'Cuti bersama' })).ok).toBe(true);
    expect(await recomputeDeadlines(t.db, { unitIds: 'all', cityUnitId: city })).toBe(2);
    expect((await row(second.ok ? second.requestId : '')).deadline_at).toBe('2026-12-02T17:00:00.000Z');
    // Another unit keeps Monday: the unit holiday is Bacang's only.
    const gabek = (await t.db.selectFrom('units').select('id').where('slug', '=', 'gabek-satu').executeTakeFirstOrThrow()).id;
    const other = await submit('081300000003', gabek);
    expect((await row(other.ok ? other.requestId : '')).deadline_at).toBe('2026-11-30T17:00:00.000Z');
    await t.db.deleteFrom('pelayanan_requests').execute();
    await t.db.deleteFrom('pelayanan_holidays').execute();
  });

  it('reminds the unit of near and late requests at 08:00 WIB on working days and escalates late ones to the lurah, once a day', async () => {
    clock.set('2026-11-26T00:30:00Z'); // Thursday 07:30 WIB
    await ensureDefaultReminderRules(t.db, clock, city);
    await makeRequest(t.db, bacang, { deadline_at: '2026-11-25T17:00:00.000Z' }); // late since Wednesday
    await makeRequest(t.db, bacang, { deadline_at: '2026-11-26T17:00:00.000Z', status: 'baru' }); // due today
    await makeRequest(t.db, bacang, { deadline_at: '2026-11-27T17:00:00.000Z' }); // due Friday, the next working day
    await makeRequest(t.db, bacang, { deadline_at: '2026-12-04T17:00:00.000Z' }); // next week: not yet
    await makeRequest(t.db, bacang, { deadline_at: '2026-11-20T17:00:00.000Z', status: 'perlu_perbaikan' }); // waits for the citizen
    await makeRequest(t.db, bacang, { deadline_at: '2026-11-20T17:00:00.000Z', status: 'selesai' });
    expect(await deadlineCountsByUnit(t.db, { now: clock.now(), cityUnitId: city })).toEqual(new Map([[bacang, { near: 3, overdue: 1 }]]));

    const statusSource = withPelayananCounts(reminderStatusSource(t.db, { region: '19.71', publicUrl: 'http://x', reasonText }), { db: t.db, region: '19.71', inboxLink: (slug) => `http://x/admin/unit/${slug}/pelayanan` });
    const run = () => runReminders({ db: t.db, clock, regionCode: '19.71', statusSource, notifiers: { inapp: inAppNotifier(t.db, clock) } });
    const ledger = () => t.db.selectFrom('reminder_ledger').innerJoin('users', 'users.id', 'reminder_ledger.recipient_user_id').select(['users.username', 'reminder_ledger.period_key', 'reminder_ledger.subject', 'reminder_ledger.link'])// One row per channel; the in-app notification is the one every person gets.
      .where('period_key', 'like', 'pelayanan%').where('reminder_ledger.channel', '=', 'inapp').orderBy('users.username').orderBy('period_key').execute();

    await run();
    expect(await ledger()).toEqual([]);
    clock.set('2026-11-26T01:05:00Z'); // 08:05 WIB
    await run();
    expect((await ledger()).map((r) => `${r.username} ${r.period_key}`)).toEqual(['lurah.bacang pelayanan_near:2026-11-26', 'operator.bacang pelayanan_near:2026-11-26']);
    expect((await ledger())[0]!.subject).toContain('Bacang: 3 permohonan warga harus selesai hari ini atau besok');
    expect((await ledger())[0]!.link).toBe('http://x/admin/unit/bacang/pelayanan');
    clock.set('2026-11-26T02:05:00Z'); // 09:05 WIB: the escalation
    await run();
    await run();
    const rows = await ledger();
    expect(rows.map((r) => `${r.username} ${r.period_key}`)).toEqual([
      'lurah.bacang pelayanan_near:2026-11-26',
      'lurah.bacang pelayanan_overdue:2026-11-26',
      'operator.bacang pelayanan_near:2026-11-26',
    ]);
    expect(rows[1]!.subject).toContain('1 permohonan warga');
    // Saturday: no reminders. Monday: again (the late ones are still late).
    clock.set('2026-11-28T03:00:00Z');
    await run();
    expect(await ledger()).toHaveLength(3);
    clock.set('2026-11-30T02:30:00Z');
    await run();
    expect((await ledger()).filter((r) => r.period_key.endsWith('2026-11-30'))).toHaveLength(3);
  });
});
