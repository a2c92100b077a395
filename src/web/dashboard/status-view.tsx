import { formatDate, formatNumber, t } from '../../i18n/index.js';
import { reasonText } from '../../i18n/monitoring-reasons.js';
import { type DashboardData, type RowFilter, type UnitRow, channelName, filterRows } from '../../modules/reports/index.js';
import { Mark, RowVerdict, Section, VerdictBadge, percentText } from './components.js';

// The status grid: one row per unit, grouped by kecamatan, OPD apart. On a phone each row is a
// card (labels come from data-label); from tablet width up it is a table. Above GRID_LIMIT rows
// (a province-sized fleet) the grid asks for a kecamatan first instead of sending megabytes.

export const GRID_LIMIT = 600;
export const PLATFORMS = ['website', 'facebook', 'instagram', 'tiktok', 'youtube', 'x'] as const;

export interface GridOptions {
  filter: RowFilter;
  linkFor: (row: UnitRow) => string;
  exempt: (row: UnitRow) => boolean;
  kecamatan: { id: string; name: string }[];
  periodKey: string;
  isCurrentPeriod: boolean;
}

export function SummaryBlock({ data, kecLink }: { data: DashboardData; kecLink: (id: string | null) => string }) {
  const k = data.summary.kelurahan;
  const o = data.summary.opd;
  return (
    <Section title={t('dash.summary')} id="ringkasan">
      <p class="headline">
        {t('dash.summary_line', { pass: formatNumber(k.pass), total: formatNumber(k.total), rate: percentText(k.passRate) })}
      </p>
      <ul class="tally">
        <li><VerdictBadge verdict="PASS" label={`${t('reports.verdict.PASS')}: ${formatNumber(k.pass)}`} /></li>
        <li><VerdictBadge verdict="FAIL" label={`${t('reports.verdict.FAIL')}: ${formatNumber(k.fail)}`} /></li>
        <li><VerdictBadge verdict="UNKNOWN" label={`${t('reports.verdict.UNKNOWN')}: ${formatNumber(k.unknown)}`} /></li>
        <li><VerdictBadge verdict="COMPROMISED" label={`${t('reports.verdict.COMPROMISED')}: ${formatNumber(k.compromised)}`} /></li>
        {k.none > 0 ? <li><VerdictBadge verdict="NONE" label={`${t('reports.verdict.NONE')}: ${formatNumber(k.none)}`} /></li> : null}
      </ul>
      {o.total > 0 ? <p>{t('dash.summary_opd', { pass: formatNumber(o.pass), total: formatNumber(o.total), rate: percentText(o.passRate) })}</p> : null}
      {data.summary.byKecamatan.length > 1 ? (
        <div class="table-wrap">
          <table class="kec-table">
            <caption>{t('dash.per_kecamatan')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.col.rank')}</th>
                <th scope="col">{t('reports.col.kecamatan')}</th>
                <th scope="col">{t('reports.col.pass')}</th>
                <th scope="col">{t('reports.col.pass_rate')}</th>
                <th scope="col">{t('reports.col.avg_score')}</th>
              </tr>
            </thead>
            <tbody>
              {data.summary.byKecamatan.map((g) => (
                <tr>
                  <td>{g.rank}</td>
                  <th scope="row"><a href={kecLink(g.id)}>{g.name}</a></th>
                  <td>{`${g.tally.pass} / ${g.tally.total}`}</td>
                  <td>{percentText(g.tally.passRate)}</td>
                  <td>{g.avgScore.toFixed(1).replace('.', ',')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Section>
  );
}

export function FilterForm({ o, failingCount }: { o: GridOptions; failingCount: number }) {
  const f = o.filter;
  return (
    <form method="get" action="/admin/dasbor" class="filters card">
      <input type="hidden" name="periode" value={o.periodKey} />
      <fieldset>
        <legend>{t('dash.filter.title')}</legend>
        <label class="check">
          <input type="checkbox" name="gagal" value="1" checked={!!f.failingOnly} /> {t('dash.filter.failing', { count: formatNumber(failingCount) })}
        </label>
        {o.kecamatan.length > 1 ? (
          <div class="field">
            <label for="f-kecamatan">{t('reports.col.kecamatan')}</label>
            <select id="f-kecamatan" name="kecamatan">
              <option value="">{t('dash.filter.all_kecamatan')}</option>
              {o.kecamatan.map((k) => (
                <option value={k.id} selected={k.id === f.kecamatanId}>{k.name}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for="f-platform">{t('dash.filter.platform')}</label>
          <select id="f-platform" name="platform">
            <option value="">{t('dash.filter.all_platforms')}</option>
            {PLATFORMS.map((p) => (
              <option value={p} selected={p === f.platform}>{p === 'website' ? t('dash.has_website') : channelName(p)}</option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">{t('dash.filter.apply')}</button>
          <a class="button secondary" href={`/admin/dasbor?periode=${o.periodKey}`}>{t('dash.filter.clear')}</a>
        </div>
      </fieldset>
    </form>
  );
}

export function StatusGrid({ data, o }: { data: DashboardData; o: GridOptions }) {
  const rows = filterRows(data.rows, o.filter);
  if (rows.length === 0) return <p class="card">{t('dash.grid.empty')}</p>;
  const shown = new Set(rows.map((r) => r.id));
  if (rows.length > GRID_LIMIT) {
    return (
      <Section title={t('dash.grid.title')} id="status">
        <p class="flash flash-info">{t('dash.grid.too_many', { count: formatNumber(rows.length) })}</p>
        <ul class="kec-links">
          {data.groups.map((g) => {
            const n = g.rows.filter((r) => shown.has(r.id)).length;
            return n > 0 ? <li><a href={`/admin/dasbor?periode=${o.periodKey}&kecamatan=${g.kecamatanId ?? ''}${o.filter.failingOnly ? '&gagal=1' : ''}`}>{g.kecamatanName}</a> <span class="muted">({formatNumber(n)})</span></li> : null;
          })}
        </ul>
      </Section>
    );
  }
  const groups = data.groups.map((g) => ({ title: t('dash.grid.kecamatan', { name: g.kecamatanName }), rows: g.rows.filter((r) => shown.has(r.id)) }));
  groups.push({ title: t('dash.grid.opd'), rows: data.opdRows.filter((r) => shown.has(r.id)) });
  return (
    <Section title={t('dash.grid.title')} id="status">
      <p class="muted">{t('dash.grid.count', { count: formatNumber(rows.length) })}</p>
      {groups.filter((g) => g.rows.length > 0).map((g) => (
        <div class="grid-group">
          <h3>{g.title}</h3>
          <table class="grid">
            <thead>
              <tr>
                <th scope="col">{t('reports.col.unit')}</th>
                <th scope="col">{t('reports.col.verdict')}</th>
                <th scope="col">{t('reports.col.website')}</th>
                <th scope="col">{t('reports.col.social')}</th>
                <th scope="col">{t('reports.col.items')}</th>
                <th scope="col">{t('reports.col.score')}</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => <GridRow r={r} o={o} />)}
            </tbody>
          </table>
        </div>
      ))}
    </Section>
  );
}

function GridRow({ r, o }: { r: UnitRow; o: GridOptions }) {
  const w = r.website;
  return (
    <tr class={`r-${(r.verdict ?? 'none').toLowerCase()}`}>
      <th scope="row" data-label={t('reports.col.unit')}>
        <a href={o.linkFor(r)}>{r.name}</a>
        {r.streak.length > 1 ? <span class="streak">{r.streakLabel}</span> : null}
      </th>
      <td data-label={t('reports.col.verdict')}>
        <RowVerdict row={r} exempt={o.exempt(r)} />
        {r.verdict !== 'PASS' && r.reasons[0] ? <span class="reason">{reasonText(r.reasons[0])}</span> : null}
      </td>
      <td data-label={t('reports.col.website')}>
        {w.has ? (
          <ul class="facts">
            <li><Mark value={w.up} yes={t('dash.site.up')} no={t('dash.site.down')} /></li>
            <li><Mark value={w.fresh} yes={t('dash.site.fresh')} no={t('dash.site.stale')} /></li>
            <li><Mark value={w.clean} yes={t('dash.site.clean')} no={t('dash.site.dirty')} /></li>
          </ul>
        ) : (
          <span class="mark m-no">✗ {t('dash.site.none')}</span>
        )}
      </td>
      <td data-label={t('reports.col.social')}>
        {r.socialAccounts.length === 0 ? (
          <span class="mark m-no">✗ {t('dash.social.none')}</span>
        ) : (
          <ul class="facts">
            {r.socialAccounts.map((a) => (
              <li>
                <strong>{channelName(a.platform)}</strong> @{a.handle}
                <span class="muted"> · {a.lastPostAt ? t('dash.social.last', { date: formatDate(a.lastPostAt) }) : t('dash.social.no_post')}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td data-label={t('reports.col.items')} class="num">{formatNumber(r.itemsThisPeriod)}</td>
      <td data-label={t('reports.col.score')} class="num">
        {r.score.total.toFixed(1).replace('.', ',')} <span class="grade">{r.gradeLabel}</span>
      </td>
    </tr>
  );
}
