import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUserFormSchema } from '../../src/modules/accounts/index.js';
import { accountProblemText } from '../../src/i18n/account-problems.js';
import { problemsOf } from '../../src/shared/field-problems.js';
import { postMultipart } from '../composer/support.js';
import { type TestApp, createTestApp } from '../support/test-app.js';
import { testEngine } from '../support/test-db.js';

// Issue 19 point 2 for the user pages and the password page: each form is parsed with the
// accounts module's schema, every problem is said next to its own field, and what was typed is
// kept (never a password). A value of the wrong type is a field problem, not a 500.

/** The sentence shown next to field `name`, or null when that field has none. */
const errorNextTo = (html: string, name: string): string | null =>
  new RegExp(`<label for="f-${name}">[^]*?<p class="error" id="f-${name}-err">([^<]*)</p>`).exec(html)?.[1] ?? null;

describe(`account forms on ${testEngine()}`, () => {
  let a: TestApp;
  let bacang: string;
  beforeAll(async () => {
    a = await createTestApp();
    bacang = (await a.t.db.selectFrom('units').select('id').where('slug', '=', 'bacang').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => a?.close());

  const newUser = { username: 'operator9.bacang', displayName: 'Siti Aminah', role: 'operator', email: 'siti@example.go.id', phone: '0812 3456 7890', password: 'kopi hujan sepeda biru' };

  it('a new user with a bad e-mail and phone: each said next to its field, the rest kept, the password not', async () => {
    const admin = await a.loginAs('admin');
    const res = await admin.post('/admin/pengguna/baru', { ...newUser, email: 'bukan-email', phone: 'abc', unitIds: bacang });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorNextTo(html, 'email')).toContain('e-mail tidak sah');
    expect(errorNextTo(html, 'phone')).toContain('hanya angka');
    expect(errorNextTo(html, 'displayName')).toBeNull();
    expect(html).toContain('value="operator9.bacang"');
    expect(html).toContain('value="Siti Aminah"');
    expect(html).toContain('value="bukan-email"');
    expect(html).toMatch(new RegExp(`value="${bacang}" checked`));
    expect(html).not.toContain('kopi hujan sepeda biru');
    expect(await a.t.db.selectFrom('users').select('id').where('username', '=', 'operator9.bacang').executeTakeFirst()).toBeUndefined();
  });

  it('the units problem is said in the unit picker, a weak password next to the password, a taken name next to the name', async () => {
    const admin = await a.loginAs('admin');
    const noUnit = await (await admin.post('/admin/pengguna/baru', newUser)).text();
    expect(noUnit).toMatch(/id="f-unitIds-err">Peran ini harus punya tepat satu unit/);
    const weak = await admin.post('/admin/pengguna/baru', { ...newUser, password: 'pendek', unitIds: bacang });
    expect(weak.status).toBe(400);
    expect(errorNextTo(await weak.text(), 'password')).toContain('minimal 10 karakter');
    const taken = await (await admin.post('/admin/pengguna/baru', { ...newUser, username: 'operator.bacang', unitIds: bacang })).text();
    expect(errorNextTo(taken, 'username')).toContain('sudah dipakai');
  });

  it('a field sent as a file or an unknown role is that field’s problem, not a 500', async () => {
    const admin = await a.loginAs('admin');
    const res = await postMultipart(a, admin, '/admin/pengguna/baru', { ...newUser, role: 'raja', unitIds: bacang }, { displayName: { bytes: Buffer.from('x'), name: 'x.txt', type: 'text/plain' } });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(/id="f-role-err">Pilih peran/);
    expect(errorNextTo(html, 'displayName')).toBe('Isi nama lengkap.');
    expect(html).toContain('value="operator9.bacang"');
    // The schema itself, fed the wrong types, names the fields.
    const parsed = newUserFormSchema.safeParse({ ...newUser, displayName: 5, unitIds: 'satu' });
    expect(parsed.success).toBe(false);
    const problems = problemsOf(parsed.success ? [] : parsed.error.issues);
    expect(problems.map((p) => p.path).sort()).toEqual(['displayName', 'unitIds']);
    expect(accountProblemText(problems.find((p) => p.path === 'displayName')!)).toBe('Isi nama lengkap.');
    expect(accountProblemText({ path: 'displayName', code: 'too_small' }, 'en')).toBe('Fill in the full name.');
  });

  it('editing a user: a bad phone next to the phone, the other typed values kept; status and reset say theirs', async () => {
    const admin = await a.loginAs('admin');
    const user = await a.t.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'lurah.bacang').executeTakeFirstOrThrow();
    const res = await admin.post(`/admin/pengguna/${user.id}`, { displayName: 'Nama Baru Diketik', role: 'lurah', email: '', phone: '12', unitIds: bacang });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorNextTo(html, 'phone')).toContain('hanya angka');
    expect(html).toContain('value="Nama Baru Diketik"');
    expect(html).toContain('value="12"');
    expect((await a.t.db.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow()).display_name).toBe(user.display_name);

    const reset = await admin.post(`/admin/pengguna/${user.id}/sandi`, { temporary: 'lurahbacang' });
    expect(reset.status).toBe(400);
    expect(errorNextTo(await reset.text(), 'temporary')).toMatch(/nama pengguna|mudah ditebak|minimal/);

    const me = await a.t.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const self = await admin.post(`/admin/pengguna/${me.id}/status`, { change: 'disable' });
    expect(self.status).toBe(400);
    expect(await self.text()).toContain('Anda tidak dapat menonaktifkan akun sendiri.');
    const odd = await admin.post(`/admin/pengguna/${me.id}/status`, { change: 'hapus' });
    expect(odd.status).toBe(303);
    expect((await a.t.db.selectFrom('users').select('status').where('id', '=', me.id).executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('the password page says each problem next to its field', async () => {
    const s = await a.loginAs('operator.bacang');
    const wrong = await s.post('/admin/akun/sandi', { current: 'salah sekali', next: 'rumah biru dekat pasar', confirm: 'rumah biru dekat pasar' });
    expect(wrong.status).toBe(400);
    expect(errorNextTo(await wrong.text(), 'current')).toBe('Kata sandi sekarang salah.');
    const { DEMO_PASSWORD } = await import('../../src/modules/accounts/index.js');
    const differ = await (await s.post('/admin/akun/sandi', { current: DEMO_PASSWORD, next: 'rumah biru dekat pasar', confirm: 'rumah merah' })).text();
    expect(errorNextTo(differ, 'confirm')).toContain('tidak sama');
    const weak = await (await s.post('/admin/akun/sandi', { current: DEMO_PASSWORD, next: 'Password1234', confirm: 'Password1234' })).text();
    expect(errorNextTo(weak, 'next')).toContain('terlalu mudah ditebak');
    expect(weak).not.toContain('Password1234');
  });

  it('the sign-in page (demo box) and the user pages say their words from the catalogue, in the same Indonesian', async () => {
    const login = await (await a.request('/admin/masuk')).text();
    expect(login).toContain('<summary>Akun demo (mode demo)</summary>');
    expect(login).toContain('Kata sandi semua akun demo: <code>');
    expect(login).toContain('<code>walikota</code> — pimpinan, dasbor seluruh kota');
    expect(login).toContain('operator (ada untuk setiap kelurahan: <code>operator.&lt;nama-kelurahan&gt;</code>)');
    const admin = await a.loginAs('admin');
    const list = await (await admin.get('/admin/pengguna')).text();
    expect(list).toContain('<th scope="col">Pengguna</th><th scope="col">Peran</th><th scope="col">Status</th><th scope="col">Terakhir masuk</th>');
    expect(list).toContain('Aktif');
    const form = await (await admin.get('/admin/pengguna/baru')).text();
    expect(form).toMatch(/<label for="f-username">Nama pengguna<\/label>/);
    expect(form).toContain('Minimal 10 karakter. Pengguna wajib menggantinya saat pertama masuk.');
    expect(form).toContain('>Buat pengguna</button>');
    expect(form).toContain('<summary>Kecamatan Bukit Intan</summary>');
    const lurah = (await a.t.db.selectFrom('users').select('id').where('username', '=', 'lurah.bacang').executeTakeFirstOrThrow()).id;
    const edit = await (await admin.get(`/admin/pengguna/${lurah}`)).text();
    for (const words of ['>Simpan perubahan</button>', '<h2>Atur ulang kata sandi</h2>', '>Pasang kata sandi sementara</button>', '<h2>Status akun</h2>', '<p>Sekarang: aktif</p>', '>Nonaktifkan akun</button>']) expect(edit).toContain(words);
  });
});
