import { type Locale, t } from './index.js';

// The words of a channel alert (issue 19 points 2 and 3): the channels module stores an alert as
// its kind and values (the days left of an "expiring" one), and the unit's staff home and the
// in-app notification say it here, with the account's platform name and handle.

export interface ChannelAlertWords {
  kind: string;
  /** An alert opened before alerts were codes holds its sentence here; '' since. */
  message: string;
  days: number | null;
}

/** "Akun Instagram @kelurahan.bacang perlu dihubungkan ulang. …" */
export function channelAlertText(a: ChannelAlertWords, account: { platform: string; handle: string } | null, locale: Locale = 'id'): string {
  if (a.message) return a.message;
  const params = { platform: account?.platform ?? '', handle: account ? `@${account.handle}` : '', days: a.days ?? 1 };
  return t(a.kind === 'expiring' ? 'channels.alert.expiring' : 'channels.alert.reconnect', params, locale);
}
