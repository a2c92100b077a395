// Public surface of the reports module: pure functions over plain rows (no database, no HTTP).
// The dashboard builds a ReportInput from the monitoring engine's verdicts, then:
//   const data = buildDashboard(input);            // summary, grid rows, ranking, trend, …
//   const charts = renderDashboardCharts(data, { linkFor }); // inline SVG strings
//   const pdf = await raporPdf(data);  const xlsx = await raporXlsx(data);
export type { ReportInput, ReportPeriod, ReportReason, ReportUnit, SocialAccountState, UnitPeriodRecord, Verdict, WebsiteState } from './types.js';
export { VERDICTS } from './types.js';
export { attentionList, type AttentionItem } from './attention.js';
export { buildDashboard, filterRows, type DashboardData, type FailingUnit, type RowFilter } from './build-dashboard.js';
export { renderDashboardCharts, type DashboardCharts } from './render-dashboard-charts.js';
export type { ChartWords } from './chart-words.js';
export { trendChartSvg, kecamatanTrendSvg } from './trend-chart-svg.js';
export { channelChartSvg, channelName, CHANNEL_NAMES } from './channel-chart-svg.js';
export { mapSvg, type MapOptions } from './map-svg.js';
export { raporPdf, raporDocDefinition, type RaporPdfOptions } from './rapor-pdf.js';
// Shared with the pelayanan letters (issue 17): one pdfmake printer and one set of fonts.
export { renderPdf } from './pdf-fonts.js';
export { raporXlsx } from './rapor-xlsx.js';
export { scoreUnit, gradeOf, GRADE_BANDS, SCORE_WEIGHTS, COMPROMISED_CAP, type GradeKey, type ScoreBreakdown } from './score.js';
export { rankUnits, rankByCategory, type RankedRow } from './ranking.js';
export { streakOf, consecutiveFailures, type Streak } from './streaks.js';
export { summarize, type Summary, type Tally, type KecamatanSummary } from './summary.js';
export { complianceTrend, itemsByChannel, type ComplianceTrend, type TrendSeries, type TrendPoint, type ItemsByChannel } from './trend.js';
export { buildUnitRows, verdictLabel, streakLabel, type UnitRow } from './unit-rows.js';
export { weeklyPeriod, lastWeeklyPeriods } from './periods.js';
export { formatWib, formatDateWib, formatPeriodRange, raporFileName, type Lang } from './text.js';
