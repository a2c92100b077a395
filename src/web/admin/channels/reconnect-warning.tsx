import type { AlertRow, ChannelRow } from '../../../modules/channels/index.js';
import { t } from '../../../i18n/index.js';
import { channelAlertText } from '../../../i18n/channel-alerts.js';
import { assetUrl } from '../../assets-route.js';
import { kanalUrl, platformLabel } from './paths.js';

// The warning on the unit's staff home when an account must be reconnected (its token expired or
// was revoked) or soon must be (a Facebook/Instagram permission ending within days). The alert is
// said from its kind and days (channelAlertText); this adds the one button that fixes it.

export interface ReconnectWarningData {
  alerts: AlertRow[];
  channels: Map<string, ChannelRow>;
}

export function ReconnectWarning(p: { slug: string; data: ReconnectWarningData; canWrite: boolean }) {
  // One box per account: a reconnect outranks an "expiring soon" for the same channel.
  const byChannel = new Map<string, AlertRow>();
  for (const a of p.data.alerts) {
    const seen = byChannel.get(a.channel_id);
    if (!seen || (seen.kind === 'expiring' && a.kind === 'reconnect')) byChannel.set(a.channel_id, a);
  }
  if (byChannel.size === 0) return null;
  return (
    <section class="reconnect-warning" aria-label={t('kanal.alert.title')}>
      <link rel="stylesheet" href={assetUrl('channels.css')} />
      {[...byChannel.values()].map((a) => {
        const ch = p.data.channels.get(a.channel_id);
        return (
          <div class={`alert-box ${a.kind}`} role={a.kind === 'reconnect' ? 'alert' : 'status'}>
            <h2>
              {platformLabel(ch?.platform ?? '')} {ch ? `@${ch.handle}` : ''}
            </h2>
            <p>{channelAlertText(a, ch ? { platform: platformLabel(ch.platform), handle: ch.handle } : null)}</p>
            {p.canWrite && ch ? (
              <a class="button wide" href={`${kanalUrl(p.slug)}#kanal-${ch.id}`}>
                {t('kanal.alert.reconnect_action')}
              </a>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
