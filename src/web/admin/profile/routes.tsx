import { Hono } from 'hono';
import type { Context } from 'hono';
import { t } from '../../../i18n/index.js';
import { can } from '../../../modules/accounts/index.js';
import { pickVariant, storeUpload } from '../../../modules/media/index.js';
import { type FieldProblem, type ProfileSectionKey, SECTION_KEYS, checkProfileSection, getProfile, isSectionKey, profileCompleteness, updateProfileSectionAsStaff } from '../../../modules/profile/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { mediaDepsOf } from '../composer/composer-deps.js';
import { refusalText, requestAvif } from '../composer/upload-route.js';
import { ADD_ROWS, type FieldKind, PHOTO_VARIANT, SECTION_FORMS, isList } from './form-model.js';
import { SectionForm, problemText } from './section-form-view.js';
import { type FormValues, formToSection, sectionToForm } from './section-forms.js';

// Staff forms for the profil kelurahan, one screen per section, with the completeness figure
// as a to-do list. Reading needs `read` on the unit, saving needs `write` (unitGuard). A refused
// save shows the same form with everything typed (and every photo already sent) kept, and each
// problem next to its field.

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
    return page(c, section, sectionToForm(section, profile), {});
  });

  app.post('/admin/unit/:slug/profil/:section', unitGuard(deps), async (c) => {
    const section = c.req.param('section');
    if (!isSectionKey(section)) return c.notFound();
    const unit = c.get('unit');
    const actor = c.get('actor')!;
    const body = await c.req.parseBody({ all: true });
    const values: FormValues = {};
    const files: [string, File][] = [];
    for (const [k, raw] of Object.entries(body)) {
      const v = Array.isArray(raw) ? raw[0] : raw;
      if (k.endsWith('.file')) {
        if (typeof v === 'object' && v !== null && v.size > 0) files.push([k.slice(0, -'.file'.length), v]);
      } else if (typeof v === 'string' && !k.startsWith('_')) values[k] = v;
    }
    const errors: Record<string, string> = {};
    for (const [name, file] of files) {
      const want = PHOTO_VARIANT[name.split('.').pop()!];
      if (!want || kindOf(section, name) !== 'photo') continue;
      const stored = await storeUpload(mediaDepsOf(deps), { unitId: unit.id, userId: actor.id, originalName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
      if (!stored.ok) {
        errors[name] = t('prof.error.photo', { reason: refusalText(stored) });
        continue;
      }
      if (!stored.value.duplicate) await requestAvif(deps, stored.value.item.id);
      const v = pickVariant(stored.value.item, want) ?? pickVariant(stored.value.item, { format: 'jpeg', minWidth: want.minWidth });
      if (v) values[name] = `/media/${v.key}`;
    }
    for (const k of Object.keys(values)) if (k.endsWith('._hapus') && kindOf(section, k.slice(0, -'._hapus'.length)) === 'photo' && values[k] === '1') values[k.slice(0, -'._hapus'.length)] = '';

    const more = typeof body._tambah === 'string' ? body._tambah : '';
    if (more && SECTION_FORMS[section].some((i) => isList(i) && i.list === more)) {
      return page(c, section, values, errors, 200, { list: more, n: ADD_ROWS });
    }

    const read = formToSection(section, values);
    const named = (problems: FieldProblem[]) => {
      for (const p of problems) {
        const name = read.fieldOf(p.path);
        errors[name] ??= problemText(kindOf(section, name), p.code);
      }
    };
    for (const [name, code] of Object.entries(read.errors)) errors[name] ??= problemText(kindOf(section, name), code);
    if (Object.keys(errors).length > 0) {
      named(checkProfileSection(section, read.data));
      return page(c, section, values, errors, 422);
    }
    const r = await updateProfileSectionAsStaff(deps, { actor, unit, section, data: read.data });
    if (!r.ok) {
      if (r.error === 'forbidden') return renderForbidden(c);
      named(r.problems ?? []);
      if (Object.keys(errors).length === 0) errors[firstField(section)] = t('prof.error.other');
      return page(c, section, values, errors, 422);
    }
    deps.services.pages.unitChanged(unit.id);
    return c.redirect(`/admin/unit/${unit.slug}/profil?ok=${section}`, 303);
  });

  const page = (c: C, section: ProfileSectionKey, values: FormValues, errors: Record<string, string>, status = 200, extraRows?: { list: string; n: number }) => {
    const unit = c.get('unit');
    const canWrite = can(c.get('actor')!, 'write', unit);
    return c.html(
      <StaffLayout
        title={t(`site.admin.section.${section}`)}
        actor={c.get('actor')}
        csrfToken={c.get('csrfToken')}
        back={{ href: `/admin/unit/${unit.slug}/profil`, label: t('site.admin.profil.title') }}
        flash={extraRows ? { kind: 'ok', text: t('prof.rows.added') } : null}
      >
        <h1>{t(`site.admin.section.${section}`)}</h1>
        <SectionForm section={section} action={`/admin/unit/${unit.slug}/profil/${section}`} csrfToken={c.get('csrfToken')} values={values} errors={errors} canWrite={canWrite} extraRows={extraRows} />
      </StaffLayout>,
      status as 200,
    );
  };

  return app;
}

/** The kind of a form field (`lat`, `items.3.foto`), or 'list' for a whole list. */
function kindOf(section: ProfileSectionKey, name: string): FieldKind | 'list' {
  const [head, , col] = name.split('.');
  for (const item of SECTION_FORMS[section]) {
    if (!isList(item) && item.name === head) return item.kind;
    if (isList(item) && item.list === head) return col ? (item.columns.find((c) => c.name === col)?.kind ?? 'text') : 'list';
  }
  return 'text';
}

const firstField = (section: ProfileSectionKey) => {
  const first = SECTION_FORMS[section][0]!;
  return isList(first) ? first.list : first.name;
};

function flashOf(c: C) {
  const ok = c.req.query('ok');
  return ok && isSectionKey(ok) ? { kind: 'ok' as const, text: t('site.admin.saved', { section: t(`site.admin.section.${ok}`) }) } : null;
}
