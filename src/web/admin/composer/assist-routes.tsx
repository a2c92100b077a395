import { Hono } from 'hono';
import type { Context } from 'hono';
import { can } from '../../../modules/accounts/index.js';
import { MAX_HELP_MESSAGE, answerHelp, approvalSwitchSchema, helpAnswerFormSchema, helpRequestFormSchema, assignedPendamping, assignedPendampingUsers, getDraft, pendampingOverview, requestHelp, setApprovalRequired } from '../../../modules/composer/index.js';
import { parseForm } from '../../forms/parse-form.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { renderForbidden } from '../../errors.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { CsrfInput, IdempotencyInput } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { draftUrl, homeUrl } from './paths.js';
import { tellPeople } from './notify-writer.js';

// "Minta bantuan" for kelurahan staff, the pendamping's list of their kelurahan, and the lurah's
// approval switch.

export function assistRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  /** The "Minta bantuan" form; sent back with what was typed and the problem at the field. */
  async function helpForm(c: Context<AppEnv>, draftId: string | undefined, typed = '', error: string | null = null) {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const draft = draftId ? await getDraft(deps.db, unit.id, draftId) : undefined;
    const names = await assignedPendamping(deps.db, unit.id);
    if (error) c.status(422);
    return c.html(
      <StaffLayout title={t('composer.help.title')} actor={actor} csrfToken={c.get('csrfToken')} back={draft ? { href: draftUrl(unit.slug, draft.id), label: t('composer.edit.title') } : { href: homeUrl(unit.slug), label: unit.name }}>
        <h1>{t('composer.help.title')}</h1>
        <p>{names.length ? t('composer.help.who', { names: names.join(', ') }) : t('composer.help.nobody')}</p>
        {draft ? <p class="muted">{t('composer.help.with_draft', { title: draft.title.trim() || t('composer.home.untitled') })}</p> : null}
        <form method="post" action={`/admin/unit/${unit.slug}/bantuan`}>
          <CsrfInput token={c.get('csrfToken')} />
          <IdempotencyInput />
          {draft ? <input type="hidden" name="draf" value={draft.id} /> : null}
          <div class={error ? 'field has-error' : 'field'}>
            <label for="f-message">{t('composer.help.message')}</label>
            <p class="hint" id="f-message-hint">
              {t('composer.help.message_hint')}
            </p>
            {error ? <p class="error" id="f-message-err">{error}</p> : null}
            <textarea id="f-message" name="message" rows={4} maxlength={MAX_HELP_MESSAGE} aria-describedby={error ? 'f-message-hint f-message-err' : 'f-message-hint'} aria-invalid={error ? 'true' : undefined}>{typed}</textarea>
          </div>
          <button type="submit" class="primary wide">
            {t('composer.help.send')}
          </button>
        </form>
      </StaffLayout>,
    );
  }

  app.get('/admin/unit/:slug/bantuan', unitGuard(deps), async (c) => {
    if (!can(c.get('actor')!, 'write', c.get('unit'))) return renderForbidden(c);
    return helpForm(c, c.req.query('draf'));
  });

  app.post('/admin/unit/:slug/bantuan', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const form = await parseForm(c, helpRequestFormSchema, ['draf', 'message']);
    const message = form.values.message!;
    const tooLong = () => helpForm(c, form.values.draf || undefined, message, t('composer.error.too_long', { max: MAX_HELP_MESSAGE, length: message.trim().length }));
    // The only field that can be wrong is the message (too long); a draft id of the wrong shape is no draft.
    if (!form.ok) return form.problems.some((p) => p.path === 'message') ? tooLong() : c.redirect(homeUrl(unit.slug, 'draft_gone'), 303);
    const draftId = form.data.draf;
    const r = await requestHelp(deps, { actor, unit, draftId, message: form.data.message });
    if (!r.ok && r.error === 'too_long') return tooLong();
    if (!r.ok) return r.error === 'forbidden' ? renderForbidden(c) : c.redirect(homeUrl(unit.slug, 'draft_gone'), 303);
    const helpers = await assignedPendampingUsers(deps.db, unit.id);
    // Also in their "Pesan untuk saya" (and their chosen channel), so the request is seen without looking.
    await tellPeople(deps, helpers.map((h) => h.id), { unitId: unit.id, kind: 'help_request', subject: t('composer.notify.help_title', { unit: unit.name }), text: r.value.message, link: '/admin/pendampingan' }, actor.id);
    const names = helpers.map((h) => h.name);
    const text = t('composer.flash.help_sent', { names: names.length ? names.join(', ') : 'Admin Diskominfo' });
    // Back where they were, with the confirmation on the page they return to.
    if (draftId) return c.redirect(`${draftUrl(unit.slug, draftId)}?bantuan=1`, 303);
    return c.html(
      <StaffLayout title={t('composer.help.title')} actor={actor} csrfToken={c.get('csrfToken')} flash={{ kind: 'ok', text }} back={{ href: homeUrl(unit.slug), label: unit.name }}>
        <h1>{t('composer.help.title')}</h1>
        <p>
          <a class="button wide" href={homeUrl(unit.slug)}>
            {t('composer.done.home')}
          </a>
        </p>
      </StaffLayout>,
    );
  });

  app.post('/admin/unit/:slug/bantuan/:id/selesai', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    if (actor.role !== 'pendamping' && actor.role !== 'admin_kota') return renderForbidden(c);
    const helpId = c.req.param('id');
    const form = await parseForm(c, helpAnswerFormSchema, ['balasan']);
    const typed = form.values.balasan ?? '';
    // The reply's only problem is its length: said next to it, the list shown again with it kept.
    const tooLong = () => assistPage(c, null, { helpId, typed, error: t('composer.error.too_long', { max: MAX_HELP_MESSAGE, length: typed.trim().length }) });
    if (!form.ok) return tooLong();
    const reply = form.data.balasan;
    const r = await answerHelp(deps, { actor, unit, helpId, reply });
    if (!r.ok && r.error === 'forbidden') return renderForbidden(c);
    if (!r.ok && r.error === 'too_long') return tooLong();
    if (r.ok) {
      // The person who asked hears the answer in "Pesan untuk saya" (#14 point 9).
      const draft = r.value.draft_id ? await getDraft(deps.db, unit.id, r.value.draft_id) : undefined;
      const title = draft ? draft.title.trim() || t('composer.home.untitled') : '';
      const text = !reply ? t('composer.notify.help_done_text', { name: actor.displayName }) : draft ? t('composer.notify.help_reply_draft_text', { name: actor.displayName, title, reply }) : t('composer.notify.help_reply_text', { name: actor.displayName, reply });
      await tellPeople(deps, [r.value.requested_by], { unitId: unit.id, kind: 'help_reply', subject: t('composer.notify.help_reply_title', { name: actor.displayName }), text, link: draft ? draftUrl(unit.slug, draft.id) : homeUrl(unit.slug) }, actor.id);
    }
    return c.redirect('/admin/pendampingan?pesan=help_answered', 303);
  });

  app.post('/admin/unit/:slug/persetujuan', unitGuard(deps, 'approve'), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const form = await parseForm(c, approvalSwitchSchema, ['on']);
    const on = form.ok && form.data.on;
    const r = await setApprovalRequired(deps, { actor, unit, on });
    if (!r.ok) return renderForbidden(c);
    return c.redirect(homeUrl(unit.slug, on ? 'approval_on' : 'approval_off'), 303);
  });

  app.get('/admin/pendampingan', async (c) => {
    const actor = c.get('actor')!;
    if (actor.role !== 'pendamping' && actor.role !== 'admin_kota') return renderForbidden(c);
    const flash = c.req.query('pesan') === 'help_answered' ? { kind: 'ok' as const, text: t('composer.flash.help_answered') } : null;
    return assistPage(c, flash);
  });

  /** The pendamping's list; a refused reply comes back in its own request's box with its problem. */
  async function assistPage(c: Context<AppEnv>, flash: { kind: 'ok'; text: string } | null, refused?: { helpId: string; typed: string; error: string }) {
    const actor = c.get('actor')!;
    const list = await pendampingOverview(deps.db, { actor, now: deps.clock.now() });
    if (refused) c.status(422);
    return c.html(
      <StaffLayout title={t('composer.assist.title')} actor={actor} csrfToken={c.get('csrfToken')} flash={flash} back={{ href: '/admin', label: t('admin.nav.home') }}>
        <h1>{t('composer.assist.title')}</h1>
        {list.length === 0 ? <p>{t('composer.assist.none')}</p> : null}
        <ul class="assist-list">
          {list.map((n) => (
            <li class={n.help.length ? 'urgent' : undefined}>
              <h2>{n.unit.name}</h2>
              <ul class="needs">
                {n.help.length ? <li class="need-help">{t('composer.assist.help', { count: n.help.length })}</li> : null}
                {n.waiting ? <li>{t('composer.assist.waiting', { count: n.waiting })}</li> : null}
                <li>
                  {n.lastPostAt === null
                    ? t('composer.assist.never')
                    : n.daysSilent !== null && n.daysSilent >= 7
                      ? t('composer.assist.silent', { days: n.daysSilent })
                      : t('composer.assist.last', { time: formatDateTime(n.lastPostAt) })}
                </li>
                {n.onboarding.done < n.onboarding.total ? <li>{t('composer.assist.onboarding', { done: n.onboarding.done, total: n.onboarding.total })}</li> : null}
                {n.reconnect ? <li>{t('composer.assist.reconnect', { count: n.reconnect })}</li> : null}
              </ul>
              {n.help.map((h) => {
                const kept = refused?.helpId === h.id ? refused : null;
                return (
                  <div class="help-request">
                    <p>
                      <strong>{h.requester_name}</strong> · {formatDateTime(h.created_at)}
                    </p>
                    {h.message ? <p class="quote">{h.message}</p> : null}
                    <div class="actions">
                      {h.draft_id ? (
                        <a class="button secondary" href={draftUrl(n.unit.slug, h.draft_id)}>
                          {t('composer.assist.open_draft')}
                        </a>
                      ) : null}
                    </div>
                    <form method="post" action={`/admin/unit/${n.unit.slug}/bantuan/${h.id}/selesai`} class="help-reply">
                      <CsrfInput token={c.get('csrfToken')} />
                      <div class={kept ? 'field has-error' : 'field'}>
                        <label for={`balas-${h.id}`}>{t('composer.assist.reply_label', { name: h.requester_name })}</label>
                        <p class="hint" id={`balas-${h.id}-hint`}>
                          {t('composer.assist.reply_hint', { name: h.requester_name })}
                        </p>
                        {kept ? <p class="error" id={`balas-${h.id}-err`}>{kept.error}</p> : null}
                        <textarea id={`balas-${h.id}`} name="balasan" rows={3} maxlength={MAX_HELP_MESSAGE} aria-describedby={kept ? `balas-${h.id}-hint balas-${h.id}-err` : `balas-${h.id}-hint`} aria-invalid={kept ? 'true' : undefined}>{kept?.typed ?? ''}</textarea>
                      </div>
                      <button type="submit" class="primary wide">
                        {t('composer.assist.reply_send')}
                      </button>
                    </form>
                  </div>
                );
              })}
              <a href={homeUrl(n.unit.slug)}>{t('composer.assist.open_unit')}</a>
            </li>
          ))}
        </ul>
      </StaffLayout>,
    );
  }

  return app;
}
