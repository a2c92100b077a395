import { t } from '../../../i18n/index.js';

/** The staff home's big button to the unit's inbox of citizens' requests, with what waits in it. */
export function PelayananHomeButton(p: { slug: string; badge: { waiting: number; overdue: number; complaints: number } | null }) {
  if (!p.badge) return null;
  return (
    <div class="write-cta">
      <a class="button wide big secondary" href={`/admin/unit/${p.slug}/pelayanan`}>
        {t('pw.home.button')}
      </a>
      <p class="muted">{t('pw.home.counts', p.badge)}</p>
    </div>
  );
}
