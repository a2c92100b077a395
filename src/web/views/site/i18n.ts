import { idNumber, wibDate, wibDayDate, wibEvent, wibTime } from '../../../i18n/wib-dates.js';

// The public theme's date and number formatters (its texts come from src/i18n's `t`, like every
// other screen's). Written by arithmetic in WIB (src/i18n/wib-dates.ts): a public page builds no
// Intl formatter, so a web process that serves only public pages maps no ICU date data (issue 20).
export const fmtDate = wibDate;
export const fmtDayDate = wibDayDate;
export const fmtTime = (d: string | Date): string => `${wibTime(d).replace('.', ':')} WIB`;
export const fmtEvent = wibEvent;
export const fmtNum = idNumber;
