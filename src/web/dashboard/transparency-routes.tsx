import { Hono } from 'hono';
import { raw } from 'hono/html';
import { formatDateTime, formatNumber, t } from '../../i18n/index.js';
import { TRANSPARENCY_SETTING, loadReportInput } from '../../modules/compliance/index.js';
import { buildDashboard } from '../../modules/reports/index.js';
import { getCitySetting } from '../../modules/units/index.js';
import { assetUrl } from '../assets-route.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { renderNotFound } from '../errors.js';
import { VerdictBadge, percentText } from './components.js';

// The public transparency page (issue 7 §8), published only when admin kota switches it on: each
// kelurahan's status this week, in words, and nothing else. Reasons, evidence, crawled URLs and
// people stay inside the staff area: a hijacked site is named as such, its spam is not shown.

export function transparencyRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/transparansi', async (c) => {
    if ((await getCitySetting(deps.db, deps.config.region, TRANSPARENCY_SETTING)) !== true) return renderNotFound(c);
    const ctx = await loadReportInput(deps.db, { region: deps.config.region, clock: deps.clock, count: 1 });
    if (!ctx) return renderNotFound(c);
    const d = buildDashboard(ctx.input);
    const k = d.summary.kelurahan;
    c.header('Cache-Control', 'public, max-age=300');
    return c.html(
      <>
        {raw('<!DOCTYPE html>')}
        <html lang="id">
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{`${t('tr.title')} · ${d.regionName}`}</title>
            <meta name="description" content={t('tr.description', { city: d.regionName })} />
            <link rel="stylesheet" href={assetUrl('staff.css')} />
            <link rel="stylesheet" href={assetUrl('dashboard.css')} />
          </head>
          <body>
            <header class="bar">
              <a class="brand" href="/">{d.regionName}</a>
            </header>
            <main class="page" id="isi">
              <h1>{t('tr.title')}</h1>
              <p class="lead">{t('dash.period_label', { period: d.periodLabel })}</p>
              <p>{t('tr.intro')}</p>
              <p class="headline">{t('dash.summary_line', { pass: formatNumber(k.pass), total: formatNumber(k.total), rate: percentText(k.passRate) })}</p>
              {d.groups.map((g) => (
                <section class="card">
                  <h2>{t('dash.grid.kecamatan', { name: g.kecamatanName })}</h2>
                  <ul class="plain">
                    {g.rows.map((r) => (
                      <li class="tr-row">
                        <span>{r.name}</span> <VerdictBadge verdict={r.verdict ?? 'NONE'} label={r.verdictLabel} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
              <p class="muted">{t('tr.updated', { time: formatDateTime(d.generatedAt) })}</p>
              <p class="muted">{t('tr.rule')}</p>
            </main>
          </body>
        </html>
      </>,
    );
  });
  return app;
}
