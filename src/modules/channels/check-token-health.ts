import { iso } from '../../shared/clock.js';
import { listConnectedChannels, openAlert } from './channel-repo.js';
import type { ChannelsDeps } from './deps.js';
import { markNeedsReconnect } from './mark-needs-reconnect.js';
import { inspectFacebookToken } from './oauth.js';
import { providerAccountOf } from './provider-account.js';
import { refreshChannelToken } from './refresh-channel-token.js';

// The daily (and hourly for TikTok) token-health job: refresh what can be refreshed ahead of
// expiry; warn the unit days ahead about what cannot (Facebook/Instagram user tokens, ~60 days,
// renewable only through the dialog); flag what has already lapsed. Expiry times come from the
// platform's own `expires_in`, stored at connect time.

export interface TokenHealthReport {
  refreshed: number;
  warned: number;
  reconnectNeeded: number;
}

export async function checkTokenHealth(
  deps: ChannelsDeps,
  opts: { refreshWithinMs?: number; warnDays?: number } = {},
): Promise<TokenHealthReport> {
  const refreshWithin = opts.refreshWithinMs ?? 2 * 3_600_000;
  const warnMs = (opts.warnDays ?? 10) * 86_400_000;
  const now = deps.clock.now().getTime();
  const report: TokenHealthReport = { refreshed: 0, warned: 0, reconnectNeeded: 0 };
  for (const ch of await listConnectedChannels(deps.db)) {
    let expiresAt = ch.token_expires_at;
    if ((ch.platform === 'facebook' || ch.platform === 'instagram') && deps.facebookApp) {
      // Page tokens say "never expires" yet die on a password change or a lost role; ask Meta.
      const account = providerAccountOf(ch, deps.tokenKey);
      const info = account ? await inspectFacebookToken(deps.facebookApp, account.accessToken) : null;
      if (info?.ok && !info.value.isValid) {
        await markNeedsReconnect(deps, ch);
        report.reconnectNeeded++;
        continue;
      }
      if (info?.ok) expiresAt = [info.value.expiresAt, info.value.dataAccessExpiresAt].filter((x): x is string => !!x).sort()[0] ?? null;
    }
    if (!expiresAt) continue; // Page tokens from a long-lived user token do not expire
    const left = Date.parse(expiresAt) - now;
    if (ch.platform === 'tiktok' && ch.refresh_token_enc) {
      if (left > refreshWithin) continue;
      const r = await refreshChannelToken(deps, ch.id);
      if (r === 'refreshed') report.refreshed++;
      if (r === 'reconnect_needed') report.reconnectNeeded++;
      continue;
    }
    if (left <= 0) {
      await markNeedsReconnect(deps, ch);
      report.reconnectNeeded++;
    } else if (left <= warnMs) {
      const opened = await openAlert(deps.db, {
        unitId: ch.unit_id,
        channelId: ch.id,
        kind: 'expiring',
        days: Math.max(1, Math.ceil(left / 86_400_000)),
        now: iso(deps.clock.now()),
      });
      if (opened) report.warned++;
    }
  }
  return report;
}
