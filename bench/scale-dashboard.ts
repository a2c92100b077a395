import { activeStaffByRegion } from '../src/modules/accounts/index.js';
import { getRule, loadReportInput, periodContaining, verdictsByRegion } from '../src/modules/compliance/index.js';
import { regencyFigures } from '../src/modules/units/index.js';
import { NATIONAL_SCOPE } from '../src/shared/region-scope.js';
import { buildDashboard } from '../src/modules/reports/index.js';
import { FixedClock } from '../src/shared/clock.js';
import { newId } from '../src/shared/ids.js';
import { renderViews } from '../src/web/dashboard/render-views.js';
import { createTestDb, testEngine } from '../tests/support/test-db.js';
import { listFlag } from './_flags.js';
import type { BenchRow } from './run.js';

// Issue 18: the dashboard over every kelurahan and desa of the country (83,762 units; rows
// inserted directly: units under ~7,000 kecamatan, this period's verdict for each). Measured: what
// one dashboard request does — load the report input from the database, build the dashboard data
// and render the status, ranking, trend and map views. Budget ≤ 3 s. On PostgreSQL when
// TEST_DATABASE_URL is set (the deployment a national install runs), else SQLite.
//   npm run bench -- scale-dashboard --units=8496   (one size only, for a quick look)

const NOW = new Date('2026-11-26T02:05:00Z');
const REGION = '99.99';

export async function run(): Promise<BenchRow[]> {
  // Issue 18 asks how the figures grow from 8,496 units to 83,762: both sizes by default.
  const rows: BenchRow[] = [];
  for (const n of listFlag('units', [8_496, 83_762])) rows.push(...(await atSize(n)));
  return rows;
}

async function atSize(n: number): Promise<BenchRow[]> {
  const clock = new FixedClock(NOW);
  const t = await createTestDb();
  try {
    const db = t.db;
    const now = NOW.toISOString();
    const unit = (id: string, kind: 'kota' | 'kecamatan' | 'kelurahan', parent: string | null) => ({
      id, code: null, kind, name: `${kind} ${id}`, slug: id, parent_id: parent, region_code: REGION, settings: '{}', is_demo: 0, created_at: now, updated_at: now,
    });
    await db.insertInto('units').values(unit('kota', 'kota', null)).execute();
    const kecamatan = Math.ceil(n / 12);
    for (let i = 0; i < kecamatan; i += 1_000) {
      await db.insertInto('units').values(Array.from({ length: Math.min(1_000, kecamatan - i) }, (_, k) => unit(`kc${i + k}`, 'kecamatan', 'kota'))).execute();
    }
    const rule = await getRule(db, REGION);
    const period = periodContaining(rule.periodKind, NOW);
    const statuses = ['PASS', 'PASS', 'PASS', 'FAIL', 'UNKNOWN'] as const;
    const seeded = performance.now();
    for (let i = 0; i < n; i += 1_000) {
      const ids = Array.from({ length: Math.min(1_000, n - i) }, (_, k) => i + k);
      await db.insertInto('units').values(ids.map((j) => unit(`kl${j}`, 'kelurahan', `kc${Math.floor(j / 12)}`))).execute();
      await db
        .insertInto('compliance_verdicts')
        .values(
          ids.map((j) => ({
            id: newId(), unit_id: `kl${j}`, period_key: period.key, period_start: period.start, period_end: period.end, status: statuses[j % statuses.length]!,
            reasons: '[]', evidence: '[]', counted_items: j % 3, counted_by_channel: '{}', required_items: 1, alert: 0, ask_for_link: 0, override_dispute_id: null, evaluated_at: now,
          })),
        )
        .execute();
    }
    const seedS = (performance.now() - seeded) / 1000;
    const once = async () => {
      const t0 = performance.now();
      const ctx = await loadReportInput(db, { region: REGION, clock });
      const t1 = performance.now();
      const data = buildDashboard(ctx!.input);
      const views = await renderViews(data);
      return { load: t1 - t0, total: performance.now() - t0, size: views.status.length, units: ctx!.input.units.length };
    };
    // The national overview a national admin lands on ("Wilayah kerja", decision 0017): figures
    // per regency from three aggregate queries over every unit, staff member and verdict.
    const overview = async () => {
      const t0 = performance.now();
      await Promise.all([regencyFigures(db, NATIONAL_SCOPE), activeStaffByRegion(db, NATIONAL_SCOPE), verdictsByRegion(db, NATIONAL_SCOPE, period.key)]);
      return performance.now() - t0;
    };
    await once(); // warm: the first run pays module loading and the database's cold cache
    const r = await once();
    await overview();
    const o = await overview();
    const label = `${r.units.toLocaleString('en-US')} units on ${testEngine()}`;
    return [
      { name: `national dashboard: rows inserted (${label})`, value: seedS, unit: 's' },
      { name: `national dashboard: load report input (${label})`, value: r.load, unit: 'ms' },
      { name: `national dashboard: load + build + render views (${label})`, value: r.total / 1000, unit: 's', budget: '≤ 3 s', ok: r.total <= 3_000 },
      { name: `national dashboard: status page HTML (${label})`, value: r.size / 1024 / 1024, unit: 'MB' },
      { name: `national overview, figures per regency ("Wilayah kerja", ${label})`, value: o, unit: 'ms', budget: '≤ 3000 ms', ok: o <= 3_000 },
    ];
  } finally {
    await t.close();
  }
}
