import type { Context } from 'hono';
import type { z } from 'zod';
import { type FieldProblem, problemsOf } from '../../shared/field-problems.js';

// The one way a staff form is read at the edge (issue 19 point 2): take the named text fields
// (what was typed, to show again when something is wrong), parse them with the module's zod
// schema, and turn the problems — the schema's, or those the use case answers with — into one
// sentence per form field, shown next to it.

export type FormValues = Record<string, string>;

export type ParsedForm<S extends z.ZodType> =
  | { ok: true; values: FormValues; data: z.output<S> }
  | { ok: false; values: FormValues; problems: FieldProblem[] };

/** The named fields of a posted form as text; '' for one that is missing or is a file. */
export async function formValues(c: Context, fields: readonly string[]): Promise<FormValues> {
  const body = await c.req.parseBody();
  const values: FormValues = {};
  for (const f of fields) values[f] = typeof body[f] === 'string' ? (body[f] as string) : '';
  return values;
}

/** Fields that may be sent many times (a row of check boxes): every text value, in order. */
export async function formLists(c: Context, fields: readonly string[]): Promise<Record<string, string[]>> {
  const body = await c.req.parseBody({ all: true });
  const lists: Record<string, string[]> = {};
  for (const f of fields) {
    // A browser sends `name`; some clients send `name[]`, which the parser keeps as its own key.
    const raw = body[f] ?? body[`${f}[]`];
    lists[f] = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string');
  }
  return lists;
}

/** What a named field was sent as: its first text, a file when only files came under it, or undefined when not sent. */
export type SentField = string | File | undefined;

/**
 * The named fields as sent, for a form whose absent fields mean "leave as it is" (the editor's
 * autosave sends what the page holds): undefined tells "not sent" apart from '', and a file
 * sent where text belongs reaches the schema as a file, which refuses it as that field's problem.
 */
export async function formSent(c: Context, fields: readonly string[]): Promise<Record<string, SentField>> {
  const body = await c.req.parseBody({ all: true });
  const sent: Record<string, SentField> = {};
  for (const f of fields) {
    const raw = body[f];
    const all = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
    sent[f] = all.find((v): v is string => typeof v === 'string') ?? all[0];
  }
  return sent;
}

/** Values parsed with a schema: its output, or the problems by field path. */
export function parseValues<S extends z.ZodType>(schema: S, values: FormValues, input: unknown = values): ParsedForm<S> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, values, data: parsed.data } : { ok: false, values, problems: problemsOf(parsed.error.issues) };
}

/** A posted form read and parsed in one go. `toInput` shapes the text values for the schema. */
export async function parseForm<S extends z.ZodType>(c: Context, schema: S, fields: readonly string[], toInput?: (v: FormValues) => unknown): Promise<ParsedForm<S>> {
  const values = await formValues(c, fields);
  return parseValues(schema, values, toInput ? toInput(values) : values);
}

/**
 * One sentence per form field, from the first problem of that field. The field is the path's
 * first part unless `fieldOf` says otherwise (a list row `rw.0.ketua` may be its own field).
 */
export function fieldErrors(problems: readonly FieldProblem[], text: (p: FieldProblem) => string, fieldOf: (path: string) => string = (p) => p.split('.')[0]!): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[fieldOf(p.path)] ??= text(p);
  return out;
}

/**
 * The files sent under each name, in order; an empty file input (no file chosen) and text sent
 * under the name are left out. Files are taken beside the schema, not through it: what a file
 * must be (an image of a kind, size and dimensions we accept) is the media module's check of its
 * bytes (`storeUpload`), which no zod schema of the form can make, and the modules' schemas never
 * see a web `File`. A form with files reads its text fields with `parseForm`/`formValues` and its
 * files with this.
 */
export async function formFiles(c: Context, fields: readonly string[]): Promise<Record<string, File[]>> {
  const body = await c.req.parseBody({ all: true });
  const files: Record<string, File[]> = {};
  for (const f of fields) {
    const raw = body[f];
    files[f] = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is File => typeof v !== 'string' && v.size > 0);
  }
  return files;
}
