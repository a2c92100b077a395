import { WIB_TIME_ZONE } from '../../../shared/wib-time.js';

// The public theme's date and number formatters (its texts come from src/i18n's `t`, like every
// other screen's).
const WIB = WIB_TIME_ZONE;
const dateFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, day: 'numeric', month: 'long', year: 'numeric' });
const dayDateFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, hour: '2-digit', minute: '2-digit', hour12: false });
// Formatters are built once: creating an Intl formatter costs milliseconds.
const eventFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const numFmt = new Intl.NumberFormat('id-ID');

// A page formats the same publish times again and again, and Intl formatting is a visible cost
// of rendering an uncached list; remember recent results (bounded) per formatter.
function memo(format: (d: Date) => string): (iso: string | Date) => string {
  const seen = new Map<string, string>();
  return (iso) => {
    const key = typeof iso === 'string' ? iso : iso.toISOString();
    let out = seen.get(key);
    if (out === undefined) {
      out = format(new Date(key));
      if (seen.size >= 2000) seen.clear();
      seen.set(key, out);
    }
    return out;
  };
}

export const fmtDate = memo((d) => dateFmt.format(d));
export const fmtDayDate = memo((d) => dayDateFmt.format(d));
export const fmtTime = memo((d) => `${timeFmt.format(d).replace('.', ':')} WIB`);
export const fmtEvent = memo((d) => eventFmt.format(d));
export const fmtNum = (n: number) => numFmt.format(n);
