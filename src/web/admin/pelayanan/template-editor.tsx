import { t } from '../../../i18n/index.js';
import type { LetterContent } from '../../../modules/pelayanan/index.js';
import type { Context } from 'hono';
import { formValues } from '../../forms/parse-form.js';
import { CsrfInput } from '../../views/form.js';

// The letter template editor, shared by the city's page (admin kota) and a unit's page: five
// plain text boxes, the placeholders one may use, and an HTML preview with example data.

export const TEMPLATE_FIELDS = ['judul', 'kodeKlasifikasi', 'pembuka', 'isi', 'penutup'] as const;

/**
 * The five text boxes as typed and the button pressed (`aksi`). The text is checked with the
 * module's letterTemplateSchema by validateTemplate, which names each field's problem.
 */
export async function readTemplateForm(c: Context): Promise<{ values: Record<(typeof TEMPLATE_FIELDS)[number], string>; aksi: string }> {
  const { aksi, ...values } = await formValues(c, [...TEMPLATE_FIELDS, 'aksi']);
  return { values: values as Record<(typeof TEMPLATE_FIELDS)[number], string>, aksi: aksi ?? '' };
}

export function LetterPreview(p: { content: LetterContent }) {
  const c = p.content;
  return (
    <section aria-label={t('pw.template.preview')}>
      <h2>{t('pw.template.preview')}</h2>
      <div class="pel-preview">
        <div class="kop">
          {c.kop.upper.map((l) => <div><strong>{l}</strong></div>)}
          <div><strong>{c.kop.name}</strong></div>
          {c.kop.address ? <div>{c.kop.address}</div> : null}
        </div>
        <div class="judul">{c.judul}</div>
        <div style="text-align:center">Nomor: {c.nomor}</div>
        <p>{c.pembuka}</p>
        <table>
          {c.identitas.map(([k, v]) => (
            <tr><td>{k}</td><td>: {v}</td></tr>
          ))}
        </table>
        <p>{c.isi}</p>
        <p>{c.penutup}</p>
        <p style="text-align:right">{c.tempatTanggal}<br />{c.penandatangan.jabatan}<br /><br /><strong>{c.penandatangan.nama}</strong></p>
      </div>
    </section>
  );
}

export function TemplateEditor(p: {
  action: string;
  csrf: string;
  values: Record<string, string>;
  errors: Record<string, string>;
  placeholders: string[];
  source: 'unit' | 'city' | 'default';
  scope: 'unit' | 'city';
  canEdit: boolean;
  pdfHref: string;
}) {
  const field = (name: (typeof TEMPLATE_FIELDS)[number], area: boolean) => {
    const id = `f-${name}`;
    const err = p.errors[name];
    return (
      <div class={err ? 'field has-error' : 'field'}>
        <label for={id}>{t(`pw.template.${name}`)}</label>
        {err ? <p class="error" id={`${id}-err`}>{t(`pw.error.${err}`)}</p> : null}
        {area ? (
          <textarea id={id} name={name} readonly={!p.canEdit} aria-invalid={err ? 'true' : undefined}>{p.values[name] ?? ''}</textarea>
        ) : (
          <input id={id} type="text" name={name} value={p.values[name] ?? ''} readonly={!p.canEdit} aria-invalid={err ? 'true' : undefined} />
        )}
      </div>
    );
  };
  return (
    <form method="post" action={p.action} class="card">
      <h2>{t('pw.template.title')}</h2>
      <p class="muted">{t(`pw.template.source_${p.source}`)}</p>
      <CsrfInput token={p.csrf} />
      {field('judul', false)}
      {field('kodeKlasifikasi', false)}
      {field('pembuka', true)}
      <p class="muted">{t('pw.template.identity_note')}</p>
      {field('isi', true)}
      {field('penutup', true)}
      <details>
        <summary>{t('pw.template.placeholders')}</summary>
        <p>{p.placeholders.map((x) => `{${x}}`).join('  ')}</p>
      </details>
      {p.canEdit ? (
        <>
          <button type="submit" name="aksi" value="pratinjau" class="secondary wide">{t('pw.template.preview_button')}</button>
          <button type="submit" name="aksi" value="simpan" class="wide">{t('pw.template.save')}</button>
          {p.source === p.scope ? <button type="submit" name="aksi" value="kembalikan" class="secondary wide">{t(p.scope === 'unit' ? 'pw.template.reset_unit' : 'pw.template.reset_city')}</button> : null}
        </>
      ) : null}
      <p><a href={p.pdfHref} target="_blank" rel="noopener">{t('pw.template.sample_pdf')}</a></p>
    </form>
  );
}
