/** @jsxImportSource #html-jsx */
import { Hono } from 'hono';
import { formatDate, t } from '../../i18n/index.js';
import { verifyLetter } from '../../modules/pelayanan/index.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { cityName, portalChrome } from '../site/context.js';
import { Layout } from '../views/site/layout.js';

// The page a letter's QR code opens: whether the letter is genuine — number, date, issuing unit,
// subject and the signing office — and nothing about the person it was issued to.

const KIND: Record<string, string> = { kelurahan: 'Kelurahan', desa: 'Desa', kecamatan: 'Kecamatan', opd: '', kota: '', kabupaten: '' };

export function verifyRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/verifikasi/:code', async (c) => {
    const code = c.req.param('code').toUpperCase().slice(0, 20);
    const letter = await verifyLetter(deps.db, deps.config.region, code);
    const city = await cityName(deps);
    const chrome = portalChrome(deps, city);
    const page = (
      <Layout meta={{ title: t('pel.verify.title'), description: t('pel.verify.title'), canonical: `${deps.config.publicUrl}/verifikasi/${encodeURIComponent(code)}`, noindex: true }} chrome={chrome}>
        <h1>{t('pel.verify.title')}</h1>
        {letter ? (
          <>
            <p class="hero"><strong>{t('pel.verify.genuine')}</strong></p>
            <dl class="kv panel">
              <dt>{t('pel.verify.number')}</dt><dd>{letter.number}</dd>
              <dt>{t('pel.verify.date')}</dt><dd>{formatDate(letter.issuedAt)}</dd>
              <dt>{t('pel.verify.unit')}</dt><dd>{`${KIND[letter.unitKind] ?? ''} ${letter.unitName}`.trim()}</dd>
              <dt>{t('pel.verify.subject')}</dt><dd>{letter.subject}</dd>
              <dt>{t('pel.verify.signer')}</dt><dd>{letter.signerTitle}</dd>
            </dl>
            <p>{t('pel.verify.compare')}</p>
          </>
        ) : (
          <div class="panel">
            <p><strong>{t('pel.verify.unknown')}</strong></p>
            <p>{t('pel.verify.unknown_hint')}</p>
          </div>
        )}
      </Layout>
    );
    c.header('Cache-Control', 'no-store');
    c.header('X-Robots-Tag', 'noindex');
    return c.html(`<!doctype html>${String(page)}`, letter ? 200 : 404);
  });
  return app;
}
