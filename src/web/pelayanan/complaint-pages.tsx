/** @jsxImportSource #html-jsx */
import { formatDate, formatDateTime, formatNumber, t } from '../../i18n/index.js';
import { COMPLAINT_CATEGORIES, type Challenge, type ComplaintTrackingView, type PublishedAnswer, type UnitPelayananStats } from '../../modules/pelayanan/index.js';
import { formatDuration } from './format.js';
import type { UnitCtx } from '../site/context.js';
import { unitTitle } from '../site/context.js';
import { ErrorSummary, FieldError, PublicPage, RobotCheck, errText } from './public-shared.js';
import { CodeBox, EraseForm, Steps } from './tracking-pages.js';

// The public complaint page of a unit: what happens to a complaint, the unit's counts and
// response time this year, the form (anonymous allowed), and the answers citizens agreed to
// publish. Matters outside the unit go to SP4N-LAPOR!, the national complaint system.

export const LAPOR_URL = 'https://www.lapor.go.id';

export interface ComplaintValues {
  kategori: string;
  isi: string;
  lokasi: string;
  anonim: boolean;
  nama: string;
  telepon: string;
  email: string;
  notify: string;
  publikasi: boolean;
  consent: boolean;
}

export const emptyComplaint = (): ComplaintValues => ({ kategori: '', isi: '', lokasi: '', anonim: false, nama: '', telepon: '', email: '', notify: 'whatsapp', publikasi: false, consent: false });

function Input(p: { name: string; label: string; value: string; error?: string; type?: string; hint?: string; maxlength?: number; inputmode?: 'tel' | 'email' | 'text' }) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'pel-f bad' : 'pel-f'}>
      <label for={id}>{p.label}</label>
      {p.hint ? <span class="hint">{p.hint}</span> : null}
      <FieldError id={id} error={p.error} />
      <input id={id} name={p.name} type={p.type ?? 'text'} value={p.value} maxlength={p.maxlength} inputmode={p.inputmode} aria-invalid={p.error ? 'true' : undefined} />
    </div>
  );
}

export function ComplaintPage(p: {
  ctx: UnitCtx;
  values: ComplaintValues;
  errors: Record<string, string>;
  problem?: string | null;
  challenge: Challenge;
  stats: UnitPelayananStats;
  year: number;
  answers: PublishedAnswer[];
  retentionDays: number;
  action: string;
}) {
  const { ctx, values: v } = p;
  const e = (k: string) => (p.errors[k] ? errText(p.errors[k]!) : undefined);
  const unit = unitTitle(ctx.unit);
  const order: [string, string][] = ['kategori', 'isi', 'lokasi', 'foto', 'nama', 'telepon', 'email', 'notify', 'consent'].filter((k) => p.errors[k]).map((k) => [`f-${k}`, errText(p.errors[k]!)]);
  return (
    <PublicPage ctx={ctx} title={t('pel.complaint.title')} path="/pengaduan" crumbs={[[t('pel.complaint.title'), null]]}>
      <h1>{t('pel.complaint.title')}</h1>
      <p>{t('pel.complaint.intro', { unit })}</p>
      <p>{t('pel.complaint.lapor')} <a href={LAPOR_URL} rel="noopener">SP4N-LAPOR! (lapor.go.id)</a></p>
      <section class="panel">
        <h2>{t('pel.complaint.stats_title', { year: p.year })}</h2>
        <ul class="pel-stat">
          <li><b>{formatNumber(p.stats.complaints)}</b>{t('pel.complaint.stats_received')}</li>
          <li><b>{formatNumber(p.stats.complaintsAnswered)}</b>{t('pel.complaint.stats_answered')}</li>
          <li><b>{formatDuration(p.stats.complaintMedianMinutes)}</b>{t('pel.complaint.stats_response')}</li>
          <li><b>{formatNumber(p.stats.received)}</b>{t('pel.complaint.stats_requests')}</li>
          <li><b>{formatDuration(p.stats.medianMinutes)}</b>{t('pel.complaint.stats_request_time')}</li>
        </ul>
      </section>
      {p.problem ? <div class="pel-summary" role="alert"><p>{p.problem}</p></div> : null}
      <ErrorSummary errors={order} />
      <form class="pel-form" method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <fieldset id="f-kategori">
          <legend>{t('pel.complaint.category')}</legend>
          <FieldError id="f-kategori" error={e('kategori')} />
          {COMPLAINT_CATEGORIES.map((c) => (
            <label class="pel-choice"><input type="radio" name="kategori" value={c} checked={v.kategori === c} /> {t(`pel.category.${c}`)}</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('pel.complaint.what')}</legend>
          <div class={e('isi') ? 'pel-f bad' : 'pel-f'}>
            <label for="f-isi">{t('pel.complaint.body')}</label>
            <span class="hint">{t('pel.complaint.body_hint')}</span>
            <FieldError id="f-isi" error={e('isi')} />
            <textarea id="f-isi" name="isi" maxlength={3000} aria-invalid={e('isi') ? 'true' : undefined}>{v.isi}</textarea>
          </div>
          <Input name="lokasi" label={t('pel.complaint.location')} hint={t('pel.complaint.location_hint')} value={v.lokasi} error={e('lokasi')} maxlength={200} />
          <div class={e('foto') ? 'pel-f bad' : 'pel-f'}>
            <label for="f-foto">{t('pel.complaint.photo')}</label>
            <span class="hint">{t('pel.complaint.photo_hint')}</span>
            <FieldError id="f-foto" error={e('foto')} />
            <input id="f-foto" type="file" name="foto" accept="image/jpeg,image/png,image/webp" />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('pel.complaint.who')}</legend>
          <label class="pel-choice"><input type="checkbox" name="anonim" value="1" checked={v.anonim} /> {t('pel.complaint.anonymous')}</label>
          <p class="hint">{t('pel.complaint.anonymous_hint')}</p>
          <Input name="nama" label={t('pel.complaint.name')} value={v.nama} error={e('nama')} maxlength={120} />
          <Input name="telepon" label={t('pel.form.telepon')} hint={t('pel.form.telepon_hint')} value={v.telepon} error={e('telepon')} type="tel" inputmode="tel" maxlength={20} />
          <Input name="email" label={`${t('pel.form.email')} ${t('pel.form.optional')}`} value={v.email} error={e('email')} type="email" inputmode="email" maxlength={254} />
          <div id="f-notify">
            <p class="lbl"><strong>{t('pel.form.notify')}</strong></p>
            <FieldError id="f-notify" error={e('notify')} />
            {(['whatsapp', 'email', 'none'] as const).map((ch) => (
              <label class="pel-choice"><input type="radio" name="notify" value={ch} checked={v.notify === ch} /> {t(`pel.form.notify_${ch}`)}</label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('pel.form.privacy')}</legend>
          <p>{t('pel.complaint.consent_purpose', { unit })}</p>
          <p>{t('pel.complaint.consent_forward')}</p>
          <p>{t('pel.consent.retention', { days: p.retentionDays })}</p>
          <label class="pel-choice"><input type="checkbox" name="publikasi" value="1" checked={v.publikasi} /> {t('pel.complaint.publish')}</label>
          <FieldError id="f-consent" error={e('consent')} />
          <label class="pel-choice"><input id="f-consent" type="checkbox" name="setuju" value="1" checked={v.consent} /> {t('pel.form.consent')}</label>
        </fieldset>
        <RobotCheck challenge={p.challenge} />
        <button type="submit" class="pel-btn wide">{t('pel.complaint.submit')}</button>
      </form>
      <p><a href={ctx.links.href('/layanan/lacak')}>{t('pel.form.track_link')}</a></p>
      <section>
        <h2>{t('pel.complaint.answers_title')}</h2>
        {p.answers.length === 0 ? <p>{t('pel.complaint.answers_none')}</p> : (
          <ul class="list">
            {p.answers.map((a) => (
              <li>
                <p class="meta">{t(`pel.category.${a.category}`)} · {formatDate(a.submittedAt)}</p>
                <p>{a.body}</p>
                <p><strong>{t('pel.track.answer')}:</strong> {a.answer}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PublicPage>
  );
}

export function ComplaintTrackPage(p: { ctx: UnitCtx; view: ComplaintTrackingView; pin: string | null; fresh: boolean; flash?: string | null; problem?: string | null; base: string }) {
  const v = p.view;
  return (
    <PublicPage ctx={p.ctx} title={t('pel.track.complaint_title', { code: v.code })} path="/layanan/lacak" crumbs={[[t('pel.complaint.title'), p.ctx.links.href('/pengaduan')], [t('pel.track.title'), null]]}>
      <h1>{t('pel.track.complaint_title', { code: v.code })}</h1>
      {p.fresh ? <CodeBox code={v.code} pin={p.pin} /> : null}
      {p.flash ? <div class="pel-ok" role="status"><p>{p.flash}</p></div> : null}
      {p.problem ? <div class="pel-summary" role="alert"><p>{p.problem}</p></div> : null}
      <dl class="kv panel">
        <dt>{t('pel.track.status')}</dt>
        <dd><strong>{t(`pel.cstatus.${v.status}`)}</strong></dd>
        <dt>{t('pel.track.submitted')}</dt>
        <dd>{formatDateTime(v.submittedAt)}</dd>
        <dt>{t('pel.complaint.category')}</dt>
        <dd>{t(`pel.category.${v.category}`)}</dd>
        {v.handledBy ? <><dt>{t('pel.track.handled_by')}</dt><dd>{v.handledBy}</dd></> : null}
      </dl>
      <section class="panel"><h2>{t('pel.track.your_complaint')}</h2><p>{v.body}</p></section>
      {v.answer ? <section class="pel-ok"><h2>{t('pel.track.answer')}</h2><p>{v.answer}</p></section> : null}
      <section>
        <h2>{t('pel.track.steps')}</h2>
        <Steps steps={v.steps} />
      </section>
      {!v.personalDeleted ? <EraseForm action={`${p.base}/hapus`} open={v.status !== 'dijawab'} /> : <p class="pel-note">{t('pel.track.erased')}</p>}
      <p><a href={p.ctx.links.href('/layanan/lacak')}>{t('pel.track.other')}</a></p>
    </PublicPage>
  );
}
