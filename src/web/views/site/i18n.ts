import { messages } from '../../../i18n/messages/site.js';
import { WIB_TIME_ZONE } from '../../../shared/wib-time.js';

// The public site reads its Indonesian catalogue directly; the keys are typed so a typo fails
// the typecheck.
export type SiteKey = keyof typeof messages.id;

// A page asks for a few dozen texts with parameters; each text is split at its {placeholders}
// once, so filling it in is a join instead of a regular-expression pass.
const templates = new Map<string, string[]>();

export function t(key: SiteKey, params?: Record<string, string | number>): string {
  const text: string = messages.id[key];
  if (!params) return text;
  let parts = templates.get(key);
  if (!parts) {
    // Odd indexes are placeholder names: "a {x} b" → ["a ", "x", " b"].
    parts = text.split(/\{(\w+)\}/);
    templates.set(key, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

const WIB = WIB_TIME_ZONE;
const dateFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, day: 'numeric', month: 'long', year: 'numeric' });
const dayDateFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, hour: '2-digit', minute: '2-digit', hour12: false });
const shortFmt = new Intl.DateTimeFormat('id-ID', { timeZone: WIB, day: 'numeric', month: 'short' });
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
export const fmtShort = memo((d) => shortFmt.format(d));
export const fmtEvent = memo((d) => eventFmt.format(d));
export const fmtNum = (n: number) => numFmt.format(n);
