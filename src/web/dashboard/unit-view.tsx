import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema/index.js';
import { formatDate, formatDateTime, t, type MessageKey, wibShortDate } from '../../i18n/index.js';
import { type Dispute, type VerdictRow, listDisputes } from '../../modules/compliance/index.js';
import { reasonText } from '../../i18n/monitoring-reasons.js';
import { reminderChannelLabel, reminderStatusLabel } from '../../i18n/reminder-labels.js';
import { type Onboarding, onboardingChecklist } from '../../modules/composer/index.js';
import { type StoredObservation, getObservations } from '../../modules/monitoring/index.js';
import { sourceLabel } from './source-label.js';
import { type ReminderHistoryItem, listUnitReminders } from '../../modules/reminders/index.js';
import { type UnitRow, channelName } from '../../modules/reports/index.js';
import { CsrfInput } from '../views/form.js';
import { Mark, RowVerdict, Section, VerdictBadge, type VerdictKey } from './components.js';

// The drill-down for one unit: why it stands where it does. Evidence is shown as a timeline of
// what the checks saw (sites, deliveries, synced posts, staff links), the disputes, and the
// reminders sent and to whom, so a camat can call the right person with the facts in hand.

export interface UnitEvidence {
  observations: StoredObservation[];
  disputes: Dispute[];
  reminders: ReminderHistoryItem[];
  onboarding: Onboarding;
}

const LOOKBACK_MS = 28 * 86_400_000;

export async function loadUnitEvidence(db: Kysely<DB>, unitId: string, now: Date, profileDoneMin: number): Promise<UnitEvidence> {
  const [observations, disputes, reminders, onboarding] = await Promise.all([
    getObservations(db, [unitId], new Date(now.getTime() - LOOKBACK_MS).toISOString(), now.toISOString()),
    listDisputes(db, { unitIds: [unitId] }),
    listUnitReminders(db, unitId, 30),
    onboardingChecklist(db, { unitId, now, profileDoneMin }),
  ]);
  return { observations: observations.reverse().slice(0, 80), disputes: disputes.reverse(), reminders, onboarding };
}

export interface UnitViewProps {
  row: UnitRow;
  verdict: VerdictRow | undefined;
  evidence: UnitEvidence;
  /** Oldest first: the verdict of each of the last periods. */
  history: { key: string; start: string; verdict: VerdictKey }[];
  canAct: boolean;
  /** The city rule's profile threshold, 0–100 (0: not checked). */
  profileMin: number;
  /** Social accounts the rule requires (0: the checklist does not ask for one). */
  socialMin?: number;
  csrf: string;
  slug: string;
}

export function UnitView(p: UnitViewProps) {
  const { row } = p;
  return (
    <>
      <p class="muted">{row.kecamatanName ? t('dash.unit.in_kecamatan', { name: row.kecamatanName }) : t('reports.kind.opd')}</p>
      <div class="unit-head card">
        <RowVerdict row={row} exempt={p.verdict?.status === 'EXEMPT'} />
        <p class="score">{t('dash.unit.score', { score: row.score.total.toFixed(1).replace('.', ','), grade: row.gradeLabel })}</p>
        {row.streak.length > 0 ? <p>{row.streakLabel}</p> : null}
        {(p.verdict?.reasons ?? []).length > 0 ? (
          <ul class="reasons">
            {p.verdict!.reasons.map((r) => <li>{reasonText(r)}</li>)}
          </ul>
        ) : row.verdict === null ? <p>{t('dash.unit.no_verdict')}</p> : null}
        {p.verdict ? <p class="muted">{t('dash.unit.evaluated', { time: formatDateTime(p.verdict.evaluatedAt) })}</p> : null}
        {p.canAct ? (
          <form method="post" action={`/admin/dasbor/unit/${p.slug}/periksa`}>
            <CsrfInput token={p.csrf} />
            <button type="submit" class="secondary">{t('dash.unit.recheck')}</button>
          </form>
        ) : null}
      </div>

      <Section title={t('dash.unit.history')} id="riwayat">
        <HistoryStrip history={p.history} />
      </Section>

      <Section title={t('dash.unit.checklist')} id="daftar-periksa">
        <ul class="checklist">
          {/* Lines follow the rule and the verdict: nothing "not checked yet", no missing account the rule does not ask for. */}
          <li><Mark value={row.website.has} yes={t('dash.check.website')} no={t('dash.check.website_missing')} /></li>
          {row.website.has && row.website.up !== null ? <li><Mark value={row.website.up} yes={t('dash.site.up')} no={t('dash.site.down')} /></li> : null}
          {row.website.has && row.website.clean !== null ? <li><Mark value={p.verdict?.status === 'COMPROMISED' ? false : row.website.clean} yes={t('dash.site.clean')} no={t('dash.site.dirty')} /></li> : null}
          {row.socialAccounts.length > 0 || (p.socialMin ?? 1) > 0 ? <li><Mark value={row.socialAccounts.length >= Math.max(1, p.socialMin ?? 1)} yes={t('dash.check.social', { count: row.socialAccounts.length })} no={row.socialAccounts.length > 0 ? t('dash.check.social', { count: row.socialAccounts.length }) : t('dash.social.none')} /></li> : null}
          <li><Mark value={row.itemsThisPeriod > 0} yes={t('dash.check.content', { count: row.itemsThisPeriod })} no={t('dash.check.no_content')} /></li>
          {row.kind !== 'opd' ? (
            <li><Mark value={row.profileCompleteness * 100 >= p.profileMin} yes={t('dash.check.profile', { pct: Math.round(row.profileCompleteness * 100), min: p.profileMin })} no={t('dash.check.profile', { pct: Math.round(row.profileCompleteness * 100), min: p.profileMin })} /></li>
          ) : null}
        </ul>
        <h3>{t('composer.onboarding.title', { done: p.evidence.onboarding.done, total: p.evidence.onboarding.total })}</h3>
        <ul class="checklist">
          {p.evidence.onboarding.steps.map((s) => (
            <li><Mark value={s.done} yes={t(`composer.onboarding.${s.code}`, { detail: s.detail ?? '' })} no={t(`composer.onboarding.${s.code}`, { detail: s.detail ?? '' })} /></li>
          ))}
        </ul>
      </Section>

      <Section title={t('dash.unit.channels')} id="kanal">
        <ul class="plain">
          {row.website.url ? <li>{t('reports.col.website')}: <a href={row.website.url} rel="noopener noreferrer">{row.website.url}</a>{row.website.downSince ? ` — ${t('dash.unit.down_since', { time: formatDateTime(row.website.downSince) })}` : ''}</li> : null}
          {row.socialAccounts.map((a) => (
            <li>
              {channelName(a.platform)}: {a.url ? <a href={a.url} rel="noopener noreferrer">@{a.handle}</a> : `@${a.handle}`}
              {' — '}
              {a.lastPostAt ? t('dash.social.last', { date: formatDate(a.lastPostAt) }) : t('dash.social.no_post')}
            </li>
          ))}
        </ul>
      </Section>

      <Section title={t('dash.unit.timeline')} id="bukti">
        {p.evidence.observations.length === 0 ? <p>{t('dash.unit.no_observations')}</p> : <Timeline obs={p.evidence.observations} />}
      </Section>

      <Section title={t('dash.unit.disputes')} id="sanggahan">
        {p.evidence.disputes.length === 0 ? (
          <p>{t('dash.unit.no_disputes')}</p>
        ) : (
          <ul class="timeline">
            {p.evidence.disputes.map((d) => (
              <li>
                <time datetime={d.submittedAt}>{formatDateTime(d.submittedAt)}</time>
                <span>{t(`mon.dispute.kind.${d.kind}`)} · {t(`mon.dispute.status.${d.status}`)}</span>
                <span>{d.message}</span>
                {d.postUrl ? <a href={d.postUrl} rel="noopener noreferrer">{d.postUrl}</a> : null}
                {d.decidedAt ? <span class="muted">{t('mon.dispute.decided', { time: formatDateTime(d.decidedAt), note: d.decisionNote ?? '' })}</span> : null}
              </li>
            ))}
          </ul>
        )}
        {p.canAct ? <p><a href="/admin/pemantauan/sanggahan">{t('dash.unit.disputes_manage')}</a></p> : null}
      </Section>

      <Section title={t('dash.unit.reminders')} id="pengingat">
        {p.evidence.reminders.length === 0 ? (
          <p>{t('dash.unit.no_reminders')}</p>
        ) : (
          <ul class="timeline">
            {p.evidence.reminders.map((r) => (
              <li>
                <time datetime={r.createdAt}>{formatDateTime(r.sentAt ?? r.createdAt)}</time>
                <span><strong>{r.recipientName}</strong> ({r.recipientRole}) · {reminderChannelLabel(r.channel)} · {reminderStatusLabel(r.status)}</span>
                <span>{r.ruleName}</span>
                {r.lastErrorReason ? <span class="error">{r.lastErrorReason}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}


function HistoryStrip({ history }: { history: UnitViewProps['history'] }) {
  return (
    <ol class="history">
      {history.map((h) => (
        <li>
          <span class="muted">{wibShortDate(new Date(h.start))}</span>
          <VerdictBadge verdict={h.verdict} label={h.verdict === 'EXEMPT' ? t('monitoring.verdict.EXEMPT') : t(`reports.verdict.${h.verdict}`)} />
        </li>
      ))}
    </ol>
  );
}

const KIND_LABEL: Record<string, MessageKey> = {
  availability: 'dash.obs.availability',
  tls: 'dash.obs.tls',
  domain_expiry: 'dash.obs.domain',
  freshness: 'dash.obs.freshness',
  integrity: 'dash.obs.integrity',
  social_activity: 'dash.obs.social',
};

/** Checks whose answer is "not known" (no RDAP server for the domain, a certificate of a site that did not answer) say nothing to people. */
const isNoise = (o: StoredObservation) =>
  (o.kind === 'domain_expiry' && o.value.state === 'unknown') || (o.kind === 'tls' && o.value.state === 'unreachable') || (o.kind === 'freshness' && o.value.state === 'skipped');

function Timeline({ obs }: { obs: StoredObservation[] }) {
  return (
    <ul class="timeline">
      {obs.filter((o) => !isNoise(o)).map((o) => (
        <li>
          <time datetime={o.fetchedAt}>{formatDateTime(o.fetchedAt)}</time>
          <span><strong>{KIND_LABEL[o.kind] ? t(KIND_LABEL[o.kind]!) : o.kind}</strong> · {observationSummary(o)}</span>
          <span class="muted">{t('dash.obs.from', { source: sourceLabel(o.source), confidence: t(`dash.conf.${o.confidence}`) })} · {o.url}</span>
          {o.kind === 'freshness' && o.value.rejected.length > 0 ? (
            <span>{t('dash.fresh.ignored', { items: o.value.rejected.slice(0, 5).map((r) => `"${r.title || r.url}" (${t(`monitoring.ignored.${r.reason}`)})`).join(', ') })}</span>
          ) : null}
          {o.kind === 'integrity' && o.value.state !== 'clean' ? (
            <span>{o.value.hits.filter((h) => h.examples?.length).map((h) => t('dash.integrity.examples', { count: h.count ?? h.examples!.length, examples: h.examples!.join(' ') })).join(' · ')}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function observationSummary(o: StoredObservation): string {
  switch (o.kind) {
    case 'availability':
      return t(`dash.state.${o.value.state}`) + (o.value.status ? ` (HTTP ${o.value.status}, ${o.value.latencyMs} ms)` : '') + (o.value.landing ? ` → ${o.value.landing.url}` : '');
    case 'tls':
      return t(`dash.tls.${o.value.state}`) + (o.value.validTo ? ` · ${formatDate(o.value.validTo)}` : '');
    case 'domain_expiry':
      return o.value.expiresAt ? t('dash.domain.until', { date: formatDate(o.value.expiresAt) }) : t(`dash.fresh.skipped`);
    case 'freshness': {
      const newest = o.value.items.find((i) => i.effectiveAt === o.value.latestEffectiveAt);
      return o.value.latestEffectiveAt
        ? t('dash.fresh.latest_from', { date: formatDate(o.value.latestEffectiveAt), source: sourceLabel(newest?.source ?? o.source), count: o.value.items.length })
        : t(`dash.fresh.${o.value.state}`);
    }
    case 'integrity':
      return t(`dash.integrity.${o.value.state}`);
    case 'social_activity': {
      const vias = [...new Set(o.value.items.map((i) => t(`dash.via.${i.source}`)))].join(', ');
      return t('dash.social.items', { platform: channelName(o.value.platform), handle: o.value.handle, count: o.value.items.length }) + (vias ? ` (${vias})` : '');
    }
  }
}
