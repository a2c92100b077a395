import { WIB_TIME_ZONE } from '../shared/wib-time.js';
import { t } from './index.js';

// The words of the monitoring engine's reason codes (issue 19 points 2 and 3). Verdicts store
// reasons as { code, params }, and the report data shared by the dashboard, the exports, the
// unit page and the reminders carries them as they are; each place that shows one says it here.

/** A reason as compliance stores it: a code of `monitoring.reason.<code>` and its values. */
export interface ReasonWords {
  code: string;
  params?: Record<string, string | number>;
}

/**
 * "Situs … tidak dapat dibuka." — ISO instants among the values are written as WIB days. One
 * argument on purpose (Indonesian, as every reader of a verdict so far): `reasons.map(reasonText)`.
 */
export function reasonText(r: ReasonWords | string): string {
  // Anything kept as a sentence rather than a code (report data from before the codes) is shown as written.
  if (typeof r === 'string') return r;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.params ?? {})) {
    params[k] = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)
      ? new Intl.DateTimeFormat('id-ID', { timeZone: WIB_TIME_ZONE, dateStyle: 'long' }).format(new Date(v))
      : v;
  }
  // Reasons stored before a text gained a placeholder lack its value: leave no "{terms}" behind.
  return t(`monitoring.reason.${r.code}`, params)
    .replace(/\s*\(\{\w+\}\)/g, '')
    .replace(/\s*(Contoh|Examples|e\.g\.):?\s*\{\w+\}/g, '')
    .replace(/\{\w+\}\s*/g, '');
}

/** Several reasons in words, one after another, as the rapor's cells list them. */
export const reasonsText = (rs: readonly (ReasonWords | string)[]): string => rs.map(reasonText).join('; ');
