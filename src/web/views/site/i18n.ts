import { messages } from '../../../i18n/messages/site.js';

// Until the foundation's i18n/index.ts registers this catalogue, the public site reads its own
// Indonesian strings directly; the keys are typed so a typo fails the typecheck.
export type SiteKey = keyof typeof messages.id;

export function t(key: SiteKey, params?: Record<string, string | number>): string {
  const text: string = messages.id[key];
  return params ? text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m)) : text;
}

const WIB = 'Asia/Jakarta';
const dateFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, day: 'numeric', month: 'long', year: 'numeric' });
const dayDateFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, hour: '2-digit', minute: '2-digit', hour12: false });
const shortFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, day: 'numeric', month: 'short' });
// Formatters are built once: creating an Intl formatter costs milliseconds.
const eventFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const numFmt = new Intl.NumberFormat('id-ID');

export const fmtDate = (iso: string | Date) => dateFmt.format(new Date(iso));
export const fmtDayDate = (iso: string | Date) => dayDateFmt.format(new Date(iso));
export const fmtTime = (iso: string | Date) => `${timeFmt.format(new Date(iso)).replace('.', ':')} WIB`;
export const fmtShort = (iso: string | Date) => shortFmt.format(new Date(iso));
export const fmtEvent = (iso: string | Date) => eventFmt.format(new Date(iso));
export const fmtNum = (n: number) => numFmt.format(n);
