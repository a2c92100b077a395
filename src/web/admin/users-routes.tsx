import { Hono } from 'hono';
import {
  type Actor, ROLES, type UserRow, accountRepository, createUser, inScope, listThrottled, listUsers, newUserFormSchema, resetPassword,
  resetPasswordFormSchema, setUserStatus, updateUser, userFormSchema, userStatusFormSchema,
} from '../../modules/accounts/index.js';
import { listUnitTree, type UnitTree } from '../../modules/units/index.js';
import { formatDateTime, hasKey, t } from '../../i18n/index.js';
import { roleLabel } from '../../i18n/role-label.js';
import { accountProblemText } from '../../i18n/account-problems.js';
import type { FieldProblem } from '../../shared/field-problems.js';
import { PASSWORD_MIN } from '../../shared/password-limits.js';
import type { AppEnv } from '../context.js';
import { fieldErrors, formLists, formValues, parseForm, parseValues } from '../forms/parse-form.js';
import type { AppDeps } from '../deps.js';
import type { Context } from 'hono';
import { renderNotFound } from '../errors.js';
import { CsrfInput, ErrorSummary, Field, IdempotencyInput } from '../views/form.js';
import { StaffLayout } from '../views/staff-layout.js';
import { requireCityAdmin } from './require-city-admin.js';
import { THROTTLE_PATH } from './throttle-routes.js';

type FormValues = { username?: string; displayName?: string; role?: string; email?: string; phone?: string; unitIds?: string[] };

function UnitPicker({ tree, selected, error }: { tree: UnitTree; selected: string[]; error?: string }) {
  return (
    <fieldset class={error ? 'has-error' : undefined} aria-describedby={error ? 'f-unitIds-err' : undefined}>
      <legend>{t('users.units.legend')}</legend>
      <p class="hint">{t('users.units.hint')}</p>
      {error ? <p class="error" id="f-unitIds-err">{error}</p> : null}
      {tree.kecamatan.map((k) => (
        <details open={k.children.some((u) => selected.includes(u.id)) || selected.includes(k.unit.id)}>
          <summary>{t('users.units.kecamatan', { name: k.unit.name })}</summary>
          <label class="check">
            <input type="checkbox" name="unitIds" value={k.unit.id} checked={selected.includes(k.unit.id)} /> {t('users.units.for_camat', { name: k.unit.name })}
          </label>
          {k.children.map((u) => (
            <label class="check">
              <input type="checkbox" name="unitIds" value={u.id} checked={selected.includes(u.id)} /> {u.name}
            </label>
          ))}
        </details>
      ))}
      {tree.opd.length ? (
        <details open={tree.opd.some((u) => selected.includes(u.id))}>
          <summary>{t('users.units.opd')}</summary>
          {tree.opd.map((u) => (
            <label class="check">
              <input type="checkbox" name="unitIds" value={u.id} checked={selected.includes(u.id)} /> {u.name}
            </label>
          ))}
        </details>
      ) : null}
    </fieldset>
  );
}

function UserForm(p: { action: string; csrf: string; values: FormValues; tree: UnitTree; isNew: boolean; errors: Record<string, string> }) {
  const e = p.errors;
  return (
    <form method="post" action={p.action} class="card">
      <CsrfInput token={p.csrf} />
      {p.isNew ? <IdempotencyInput /> : null}
      <ErrorSummary errors={Object.values(e)} />
      {p.isNew ? <Field name="username" label={t('users.form.username')} value={p.values.username} hint={t('users.form.username_hint')} error={e.username} required /> : null}
      <Field name="displayName" label={t('users.form.display_name')} value={p.values.displayName} error={e.displayName} required />
      <div class={e.role ? 'field has-error' : 'field'}>
        <label for="f-role">{t('users.form.role')}</label>
        {e.role ? <p class="error" id="f-role-err">{e.role}</p> : null}
        <select id="f-role" name="role" aria-invalid={e.role ? 'true' : undefined} aria-describedby={e.role ? 'f-role-err' : undefined}>
          {ROLES.map((r) => (
            <option value={r} selected={p.values.role === r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <Field name="email" label={t('users.form.email')} type="email" value={p.values.email} error={e.email} />
      <Field name="phone" label={t('users.form.phone')} type="tel" inputmode="tel" value={p.values.phone} error={e.phone} />
      {p.isNew ? <Field name="password" label={t('users.form.password')} type="password" hint={t('users.form.password_hint', { min: PASSWORD_MIN })} error={e.password} required /> : null}
      <UnitPicker tree={p.tree} selected={p.values.unitIds ?? []} error={e.unitIds} />
      <button type="submit" class="wide">{p.isNew ? t('users.form.create') : t('users.form.save')}</button>
    </form>
  );
}

const USER_FIELDS = ['username', 'displayName', 'role', 'email', 'phone', 'password'] as const;

/** The user form as typed (`typed` never holds the password: it is not shown again) and its schema's input. */
async function readUserForm(c: Context) {
  const values = await formValues(c, USER_FIELDS);
  const { unitIds } = await formLists(c, ['unitIds']);
  const typed: FormValues = { username: values.username, displayName: values.displayName, role: values.role, email: values.email, phone: values.phone, unitIds };
  return { typed, values, input: { ...values, unitIds }, password: values.password ?? '' };
}

/** Each problem next to its field; the unit picker's problems all belong to the picker. */
const errorsOf = (problems: readonly FieldProblem[]) => fieldErrors(problems, (p) => accountProblemText(p));

export function usersRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/admin/pengguna', requireCityAdmin(deps));
  app.use('/admin/pengguna/*', requireCityAdmin(deps));

  app.get('/admin/pengguna', async (c) => {
    const actor = c.get('actor')!;
    const users = await listUsers(deps.db, actor);
    const slowed = new Set((await listThrottled(deps.db, deps.clock.now())).map((r) => r.username));
    // Only the confirmations this page knows: a crafted ?ok= shows nothing.
    const ok = c.req.query('ok') ?? '';
    const flash = ['saved', 'created', 'reset_done', 'status_done', 'handover_done'].includes(ok) && hasKey(`users.${ok}`) ? { kind: 'ok' as const, text: t(`users.${ok}`) } : null;
    return c.html(
      <StaffLayout title={t('users.title')} actor={actor} csrfToken={c.get('csrfToken')} flash={flash} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('users.title')}</h1>
        <p>
          <a class="button" href="/admin/pengguna/baru">{t('users.new')}</a>{' '}
          <a class="button secondary" href={THROTTLE_PATH}>{t('throttle.link')}</a>
        </p>
        <p>
          <a class="button secondary" href="/admin/pengguna/impor">{t('users.import_link')}</a>
        </p>
        <p>
          <a class="button secondary" href="/admin/pengguna/nonaktifkan">{t('users.leavers_link')}</a>
        </p>
        <div class="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">{t('users.list.user')}</th><th scope="col">{t('users.list.role')}</th><th scope="col">{t('users.list.status')}</th><th scope="col">{t('users.list.last_login')}</th></tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td><a href={`/admin/pengguna/${u.id}`}>{u.username}</a><br /><span class="muted">{u.display_name}</span></td>
                  <td>{roleLabel(u.role)}</td>
                  <td>{u.status === 'active' ? t('users.list.active') : t('users.list.disabled')}{slowed.has(u.username) ? ` · ${t('throttle.title')}` : ''}</td>
                  <td>{u.last_login_at ? formatDateTime(u.last_login_at) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </StaffLayout>,
    );
  });

  app.get('/admin/pengguna/baru', async (c) => {
    const tree = await listUnitTree(deps.db, c.get('region'));
    return c.html(
      <StaffLayout title={t('users.new')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: '/admin/pengguna', label: t('users.title') }}>
        <h1>{t('users.new')}</h1>
        <UserForm action="/admin/pengguna/baru" csrf={c.get('csrfToken')} values={{ role: 'operator' }} tree={tree} isNew errors={{}} />
      </StaffLayout>,
    );
  });

  app.post('/admin/pengguna/baru', async (c) => {
    const { typed, values, input, password } = await readUserForm(c);
    const form = parseValues(newUserFormSchema, values, input);
    const r = form.ok ? await createUser(deps.db, deps.clock, c.get('actor')!, { ...form.data, region: c.get('region') }, password) : { ok: false as const, problems: form.problems };
    if (!r.ok) {
      const tree = await listUnitTree(deps.db, c.get('region'));
      c.status(400);
      return c.html(
        <StaffLayout title={t('users.new')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: '/admin/pengguna', label: t('users.title') }}>
          <h1>{t('users.new')}</h1>
          <UserForm action="/admin/pengguna/baru" csrf={c.get('csrfToken')} values={typed} tree={tree} isNew errors={errorsOf(r.problems ?? [])} />
        </StaffLayout>,
      );
    }
    return c.redirect('/admin/pengguna?ok=created', 303);
  });

  const loadUser = async (actor: Actor, id: string): Promise<UserRow | undefined> => {
    const u = await accountRepository.userById(deps.db, id);
    return u && inScope(actor.regionCode, u.region_code) ? u : undefined;
  };

  const editPage = async (c: Context<AppEnv>, user: UserRow, values: FormValues, errors: Record<string, string>) => {
    const tree = await listUnitTree(deps.db, c.get('region'));
    const slowed = (await listThrottled(deps.db, deps.clock.now())).some((r) => r.username === user.username);
    const csrf = c.get('csrfToken');
    return c.html(
      <StaffLayout title={user.username} actor={c.get('actor')} csrfToken={csrf} back={{ href: '/admin/pengguna', label: t('users.title') }}>
        <h1>{user.username}</h1>
        <UserForm action={`/admin/pengguna/${user.id}`} csrf={csrf} values={values} tree={tree} isNew={false} errors={errors} />
        <form method="post" action={`/admin/pengguna/${user.id}/sandi`} class="card">
          <h2>{t('users.reset.title')}</h2>
          <CsrfInput token={csrf} />
          <Field name="temporary" label={t('users.reset.field')} type="password" hint={t('users.reset.hint')} error={errors.temporary} required />
          <button type="submit" class="secondary wide">{t('users.reset.submit')}</button>
        </form>
        <form method="post" action={`/admin/pengguna/${user.id}/status`} class="card">
          <h2>{t('users.status.title')}</h2>
          <CsrfInput token={csrf} />
          <p>{user.status === 'active' ? t('users.status.now_active') : t('users.status.now_disabled')}</p>
          {errors.change ? <p class="error">{errors.change}</p> : null}
          {slowed ? <p class="hint">{t('throttle.userNote')}</p> : null}
          {slowed ? <button type="submit" name="change" value="unlock" class="secondary wide">{t('throttle.clearUser', { username: user.username })}</button> : null}
          {user.status === 'active' ? (
            <button type="submit" name="change" value="disable" class="danger wide">{t('users.status.disable')}</button>
          ) : (
            <button type="submit" name="change" value="enable" class="wide">{t('users.status.enable')}</button>
          )}
        </form>
      </StaffLayout>,
    );
  };

  /** The user's saved details, for the edit form when another of the page's forms failed. */
  const storedValues = async (user: UserRow): Promise<FormValues> => ({
    displayName: user.display_name, role: user.role, email: user.email ?? '', phone: user.phone ?? '', unitIds: await accountRepository.unitIdsOf(deps.db, user.id),
  });

  app.get('/admin/pengguna/:id', async (c) => {
    const user = await loadUser(c.get('actor')!, c.req.param('id'));
    if (!user) return renderNotFound(c);
    return editPage(c, user, await storedValues(user), {});
  });

  app.post('/admin/pengguna/:id', async (c) => {
    const user = await loadUser(c.get('actor')!, c.req.param('id'));
    if (!user) return renderNotFound(c);
    const { typed, values, input } = await readUserForm(c);
    const form = parseValues(userFormSchema, values, input);
    const r = form.ok ? await updateUser(deps.db, deps.clock, c.get('actor')!, user.id, form.data) : { ok: false as const, problems: form.problems };
    if (!r.ok) {
      c.status(400);
      return editPage(c, user, typed, errorsOf(r.problems ?? []));
    }
    return c.redirect('/admin/pengguna?ok=saved', 303);
  });

  app.post('/admin/pengguna/:id/sandi', async (c) => {
    const user = await loadUser(c.get('actor')!, c.req.param('id'));
    if (!user) return renderNotFound(c);
    const form = await parseForm(c, resetPasswordFormSchema, ['temporary']);
    const r = form.ok ? await resetPassword(deps.db, deps.clock, c.get('actor')!, user.id, form.data.temporary) : { ok: false as const, problems: form.problems };
    if (!r.ok) {
      c.status(400);
      return editPage(c, user, await storedValues(user), errorsOf(r.problems ?? []));
    }
    return c.redirect('/admin/pengguna?ok=reset_done', 303);
  });

  app.post('/admin/pengguna/:id/status', async (c) => {
    const user = await loadUser(c.get('actor')!, c.req.param('id'));
    if (!user) return renderNotFound(c);
    const form = await parseForm(c, userStatusFormSchema, ['change']);
    if (!form.ok) return c.redirect(`/admin/pengguna/${user.id}`, 303);
    const r = await setUserStatus(deps.db, deps.clock, c.get('actor')!, user.id, form.data.change);
    if (!r.ok) {
      c.status(400);
      return editPage(c, user, await storedValues(user), errorsOf(r.problems ?? []));
    }
    return c.redirect('/admin/pengguna?ok=status_done', 303);
  });

  return app;
}
