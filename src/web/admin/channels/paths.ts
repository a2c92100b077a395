import type { Context } from 'hono';
import { t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import { PLATFORMS } from '../../../modules/channels/index.js';

// API platforms are named by their descriptors; registry-only ones here.
export const PLATFORM_LABEL: Record<string, string> = {
  facebook: PLATFORMS.facebook.name,
  instagram: PLATFORMS.instagram.name,
  tiktok: PLATFORMS.tiktok.name,
  youtube: 'YouTube',
  x: 'X',
  whatsapp_channel: 'Saluran WhatsApp',
};
export const platformLabel = (p: string) => PLATFORM_LABEL[p] ?? p;

/** Platforms Beranda can connect by OAuth; the others are registered and posted to by hand. */
export const CONNECTABLE = new Set(['facebook', 'instagram', 'tiktok']);
/** Platforms staff can register here (the registry's link parser knows these). */
export const REGISTRABLE = ['facebook', 'instagram', 'tiktok'] as const;

export const kanalUrl = (slug: string, flash?: string, platform?: string) =>
  `/admin/unit/${slug}/kanal${flash ? `?pesan=${flash}${platform ? `&platform=${platform}` : ''}` : ''}`;
export const kirimanUrl = (slug: string, postId?: string, flash?: string) =>
  `/admin/unit/${slug}/kiriman${postId ? `/${encodeURIComponent(postId)}` : ''}${flash ? `?pesan=${flash}` : ''}`;
export const kitUrl = (slug: string, postId: string, deliveryId: string) =>
  `/admin/unit/${slug}/kiriman/${encodeURIComponent(postId)}/${deliveryId}/manual`;

const KANAL_FLASH: Record<string, 'ok' | 'error' | 'info'> = {
  registered: 'ok',
  connected: 'ok',
  disconnected: 'info',
  revoke_failed: 'error',
  denied: 'info',
  oauth_failed: 'error',
  oauth_expired: 'error',
  missing_scopes: 'error',
  no_app: 'error',
  not_found: 'info',
};
const KIRIMAN_FLASH: Record<string, 'ok' | 'error' | 'info'> = {
  retry: 'ok',
  change_retried: 'ok',
  check_first: 'error',
  not_allowed: 'error',
  not_public: 'error',
  manual_done: 'ok',
  manual_done_unchecked: 'ok',
  not_found: 'info',
};

/**
 * "?pesan=code" → the confirmation to show. Only a known code travels in the URL; the sentence
 * is built here, so a crafted link cannot put words on a staff page.
 */
export function flashOf(c: Context<AppEnv>, area: 'kanal' | 'kiriman'): { kind: 'ok' | 'error' | 'info'; text: string } | null {
  const code = c.req.query('pesan') ?? '';
  const table = area === 'kanal' ? KANAL_FLASH : KIRIMAN_FLASH;
  const kind = table[code];
  if (!kind) return null;
  const platform = PLATFORM_LABEL[c.req.query('platform') ?? ''] ?? '';
  return { kind, text: t(`${area}.flash.${code}`, { platform }) };
}
