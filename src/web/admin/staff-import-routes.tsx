import { Hono } from 'hono';
import {
  type Actor, type CheckedLine, type Handover, type HandoverWords, type ImportOutcome, checkStaffRows, createImportedStaff, createStaffFormSchema, discardHandover, handoverSheet, keepHandover, readHandover, readStaffSheet,
} from '../../modules/accounts/index.js';
import { t } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { assetUrl } from '../assets-route.js';
import type { AppEnv } from '../context.js';
import type { AppDeps } from '../deps.js';
import { formFiles, parseForm } from '../forms/parse-form.js';
import { renderNotFound } from '../errors.js';
import { CsrfInput, IdempotencyInput } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';
import { requireCityAdmin } from './require-city-admin.js';
import { sheetProblemText, staffProblemText } from './staff-import-problems.js';

// Staff in bulk (issue 13, point 6), for the admin kota: upload a CSV/XLSX → a dry run that
// names every problem by the file's line number → "Buat N akun" → a handover page with the
// one-time passwords (printable, and as an XLSX to download). The checked lines travel to the
// second step in the form itself; the passwords wait, sealed, for their creator only until the
// handover is done (at most a day: accounts/staff-import/handover-store.ts), so a reload or a
// double tap on "Buat" shows the same list.

const SAMPLE_CSV = [
  'nama,nama pengguna,peran,unit,email,whatsapp',
  'Siti Aminah,,operator,Bacang,siti.aminah@example.go.id,0812 3456 7890',
  'Hendra Saputra,hendra.lurah,lurah,Kelurahan Bacang,,0813 1111 2222',
  'Rudi Hartono,,pendamping,Bacang; Air Itam,,',
].join('\r\n');

const back = { href: '/admin/pengguna', label: t('users.title') };
const css = <link rel="stylesheet" href={assetUrl('staff-import.css')} />;

function UploadForm(p: { csrf: string; error?: string }) {
  return (
    <form method="post" action="/admin/pengguna/impor" enctype="multipart/form-data" class="card">
      <CsrfInput token={p.csrf} />
      <div class={p.error ? 'field has-error' : 'field'}>
        <label for="f-berkas">{t('import.file')}</label>
        <p class="hint" id="f-berkas-hint">{t('import.file_hint')}</p>
        {p.error ? <p class="error" id="f-berkas-err">{p.error}</p> : null}
        <input id="f-berkas" name="berkas" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required aria-describedby={p.error ? 'f-berkas-hint f-berkas-err' : 'f-berkas-hint'} aria-invalid={p.error ? 'true' : undefined} />
      </div>
      <button type="submit" class="wide">{t('import.check')}</button>
    </form>
  );
}

function ImportPage(p: { actor: Actor; csrf: string; error?: string }) {
  return (
    <StaffLayout title={t('import.title')} actor={p.actor} csrfToken={p.csrf} back={back}>
      {css}
      <h1>{t('import.title')}</h1>
      <p>{t('import.intro')}</p>
      <UploadForm csrf={p.csrf} error={p.error} />
      <h2>{t('import.columns')}</h2>
      <ul>
        {(['import.col.name', 'import.col.username', 'import.col.role', 'import.col.unit', 'import.col.contact'] as const).map((k) => <li>{t(k)}</li>)}
      </ul>
      <p><a class="button secondary" href="/admin/pengguna/impor/contoh.csv" download="contoh-daftar-staf.csv">{t('import.template')}</a></p>
    </StaffLayout>
  );
}

const describe = (l: { role: CheckedLine['role']; unitNames: string[] }) => [l.role ? roleLabel(l.role) : null, l.unitNames.join(', ')].filter(Boolean).join(' · ');

function ResultPage(p: { actor: Actor; csrf: string; file: string; lines: CheckedLine[] }) {
  const ready = p.lines.filter((l) => l.input);
  const bad = p.lines.filter((l) => !l.input);
  return (
    <StaffLayout title={t('import.result.title', { file: p.file })} actor={p.actor} csrfToken={p.csrf} back={{ href: '/admin/pengguna/impor', label: t('import.title') }}>
      {css}
      <h1>{t('import.result.title', { file: p.file })}</h1>
      <ul class="import-summary">
        <li><b>{ready.length}</b> {t('import.result.ready')}</li>
        <li><b>{bad.length}</b> {t('import.result.bad')}</li>
      </ul>
      {bad.length ? (
        <>
          <h2>{t('import.result.bad_title')}</h2>
          <p>{t('import.result.bad_note')}</p>
          <ul class="import-lines">
            {bad.map((l) => (
              <li class="bad">
                <span class="line-no">{t('import.line', { line: l.line })}</span> — {l.displayName || t('staff_import.no_name')}
                <ul>{l.problems.map((pr) => <li>{staffProblemText(pr)}</li>)}</ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ready.length ? (
        <>
          <form method="post" action="/admin/pengguna/impor/buat" class="card">
            <CsrfInput token={p.csrf} />
            <IdempotencyInput />
            <input type="hidden" name="rows" value={JSON.stringify(ready.map((l) => l.input))} />
            <button type="submit" class="wide">{t('import.create', { count: ready.length })}</button>
          </form>
          <details open={ready.length <= 10}>
            <summary>{t('import.result.ready_title', { count: ready.length })}</summary>
            <ul class="import-lines">
              {ready.map((l) => (
                <li>
                  <span class="line-no">{t('import.line', { line: l.line })}</span> — {l.displayName}
                  <span class="meta">{l.username}{l.usernameMade ? ` (${t('import.result.made_username')})` : ''} · {describe(l)}</span>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        <p class="flash flash-info">{t('import.none_ready')}</p>
      )}
      <p><a class="button secondary" href="/admin/pengguna/impor">{t('import.again')}</a></p>
    </StaffLayout>
  );
}

const HANDOVER_WORDS: HandoverWords = {
  title: t('staff_import.sheet_out.title'),
  columns: {
    line: t('staff_import.sheet_out.line'), name: t('staff_import.sheet_out.name'), username: t('staff_import.sheet_out.username'), password: t('staff_import.sheet_out.password'),
    role: t('staff_import.sheet_out.role'), units: t('staff_import.sheet_out.units'), url: t('staff_import.sheet_out.url'),
  },
  note: t('staff_import.sheet_out.note'),
  role: (r) => roleLabel(r),
};

// A handover sealed before the problems became codes (kept a day at most) still holds the sentence.
const skippedText = (p: ImportOutcome['skipped'][number]['problem'] | string) => (typeof p === 'string' ? p : staffProblemText(p, 'id', true));

function HandoverPage(p: { actor: Actor; csrf: string; id: string; created: Handover[]; skipped: ImportOutcome['skipped']; signIn: string; day: string }) {
  return (
    <StaffLayout title={t('handover.title', { count: p.created.length })} actor={p.actor} csrfToken={p.csrf} back={{ href: '/admin/pengguna', label: t('handover.back') }}>
      {css}
      <h1>{t('handover.title', { count: p.created.length })}</h1>
      <p class="flash flash-info">{t('handover.once')}</p>
      <p class="no-print">
        <a class="button wide" href={`/admin/pengguna/impor/hasil/${p.id}/lembar`} download={`serah-terima-akun-${p.day}.xlsx`}>{t('handover.download')}</a>
      </p>
      <p class="no-print muted">{t('handover.print')}</p>
      <p>{t('handover.how', { url: p.signIn })}</p>
      <ol class="handover">
        {p.created.map((h) => (
          <li>
            <span class="who">{h.displayName}</span>
            {roleLabel(h.role)}{h.unitNames.length ? ` · ${h.unitNames.join(', ')}` : ''}
            <br />
            {t('handover.username')}: <strong class="username">{h.username}</strong>
            <br />
            {t('handover.password')}:
            <br />
            <span class="secret">{h.password}</span>
          </li>
        ))}
      </ol>
      <form method="post" action={`/admin/pengguna/impor/hasil/${p.id}/selesai`} class="card">
        <CsrfInput token={p.csrf} />
        <p>{t('handover.done_note')}</p>
        <button type="submit" class="secondary wide">{t('handover.done')}</button>
      </form>
      {p.skipped.length ? (
        <>
          <h2>{t('handover.skipped')}</h2>
          <ul class="import-lines">
            {p.skipped.map((s) => (
              <li class="bad"><span class="line-no">{t('import.line', { line: s.line })}</span> — {s.username}: {skippedText(s.problem)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </StaffLayout>
  );
}

export function staffImportRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/pengguna/impor', requireCityAdmin(deps));
  app.use('/admin/pengguna/impor/*', requireCityAdmin(deps));

  app.get('/admin/pengguna/impor', (c) => c.html(<ImportPage actor={c.get('actor')!} csrf={c.get('csrfToken')} />));

  app.get('/admin/pengguna/impor/contoh.csv', (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="contoh-daftar-staf.csv"');
    // A BOM, so Excel opens the sample as UTF-8.
    return c.body(`\uFEFF${SAMPLE_CSV}\r\n`);
  });

  app.post('/admin/pengguna/impor', async (c) => {
    // The one field is a file (a CSV or XLSX sheet read whole), not text: no schema to parse here
    // (formFiles takes it); the sheet's lines are checked by checkStaffRows, each named by its line.
    const file = (await formFiles(c, ['berkas'])).berkas![0];
    if (!file) {
      c.status(422);
      return c.html(<ImportPage actor={c.get('actor')!} csrf={c.get('csrfToken')} error={t('import.error.no_file')} />);
    }
    const sheet = await readStaffSheet(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!sheet.ok) {
      c.status(422);
      return c.html(<ImportPage actor={c.get('actor')!} csrf={c.get('csrfToken')} error={sheetProblemText(sheet.problem)} />);
    }
    const lines = await checkStaffRows(deps.db, c.get('region'), sheet.rows);
    return c.html(<ResultPage actor={c.get('actor')!} csrf={c.get('csrfToken')} file={file.name} lines={lines} />);
  });

  app.post('/admin/pengguna/impor/buat', async (c) => {
    // The lines come from our own dry-run page; lines that do not parse mean a stale or edited
    // page, so the person starts again from the upload.
    const form = await parseForm(c, createStaffFormSchema, ['rows']);
    if (!form.ok) return c.redirect('/admin/pengguna/impor', 303);
    const actor = c.get('actor')!;
    const r = await createImportedStaff(deps.db, deps.clock, actor, form.data.rows, c.get('region'));
    if (!r.ok) return c.redirect('/admin/pengguna', 303);
    const id = await keepHandover(deps.db, deps.clock, actor, deps.config.secret, r.value, c.get('region'));
    return c.redirect(`/admin/pengguna/impor/hasil/${id}`, 303);
  });

  const signInUrl = `${deps.config.publicUrl}/admin`;

  app.get('/admin/pengguna/impor/hasil/:id', async (c) => {
    const h = await readHandover(deps.db, deps.clock, c.get('actor')!, deps.config.secret, c.req.param('id'));
    if (!h) return renderNotFound(c);
    return c.html(<HandoverPage actor={c.get('actor')!} csrf={c.get('csrfToken')} id={c.req.param('id')} created={h.created} skipped={h.skipped} signIn={signInUrl} day={h.createdAt.slice(0, 10)} />);
  });

  app.get('/admin/pengguna/impor/hasil/:id/lembar', async (c) => {
    const h = await readHandover(deps.db, deps.clock, c.get('actor')!, deps.config.secret, c.req.param('id'));
    if (!h) return renderNotFound(c);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="serah-terima-akun-${h.createdAt.slice(0, 10)}.xlsx"`);
    return c.body(new Uint8Array(await handoverSheet(h.created, signInUrl, HANDOVER_WORDS)));
  });

  app.post('/admin/pengguna/impor/hasil/:id/selesai', async (c) => {
    await discardHandover(deps.db, c.get('actor')!, c.req.param('id'));
    return c.redirect('/admin/pengguna?ok=handover_done', 303);
  });

  return app;
}
