import { type Recipient, DEFAULT_RULES, planReminders } from '../src/modules/reminders/index.js';
import { buildDashboard, raporPdf, raporXlsx, renderDashboardCharts } from '../src/modules/reports/index.js';
import { simulateFleet } from '../src/fakes/report-fleet.js';
import { reasonText } from '../src/i18n/monitoring-reasons.js';
import { chartWords } from '../src/i18n/chart-words.js';
import type { BenchRow } from './run.js';

// The mayor's dashboard for Pangkalpinang's 42 kelurahan and for a simulated fleet of 8,496
// units (12 weeks of verdicts each): computing the data (score, ranking, streaks, trends), the
// server-rendered SVG charts and map, the PDF rapor and the XLSX; plus planning a Thursday
// reminder run across the big fleet. Simulated rows are deterministic (seeded).

const NOW = new Date('2026-11-26T02:05:00Z'); // Thursday 09:05 WIB

async function median(times: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)]!;
}

const row = (name: string, value: number, unit: string, budget?: number): BenchRow =>
  budget === undefined ? { name, value, unit } : { name, value, unit, budget: `≤ ${budget.toLocaleString('en-US')} ${unit}`, ok: value <= budget };

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [n, opd, budgets] of [
    [42, 20, { dash: 50, pdf: 3_000, xlsx: 1_000 }],
    [8_496, 200, { dash: 1_500, pdf: 20_000, xlsx: 15_000 }],
  ] as const) {
    const input = simulateFleet({ kelurahan: n, opd, now: NOW });
    const label = `${n.toLocaleString('en-US')} units`;
    // Warm up the JIT and the lazily loaded font files once, as a running server would be.
    const warm = buildDashboard(input);
    renderDashboardCharts(warm, chartWords());
    const data = await median(n > 1000 ? 3 : 15, () => buildDashboard(input));
    const charts = await median(n > 1000 ? 3 : 15, () => renderDashboardCharts(warm, chartWords()));
    const both = await median(n > 1000 ? 3 : 15, () => renderDashboardCharts(buildDashboard(input), chartWords()));
    rows.push(row(`dashboard data, ${label}`, data, 'ms'));
    rows.push(row(`dashboard SVG charts + map, ${label}`, charts, 'ms'));
    rows.push(row(`dashboard render total (data + charts), ${label}`, both, 'ms', budgets.dash));
    if (n < 1000) await raporPdf(warm); // first PDF loads pdfmake and the fonts
    let bytes = 0;
    const pdf = await median(n > 1000 ? 1 : 5, async () => {
      bytes = (await raporPdf(buildDashboard(input))).length;
    });
    rows.push(row(`PDF rapor generation, ${label}`, pdf, 'ms', budgets.pdf));
    rows.push(row(`PDF rapor size, ${label}`, bytes / 1024, 'KB'));
    const xlsx = await median(n > 1000 ? 1 : 5, () => raporXlsx(warm));
    rows.push(row(`XLSX generation, ${label}`, xlsx, 'ms', budgets.xlsx));
  }

  // Reminder planning across the big fleet: an operator and a lurah per kelurahan, a camat per kecamatan.
  const big = simulateFleet({ kelurahan: 8_496, now: NOW });
  const people: Recipient[] = [];
  const kec = new Set<string>();
  for (const u of big.units) {
    for (const role of ['operator', 'lurah'] as const) {
      people.push({ userId: `${role}-${u.id}`, name: role, role, unitIds: [u.id], email: `${role}@${u.id}.example`, phone: '081200000000', prefs: {} });
    }
    if (u.kecamatanId) kec.add(u.kecamatanId);
  }
  for (const k of kec) people.push({ userId: `camat-${k}`, name: 'camat', role: 'camat', unitIds: [k], email: `camat@${k}.example`, phone: null, prefs: {} });
  const rules = DEFAULT_RULES.map((d) => ({ ...d, id: d.trigger, unitId: 'kota' }));
  const snapshot = {
    periods: big.periods,
    units: big.units.map((u) => ({
      unitId: u.id, unitName: u.name, kind: u.kind, kecamatanId: u.kecamatanId,
      itemsThisPeriod: Object.values(u.history.at(-1)!.items).reduce((a, b) => a + b, 0),
      verdicts: u.history.map((h) => ({ periodKey: h.periodKey, verdict: h.verdict, reasons: h.reasons.map(reasonText) })), siteDownSince: null,
    })),
  };
  let planned = 0;
  const plan = await median(3, () => {
    planned = planReminders(rules, snapshot, people, NOW).length;
  });
  rows.push(row(`plan a Thursday reminder run, 8,496 units / ${people.length.toLocaleString('en-US')} people (${planned.toLocaleString('en-US')} reminders)`, plan, 'ms', 5_000));
  rows.push(row('heap used after reports bench', process.memoryUsage().heapUsed / 1048576, 'MB'));
  return rows;
}
