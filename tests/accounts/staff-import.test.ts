import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStaffRows, createStaffFormSchema, readStaffSheet } from '../../src/modules/accounts/index.js';
import { problemsOf } from '../../src/shared/field-problems.js';
import { sheetProblemText, staffProblemText } from '../../src/web/admin/staff-import-problems.js';
import { createTestApp, csrfFrom, type Session, type TestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Staff in bulk (issue 13, point 6): the dry run names each problem by the line a person sees in
// their editor; the accounts come with one-time passwords shown once (page and XLSX) that must
// be changed at the first sign-in; staff who left are disabled in one action.
const csv = (s: string) => new TextEncoder().encode(s);

describe('reading the staff list', () => {
  it('keeps the line numbers of a CSV: header, blank lines, a quoted value over two lines, BOM, semicolons', async () => {
    const r = await readStaffSheet('staf.csv', csv('\uFEFFNama;Peran;Kelurahan;No WA\r\nSiti Aminah;operator;Bacang;0812 3456 7890\r\n\r\n"Budi\r\nSantoso";lurah;Bacang;\r\nAni, S.Sos;operator;Air Itam;\r\n'));
    expect(r).toEqual({
      ok: true,
      columns: ['name', 'role', 'unit', 'phone'],
      rows: [
        { line: 2, values: { name: 'Siti Aminah', role: 'operator', unit: 'Bacang', phone: '0812 3456 7890' } },
        { line: 4, values: { name: 'Budi\r\nSantoso', role: 'lurah', unit: 'Bacang' } },
        { line: 6, values: { name: 'Ani, S.Sos', role: 'operator', unit: 'Air Itam' } },
      ],
    });
  });

  it('says which column is missing, and where a quote was left open', async () => {
    // Codes with their facts (issue 19 point 2), never a sentence; the page says them (below).
    expect(await readStaffSheet('a.csv', csv('nama,email\nSiti,s@x.id\n'))).toEqual({ ok: false, problem: { code: 'missing_columns', line: 1, columns: ['role', 'unit'] } });
    expect(await readStaffSheet('a.csv', csv('\nnama,email\nSiti,s@x.id\n'))).toEqual({ ok: false, problem: { code: 'missing_columns', line: 2, columns: ['role', 'unit'] } });
    expect(await readStaffSheet('a.csv', csv('nama,peran,unit\nSiti,operator,Bacang\n"Budi,lurah,Bacang\n'))).toEqual({ ok: false, problem: { code: 'csv_open_quote', line: 3 } });
    expect(await readStaffSheet('a.xls', csv('x'))).toEqual({ ok: false, problem: { code: 'xls_old' } });
    expect(await readStaffSheet('a.xlsx', csv('x'))).toEqual({ ok: false, problem: { code: 'xlsx_not_workbook' } });
    expect(await readStaffSheet('a.csv', csv('\n\n'))).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(await readStaffSheet('a.csv', csv('nama,peran,unit\n'))).toEqual({ ok: false, problem: { code: 'header_only' } });
  });

  it('the page says those codes in the words they always had (id) and in English', () => {
    expect(sheetProblemText({ code: 'missing_columns', line: 1, columns: ['role', 'unit'] })).toBe('Baris 1 (judul kolom): kolom "peran", "unit" tidak ditemukan. Judul yang dikenali: nama, nama pengguna, peran, unit, email, whatsapp.');
    expect(sheetProblemText({ code: 'csv_open_quote', line: 3 })).toBe('Baris 3: tanda kutip (") dibuka tetapi tidak ditutup. Periksa baris itu, atau simpan ulang dari Excel sebagai "CSV UTF-8".');
    expect(sheetProblemText({ code: 'csv_unreadable', line: null })).toBe('Isinya tidak dapat dibaca sebagai CSV. Periksa baris itu, atau simpan ulang dari Excel sebagai "CSV UTF-8".');
    expect(sheetProblemText({ code: 'too_many', rows: 2001, max: 2000 })).toBe('Berkas berisi 2001 baris; paling banyak 2000 sekali impor. Bagi menjadi beberapa berkas.');
    expect(sheetProblemText({ code: 'xls_old' }, 'en')).toContain('old Excel');
    expect(staffProblemText({ code: 'unit_ambiguous', unit: 'Bacang', matches: [{ name: 'Bacang', kind: 'kelurahan' }, { name: 'Bacang', kind: 'kecamatan' }] })).toBe('Unit "Bacang" ada lebih dari satu (Bacang — kelurahan, Bacang — kecamatan); tulis kodenya atau nama yang lebih lengkap.');
    expect(staffProblemText({ code: 'username_in_file', username: 'rina.ops', line: 5 })).toBe('Nama pengguna "rina.ops" sudah ada di baris 5 berkas ini.');
    expect(staffProblemText({ code: 'username_taken', username: 'admin' })).toBe('Nama pengguna "admin" sudah dipakai akun lain.');
    expect(staffProblemText({ code: 'username_taken', username: 'admin' }, 'id', true)).toBe('Nama pengguna "admin" sudah dipakai.');
    expect(staffProblemText({ code: 'account', problem: { path: 'unitIds', code: 'one' } })).toBe('Peran ini harus punya tepat satu unit.');
    expect(staffProblemText({ code: 'role_missing' }, 'en')).toMatch(/^Role not filled in/);
  });

  it('reads an XLSX workbook with its row numbers', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Staf');
    sheet.addRow(['Daftar operator kelurahan 2026']);
    sheet.addRow([]);
    sheet.addRow(['Nama Lengkap', 'Username', 'Role', 'Unit', 'E-mail']);
    sheet.addRow(['Siti Aminah', 'siti.aminah', 'Operator', 'Bacang', 'siti@example.go.id']);
    // A title row above the header is not a header: the file starts its table on row 3.
    const r = await readStaffSheet('staf.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    expect(r.ok).toBe(false);
    sheet.spliceRows(1, 2);
    const ok = await readStaffSheet('staf.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    expect(ok).toEqual({ ok: true, columns: ['name', 'username', 'role', 'unit', 'email'], rows: [{ line: 2, values: { name: 'Siti Aminah', username: 'siti.aminah', role: 'Operator', unit: 'Bacang', email: 'siti@example.go.id' } }] });
  });
});

describe(`staff import on ${testEngine()}`, () => {
  let a: TestApp;
  let admin: Session;
  beforeAll(async () => {
    a = await createTestApp();
    admin = await a.loginAs('admin');
  });
  afterAll(async () => a?.close());

  it('checks every line and reports each problem by its line number', async () => {
    const sheet = await readStaffSheet('s.csv', csv([
      'nama,nama pengguna,peran,unit,email,whatsapp',
      'Siti Aminah,,operator,Bacang,,', // 2: operator.bacang exists (demo) → operator.bacang.2
      'Hendra,,kepala desa,Kelurahan Air Itam,,', // 3: lurah.air-itam
      'Budi,budi.x,operator,Kampung Entah,,', // 4: unknown unit
      'Rina,rina.ops,tukang,Bacang,,', // 5: unknown role
      'Dewi,rina.ops,operator,Gabek Satu,dewi@,08ab', // 6: duplicate of 5, bad e-mail and phone
      ',tanpa.nama,operator,Bacang,,', // 7: no name
      'Camat Baru,,camat,Bukit Intan,,', // 8: camat of the kecamatan (a kelurahan shares no name)
      'Pendamping Dua,,pendamping,Bacang; Air Itam,,', // 9: several units
      'Admin Lagi,admin,admin kota,,,', // 10: username taken
      'Lurah Dua,,lurah,Bacang; Air Itam,,', // 11: a lurah has exactly one unit
    ].join('\n')));
    if (!sheet.ok) throw new Error(sheet.problem.code);
    const lines = await checkStaffRows(a.t.db, '19.71', sheet.rows);
    const by = (n: number) => lines.find((l) => l.line === n)!;
    expect(by(2)).toMatchObject({ username: 'operator.bacang.2', usernameMade: true, role: 'operator', unitNames: ['Bacang'], problems: [] });
    expect(by(3)).toMatchObject({ username: 'lurah.air-itam', role: 'lurah', problems: [] });
    expect(by(4).problems).toEqual([{ code: 'unit_not_found', unit: 'Kampung Entah' }]);
    expect(by(5).problems).toEqual([{ code: 'role_unknown', role: 'tukang' }]);
    expect(by(6).problems).toEqual(expect.arrayContaining([
      { code: 'account', problem: { path: 'email', code: expect.any(String) } }, { code: 'account', problem: { path: 'phone', code: expect.any(String) } }, { code: 'username_in_file', username: 'rina.ops', line: 5 },
    ]));
    expect(by(6).problems.map((p) => staffProblemText(p))).toEqual(expect.arrayContaining(['Alamat e-mail tidak sah.', expect.stringMatching(/^Nomor telepon/)]));
    expect(by(7).problems).toContainEqual({ code: 'name_missing' });
    expect(by(8)).toMatchObject({ role: 'camat', unitNames: ['Bukit Intan'], problems: [] });
    expect(by(9)).toMatchObject({ role: 'pendamping', unitNames: ['Bacang', 'Air Itam'], username: 'pendamping.dua', problems: [] });
    expect(by(10).problems).toEqual([{ code: 'username_taken', username: 'admin' }]);
    expect(by(11).problems).toEqual([{ code: 'account', problem: { path: 'unitIds', code: 'one' } }]);
    expect(lines.filter((l) => l.input).map((l) => l.line)).toEqual([2, 3, 8, 9]);
  });

  const upload = async (name: string, body: Uint8Array, type = 'text/csv') => {
    const form = new FormData();
    form.append('_csrf', admin.csrf);
    form.append('berkas', new Blob([body], { type }), name);
    return a.request('/admin/pengguna/impor', { method: 'POST', cookie: admin.cookie, body: form });
  };

  it('over HTTP: the dry run creates nothing; "Buat" (even tapped twice) creates the ready lines once, with one-time passwords for their creator only', async () => {
    const before = (await a.t.db.selectFrom('users').select('id').execute()).length;
    const res = await upload('operator-baru.csv', csv('nama,username,peran,unit,whatsapp\nSiti Aminah,siti.pasirputih,operator,Pasir Putih,0812 1111 2222\nBudi,,operator,Tidak Ada,\nAni Lestari,,operator,Semabung Lama,\n'));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Baris 3');
    expect(html).toContain('Unit &quot;Tidak Ada&quot; tidak ditemukan');
    expect(html).toContain('Buat 2 akun sekarang');
    expect((await a.t.db.selectFrom('users').select('id').execute()).length).toBe(before);

    const rows = /name="rows" value="([^"]+)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const idem = /name="_idem" value="([^"]+)"/.exec(html)![1]!;
    // A double tap: both answers lead to the same handover, and the accounts are made once.
    const [made, twice] = await Promise.all([
      admin.post('/admin/pengguna/impor/buat', { _csrf: csrfFrom(html), _idem: idem, rows }),
      admin.post('/admin/pengguna/impor/buat', { _csrf: csrfFrom(html), _idem: idem, rows }),
    ]);
    expect(made.status).toBe(303);
    const at = made.headers.get('location')!;
    expect(at).toMatch(/^\/admin\/pengguna\/impor\/hasil\/[a-z0-9]+$/);
    expect(twice.headers.get('location')).toBe(at);
    const handover = await (await admin.get(at)).text();
    expect(handover).toContain('2 akun dibuat');
    const secrets = [...handover.matchAll(/<span class="secret">([^<]+)<\/span>/g)].map((m) => m[1]!);
    expect(secrets).toHaveLength(2);
    expect(secrets.every((p) => /^([a-z]+-){3}\d{3}$/.test(p))).toBe(true);
    // A reload shows the same passwords; they are stored sealed only, never in clear.
    expect(await (await admin.get(at)).text()).toContain(secrets[1]);
    const stored = await a.t.db.selectFrom('staff_handovers').select('sealed').execute();
    expect(stored).toHaveLength(1);
    for (const p of secrets) expect(Buffer.from(stored[0]!.sealed, 'base64url').toString('latin1')).not.toContain(p);
    // Every kelurahan has a demo operator.<slug> here: the made-up name steps aside to .2.
    const created = await a.t.db.selectFrom('users').selectAll().where('username', 'in', ['siti.pasirputih', 'operator.semabung-lama.2']).orderBy('username').execute();
    expect(created.map((u) => [u.username, u.must_change_password, u.is_demo, u.phone])).toEqual([['operator.semabung-lama.2', 1, 0, null], ['siti.pasirputih', 1, 0, '0812 1111 2222']]);
    for (const u of created) for (const p of secrets) expect(u.password_hash).not.toContain(p);

    // The handover sheet lists the same accounts and passwords; another admin cannot open it.
    const sheet = await admin.get(`${at}/lembar`);
    expect(sheet.headers.get('content-disposition')).toMatch(/^attachment; filename="serah-terima-akun-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await sheet.arrayBuffer()) as unknown as ArrayBuffer);
    const values = book.worksheets[0]!.getSheetValues().slice(2, 4).map((r) => (r as unknown[]).slice(2, 5));
    expect(values).toEqual([['Siti Aminah', 'siti.pasirputih', secrets[0]], ['Ani Lestari', 'operator.semabung-lama.2', secrets[1]]]);
    // Its words come from the web's catalogue (the module only lays it out): same Indonesian as before.
    expect(book.worksheets[0]!.name).toBe('Serah terima akun');
    expect((book.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual(['Baris', 'Nama', 'Nama pengguna', 'Kata sandi sekali pakai', 'Peran', 'Unit', 'Alamat masuk']);
    await a.t.db.updateTable('users').set({ role: 'admin_kota' }).where('username', '=', 'walikota').execute();
    const other = await a.loginAs('walikota');
    expect((await other.get(at)).status).toBe(404);
    expect((await other.get(`${at}/lembar`)).status).toBe(404);

    // The first sign-in must change the one-time password before anything else.
    const op = await a.loginAs('siti.pasirputih', secrets[0]);
    const home = await op.get('/admin/unit/pasir-putih');
    expect(home.headers.get('location')).toBe('/admin/akun/sandi?wajib=1');

    // The same lines again (a new form): created already, so skipped and named.
    const again = await admin.post('/admin/pengguna/impor/buat', { _csrf: csrfFrom(html), rows });
    expect(await (await admin.get(again.headers.get('location')!)).text()).toContain('Nama pengguna &quot;siti.pasirputih&quot; sudah dipakai.');

    // "Selesai": the passwords leave the server; the page is gone.
    const done = await admin.post(`${at}/selesai`);
    expect(done.headers.get('location')).toBe('/admin/pengguna?ok=handover_done');
    expect(await (await admin.get('/admin/pengguna?ok=handover_done')).text()).toContain('sudah dihapus dari server');
    expect((await admin.get(at)).status).toBe(404);
  });

  it('"Buat" with lines that are not JSON or not staff lines goes back to the upload, creates nothing, never a 500', async () => {
    const before = await a.t.db.selectFrom('users').select('id').execute();
    for (const rows of ['{not json', '[]', '[{"line":"x","displayName":1}]', JSON.stringify([{ line: 2, displayName: 'A', username: 'a.b', role: 'raja', unitIds: [] }])]) {
      const res = await admin.post('/admin/pengguna/impor/buat', { rows });
      expect(res.status, rows).toBe(303);
      expect(res.headers.get('location'), rows).toBe('/admin/pengguna/impor');
    }
    expect((await a.t.db.selectFrom('users').select('id').execute()).length).toBe(before.length);
    // The schema names the field and the line's part that is wrong.
    const notJson = createStaffFormSchema.safeParse({ rows: '{not json' });
    expect(notJson.success ? [] : problemsOf(notJson.error.issues)).toEqual([{ path: 'rows', code: 'not_json' }]);
    const badRole = createStaffFormSchema.safeParse({ rows: '[{"line":2,"displayName":"A","username":"a.b","role":"raja","unitIds":[]}]' });
    expect(badRole.success ? [] : problemsOf(badRole.error.issues).map((p) => p.path)).toEqual(['rows.0.role']);
  });

  it('keeps the form and says next to the field what is wrong with an unreadable file', async () => {
    const res = await upload('daftar.csv', csv('nama,alamat\nSiti,Jl. Merdeka\n'));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-berkas-err">Baris 1 \(judul kolom\): kolom &quot;peran&quot;, &quot;unit&quot; tidak ditemukan/);
  });

  it('disables the ticked staff in one action, ends their sessions, and never the admin themself', async () => {
    const ids = await a.t.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['operator.asam', 'operator.bacang', 'admin']).execute();
    const bacangSession = await a.loginAs('operator.bacang');
    const page = await (await admin.get('/admin/pengguna/nonaktifkan?cari=asam')).text();
    expect(page).toContain('operator.asam');
    expect(page).not.toContain('operator.bacang');
    const res = await admin.post('/admin/pengguna/nonaktifkan', { userIds: ids.map((u) => u.id) });
    expect(res.headers.get('location')).toBe('/admin/pengguna/nonaktifkan?selesai=2');
    const status = await a.t.db.selectFrom('users').select(['username', 'status']).where('id', 'in', ids.map((u) => u.id)).orderBy('username').execute();
    expect(status).toEqual([{ username: 'admin', status: 'active' }, { username: 'operator.asam', status: 'disabled' }, { username: 'operator.bacang', status: 'disabled' }]);
    expect((await bacangSession.get('/admin/unit/bacang')).headers.get('location')).toMatch(/^\/admin\/masuk/);
    expect(await (await admin.get('/admin/pengguna/nonaktifkan?selesai=2')).text()).toContain('2 akun dinonaktifkan');
  });
});
