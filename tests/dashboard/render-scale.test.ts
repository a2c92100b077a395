import { describe, expect, it } from 'vitest';
import { buildDashboard } from '../../src/modules/reports/index.js';
import { simulateFleet } from '../../src/fakes/report-fleet.js';
import { renderViews } from '../../src/web/dashboard/render-views.js';

// A province-sized city (the bench's 8,496 simulated kelurahan): the status page asks for a
// kecamatan instead of sending every row, and a kecamatan's page shows exactly its units.

describe('dashboard views at 8,496 units', () => {
  const data = buildDashboard(simulateFleet({ kelurahan: 8_496, opd: 200, now: new Date('2026-11-26T02:05:00Z') }));

  it('renders every view, and the grid lists kecamatan instead of 8,696 rows', async () => {
    const v = await renderViews(data);
    expect(v.status).toContain('Ada 8.696 unit. Pilih satu kecamatan untuk melihat daftarnya.');
    expect(v.status).not.toContain('<table class="grid">');
    expect((v.status.match(/<li><a href="\/admin\/dasbor\?periode=/g) ?? []).length).toBe(data.groups.length);
    expect(v.ranking).toContain('Ditampilkan 100 teratas dan 100 terbawah dari 8.496 unit');
    expect(v.map).toContain('<svg ');
    expect(v.trend).toContain('<svg ');
  });

  it('shows one kecamatan’s kelurahan when filtered', async () => {
    const g = data.groups[3]!;
    const v = await renderViews(data, { kecamatanId: g.kecamatanId! });
    const rows = [...v.status.matchAll(/<tr class="r-\w+"><th scope="row"[^>]*><a href="\/admin\/dasbor\/unit\/([^"]+)"/g)].map((m) => m[1]);
    expect(rows.sort()).toEqual(g.rows.map((r) => r.id).sort());
  });
});
