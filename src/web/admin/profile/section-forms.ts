import { type Profile, type ProfileSectionKey, parseCoordinate, parseNumber } from '../../../modules/profile/index.js';
import { type FieldDef, HARI, type ListDef, MAX_ROWS, SECTION_FORMS, isList } from './form-model.js';

// A profile form's fields ⇄ a section document. Form fields are named as the model says: plain
// fields by name, list cells `<list>.<row>.<column>` (with `<list>.rows` = how many rows the form
// had and `<list>.<row>._hapus` = remove this row). What people type is read here — numbers with
// a comma, coordinates in any common form, "07.30" — and a cell that cannot be read is a field
// error (`format`, `range`, `rw_unknown`) under the form field's own name, so the form can say it
// next to the field and keep everything typed.

export type FormValues = Record<string, string>;

export interface FromForm {
  data: Record<string, unknown>;
  /** Form field name → problem code, for what could not be read at all. */
  errors: Record<string, string>;
  /** A field path of the section document (from validation) → the form field it came from. */
  fieldOf(path: string): string;
}

const listKey = (section: ProfileSectionKey, list: string) => (['aparatur', 'lembaga', 'sarana', 'potensi'].includes(section) ? 'items' : list);

export const rowCount = (values: FormValues, list: string): number => {
  const declared = Number(values[`${list}.rows`]);
  let n = Number.isInteger(declared) && declared > 0 ? declared : 0;
  // Rows can also be known from their cells (a form posted by a test or an older page).
  for (const k of Object.keys(values)) {
    const m = new RegExp(`^${list}\\.(\\d+)\\.`).exec(k);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return Math.min(n, MAX_ROWS);
};

/** Rows up to the last one with anything typed in it (empty rows a form posted are not "filled"). */
export function filledRows(values: FormValues, def: ListDef): number {
  for (let i = rowCount(values, def.list) - 1; i >= 0; i--) {
    if (def.columns.some((c) => (values[`${def.list}.${i}.${c.name}`] ?? '').trim() !== '')) return i + 1;
  }
  return 0;
}

function readDays(text: string): string[] | null {
  const s = text.toLowerCase().replace(/\s+/g, '').replace(/['’]/g, '');
  const range = s.split(/[-–]/);
  if (range.length === 2 && (HARI as readonly string[]).includes(range[0]!) && (HARI as readonly string[]).includes(range[1]!)) {
    const a = HARI.indexOf(range[0] as never);
    const b = HARI.indexOf(range[1] as never);
    return a <= b ? HARI.slice(a, b + 1) : null;
  }
  const days = s.split(/[,;]/).filter(Boolean);
  return days.length > 0 && days.every((d) => (HARI as readonly string[]).includes(d)) ? days : null;
}

/** "7.30", "07:30", "0730" → "07:30"; anything else stays as typed (validation names it). */
const readTime = (text: string): string => {
  const m = /^(\d{1,2})[.:]?(\d{2})$/.exec(text.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : text.trim();
};

/** One cell or field, read by its kind; `undefined` for an empty optional number. */
function readValue(def: FieldDef, raw: string, name: string, errors: Record<string, string>): unknown {
  const v = raw.trim();
  switch (def.kind) {
    case 'decimal':
    case 'count':
    case 'year': {
      const r = parseNumber(v, { whole: def.kind !== 'decimal' });
      if (!r.ok) errors[name] = 'format';
      return r.ok && r.value !== null ? r.value : undefined;
    }
    case 'lat':
    case 'lng': {
      const r = parseCoordinate(v, def.kind);
      if (!r.ok) errors[name] = r.error;
      return r.ok && r.value !== null ? r.value : undefined;
    }
    case 'time':
      return readTime(v);
    case 'days': {
      const days = readDays(v);
      if (!days) errors[name] = v ? 'format' : 'too_small';
      return days ?? [];
    }
    case 'colour':
      return v || undefined;
    case 'lines':
      return v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    case 'platform':
      return v.toLowerCase();
    default:
      return v;
  }
}

export function formToSection(section: ProfileSectionKey, values: FormValues): FromForm {
  const errors: Record<string, string> = {};
  const data: Record<string, unknown> = {};
  /** list → for each kept row, the form row it came from. */
  const kept: Record<string, number[]> = {};
  const rowsOf: Record<string, Record<string, unknown>[]> = {};
  for (const item of SECTION_FORMS[section]) {
    if (!isList(item)) {
      const value = readValue(item, values[item.name] ?? '', item.name, errors);
      if (value !== undefined) data[item.name] = value;
      continue;
    }
    const out: Record<string, unknown>[] = [];
    const from: number[] = [];
    for (let i = 0; i < rowCount(values, item.list); i++) {
      const cell = (c: FieldDef) => values[`${item.list}.${i}.${c.name}`] ?? '';
      if (values[`${item.list}.${i}._hapus`] === '1' || item.columns.every((c) => cell(c).trim() === '')) continue;
      const row: Record<string, unknown> = {};
      for (const c of item.columns) {
        const value = readValue(c, cell(c), `${item.list}.${i}.${c.name}`, errors);
        if (value !== undefined) row[c.name] = value;
      }
      out.push(row);
      from.push(i);
    }
    rowsOf[item.list] = out;
    kept[item.list] = from;
  }

  const rtRow = new Map<string, number>();
  switch (section) {
    case 'identitas':
      data.jamPelayanan = rowsOf.jamPelayanan;
      data.media = rowsOf.media;
      break;
    case 'aparatur':
      // The first person heads the chart; everyone else reports to them (as the public page draws it).
      data.items = rowsOf.items!.map((r, k) => ({ ...r, id: `p${k}`, urutan: k, atasanId: k === 0 ? '' : 'p0' }));
      break;
    case 'wilayah': {
      const rw = rowsOf.rw!.map((r) => ({ ...r, rt: [] as Record<string, unknown>[] }) as Record<string, unknown> & { rt: Record<string, unknown>[] });
      const same = (a: unknown, b: unknown) => String(a).replace(/^0+/, '') === String(b).replace(/^0+/, '');
      rowsOf.rt!.forEach((r, k) => {
        const formRow = kept.rt![k]!;
        const parent = rw.findIndex((w) => same(w.nomor, r.rw));
        if (parent < 0) {
          errors[`rt.${formRow}.rw`] = 'rw_unknown';
          return;
        }
        rtRow.set(`${parent}.${rw[parent]!.rt.length}`, formRow);
        rw[parent]!.rt.push({ nomor: r.nomor, ketua: r.ketua });
      });
      data.rw = rw;
      break;
    }
    case 'lembaga':
    case 'sarana':
    case 'potensi':
      data.items = rowsOf.items;
      break;
    case 'statistik':
      for (const d of ['umur', 'pendidikan', 'pekerjaan', 'agama']) data[d] = rowsOf[d];
      break;
    case 'narasi':
      break;
  }

  const fieldOf = (path: string): string => {
    const parts = path.split('.');
    // A cell of an RT row lives under its RW in the document: rw.<w>.rt.<t>.<field>.
    if (section === 'wilayah' && parts[0] === 'rw' && parts[2] === 'rt' && parts.length >= 5) {
      const row = rtRow.get(`${parts[1]}.${parts[3]}`);
      return row === undefined ? 'rt' : `rt.${row}.${parts[4]}`;
    }
    for (const item of SECTION_FORMS[section]) {
      if (!isList(item) || listKey(section, item.list) !== parts[0]) continue;
      const row = kept[item.list]?.[Number(parts[1])];
      const col = item.columns.some((c) => c.name === parts[2]) ? parts[2] : item.columns[0]!.name;
      return row === undefined ? item.list : `${item.list}.${row}.${col}`;
    }
    return parts[0]!;
  };
  return { data, errors, fieldOf };
}

export function sectionToForm(section: ProfileSectionKey, p: Profile): FormValues {
  const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const out: FormValues = {};
  const put = (list: string, rows: Record<string, unknown>[]) => {
    out[`${list}.rows`] = String(rows.length);
    rows.forEach((r, i) => {
      for (const [k, v] of Object.entries(r)) out[`${list}.${i}.${k}`] = s(v);
    });
  };
  const plain = (o: Record<string, unknown>) => {
    for (const item of SECTION_FORMS[section]) if (!isList(item)) out[item.name] = Array.isArray(o[item.name]) ? (o[item.name] as string[]).join('\n') : s(o[item.name]);
  };
  switch (section) {
    case 'identitas': {
      const i = p.identitas;
      plain(i);
      put('jamPelayanan', i.jamPelayanan.map((j) => ({ ...j, hari: daysValue(j.hari) })));
      put('media', i.media);
      break;
    }
    case 'narasi':
      plain(p.narasi);
      break;
    case 'aparatur':
      put('items', [...p.aparatur.items].sort((a, b) => a.urutan - b.urutan));
      break;
    case 'wilayah':
      plain(p.wilayah);
      put('rw', p.wilayah.rw.map((r) => ({ nomor: r.nomor, ketua: r.ketua })));
      put('rt', p.wilayah.rw.flatMap((r) => r.rt.map((t) => ({ rw: r.nomor, nomor: t.nomor, ketua: t.ketua }))));
      break;
    case 'lembaga':
    case 'sarana':
    case 'potensi':
      put('items', p[section].items as Record<string, unknown>[]);
      break;
    case 'statistik':
      plain(p.statistik);
      for (const d of ['umur', 'pendidikan', 'pekerjaan', 'agama'] as const) put(d, p.statistik[d]);
      break;
  }
  return out;
}

/** Stored days as the form's choice: "senin-jumat" for a run of days, else "senin,rabu". */
export function daysValue(days: string[]): string {
  if (days.length > 1) {
    const idx = days.map((d) => HARI.indexOf(d as never));
    const run = idx.every((v, k) => k === 0 || v === idx[k - 1]! + 1);
    if (run) return `${days[0]}-${days[days.length - 1]}`;
  }
  return days.join(',');
}
