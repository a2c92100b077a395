import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { formatDateTime, t, type MessageKey, wibShortDate } from '../../i18n/index.js';
import type { UnitRow } from '../../modules/reports/index.js';
import { assetUrl } from '../assets-route.js';

// Small pieces shared by the dashboard pages. A verdict is never colour alone: every badge has
// a shape and the words, so it reads in grey-scale print, on a projector and for colour-blind
// officials.

export type VerdictKey = 'PASS' | 'FAIL' | 'UNKNOWN' | 'COMPROMISED' | 'NONE' | 'EXEMPT';

const SYMBOL: Record<VerdictKey, string> = { PASS: '✓', FAIL: '✗', UNKNOWN: '?', COMPROMISED: '!', NONE: '–', EXEMPT: '○' };

export function VerdictBadge({ verdict, label }: { verdict: VerdictKey; label: string }) {
  return (
    <span class={`verdict v-${verdict.toLowerCase()}`}>
      <span aria-hidden="true">{SYMBOL[verdict]}</span> {label}
    </span>
  );
}

/** The badge of a grid row; EXEMPT is stored by compliance but shown as its own words. */
export function RowVerdict({ row, exempt }: { row: UnitRow; exempt?: boolean }) {
  if (exempt) return <VerdictBadge verdict="EXEMPT" label={t('monitoring.verdict.EXEMPT')} />;
  return <VerdictBadge verdict={row.verdict ?? 'NONE'} label={row.verdictLabel} />;
}

export function DashStyles() {
  return <link rel="stylesheet" href={assetUrl('dashboard.css')} />;
}

const TABS: [string, MessageKey][] = [
  ['/admin/dasbor', 'dash.tab.status'],
  ['/admin/dasbor/peringkat', 'dash.tab.ranking'],
  ['/admin/dasbor/tren', 'dash.tab.trend'],
  ['/admin/dasbor/peta', 'dash.tab.map'],
  ['/admin/dasbor/unduh', 'dash.tab.export'],
  // Citizens' requests and complaints (issue 17).
  ['/admin/dasbor/pelayanan', 'pw.dash.tab'],
];

export function DashNav({ current, query }: { current: string; query: string }) {
  return (
    <nav class="dash-tabs" aria-label={t('dash.tabs_label')}>
      <ul>
        {TABS.map(([href, key]) => (
          <li>
            <a href={href + query} aria-current={href === current ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function PeriodPicker(p: { action: string; selected: string; choices: { key: string; start: string; end: string }[]; hidden?: Record<string, string> }) {
  return (
    <details class="period-details">
      <summary>{t('dash.change_period')}</summary>
    <form method="get" action={p.action} class="period-form">
      {Object.entries(p.hidden ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <label for="f-periode">{t('dash.period')}</label>
      <div class="row">
        <select id="f-periode" name="periode">
          {p.choices.map((c, i) => (
            <option value={c.key} selected={c.key === p.selected}>
              {periodChoiceLabel(c, i === 0)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">{t('dash.show')}</button>
      </div>
    </form>
    </details>
  );
}

function periodChoiceLabel(c: { start: string; end: string }, isCurrent: boolean): string {
  const last = new Date(Date.parse(c.end) - 1);
  const range = `${wibShortDate(new Date(c.start))} – ${wibShortDate(last)} ${last.getUTCFullYear()}`;
  return isCurrent ? `${range} (${t('dash.this_period')})` : range;
}

export function LastChecked({ at }: { at: string | null }) {
  return <p class="muted">{at ? t('dash.last_check', { time: formatDateTime(at) }) : t('dash.never_checked')}</p>;
}

/** Yes / no / not checked, with a symbol so it does not rely on colour. */
export function Mark({ value, yes, no }: { value: boolean | null; yes?: string; no?: string }) {
  if (value === null) return <span class="mark m-none">– {t('dash.not_checked')}</span>;
  return value ? <span class="mark m-yes">✓ {yes ?? t('dash.yes')}</span> : <span class="mark m-no">✗ {no ?? t('dash.no')}</span>;
}

/** An SVG chart string from the reports module (escaped there), placed as is. */
export function Svg({ svg, label, phoneNote }: { svg: string; label?: string; phoneNote?: Child }) {
  return (
    <>
      <figure class="chart" aria-label={label}>{raw(svg)}</figure>
      <p class="chart-phone-note muted">{phoneNote ?? t('dashland.chart.phone_note')}</p>
    </>
  );
}

export function Section({ title, children, id }: { title: string; children: Child; id?: string }) {
  return (
    <section class="dash-section" id={id} aria-labelledby={id ? `${id}-h` : undefined}>
      <h2 id={id ? `${id}-h` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

export const percentText = (rate: number | null): string => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export const query = (params: Record<string, string | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};
