/** @jsxImportSource #html-jsx */
import { formatDate, formatDateTime, t } from '../../i18n/index.js';
import type { RequestTrackingView } from '../../modules/pelayanan/index.js';
import type { UnitCtx } from '../site/context.js';
import { PublicPage } from './public-shared.js';

// The citizen's tracking pages: the code + PIN form, and the view of one request or complaint
// with every step, what to fix, the letter once ready, and the way to delete one's data.

const lacakCrumbs = (ctx: UnitCtx): [string, string | null][] => [[t('site.layanan.title'), ctx.links.href('/layanan')], [t('pel.track.title'), null]];

export function TrackFormPage(p: { ctx: UnitCtx; code: string; problem?: string | null; action: string }) {
  return (
    <PublicPage ctx={p.ctx} title={t('pel.track.title')} path="/layanan/lacak" crumbs={lacakCrumbs(p.ctx)}>
      <h1>{t('pel.track.title')}</h1>
      <p>{t('pel.track.intro')}</p>
      {p.problem ? <div class="pel-summary" role="alert"><p>{p.problem}</p></div> : null}
      <form class="pel-form" method="post" action={p.action}>
        <div class="pel-f">
          <label for="f-kode">{t('pel.track.code')}</label>
          <span class="hint">{t('pel.track.code_hint')}</span>
          <input id="f-kode" type="text" name="kode" value={p.code} autocomplete="off" autocapitalize="characters" maxlength={20} />
        </div>
        <div class="pel-f">
          <label for="f-pin">{t('pel.track.pin')}</label>
          <input id="f-pin" type="password" name="pin" inputmode="numeric" autocomplete="off" maxlength={6} value="" />
        </div>
        <button type="submit" class="pel-btn wide">{t('pel.track.open')}</button>
      </form>
      <p>{t('pel.track.lost')}</p>
    </PublicPage>
  );
}

export function Steps(p: { steps: { at: string; kind: string; status: string | null; note: string; actor: string }[] }) {
  return (
    <ol class="pel-steps">
      {p.steps.map((s) => (
        <li>
          <time datetime={s.at}>{formatDateTime(s.at)}</time>
          <strong>{t(`pel.event.${s.kind}`)}</strong>
          {s.actor ? <> · {s.actor}</> : null}
          {s.note ? <p>{s.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}

export function CodeBox(p: { code: string; pin: string | null }) {
  return (
    <div class="pel-ok" role="status">
      <p>{t('pel.track.sent')}</p>
      <p>
        {t('pel.track.your_code')} <span class="pel-code">{p.code}</span>
      </p>
      {p.pin ? (
        <p>
          {t('pel.track.your_pin')} <span class="pel-code">{p.pin}</span>
        </p>
      ) : null}
      <p>{t('pel.track.keep')}</p>
    </div>
  );
}

export function EraseForm(p: { action: string; open: boolean }) {
  return (
    <details class="panel">
      <summary>{t('pel.erase.title')}</summary>
      <p>{p.open ? t('pel.erase.open_warning') : t('pel.erase.closed_info')}</p>
      <form class="pel-form" method="post" action={p.action}>
        <div class="pel-f">
          <label for="f-pin-hapus">{t('pel.erase.pin')}</label>
          <input id="f-pin-hapus" type="password" name="pin" inputmode="numeric" autocomplete="off" maxlength={6} value="" />
        </div>
        <label class="pel-choice">
          <input type="checkbox" name="yakin" value="1" />
          {t('pel.erase.confirm')}
        </label>
        <button type="submit" class="pel-btn secondary">{t('pel.erase.submit')}</button>
      </form>
    </details>
  );
}

export function RequestTrackPage(p: { ctx: UnitCtx; view: RequestTrackingView; pin: string | null; fresh: boolean; flash?: string | null; problem?: string | null; base: string; docLabels: string[] }) {
  const v = p.view;
  return (
    <PublicPage ctx={p.ctx} title={t('pel.track.request_title', { code: v.code })} path="/layanan/lacak" crumbs={lacakCrumbs(p.ctx)}>
      <h1>{v.service}</h1>
      {p.fresh ? <CodeBox code={v.code} pin={p.pin} /> : null}
      {p.flash ? <div class="pel-ok" role="status"><p>{p.flash}</p></div> : null}
      {p.problem ? <div class="pel-summary" role="alert"><p>{p.problem}</p></div> : null}
      <dl class="kv panel">
        <dt>{t('pel.track.code')}</dt>
        <dd class="pel-code">{v.code}</dd>
        <dt>{t('pel.track.status')}</dt>
        <dd><strong>{t(`pel.status.${v.status}`)}</strong></dd>
        <dt>{t('pel.track.submitted')}</dt>
        <dd>{formatDateTime(v.submittedAt)}</dd>
        {v.deadline ? (
          <>
            <dt>{t('pel.track.deadline')}</dt>
            <dd>{t('pel.track.deadline_value', { date: formatDate(new Date(Date.parse(v.deadlineAt) - 1)) })}</dd>
          </>
        ) : null}
      </dl>
      {v.personalDeleted ? <p class="pel-note">{t('pel.track.erased')}</p> : null}
      {v.fixNote ? (
        <div class="pel-note">
          <h2>{t('pel.track.fix_title')}</h2>
          <p>{v.fixNote}</p>
        </div>
      ) : null}
      {v.refuseReason ? (
        <div class="pel-note">
          <h2>{t('pel.track.refused_title')}</h2>
          <p>{v.refuseReason}</p>
        </div>
      ) : null}
      {v.canAddDocuments ? (
        <form class="pel-form" method="post" action={`${p.base}/perbaikan`} enctype="multipart/form-data">
          <fieldset>
            <legend>{t('pel.fix.title')}</legend>
            {[0, 1, 2].map((i) => (
              <div class="pel-f">
                <label for={`f-berkas-${i}`}>{t('pel.fix.file', { n: i + 1 })}</label>
                <select name={`jenis_${i}`} aria-label={t('pel.fix.kind', { n: i + 1 })}>
                  {p.docLabels.map((l) => <option value={l}>{l}</option>)}
                </select>
                <input id={`f-berkas-${i}`} type="file" name={`berkas_${i}`} accept="image/jpeg,image/png,image/webp,application/pdf" />
              </div>
            ))}
            <div class="pel-f">
              <label for="f-catatan">{t('pel.fix.note')}</label>
              <textarea id="f-catatan" name="catatan" maxlength={500}></textarea>
            </div>
            <button type="submit" class="pel-btn wide">{t('pel.fix.submit')}</button>
          </fieldset>
        </form>
      ) : null}
      {v.letter ? (
        <section class="panel">
          <h2>{t('pel.track.letter_title')}</h2>
          <p>{t('pel.track.letter_number', { number: v.letter.number, date: formatDate(v.letter.issuedAt) })}</p>
          {v.letter.available ? <p><a class="pel-btn" href={`${p.base}/surat.pdf`}>{t('pel.track.letter_download')}</a></p> : <p>{t('pel.track.letter_gone')}</p>}
        </section>
      ) : null}
      <section>
        <h2>{t('pel.track.steps')}</h2>
        <Steps steps={v.steps} />
      </section>
      <section class="panel">
        <h2>{t('pel.track.documents')}</h2>
        {v.documents.length === 0 ? <p>{t('pel.track.no_documents')}</p> : (
          <ul class="list">
            {v.documents.map((d) => <li>{d.label} · {d.deleted ? t('pel.track.doc_deleted') : t(d.kind === 'pdf' ? 'pel.track.doc_pdf' : 'pel.track.doc_photo')}</li>)}
          </ul>
        )}
      </section>
      {!v.personalDeleted ? <EraseForm action={`${p.base}/hapus`} open={v.deadline !== null} /> : null}
      <p><a href={p.ctx.links.href('/layanan/lacak')}>{t('pel.track.other')}</a></p>
    </PublicPage>
  );
}
