import { Hono } from 'hono';
import { TEMPLATE_NAMES, approvalRequired, templateChoiceSchema, createDraft, houseHashtags, writerPowers } from '../../../modules/composer/index.js';
import { parseForm } from '../../forms/parse-form.js';
import { cleanHashtags } from '../../../modules/publishing-captions/index.js';
import { t, termParams } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { CsrfInput, IdempotencyInput } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { lineageNames } from './composer-deps.js';
import { draftUrl } from './paths.js';

/** "Tulis kabar": six big buttons; one tap makes the draft and opens the writing page. */
export function writeRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/unit/:slug/tulis', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    if (!writerPowers(actor, unit, await approvalRequired(deps.db, unit.id)).canEdit) return renderForbidden(c);
    return c.html(
      <StaffLayout title={t('composer.choose.title')} actor={actor} csrfToken={c.get('csrfToken')} back={{ href: `/admin/unit/${unit.slug}`, label: unit.name }}>
        <h1>{t('composer.choose.title')}</h1>
        <p class="muted">{t('composer.choose.hint')}</p>
        <form method="post" action={`/admin/unit/${unit.slug}/tulis`} class="template-grid">
          <CsrfInput token={c.get('csrfToken')} />
          <IdempotencyInput />
          {TEMPLATE_NAMES.map((name) => (
            <button type="submit" name="template" value={name} class="template-button">
              <span class="label">{t(`composer.tpl.${name}`)}</span>
              <span class="desc">{t(`composer.tpl.${name}.desc`)}</span>
            </button>
          ))}
        </form>
      </StaffLayout>,
    );
  });

  app.post('/admin/unit/:slug/tulis', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    // One button per kind of news: an unknown or missing choice shows the choices again.
    const form = await parseForm(c, templateChoiceSchema, ['template']);
    if (!form.ok) return c.redirect(`/admin/unit/${unit.slug}/tulis`, 303);
    const names = await lineageNames(deps, unit);
    const tpl = form.data.template;
    const r = await createDraft(deps, {
      unitId: unit.id,
      userId: actor.id,
      template: tpl,
      text: {
        body: t(`composer.tpl.${tpl}.body`, { unit: unit.name }),
        hashtags: cleanHashtags(houseHashtags({ cityName: names.city, kecamatanName: names.kecamatan, unitName: unit.name, unitWord: termParams().Kel!, template: tpl })),
      },
    });
    if (!r.ok) return c.redirect(`/admin/unit/${unit.slug}/tulis`, 303);
    return c.redirect(draftUrl(unit.slug, r.value.id), 303);
  });

  return app;
}
