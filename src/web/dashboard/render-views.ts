import { jsx } from 'hono/jsx';
import { type DashboardData, type RowFilter, type UnitRow, renderDashboardCharts } from '../../modules/reports/index.js';
import { chartWords } from '../../i18n/chart-words.js';
import { MapView, RankingView, TrendView } from './analysis-views.js';
import { FilterForm, StatusGrid, SummaryBlock } from './status-view.js';

// The dashboard's views as HTML strings from plain DashboardData, without a request or a
// database: the benchmark renders a simulated 8,496-unit city with them, and tests check what
// a province-sized grid looks like.

export interface RenderedViews {
  status: string;
  ranking: string;
  trend: string;
  map: string;
}

export async function renderViews(data: DashboardData, filter: RowFilter = {}): Promise<RenderedViews> {
  const linkFor = (r: UnitRow) => `/admin/dasbor/unit/${r.id}`;
  const o = {
    filter,
    linkFor,
    exempt: () => false,
    kecamatan: data.groups.filter((g) => g.kecamatanId).map((g) => ({ id: g.kecamatanId!, name: g.kecamatanName })),
    periodKey: data.period.key,
    isCurrentPeriod: true,
  };
  const charts = renderDashboardCharts(data, chartWords(), { linkFor });
  const html = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());
  const failing = data.rows.filter((r) => r.verdict !== 'PASS').length;
  return {
    status:
      (await html(jsx(SummaryBlock, { data, kecLink: (id: string | null) => `/admin/dasbor?kecamatan=${id ?? ''}` }))) +
      (await html(jsx(FilterForm, { o, failingCount: failing }))) +
      (await html(jsx(StatusGrid, { data, o }))),
    ranking: await html(jsx(RankingView, { data, linkFor })),
    trend: await html(jsx(TrendView, { data, charts })),
    map: await html(jsx(MapView, { data, charts, linkFor })),
  };
}
