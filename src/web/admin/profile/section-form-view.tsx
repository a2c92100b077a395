import { hasKey, t } from '../../../i18n/index.js';
import { JABATAN, type ProfileSectionKey } from '../../../modules/profile/index.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { type FieldDef, type FieldKind, DAY_CHOICES, KONDISI, type ListDef, PLATFORMS, SWATCHES, isList, SECTION_FORMS } from './form-model.js';
import { type FormValues, filledRows } from './section-forms.js';

// One profile section as a plain form (works without JavaScript): each field with its label,
// hint and — after a refused save — its problem right above the input; lists as numbered rows
// with "Tambah 3 baris"; pictures as a file picker on the phone; the site colour as swatches.

export interface SectionFormProps {
  section: ProfileSectionKey;
  action: string;
  csrfToken: string;
  values: FormValues;
  /** Form field name (or list name) → the sentence to show next to it. */
  errors: Record<string, string>;
  canWrite: boolean;
  /** Extra empty rows to show under one list (after "Tambah 3 baris"). */
  extraRows?: { list: string; n: number };
}

const has = hasKey;
export const fieldLabel = (section: ProfileSectionKey, name: string) => t(`prof.field.${section}.${name}`);
export const listLabel = (section: ProfileSectionKey, list: string) => t(`prof.list.${section}.${list}`);
export function colLabel(section: ProfileSectionKey, list: string, col: string): string {
  const own = `prof.col.${section}.${list}.${col}`;
  return has(own) ? t(own) : t(`prof.col.${section}.${col}`);
}

/** Kind-specific wording first, then the code's own, then the kind's usual slip, then a general one. */
export function problemText(kind: FieldKind | 'list', code: string): string {
  for (const key of [`prof.error.${kind}.${code}`, `prof.error.${code}`]) if (has(key)) return t(key);
  const byKind: Partial<Record<FieldKind, string>> = {
    email: 'email', postcode: 'postcode', nip: 'nip', url: 'url', platform: 'platform', colour: 'colour', time: 'time',
    year: 'year', decimal: 'range', count: 'range', days: 'days.format', tel: 'phone',
  };
  if (kind === 'lat' || kind === 'lng') return t(`prof.error.${kind}.range`);
  const k = kind !== 'list' ? byKind[kind] : undefined;
  return t(k ? `prof.error.${k}` : 'prof.error.other');
}

const INPUT: Partial<Record<FieldKind, { type?: string; inputmode?: string; autocomplete?: string }>> = {
  email: { type: 'email', autocomplete: 'email' },
  tel: { type: 'tel', inputmode: 'tel' },
  url: { type: 'url', inputmode: 'url' },
  postcode: { inputmode: 'numeric', autocomplete: 'postal-code' },
  nip: { inputmode: 'numeric' },
  year: { inputmode: 'numeric' },
  count: { inputmode: 'numeric' },
  decimal: { inputmode: 'decimal' },
  time: { type: 'time' },
};

export function SectionForm(p: SectionFormProps) {
  const items = SECTION_FORMS[p.section];
  const hasLists = items.some(isList);
  const summary = Object.entries(p.errors).map(([name, text]) => t('prof.error.summary', { field: summaryLabel(p.section, name), problem: text }));
  const save = <button type="submit" class="wide">{t('site.admin.save')}</button>;
  const body = (
    <>
      {items.map((item) => (isList(item) ? <ListRows {...p} def={item} /> : <One {...p} def={item} name={item.name} label={fieldLabel(p.section, item.name)} hintKey={`prof.hint.${p.section}.${item.name}`} />))}
    </>
  );
  return (
    <form method="post" action={p.action} enctype="multipart/form-data" class="card profile-form" novalidate>
      <CsrfInput token={p.csrfToken} />
      <ErrorSummary errors={summary} />
      {/* Enter in a field presses the first button: that must be "Simpan", not "Tambah baris". */}
      {p.canWrite && hasLists ? save : null}
      {p.canWrite ? body : <fieldset disabled class="bare">{body}</fieldset>}
      {p.canWrite ? save : <p class="hint">{t('site.admin.readOnly')}</p>}
    </form>
  );
}

function summaryLabel(section: ProfileSectionKey, name: string): string {
  const parts = name.split('.');
  if (parts.length === 1) return has(`prof.field.${section}.${name}`) ? fieldLabel(section, name) : listLabel(section, name);
  return `${listLabel(section, parts[0]!)}, ${t('prof.row', { n: Number(parts[1]) + 1 })}, ${colLabel(section, parts[0]!, parts[2]!)}`;
}

interface OneProps extends SectionFormProps {
  def: FieldDef;
  /** The form field's name (`lat`, `rw.2.ketua`). */
  name: string;
  label: string;
  hintKey?: string;
}

function One(p: OneProps) {
  const id = `f-${p.name.replace(/\./g, '-')}`;
  const value = p.values[p.name] ?? '';
  const error = p.errors[p.name];
  const hint = p.hintKey && has(p.hintKey) ? t(p.hintKey) : null;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const head = (
    <>
      {hint ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p class="error" id={`${id}-err`}>{error}</p> : null}
    </>
  );
  const aria = { 'aria-describedby': describedBy, 'aria-invalid': error ? 'true' : undefined };
  const cls = error ? 'field has-error' : 'field';
  if (p.def.kind === 'photo') return <Photo {...p} id={id} value={value} head={head} cls={cls} />;
  if (p.def.kind === 'colour') {
    const custom = value !== '' && !SWATCHES.some((s) => s.hex.toLowerCase() === value.toLowerCase());
    return (
      <fieldset class={error ? 'has-error swatches' : 'swatches'} id={id}>
        <legend>{p.label}</legend>
        {head}
        <label><input type="radio" name={p.name} value="" checked={value === ''} /> {t('prof.colour.default')}</label>
        {custom ? <label><input type="radio" name={p.name} value={value} checked /> <span class="swatch" style={`background:${value}`} /> {t('prof.colour.current')}</label> : null}
        {SWATCHES.map((s) => (
          <label>
            <input type="radio" name={p.name} value={s.hex} checked={s.hex.toLowerCase() === value.toLowerCase()} /> <span class="swatch" style={`background:${s.hex}`} /> {t(`prof.colour.${s.key}`)}
          </label>
        ))}
      </fieldset>
    );
  }
  const choices = choicesOf(p.def.kind, value);
  return (
    <div class={cls}>
      <label for={id}>{p.label}</label>
      {head}
      {choices ? (
        <select id={id} name={p.name} {...aria}>
          <option value="">{t('prof.choose')}</option>
          {choices.map(([v, text]) => <option value={v} selected={v === value}>{text}</option>)}
        </select>
      ) : p.def.kind === 'textarea' || p.def.kind === 'lines' ? (
        <textarea id={id} name={p.name} rows={p.name === 'sejarah' || p.name === 'sambutanLurah' ? 10 : 4} {...aria}>{value}</textarea>
      ) : (
        <input id={id} name={p.name} type={INPUT[p.def.kind]?.type ?? 'text'} inputmode={INPUT[p.def.kind]?.inputmode as never} autocomplete={INPUT[p.def.kind]?.autocomplete} value={value} list={p.def.kind === 'jabatan' ? 'jabatan-list' : undefined} {...aria} />
      )}
    </div>
  );
}

function choicesOf(kind: FieldKind, value: string): [string, string][] | null {
  const keep = (list: [string, string][]) => (value && !list.some(([v]) => v === value) ? [...list, [value, value] as [string, string]] : list);
  if (kind === 'days') return keep(DAY_CHOICES.map((d) => [d, t(`prof.days.${d}`)]));
  if (kind === 'platform') return keep(PLATFORMS.map((x) => [x, has(`channels.platform.${x}`) ? t(`channels.platform.${x}`) : x[0]!.toUpperCase() + x.slice(1)]));
  if (kind === 'kondisi') return keep(KONDISI.map((x) => [x, t(`prof.kondisi.${x}`)]));
  return null;
}

function Photo(p: OneProps & { id: string; value: string; head: unknown; cls: string }) {
  return (
    <fieldset class={`${p.cls} photo-field`} id={p.id}>
      <legend>{p.label}</legend>
      {p.head}
      <input type="hidden" name={p.name} value={p.value} />
      {p.value ? (
        <>
          <img src={p.value} alt={t('prof.photo.current')} class="photo-preview" />
          <label><input type="checkbox" name={`${p.name}._hapus`} value="1" /> {t('prof.photo.remove')}</label>
        </>
      ) : (
        <p class="hint">{t('prof.photo.none')}</p>
      )}
      <label for={`${p.id}-file`}>{p.value ? t('prof.photo.replace') : t('prof.photo.pick')}</label>
      <input id={`${p.id}-file`} name={`${p.name}.file`} type="file" accept="image/*" class="file-field" />
    </fieldset>
  );
}

function ListRows(p: SectionFormProps & { def: ListDef }) {
  const { list, columns } = p.def;
  const filled = filledRows(p.values, p.def);
  const extra = p.extraRows?.list === list ? p.extraRows.n : 0;
  const shown = filled + (filled === 0 ? 2 : 1) + extra;
  const hintKey = `prof.hint.${p.section}.${list}`;
  const error = p.errors[list];
  return (
    <fieldset class={error ? 'rows has-error' : 'rows'} id={`f-${list}`}>
      <legend>{listLabel(p.section, list)}</legend>
      {has(hintKey) ? <p class="hint">{t(hintKey)}</p> : null}
      {error ? <p class="error">{error}</p> : null}
      <input type="hidden" name={`${list}.rows`} value={String(shown)} />
      {Array.from({ length: shown }, (_, i) => (
        <fieldset class="row-item">
          <legend>{t('prof.row', { n: i + 1 })}</legend>
          {columns.map((c) => (
            <One {...p} def={c} name={`${list}.${i}.${c.name}`} label={colLabel(p.section, list, c.name)} />
          ))}
          {i < filled ? (
            <label><input type="checkbox" name={`${list}.${i}._hapus`} value="1" checked={p.values[`${list}.${i}._hapus`] === '1'} /> {t('prof.row.remove')}</label>
          ) : null}
        </fieldset>
      ))}
      {columns.some((c) => c.kind === 'jabatan') ? (
        // The head's and secretary's titles in the unit's words (Kepala Desa, Sekretaris Desa …).
        <datalist id="jabatan-list">{[t('prof.jabatan.head'), t('prof.jabatan.secretary'), ...JABATAN.slice(2)].map((j) => <option value={j} />)}</datalist>
      ) : null}
      {p.canWrite ? <button type="submit" name="_tambah" value={list} class="secondary">{t('prof.rows.add')}</button> : null}
    </fieldset>
  );
}
