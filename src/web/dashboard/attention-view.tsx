import { formatNumber, t } from '../../i18n/index.js';
import { type AttentionItem, type UnitRow } from '../../modules/reports/index.js';

// The dashboard's first screen names names (issue 14, point 6): right under the title, before
// tabs and filters, the units that look taken over and those failing the rule (longest run
// first), so a mayor sees them without scrolling on a phone and at 1920 px. Why each one fails
// is on its unit page, one tap away (and in the rapor).

/** Named on the first screen; the rest are one tap away in the filtered list. */
export const ATTENTION_SHOWN = 5;

export function AttentionBlock(p: { items: AttentionItem[]; uncertain: number; linkFor: (r: UnitRow) => string; allHref: string }) {
  const shown = p.items.slice(0, ATTENTION_SHOWN);
  return (
    <section class="attention card" aria-labelledby="perhatian">
      <h2 id="perhatian">{t('dashland.attention.title')}</h2>
      {shown.length === 0 ? (
        <p>{t('dashland.attention.none')}</p>
      ) : (
        <ul class="attention-list">
          {shown.map((i) => (
            <li class={`att-${i.kind}`}>
              <a href={p.linkFor(i.row)}>{i.row.name}</a>
              <span class="meta">{i.kind === 'hijacked' ? t('dashland.attention.hijacked') : i.failedPeriods > 1 ? t('dashland.attention.fail_run', { n: i.failedPeriods }) : t('dashland.attention.fail_one')}</span>
            </li>
          ))}
        </ul>
      )}
      {p.items.length > shown.length ? <p><a href={p.allHref}>{t('dashland.attention.more', { n: formatNumber(p.items.length) })}</a></p> : null}
      {p.uncertain > 0 ? <p class="meta">{t('dashland.attention.unknown', { n: formatNumber(p.uncertain) })}</p> : null}
    </section>
  );
}
