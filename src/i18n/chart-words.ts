import { type Locale, t } from './index.js';

/** The reports' chart words (the reports module's ChartWords) from the reports catalogue. */
export const chartWords = (lang: Locale = 'id') => ({
  trendTitle: t('reports.chart.trend_title', {}, lang),
  kecamatanTitle: t('reports.chart.kecamatan_title', {}, lang),
  channelsTitle: t('reports.chart.channels_title', {}, lang),
  mapTitle: t('reports.chart.map_title', {}, lang),
  noData: t('reports.chart.no_data', {}, lang),
  noKecamatan: t('reports.no_kecamatan', {}, lang),
  noLocation: (count: number) => t('reports.chart.no_location', { count }, lang),
});
