import { formatNumber, t, wibShortDate } from '../../i18n/index.js';
import {
  type DashboardCharts,
  type DashboardData,
  GRADE_BANDS,
  type RankedRow,
  SCORE_WEIGHTS,
  type UnitRow,
  channelName,
} from '../../modules/reports/index.js';
import { RowVerdict, Section, Svg, percentText } from './components.js';

// Ranking, trend and map pages. Charts are the reports module's server-rendered SVG; each has
// its numbers in a plain table next to it, so a screen reader or a printout loses nothing.

const RANK_LIMIT = 100;
const dec = (n: number) => n.toFixed(1).replace('.', ',');

export function RankingView({ data, linkFor }: { data: DashboardData; linkFor: (r: UnitRow) => string }) {
  return (
    <>
      <Section title={t('dash.rank.kelurahan')} id="peringkat">
        <RankTable rows={data.ranking.kelurahan} linkFor={linkFor} />
      </Section>
      {data.ranking.opd.length > 0 ? (
        <Section title={t('dash.rank.opd')} id="peringkat-opd">
          <RankTable rows={data.ranking.opd} linkFor={linkFor} />
        </Section>
      ) : null}
      <Section title={t('dash.rank.how')} id="cara-nilai">
        <p>{t('dash.rank.how_intro')}</p>
        <ul>
          <li>{t('dash.rank.w.activity', { w: SCORE_WEIGHTS.activity })}</li>
          <li>{t('dash.rank.w.presence', { w: SCORE_WEIGHTS.presence })}</li>
          <li>{t('dash.rank.w.freshness', { w: SCORE_WEIGHTS.freshness })}</li>
          <li>{t('dash.rank.w.profile', { w: SCORE_WEIGHTS.profile })}</li>
          <li>{t('dash.rank.w.integrity', { w: SCORE_WEIGHTS.integrity })}</li>
        </ul>
        <p>{t('dash.rank.bands_intro')}</p>
        <ul>
          {GRADE_BANDS.map((b, i) => (
            <li>{`${t(`reports.grade.${b.key}`)}: ${i === 0 ? `≥ ${b.min}` : `${b.min}–${GRADE_BANDS[i - 1]!.min - 0.1}`.replace('.', ',')}`}</li>
          ))}
        </ul>
        <p class="muted">{t('dash.rank.cap')}</p>
      </Section>
    </>
  );
}

function RankTable({ rows, linkFor }: { rows: RankedRow[]; linkFor: (r: UnitRow) => string }) {
  const cut = rows.length > RANK_LIMIT * 2;
  const shown = cut ? [...rows.slice(0, RANK_LIMIT), null, ...rows.slice(-RANK_LIMIT)] : rows;
  return (
    <div class="table-wrap">
      {cut ? <p class="muted">{t('dash.rank.cut', { shown: RANK_LIMIT, total: formatNumber(rows.length) })}</p> : null}
      <table class="rank">
        <thead>
          <tr>
            <th scope="col">{t('reports.col.rank')}</th>
            <th scope="col">{t('reports.col.unit')}</th>
            <th scope="col">{t('reports.col.score')}</th>
            <th scope="col">{t('reports.col.grade')}</th>
            <th scope="col">{t('reports.col.verdict')}</th>
            <th scope="col">{t('reports.col.streak')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((x) =>
            x === null ? (
              <tr><td colspan={6} class="muted">…</td></tr>
            ) : (
              <tr>
                <td class="num">{x.rank}</td>
                <th scope="row">
                  <a href={linkFor(x.row)}>{x.row.name}</a>
                  {x.row.kecamatanName ? <span class="muted"> · {x.row.kecamatanName}</span> : null}
                </th>
                <td class="num" title={breakdown(x.row)}>{dec(x.row.score.total)}</td>
                <td>{x.row.gradeLabel}</td>
                <td><RowVerdict row={x.row} /></td>
                <td>{x.row.streakLabel}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

const breakdown = (r: UnitRow) =>
  `${t('reports.col.activity')} ${dec(r.score.activity)} · ${t('reports.col.presence')} ${dec(r.score.presence)} · ${t('reports.col.freshness')} ${dec(r.score.freshness)} · ${t('reports.col.profile')} ${dec(r.score.profile)} · ${t('reports.col.integrity')} ${dec(r.score.integrity)}`;

export function TrendView({ data, charts }: { data: DashboardData; charts: DashboardCharts }) {
  const city = data.trend.city.points;
  return (
    <>
      <Section title={t('dash.trend.city')} id="tren-kota">
        <Svg svg={charts.trend} />
        <details>
          <summary>{t('dash.trend.table')}</summary>
          <div class="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('reports.col.period')}</th><th scope="col">{t('reports.col.pass')}</th><th scope="col">{t('reports.col.pass_rate')}</th></tr></thead>
              <tbody>
                {city.map((p) => (
                  <tr><th scope="row">{wibShortDate(new Date(p.periodStart))}</th><td>{`${p.pass} / ${p.assessed}`}</td><td>{percentText(p.rate)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Section>
      {data.trend.byKecamatan.length > 1 ? (
        <Section title={t('dash.trend.kecamatan')} id="tren-kecamatan">
          <Svg svg={charts.kecamatanTrend} />
          <details>
            <summary>{t('dashland.kec_trend.table')}</summary>
            <div class="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('reports.col.kecamatan')}</th><th scope="col">{t('dashland.kec_trend.last')}</th></tr></thead>
                <tbody>
                  {data.trend.byKecamatan.map((k) => {
                    const last = [...k.points].reverse().find((p) => p.rate !== null);
                    return <tr><th scope="row">{k.name}</th><td>{last ? `${percentText(last.rate)} (${last.pass} / ${last.assessed})` : '—'}</td></tr>;
                  })}
                </tbody>
              </table>
            </div>
          </details>
        </Section>
      ) : null}
      <Section title={t('dash.trend.channels')} id="tren-kanal">
        <Svg svg={charts.channels} />
        <details>
          <summary>{t('dash.trend.table')}</summary>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('reports.col.period')}</th>
                  {data.channels.channels.map((c) => <th scope="col">{channelName(c)}</th>)}
                  <th scope="col">{t('reports.col.total')}</th>
                </tr>
              </thead>
              <tbody>
                {data.channels.weeks.map((w) => (
                  <tr>
                    <th scope="row">{wibShortDate(new Date(w.periodStart))}</th>
                    {data.channels.channels.map((c) => <td class="num">{w.byChannel[c] ?? 0}</td>)}
                    <td class="num">{w.total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Section>
    </>
  );
}

export function MapView({ data, charts, linkFor }: { data: DashboardData; charts: DashboardCharts; linkFor: (r: UnitRow) => string }) {
  const missing = data.rows.filter((r) => r.kind !== 'opd' && !r.location);
  return (
    <Section title={t('dash.map.title')} id="peta">
      <p class="muted">{t('dash.map.intro')}</p>
      {/* The markers are links to the drill-down, so the map is a group of links, not one image
          (axe: nested-interactive). */}
      <Svg
        svg={charts.map.replace(' role="img"', ' role="group"')}
        phoneNote={<>{t('dashland.map.phone_note')} <a href="/admin/dasbor">{t('dashland.map.to_status')}</a></>}
      />
      {missing.length > 0 ? (
        <details>
          <summary>{t('dash.map.missing', { count: formatNumber(missing.length) })}</summary>
          <ul class="plain">
            {missing.slice(0, 300).map((r) => (
              <li><a href={linkFor(r)}>{r.name}</a> — <RowVerdict row={r} /></li>
            ))}
          </ul>
        </details>
      ) : null}
    </Section>
  );
}
