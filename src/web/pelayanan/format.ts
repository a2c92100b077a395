import { t } from '../../i18n/index.js';

/** "45 menit", "3,5 jam", "1,2 hari": the median as people say it. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null) return '—';
  const one = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 1 });
  if (minutes < 60) return t('pw.dash.minutes', { n: Math.round(minutes) });
  if (minutes < 24 * 60) return t('pw.dash.hours', { n: one(minutes / 60) });
  return t('pw.dash.days', { n: one(minutes / 1440) });
}
