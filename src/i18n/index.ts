import { messages as captions } from './messages/captions.js';
import { messages as channels } from './messages/channels.js';
import { messages as channelsWeb } from './messages/channels-web.js';
import { messages as composer } from './messages/composer.js';
import { messages as composerEditor } from './messages/composer-editor.js';
import { messages as composerControl } from './messages/composer-control.js';
import { messages as core } from './messages/core.js';
import { messages as dashboard } from './messages/dashboard.js';
import { messages as goingLive } from './messages/going-live.js';
import { messages as hardening } from './messages/hardening.js';
import { messages as monitoringForms } from './messages/monitoring-forms.js';
import { messages as media } from './messages/media.js';
import { messages as monitoring } from './messages/monitoring.js';
import { messages as monitoringWeb } from './messages/monitoring-web.js';
import { messages as monitoringEvidence } from './messages/monitoring-evidence.js';
import { messages as pelayanan } from './messages/pelayanan.js';
import { messages as pelayananWeb } from './messages/pelayanan-web.js';
import { messages as pelayananComplaintsWeb } from './messages/pelayanan-complaints-web.js';
import { messages as pelayananTracking } from './messages/pelayanan-tracking.js';
import { messages as reminders } from './messages/reminders.js';
import { messages as remindersWeb } from './messages/reminders-web.js';
import { messages as reports } from './messages/reports.js';
import { messages as site } from './messages/site.js';
import { messages as siteAdmin } from './messages/site-admin.js';
import { messages as staffHome } from './messages/staff-home.js';
import { messages as dashboardLanding } from './messages/dashboard-landing.js';
import { messages as terms } from './messages/terms.js';
import { messages as socialChanges } from './messages/social-changes.js';
import { messages as profileEditor } from './messages/profile-editor.js';
import { messages as accountProblems } from './messages/account-problems.js';
import { messages as regions } from './messages/regions.js';
import { messages as dates } from './messages/dates.js';
import { messages as unitsWeb } from './messages/units-web.js';
import { messages as staffImport } from './messages/staff-import.js';
import { messages as cliUsers } from './messages/cli-users.js';
import { messages as usersWeb } from './messages/users-web.js';
import { TERM_NAMES, termParams } from './terms.js';
import { WIB_TIME_ZONE } from '../shared/wib-time.js';
import { idNumber, wibDate, wibDateTime, wibDayDate } from './wib-dates.js';

// Indonesian is the source language; English is the fallback for keys an Indonesian catalogue
// lacks (tests/i18n keeps both catalogues in step). Each module adds its catalogue here.
export type Locale = 'id' | 'en';
type Catalogue = { id: Record<string, string>; en: Record<string, string> };

const all = {
  core, channels, channelsWeb, unitsWeb, media, reminders, remindersWeb, reports, monitoring, monitoringWeb, monitoringEvidence, monitoringForms, composer, composerEditor, site, siteAdmin, dashboard, hardening,
  composerControl,
  // Pelayanan digital (issue 17), on its own line so other areas' additions do not collide.
  pelayanan, pelayananWeb, pelayananComplaintsWeb, pelayananTracking,
  // Going live (issue 13).
  goingLive,
  // Platform caption rules (issue 16.5).
  captions,
  // Staff homes, the dashboard's first screen and the region's words (issue 14, staff-reach).
  terms, staffHome, dashboardLanding, profileEditor,
  // What the accounts and units use cases say back (issue 19 point 8).
  accountProblems, staffImport, cliUsers, usersWeb,
  // Changes to social copies already out (issue 14 point 3, staff-compose).
  socialChanges,
  // Many regions in one install (issue 18 point 3).
  regions,
  // Month and day names of dates shown in WIB (wib-dates.ts, issue 20).
  dates,
};
export const catalogues: Record<string, Catalogue> = all;

/** Every key of every catalogue: `t` takes only these, so a typo or a deleted key fails the typecheck. */
export type MessageKey = { [C in keyof typeof all]: keyof (typeof all)[C]['id'] & string }[keyof typeof all];

// "a.b.c" → "a." | "a.b.": the stems a key built at run time may start with.
type Stems<K extends string> = K extends `${infer Head}.${infer Rest}` ? `${Head}.` | `${Head}.${Stems<Rest>}` : never;
/**
 * A key built at run time (`mon.flash.${code}`): its fixed start must be the start of a real key
 * (a typo in it fails the typecheck); tests/i18n/keys-used.test.ts checks the stems it finds.
 */
export type BuiltKey = `${Stems<MessageKey>}${string}`;

const merged: Record<Locale, Record<string, string>> = { id: {}, en: {} };
for (const c of Object.values(catalogues)) {
  Object.assign(merged.id, c.id);
  Object.assign(merged.en, c.en);
}

// Pages ask for dozens of texts with parameters; each text is split at its {placeholders} once
// (odd indexes are names: "a {x} b" → ["a ", "x", " b"]), so filling it in is a join instead of
// a regular-expression pass.
const templates: Record<Locale, Map<string, string[]>> = { id: new Map(), en: new Map() };

/**
 * Translates a key, filling {placeholders}. The region's words ({kel}, {Lurah}, {Kota} … see
 * terms.ts) come from the request's terms unless given; any other placeholder not given stays
 * as written, so gaps are visible.
 */
export function t(key: MessageKey | BuiltKey, params: Record<string, string | number> = {}, locale: Locale = 'id'): string {
  let parts = templates[locale].get(key);
  if (!parts) {
    const text = merged[locale][key] ?? merged.en[key] ?? key;
    parts = text.split(/\{(\w+)\}/);
    templates[locale].set(key, parts);
  }
  if (parts.length === 1) return parts[0]!;
  let words: Record<string, string> | undefined;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = name in params ? String(params[name])
      : TERM_NAMES.includes(name) ? (words ??= termParams(undefined, locale))[name]!
      : `{${name}}`;
    out += value + parts[i + 1]!;
  }
  return out;
}

export { TERM_NAMES, type TermContext, type UnitTermKind, type RegionKind, termParams, withTerms, currentTerms, unitTermKind, DEFAULT_TERMS } from './terms.js';

/** For keys built at run time (`mon.flash.${k}`): narrows to a key `t` accepts. */
export const hasKey = (key: string): key is MessageKey => key in merged.id;

export const TIME_ZONE = WIB_TIME_ZONE;

// Written by arithmetic, as Intl's id-ID formatters write them (wib-dates.ts: no ICU date data).
/** "28 November 2026 pukul 08.00 WIB" — every time shown to people is in WIB. */
export const formatDateTime = (d: Date | string): string => `${wibDateTime(d)} WIB`;
/** "28 November 2026" */
export const formatDate = wibDate;
/** "Sabtu, 28 November 2026" */
export const formatDay = wibDayDate;
/** "1.234.567" */
export const formatNumber = idNumber;
export { wibShortDate, wibTime } from './wib-dates.js';
