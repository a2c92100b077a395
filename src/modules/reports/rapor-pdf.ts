import { attentionList } from './attention.js';
import type { DashboardData } from './build-dashboard.js';
import { channelChartSvg, channelName } from './channel-chart-svg.js';
import { renderPdf } from './pdf-fonts.js';
import type { RankedRow } from './ranking.js';
import { t as translate, type MessageKey } from '../../i18n/index.js';
import { reasonText, reasonsText } from '../../i18n/monitoring-reasons.js';
import { chartWords } from '../../i18n/chart-words.js';
import { type Lang, decimal, formatDateWib, formatWib, percent } from './text.js';
import { trendChartSvg } from './trend-chart-svg.js';
import type { Verdict } from './types.js';
import type { UnitRow } from './unit-rows.js';

// The weekly meeting's "rapor": summary, trend, per-kecamatan standing, ranking, each
// kecamatan's kelurahan, failing units with reasons, integrity alerts. Indonesian, with the
// period and the time of generation in WIB on every page.

export interface RaporPdfOptions {
  lang?: Lang;
  /** Above this many ranked units the ranking shows the top and bottom half of it. */
  maxRankingRows?: number;
  /** Above this many kelurahan the per-kecamatan unit tables give way to the spreadsheet. */
  maxDetailUnits?: number;
  /** Above this many failing units the list is cut, worst first; the spreadsheet has all. */
  maxFailingRows?: number;
  /** Units named on page 1 under "Perlu perhatian" (hijacked, then the longest failing). */
  maxAttentionRows?: number;
}

type Node = Record<string, unknown> | string;

const VERDICT_FILL: Record<Verdict | 'NONE', string> = {
  PASS: '#dcfce7',
  FAIL: '#fee2e2',
  UNKNOWN: '#fef3c7',
  COMPROMISED: '#ede9fe',
  NONE: '#f3f4f6',
};

const verdictCell = (r: UnitRow): Node => ({ text: r.verdictLabel, fillColor: VERDICT_FILL[r.verdict ?? 'NONE'], bold: r.verdict !== 'PASS' });

function table(headers: string[], rows: Node[][], widths: (string | number)[]): Node {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows] },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      hLineColor: () => '#9ca3af',
      vLineColor: () => '#9ca3af',
      fillColor: (i: number) => (i === 0 ? '#e5e7eb' : null),
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    style: 'table',
    margin: [0, 4, 0, 10],
  };
}

export function raporDocDefinition(d: DashboardData, opts: RaporPdfOptions = {}): Record<string, unknown> {
  const lang = opts.lang ?? 'id';
  const t = (k: MessageKey, p?: Record<string, string | number>) => translate(k, p, lang);
  const maxRank = opts.maxRankingRows ?? 100;
  const maxDetail = opts.maxDetailUnits ?? 1000;
  const maxFailing = opts.maxFailingRows ?? 500;
  const yesNo = (b: boolean | null) => (b === null ? t('reports.unknown') : b ? t('reports.yes') : t('reports.no'));
  const generated = formatWib(d.generatedAt, lang);
  const periodLine = t('reports.rapor.period', { period: d.periodLabel });

  const content: Node[] = [
    { text: t('reports.rapor.title'), style: 'h1' },
    { text: d.regionName, style: 'h2' },
    { text: periodLine, bold: true },
    { text: t('reports.rapor.generated', { time: generated }), margin: [0, 0, 0, 8] },
    ...attentionNodes(d, t, opts.maxAttentionRows ?? 12),
    { text: t('reports.rapor.summary'), style: 'h2' },
    { text: t('reports.rapor.summary_line', { pass: d.summary.kelurahan.pass, total: d.summary.kelurahan.total, rate: percent(d.summary.kelurahan.passRate, lang) }) },
  ];
  if (d.summary.opd.total > 0) {
    content.push({ text: t('reports.rapor.opd_line', { pass: d.summary.opd.pass, total: d.summary.opd.total, rate: percent(d.summary.opd.passRate, lang) }) });
  }
  const tallyRow = (label: string, x: typeof d.summary.kelurahan): Node[] => [
    label, String(x.total), String(x.pass), String(x.fail), String(x.unknown), String(x.compromised), String(x.none), percent(x.passRate, lang),
  ];
  const tallyHead = [
    '', t('reports.col.units'), t('reports.col.pass'), t('reports.col.fail'), t('reports.col.unknown'), t('reports.col.compromised'),
    translate('reports.verdict.NONE', {}, lang), t('reports.col.pass_rate'),
  ];
  content.push(
    table(tallyHead, [tallyRow(t('reports.kind.kelurahan'), d.summary.kelurahan), ...(d.summary.opd.total ? [tallyRow(t('reports.kind.opd'), d.summary.opd)] : [])], ['*', 40, 50, 55, 45, 45, 45, 55]),
    { text: t('reports.rapor.trend'), style: 'h2' },
    { svg: trendChartSvg(d.trend.city, chartWords(lang), { width: 720, height: 240, fixedSize: true }), width: 515 },
    { svg: channelChartSvg(d.channels, chartWords(lang), { width: 720, height: 270, fixedSize: true }), width: 515, margin: [0, 10, 0, 0] },
    { text: t('reports.rapor.per_kecamatan'), style: 'h2', pageBreak: 'before' },
    table(
      [t('reports.col.rank'), t('reports.col.kecamatan'), t('reports.col.units'), t('reports.col.pass'), t('reports.col.fail'), t('reports.col.unknown'), t('reports.col.compromised'), t('reports.col.pass_rate'), t('reports.col.avg_score')],
      d.summary.byKecamatan.map((k) => [
        String(k.rank), k.name || t('reports.no_kecamatan'), String(k.tally.total), String(k.tally.pass), String(k.tally.fail),
        String(k.tally.unknown), String(k.tally.compromised), percent(k.tally.passRate, lang), decimal(k.avgScore, lang),
      ]),
      [38, '*', 38, 45, 48, 40, 40, 45, 45],
    ),
    { text: t('reports.rapor.score_note'), style: 'note' },
  );

  // Ranking: kelurahan, then OPD.
  content.push({ text: t('reports.rapor.ranking'), style: 'h2', pageBreak: 'before' });
  const rankTable = (ranked: RankedRow[]) => {
    const shown = ranked.length > maxRank ? [...ranked.slice(0, maxRank / 2), ...ranked.slice(-maxRank / 2)] : ranked;
    const out: Node[] = [];
    if (shown.length < ranked.length) out.push({ text: t('reports.rapor.ranking_partial', { shown: maxRank / 2, total: ranked.length }), style: 'note' });
    out.push(
      table(
        [t('reports.col.rank'), t('reports.col.unit'), t('reports.col.kecamatan'), t('reports.col.score'), t('reports.col.grade'), t('reports.col.verdict'), t('reports.col.streak')],
        shown.map(({ rank, row }) => [String(rank), row.name, row.kecamatanName ?? '—', decimal(row.score.total, lang), row.gradeLabel, verdictCell(row), row.streakLabel]),
        [44, '*', 66, 30, 66, 62, 96],
      ),
    );
    return out;
  };
  content.push({ text: t('reports.kind.kelurahan'), style: 'h3' }, ...rankTable(d.ranking.kelurahan));
  if (d.ranking.opd.length) content.push({ text: t('reports.kind.opd'), style: 'h3' }, ...rankTable(d.ranking.opd));

  // Each kecamatan's kelurahan with their channels.
  const kelurahanCount = d.groups.reduce((n, g) => n + g.rows.length, 0);
  if (kelurahanCount <= maxDetail) {
    d.groups.forEach((g, i) => {
      content.push({ text: t('reports.rapor.kecamatan_table', { name: g.kecamatanName || t('reports.no_kecamatan') }), style: 'h2', pageBreak: i === 0 ? 'before' : undefined });
      content.push(
        table(
          [t('reports.col.unit'), t('reports.col.verdict'), t('reports.col.items'), t('reports.col.website'), t('reports.col.site_up'), t('reports.col.site_fresh'), t('reports.col.social'), t('reports.col.score')],
          g.rows.map((r) => [
            r.name, verdictCell(r), String(r.itemsThisPeriod), yesNo(r.website.has), r.website.has ? yesNo(r.website.up) : '—',
            r.website.has ? yesNo(r.website.fresh) : '—', socialText(r, lang), decimal(r.score.total, lang),
          ]),
          ['*', 60, 42, 36, 44, 44, 110, 32],
        ),
      );
    });
  } else {
    content.push({ text: t('reports.rapor.per_kecamatan'), style: 'h2', pageBreak: 'before' }, { text: t('reports.rapor.detail_in_xlsx', { count: kelurahanCount }) });
  }

  content.push({ text: t('reports.rapor.failing'), style: 'h2', pageBreak: 'before' });
  if (d.failing.length === 0) content.push({ text: t('reports.rapor.failing_none') });
  else {
    const shown = d.failing.slice(0, maxFailing);
    if (shown.length < d.failing.length) content.push({ text: t('reports.rapor.failing_partial', { shown: shown.length, total: d.failing.length }), style: 'note' });
    content.push(
      table(
        [t('reports.col.unit'), t('reports.col.kecamatan'), t('reports.col.verdict'), t('reports.col.reasons')],
        shown.map((f) => [f.row.name, f.row.kecamatanName ?? t('reports.kind.opd'), verdictCell(f.row), reasonsText(f.reasons) || '—']),
        [110, 80, 70, '*'],
      ),
    );
  }

  content.push({ text: t('reports.rapor.integrity'), style: 'h2' });
  if (d.integrityAlerts.length === 0) content.push({ text: t('reports.rapor.integrity_none') });
  else {
    content.push(
      table(
        [t('reports.col.unit'), t('reports.col.kecamatan'), t('reports.col.website'), t('reports.col.alerts')],
        d.integrityAlerts.map((r) => [r.name, r.kecamatanName ?? t('reports.kind.opd'), r.website.url ?? '—', reasonsText(r.alerts) || reasonsText(r.reasons)]),
        [100, 80, 130, '*'],
      ),
    );
  }

  return {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    info: {
      title: `${t('reports.rapor.title')} — ${d.regionName} — ${d.periodLabel}`,
      author: 'Beranda',
      subject: periodLine,
      creationDate: new Date(d.generatedAt),
    },
    header: (page: number) =>
      page === 1 ? null : { text: `${d.regionName} · ${periodLine}`, style: 'pageHeader', margin: [40, 20, 40, 0] },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: t('reports.rapor.generated', { time: generated }), style: 'pageHeader' },
        { text: t('reports.rapor.page', { page, pages }), alignment: 'right', style: 'pageHeader' },
      ],
      margin: [40, 16, 40, 0],
    }),
    content,
    defaultStyle: { font: 'NotoSans', fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 13, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 2] },
      th: { bold: true },
      table: { fontSize: 8 },
      note: { fontSize: 8, italics: true, color: '#374151', margin: [0, 0, 0, 6] },
      pageHeader: { fontSize: 7.5, color: '#4b5563' },
    },
  };
}

/** Page 1 names names (issue 14, point 6): who looks taken over, who fails and for how long. */
function attentionNodes(d: DashboardData, t: (k: MessageKey, p?: Record<string, string | number>) => string, max: number): Node[] {
  const items = attentionList(d);
  const out: Node[] = [{ text: t('reports.rapor.attention'), style: 'h2' }];
  if (items.length === 0) return [...out, { text: t('reports.rapor.attention_none') }];
  const shown = items.slice(0, max);
  out.push(
    table(
      [t('reports.col.unit'), t('reports.col.kecamatan'), t('reports.col.since'), t('reports.col.why')],
      shown.map((i) => [
        { text: i.row.name, bold: true },
        i.row.kecamatanName ?? t('reports.kind.opd'),
        { text: i.kind === 'hijacked' ? t('reports.rapor.attention_hijacked') : i.failedPeriods > 1 ? t('reports.rapor.attention_run', { n: i.failedPeriods }) : t('reports.rapor.attention_one'), fillColor: VERDICT_FILL[i.kind === 'hijacked' ? 'COMPROMISED' : 'FAIL'] },
        i.why ? reasonText(i.why) : '—',
      ]),
      [110, 80, 120, '*'],
    ),
  );
  if (items.length > shown.length) out.push({ text: t('reports.rapor.attention_more', { n: items.length - shown.length }), style: 'note' });
  return out;
}

function socialText(r: UnitRow, lang: Lang): string {
  if (r.socialAccounts.length === 0) return translate('reports.none', {}, lang);
  return r.socialAccounts
    .map((a) => `${channelName(a.platform)}: ${a.lastPostAt ? formatDateWib(a.lastPostAt, lang) : translate('reports.never', {}, lang)}`)
    .join('\n');
}

/** The rapor as PDF bytes. */
export function raporPdf(d: DashboardData, opts: RaporPdfOptions = {}): Promise<Buffer> {
  return renderPdf(raporDocDefinition(d, opts));
}
