import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/accounts/index.js';
import { setRule } from '../../src/modules/compliance/index.js';
import { onboardingChecklist, pendampingOverview } from '../../src/modules/composer/index.js';
import { getProfile, profileCompleteness, updateProfileSection } from '../../src/modules/profile/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 14, point 6: every place that says whether the profile step is done uses the city rule's
// profile completeness minimum — the staff home, the dashboard and the pendamping's overview. A
// unit with a profile between the rule's 60 % and the old fixed 80 % is the case that told them
// apart.

describe(`the profile step follows the city rule everywhere on ${testEngine()}`, () => {
  let a: TestApp;
  let bacang: string;
  let pendamping: Actor;
  const profilStep = (steps: { code: string; done: boolean }[]) => steps.find((s) => s.code === 'profil')!.done;

  beforeAll(async () => {
    a = await createTestApp({ demo: false });
    bacang = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
    const u = await a.t.db.selectFrom('users').selectAll().where('username', '=', 'pendamping').executeTakeFirstOrThrow();
    const units = await a.t.db.selectFrom('user_units').select('unit_id').where('user_id', '=', u.id).execute();
    pendamping = { id: u.id, username: u.username, displayName: u.display_name, role: u.role, regionCode: u.region_code, unitIds: units.map((r) => r.unit_id), mustChangePassword: false };
    expect(pendamping.unitIds).toContain(bacang);
    const item = (nama: string) => ({ items: [{ jenis: 'Umum', nama }] });
    const sections = {
      identitas: { alamatKantor: 'Jl. Bacang No. 1', kodePos: '33121', telepon: '0717 123456', email: 'bacang@contoh.go.id' },
      narasi: { sejarah: 'Bacang berdiri pada tahun 1980.', visi: 'Bacang maju', misi: ['Melayani warga'], sambutanLurah: 'Selamat datang.' },
      aparatur: { items: [{ id: 'l', nama: 'Rahmat', jabatan: 'Lurah' }, { id: 's', nama: 'Siti', jabatan: 'Sekretaris Kelurahan', atasanId: 'l' }, { id: 'k', nama: 'Budi', jabatan: 'Kasi Pemerintahan', atasanId: 'l' }] },
      lembaga: item('LPM Bacang'),
      sarana: item('Posyandu Melati'),
      potensi: item('Kerajinan rotan'),
    } as const;
    for (const [section, data] of Object.entries(sections)) {
      const r = await updateProfileSection(a.t.db, a.clock, { unitId: bacang, section: section as keyof typeof sections, data, actorId: null });
      expect(r.ok, section).toBe(true);
    }
  }, 60_000);
  afterAll(async () => a.close());

  it('a 60–79 % profile is done under a 60 % rule and not under a 75 % rule, in the checklist and the pendamping overview alike', async () => {
    const pct = profileCompleteness((await getProfile(a.t.db, bacang)).profile).overall;
    expect(pct).toBeGreaterThanOrEqual(60);
    expect(pct).toBeLessThan(75);
    for (const [min, done] of [[60, true], [75, false]] as const) {
      expect((await setRule(a.t.db, '19.71', { profileCompletenessMin: min }, null, a.clock)).ok).toBe(true);
      const checklist = await onboardingChecklist(a.t.db, { unitId: bacang, now: a.clock.now(), profileDoneMin: min });
      const overview = (await pendampingOverview(a.t.db, { actor: pendamping, now: a.clock.now() })).find((n) => n.unit.id === bacang)!;
      expect(profilStep(checklist.steps), `rule ${min}`).toBe(done);
      expect(profilStep(overview.onboarding.steps), `overview under rule ${min}`).toBe(done);
      // The unit's staff home, which reads the rule itself, says the same.
      const home = await (await (await a.loginAs('operator.bacang')).get('/admin/unit/bacang')).text();
      const open = /<a href="\/admin\/unit\/bacang\/profil[^"]*">Isi profil kelurahan/.test(home);
      expect(open, `staff home under rule ${min}`).toBe(!done);
    }
  });
});
