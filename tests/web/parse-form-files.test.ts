import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { formFiles, formSent, formValues } from '../../src/web/forms/parse-form.js';

// parse-form.ts's readers for forms with files (formFiles: the files beside the schema) and with
// fields that may be absent (formSent: not sent, text, or a file for the schema to refuse).

const app = new Hono();
app.post('/files', async (c) => {
  const files = await formFiles(c, ['foto', 'caption', 'none']);
  const values = await formValues(c, ['caption']);
  return c.json({ files: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.map((f) => `${f.name}:${f.size}`)])), values });
});
app.post('/sent', async (c) => {
  const sent = await formSent(c, ['title', 'body', 'note', 'absent']);
  return c.json(Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, v === undefined ? '(not sent)' : typeof v === 'string' ? v : `file ${v.name}`])));
});

const post = (path: string, fd: FormData) => app.request(path, { method: 'POST', body: fd });

describe('parse-form readers', () => {
  it('formFiles: the files under each name in order; an empty file input and text under the name are left out', async () => {
    const fd = new FormData();
    fd.append('foto', new Blob([Buffer.from('abc')], { type: 'image/jpeg' }), 'satu.jpg');
    fd.append('foto', new Blob([], { type: 'application/octet-stream' }), '');
    fd.append('foto', 'bukan berkas');
    fd.append('foto', new Blob([Buffer.from('abcde')], { type: 'image/jpeg' }), 'dua.jpg');
    fd.append('caption', 'teks biasa');
    const body = (await (await post('/files', fd)).json()) as { files: Record<string, string[]>; values: Record<string, string> };
    expect(body.files).toEqual({ foto: ['satu.jpg:3', 'dua.jpg:5'], caption: [], none: [] });
    // The text fields of the same form are still read as text.
    expect(body.values).toEqual({ caption: 'teks biasa' });
  });

  it('formSent: the first text sent, a file when only a file came, undefined when not sent ("" is sent)', async () => {
    const fd = new FormData();
    fd.append('title', 'Judul');
    fd.append('title', 'Kedua');
    fd.append('body', new Blob([Buffer.from('x')], { type: 'text/plain' }), 'isi.txt');
    fd.append('note', '');
    expect(await (await post('/sent', fd)).json()).toEqual({ title: 'Judul', body: 'file isi.txt', note: '', absent: '(not sent)' });
  });
});
