import { t, wibTime } from '../../../i18n/index.js';
import { platformName } from '../../../modules/channels/index.js';
import { formatDateTime } from '../../../i18n/index.js';
import { wibDay } from '../../../shared/wib-time.js';
import type { UnitDrafts } from '../../../modules/composer/index.js';
import type { AppDeps } from '../../deps.js';

export const draftUrl = (slug: string, id: string) => `/admin/unit/${slug}/kabar/${id}`;
export const discardUrl = (slug: string, id: string, fromHome = false) => `/admin/unit/${slug}/kabar/${id}/hapus${fromHome ? '?dari=beranda' : ''}`;
export const homeUrl = (slug: string, code?: string) => `/admin/unit/${slug}${code ? `?pesan=${code}` : ''}`;

const SIMPLE = new Set(['saved', 'cancelled', 'submitted', 'submitted_pendamping', 'returned', 'comment', 'help_answered', 'approval_on', 'approval_off', 'draft_gone', 'discarded', 'unpublished', 'post_deleted']);

/** The sentence for a "?pesan=" code on the unit home. */
export function homeFlash(code: string, _deps: AppDeps, lists: UnitDrafts): { kind: 'ok' | 'error' | 'info'; text: string } | null {
  if (code === 'scheduled') {
    const next = lists.scheduled[0];
    return next ? { kind: 'ok', text: t('composer.flash.scheduled', { time: formatDateTime(next.publishAt!) }) } : null;
  }
  if (code === 'draft_gone') return { kind: 'info', text: t('composer.flash.draft_gone') };
  return SIMPLE.has(code) ? { kind: 'ok', text: t(`composer.flash.${code}`) } : null;
}


/** "12.13 WIB" when it was today (WIB), the full date and time otherwise. */
export function savedWhen(isoTime: string, now: Date): string {
  const d = new Date(isoTime);
  return wibDay(d) === wibDay(now) ? `${wibTime(d)} WIB` : formatDateTime(d);
}

/** Platform ids from a query value, as names ("facebook,instagram" → "Facebook, Instagram"). */
export function platformList(platforms: string | undefined): string {
  return (platforms ?? '')
    .split(',')
    .filter((p) => /^[a-z]{2,20}$/.test(p))
    .map(platformName)
    .join(', ');
}
