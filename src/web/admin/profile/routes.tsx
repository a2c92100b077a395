import { Hono } from 'hono';
import type { Context } from 'hono';
import { t } from '../../../i18n/index.js';
import { can, recordAudit } from '../../../modules/accounts/index.js';
import { type ProfileSectionKey, SECTION_KEYS, getProfile, isSectionKey, profileCompleteness, updateProfileSection } from '../../../modules/profile/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { type FormValues, SECTION_FIELDS, formToSection, sectionToForm } from './section-forms.js';

// Staff forms for the profil kelurahan, one screen per section, with the completeness figure
// as a to-do list. Reading needs `read` on the unit, saving needs `write` (unitGuard).

type C = Context<AppEnv>;

export function profileAdminRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/unit/:slug/profil', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const { profile } = await getProfile(deps.db, unit.id);
    const done = profileCompleteness(profile);
    const canWrite = can(c.get('actor')!, 'write', unit);
    return c.html(
      <StaffLayout title={t('site.admin.profil.title')} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: `/admin/unit/${unit.slug}`, label: unit.name }} flash={flashOf(c)}>
        <h1>{t('site.admin.profil.title')} — {unit.name}</h1>
        <p>{t('site.admin.profil.overall', { n: done.overall })}</p>
        <ul class="unit-list">
          {SECTION_KEYS.map((k) => (
            <li>
              <span class="name">{t(`site.admin.section.${k}`)}</span>
              <span class="meta">{done.sections[k].percent}%</span>
              {done.sections[k].missing.length > 0 ? (
                <p class="hint">{t('site.admin.profil.missing')}: {done.sections[k].missing.map((m) => t(`site.completeness.${m}`)).join(', ')}</p>
              ) : null}
              <div class="actions">
                <a href={`/admin/unit/${unit.slug}/profil/${k}`}>{canWrite ? t('site.admin.edit') : t('site.admin.view')}</a>
              </div>
            </li>
          ))}
        </ul>
        <p><a href={`/${unit.slug}/profil`}>{t('site.admin.viewPublic')}</a></p>
      </StaffLayout>,
    );
  });

  app.get('/admin/unit/:slug/profil/:section', unitGuard(deps), async (c) => {
    const section = c.req.param('section');
    if (!isSectionKey(section)) return c.notFound();
    const { profile } = await getProfile(deps.db, c.get('unit').id);
    return form(c, section, sectionToForm(section, profile), []);
  });

  app.post('/admin/unit/:slug/profil/:section', unitGuard(deps), async (c) => {
    const section = c.req.param('section');
    if (!isSectionKey(section)) return c.notFound();
    const unit = c.get('unit');
    const body = await c.req.parseBody();
    const values: FormValues = {};
    for (const [name] of SECTION_FIELDS[section]) values[name] = typeof body[name] === 'string' ? (body[name] as string) : '';
    const r = await updateProfileSection(deps.db, deps.clock, { unitId: unit.id, section, data: formToSection(section, values), actorId: c.get('actor')!.id });
    if (!r.ok) {
      const errors = (r.problems ?? []).map((p) => t('site.admin.problem', { field: fieldLabel(section, p.path.split('.')[0]!), line: lineOf(p.path) }));
      return form(c, section, values, errors.length ? [...new Set(errors)] : [t('site.admin.invalid')], 422);
    }
    deps.services.pages.unitChanged(unit.id);
    await recordAudit(deps.db, deps.clock, { actorUserId: c.get('actor')!.id, action: 'profile.update', unitId: unit.id, target: section });
    return c.redirect(`/admin/unit/${unit.slug}/profil?ok=${section}`, 303);
  });

  const form = (c: C, section: ProfileSectionKey, values: FormValues, errors: string[], status = 200) => {
    const unit = c.get('unit');
    const canWrite = can(c.get('actor')!, 'write', unit);
    return c.html(
      <StaffLayout title={t(`site.admin.section.${section}`)} actor={c.get('actor')} csrfToken={c.get('csrfToken')} back={{ href: `/admin/unit/${unit.slug}/profil`, label: t('site.admin.profil.title') }}>
        <h1>{t(`site.admin.section.${section}`)}</h1>
        <p class="hint">{t(`site.admin.sectionHint.${section}`)}</p>
        <form method="post" action={`/admin/unit/${unit.slug}/profil/${section}`} class="card">
          <CsrfInput token={c.get('csrfToken')} />
          <ErrorSummary errors={errors} />
          {SECTION_FIELDS[section].map(([name, multi]) => {
            const id = `f-${name}`;
            const hintKey = `site.admin.fieldHint.${section}.${name}`;
            const hint = t(hintKey);
            return (
              <div class="field">
                <label for={id}>{fieldLabel(section, name)}</label>
                {hint !== hintKey ? <p class="hint" id={`${id}-hint`}>{hint}</p> : null}
                {multi ? (
                  <textarea id={id} name={name} rows={name === 'sejarah' || name === 'sambutanLurah' ? 10 : 6} readonly={!canWrite} aria-describedby={hint !== hintKey ? `${id}-hint` : undefined}>{values[name] ?? ''}</textarea>
                ) : (
                  <input id={id} name={name} type="text" value={values[name] ?? ''} readonly={!canWrite} aria-describedby={hint !== hintKey ? `${id}-hint` : undefined} />
                )}
              </div>
            );
          })}
          {canWrite ? <button type="submit" class="wide">{t('site.admin.save')}</button> : <p class="hint">{t('site.admin.readOnly')}</p>}
        </form>
      </StaffLayout>,
      status as 200,
    );
  };

  return app;
}

const fieldLabel = (section: ProfileSectionKey, name: string) => t(`site.admin.field.${section}.${name}`);
const lineOf = (path: string) => {
  const m = /\.(\d+)/.exec(path);
  return m ? t('site.admin.line', { n: Number(m[1]) + 1 }) : '';
};

function flashOf(c: C) {
  const ok = c.req.query('ok');
  return ok && isSectionKey(ok) ? { kind: 'ok' as const, text: t('site.admin.saved', { section: t(`site.admin.section.${ok}`) }) } : null;
}
