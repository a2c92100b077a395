import pino from 'pino';
import { loadConfig } from '../src/config/index.js';
import { seedMonitoringDemo } from '../src/main/demo/monitoring-demo.js';
import { ensureDemoUsers } from '../src/modules/accounts/index.js';
import { buildDashboard, raporPdf } from '../src/modules/reports/index.js';
import { simulateFleet } from '../src/fakes/report-fleet.js';
import { importRegion } from '../src/modules/units/index.js';
import { FixedClock } from '../src/shared/clock.js';
import { composeServices } from '../src/main/compose.js';
import { createApp } from '../src/web/app.js';
import { renderViews } from '../src/web/dashboard/render-views.js';
import { createTestDb } from '../tests/support/test-db.js';
import type { BenchRow } from './run.js';

// The pimpinan dashboard as people get it: the real HTTP page on the demo database (42
// kelurahan and 4 OPD with 12 weeks of verdicts, read from SQLite each request), and the same
// views rendered for a simulated city of 8,496 units; plus the PDF rapor for both sizes.

const NOW = new Date('2026-11-26T02:05:00Z'); // Thursday 09:05 WIB

async function median(times: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  out.sort((a, b) => a - b);
  return Math.round(out[Math.floor(out.length / 2)]! * 10) / 10;
}

const row = (name: string, value: number, unit: string, budget?: number): BenchRow =>
  budget === undefined ? { name, value, unit } : { name, value, unit, budget: `≤ ${budget.toLocaleString('en-US')} ${unit}`, ok: value <= budget };

async function httpPage(): Promise<BenchRow[]> {
  const t = await createTestDb();
  try {
    const clock = new FixedClock(NOW);
    const config = { ...loadConfig({ BERANDA_SECRET: 'b'.repeat(40), LOG_LEVEL: 'silent' }) };
    await importRegion(t.db, config.region, clock);
    await ensureDemoUsers(t.db, clock, config.region);
    await seedMonitoringDemo(t.db, clock, { region: config.region, publicUrl: 'http://localhost:3000' });
    const app = createApp({ db: t.db, dialect: t.dialect, config, clock, logger: pino({ level: 'silent' }), services: composeServices({ db: t.db, clock, config }) });
    const form = await app.request('/admin/masuk', { headers: { host: 'localhost' } });
    const csrfCookie = form.headers.getSetCookie().find((c) => c.startsWith('beranda_csrf='))!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
    const login = await app.request('/admin/masuk', {
      method: 'POST',
      headers: { host: 'localhost', cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username: 'walikota', password: 'beranda-demo' }),
    });
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith('beranda_sesi='))!.split(';')[0]!;
    const get = async (path: string) => {
      const r = await app.request(path, { headers: { host: 'localhost', cookie } });
      if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      return r.arrayBuffer();
    };
    await get('/admin/dasbor');
    const out: BenchRow[] = [];
    for (const [path, name, budget] of [
      ['/admin/dasbor', 'status grid', 300],
      ['/admin/dasbor/peta', 'map', 300],
      ['/admin/dasbor/unit/bacang', 'unit drill-down', 300],
      ['/admin/dasbor/rapor.pdf', 'PDF rapor download', 5_000],
    ] as const) {
      out.push(row(`dashboard HTTP ${name}, demo 42 kelurahan + 4 OPD (SQLite)`, await median(path.endsWith('.pdf') ? 3 : 9, () => get(path)), 'ms', budget));
    }
    return out;
  } finally {
    await t.close();
  }
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = await httpPage();
  for (const [n, opd, budgets] of [
    [42, 4, { views: 100, pdf: 3_000 }],
    [8_496, 200, { views: 3_000, pdf: 20_000 }],
  ] as const) {
    const input = simulateFleet({ kelurahan: n, opd, now: NOW, regionName: 'Kota Simulasi' });
    const label = `simulated ${n.toLocaleString('en-US')} kelurahan + ${opd} OPD`;
    await renderViews(buildDashboard(input));
    const views = await median(n > 1000 ? 3 : 9, async () => renderViews(buildDashboard(input)));
    const data = buildDashboard(input);
    const kec = data.groups[0]!.kecamatanId!;
    const one = await median(n > 1000 ? 3 : 9, async () => renderViews(buildDashboard(input), { kecamatanId: kec }));
    const size = (await renderViews(data)).status.length;
    rows.push(row(`dashboard views (data + status, ranking, trend, map HTML), ${label}`, views, 'ms', budgets.views));
    rows.push(row(`dashboard views filtered to one kecamatan, ${label}`, one, 'ms', budgets.views));
    rows.push(row(`status page HTML size, ${label}`, Math.round(size / 1024), 'KB'));
    rows.push(row(`PDF rapor generation, ${label}`, await median(n > 1000 ? 1 : 3, () => raporPdf(data)), 'ms', budgets.pdf));
  }
  return rows;
}
