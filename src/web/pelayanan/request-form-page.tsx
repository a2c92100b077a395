/** @jsxImportSource #html-jsx */
import { t } from '../../i18n/index.js';
import { type Challenge, type IdentityInput, type ServiceForm, type StashedDocument, numberRuns } from '../../modules/pelayanan/index.js';
import type { UnitCtx } from '../site/context.js';
import { unitTitle } from '../site/context.js';
import { ErrorSummary, FieldError, PublicPage, RobotCheck, errText } from './public-shared.js';

// The citizen's request form, phone first and whole without JavaScript: one column, the
// documents as camera/gallery pickers, errors named at the top and again next to each field,
// and everything typed kept after a mistake (uploads that passed are kept on the server).

export interface RequestFormValues extends IdentityInput {
  fields: Record<string, string>;
  notify: string;
  consent: boolean;
}

export const emptyValues = (): RequestFormValues => ({ nama: '', nik: '', kk: '', telepon: '', email: '', alamat: '', rt: '', rw: '', fields: {}, notify: 'whatsapp', consent: false });

export interface RequestFormProps {
  ctx: UnitCtx;
  form: ServiceForm;
  values: RequestFormValues;
  errors: Record<string, string>;
  /** A problem not tied to one field (rate limit, the sum, an expired form). */
  problem?: string | null;
  stashed: StashedDocument[];
  draftToken: string;
  challenge: Challenge;
  retentionDays: number;
  action: string;
}

/** The unit's RW (and their RT when listed, as runs) under the RW field: "RW di wilayah ini: 1 (RT 1–4); 2 …". */
function areaHint(form: ServiceForm): string | undefined {
  if (!form.area || form.area.length === 0) return undefined;
  const list = form.area.map((a) => (a.rt.length ? `${a.rw} (RT ${numberRuns(a.rt)})` : a.rw)).join('; ');
  return t('pel.form.rw_hint', { list });
}

function Text(p: { name: string; label: string; value: string; error?: string; hint?: string; type?: string; inputmode?: 'numeric' | 'tel' | 'email' | 'text'; autocomplete?: string; maxlength?: number; required?: boolean }) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'pel-f bad' : 'pel-f'}>
      <label for={id}>
        {p.label}
        {p.required === false ? ` ${t('pel.form.optional')}` : ''}
      </label>
      {p.hint ? <span class="hint" id={`${id}-hint`}>{p.hint}</span> : null}
      <FieldError id={id} error={p.error} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value}
        inputmode={p.inputmode}
        autocomplete={p.autocomplete}
        maxlength={p.maxlength}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={[p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined}
      />
    </div>
  );
}

/** The purpose and retention the citizen agrees to (UU 27/2022 Pasal 20–22: consent to a stated purpose). */
export function ConsentText(p: { unit: string; service: string; retentionDays: number }) {
  return (
    <>
      <p>{t('pel.consent.purpose', { unit: p.unit, service: p.service })}</p>
      <p>{t('pel.consent.who')}</p>
      <p>{t('pel.consent.retention', { days: p.retentionDays })}</p>
      <p>{t('pel.consent.rights')}</p>
    </>
  );
}

export function RequestFormPage(p: RequestFormProps) {
  const { ctx, form, values: v, errors } = p;
  const e = (key: string) => (errors[key] ? errText(errors[key]!) : undefined);
  const unit = unitTitle(ctx.unit);
  const order: [string, string][] = [];
  const push = (key: string, id: string) => errors[key] && order.push([id, errText(errors[key]!)]);
  for (const k of ['nama', 'nik', 'kk', 'telepon', 'email', 'alamat', 'rt', 'rw']) push(k, `f-${k}`);
  for (const f of form.fields) push(`field_${f.key}`, `f-field_${f.key}`);
  for (const d of form.documents) push(`doc_${d.key}`, `f-doc_${d.key}`);
  push('notify', 'f-notify');
  push('consent', 'f-consent');
  const kept = (slot: string) => p.stashed.find((s) => s.slot === slot);
  const upload = form.documents.filter((d) => d.mode !== 'dibawa');
  const bring = form.documents.filter((d) => d.mode === 'dibawa');

  return (
    <PublicPage ctx={ctx} title={t('pel.form.title', { service: form.name })} path={`/layanan/${form.code}/ajukan`} crumbs={[[t('site.layanan.title'), ctx.links.href('/layanan')], [form.name, ctx.links.href(`/layanan/${form.code}`)], [t('pel.form.crumb'), null]]}>
      <h1>{t('pel.form.title', { service: form.name })}</h1>
      <p>{t('pel.form.intro', { unit, days: form.deadlineDays })}</p>
      {p.problem ? <div class="pel-summary" role="alert"><p>{p.problem}</p></div> : null}
      <ErrorSummary errors={order} />
      <form class="pel-form" method="post" action={p.action} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="draf" value={p.draftToken} />
        <fieldset>
          <legend>{t('pel.form.identity')}</legend>
          <Text name="nama" label={t('pel.form.nama')} value={v.nama} error={e('nama')} autocomplete="name" maxlength={120} />
          <Text name="nik" label={t('pel.form.nik')} hint={t('pel.form.nik_hint')} value={v.nik} error={e('nik')} inputmode="numeric" maxlength={20} autocomplete="off" />
          {form.needsKk ? <Text name="kk" label={t('pel.form.kk')} hint={t('pel.form.kk_hint')} value={v.kk} error={e('kk')} inputmode="numeric" maxlength={20} autocomplete="off" /> : null}
          <Text name="telepon" label={t('pel.form.telepon')} hint={t('pel.form.telepon_hint')} value={v.telepon} error={e('telepon')} type="tel" inputmode="tel" autocomplete="tel" maxlength={20} />
          <Text name="email" label={t('pel.form.email')} value={v.email} error={e('email')} type="email" autocomplete="email" maxlength={254} required={false} />
          <Text name="alamat" label={t('pel.form.alamat', { unit })} hint={t('pel.form.alamat_hint')} value={v.alamat} error={e('alamat')} autocomplete="street-address" maxlength={300} />
          <div class="pel-row">
            <Text name="rt" label={t('pel.form.rt')} value={v.rt} error={e('rt')} inputmode="numeric" maxlength={3} />
            <Text name="rw" label={t('pel.form.rw')} value={v.rw} error={e('rw')} inputmode="numeric" maxlength={3} hint={areaHint(p.form)} />
          </div>
        </fieldset>

        {form.fields.length > 0 ? (
          <fieldset>
            <legend>{t('pel.form.details')}</legend>
            {form.fields.map((f) => {
              const name = `field_${f.key}`;
              const id = `f-${name}`;
              const err = e(name);
              return f.type === 'textarea' ? (
                <div class={err ? 'pel-f bad' : 'pel-f'}>
                  <label for={id}>{f.label}{f.required ? '' : ` ${t('pel.form.optional')}`}</label>
                  {f.hint ? <span class="hint">{f.hint}</span> : null}
                  <FieldError id={id} error={err} />
                  <textarea id={id} name={name} maxlength={1000} aria-invalid={err ? 'true' : undefined}>{v.fields[f.key] ?? ''}</textarea>
                </div>
              ) : (
                <Text name={name} label={f.label} hint={f.hint} value={v.fields[f.key] ?? ''} error={err} type={f.type === 'date' ? 'date' : 'text'} maxlength={200} required={f.required} />
              );
            })}
          </fieldset>
        ) : null}

        <fieldset>
          <legend>{t('pel.form.documents')}</legend>
          <p class="hint">{t('pel.form.documents_hint')}</p>
          {upload.map((d) => {
            const id = `f-doc_${d.key}`;
            const err = e(`doc_${d.key}`);
            const k = kept(d.key);
            return (
              <div class={err ? 'pel-f bad' : 'pel-f'}>
                <label for={id}>
                  {d.label}
                  {d.mode === 'opsional' ? ` ${t('pel.form.optional')}` : ''}
                </label>
                <FieldError id={id} error={err} />
                {k ? <p class="pel-kept">✓ {t(k.kind === 'pdf' ? 'pel.form.kept_pdf' : 'pel.form.kept_photo')}</p> : null}
                <input id={id} type="file" name={`doc_${d.key}`} accept="image/jpeg,image/png,image/webp,application/pdf" aria-invalid={err ? 'true' : undefined} />
                {k ? <span class="hint">{t('pel.form.replace_hint')}</span> : null}
              </div>
            );
          })}
          {[0, 1].map((i) => {
            const id = `f-doc_lain-${i}`;
            const k = kept(`lain-${i}`);
            const err = e(`doc_lain-${i}`);
            return (
              <div class={err ? 'pel-f bad' : 'pel-f'}>
                <label for={id}>{t('pel.form.other_doc', { n: i + 1 })}</label>
                <FieldError id={id} error={err} />
                {k ? <p class="pel-kept">✓ {t(k.kind === 'pdf' ? 'pel.form.kept_pdf' : 'pel.form.kept_photo')}</p> : null}
                <input id={id} type="file" name={`doc_lain-${i}`} accept="image/jpeg,image/png,image/webp,application/pdf" />
              </div>
            );
          })}
          {bring.length > 0 ? (
            <>
              <p><strong>{t('pel.form.bring')}</strong></p>
              <ul>{bring.map((d) => <li>{d.label}</li>)}</ul>
            </>
          ) : null}
        </fieldset>

        <fieldset id="f-notify">
          <legend>{t('pel.form.notify')}</legend>
          <FieldError id="f-notify" error={e('notify')} />
          {(['whatsapp', 'email', 'none'] as const).map((ch) => (
            <label class="pel-choice">
              <input type="radio" name="notify" value={ch} checked={v.notify === ch} />
              {t(`pel.form.notify_${ch}`)}
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('pel.form.privacy')}</legend>
          <ConsentText unit={unit} service={form.name} retentionDays={p.retentionDays} />
          <FieldError id="f-consent" error={e('consent')} />
          <label class="pel-choice">
            <input id="f-consent" type="checkbox" name="setuju" value="1" checked={v.consent} />
            {t('pel.form.consent')}
          </label>
        </fieldset>

        <RobotCheck challenge={p.challenge} />
        <button type="submit" class="pel-btn wide">{t('pel.form.submit')}</button>
      </form>
    </PublicPage>
  );
}
