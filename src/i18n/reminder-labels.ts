import { hasKey, t } from './index.js';

// A sent reminder's channel and status as staff read them (issue 19 point 3: the reminders
// module answers the codes of its ledger; the unit page and the admin's list say them here).

/** "E-mail", "Notifikasi di Beranda"; a channel without a name is shown as its code. */
export const reminderChannelLabel = (channel: string): string => {
  const key = `reminders.channel.${channel}`;
  return hasKey(key) ? t(key) : channel;
};

/** "Terkirim", "Gagal, akan dicoba lagi". */
export const reminderStatusLabel = (status: string): string => t(`reminders.status.${status}`);
