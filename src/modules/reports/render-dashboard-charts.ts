import type { DashboardData } from './build-dashboard.js';
import { channelChartSvg } from './channel-chart-svg.js';
import type { ChartWords } from './chart-words.js';
import { mapSvg, type MapOptions } from './map-svg.js';
import type { Lang } from './text.js';
import { kecamatanTrendSvg, trendChartSvg } from './trend-chart-svg.js';

export interface DashboardCharts {
  trend: string;
  kecamatanTrend: string;
  channels: string;
  map: string;
}

/** All dashboard charts as inline SVG strings, ready to drop into the page (or the PDF), with the caller's words. */
export function renderDashboardCharts(
  data: DashboardData,
  words: ChartWords,
  opts: { lang?: Lang; linkFor?: MapOptions['linkFor']; mapKinds?: 'kelurahan' | 'all' } = {},
): DashboardCharts {
  const lang = opts.lang ?? 'id';
  const mapRows = opts.mapKinds === 'all' ? data.rows : data.rows.filter((r) => r.kind !== 'opd');
  return {
    trend: trendChartSvg(data.trend.city, words),
    kecamatanTrend: kecamatanTrendSvg(data.trend.byKecamatan, words),
    channels: channelChartSvg(data.channels, words),
    map: mapSvg(mapRows, words, { lang, linkFor: opts.linkFor }),
  };
}
