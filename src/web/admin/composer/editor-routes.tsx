import type { Context } from 'hono';
import { Hono } from 'hono';
import { publishingRightsOf } from '../../../modules/accounts/index.js';
import { listUnitChannels } from '../../../modules/channels/index.js';
import {
  type Draft,
  MAX_COMMENT,
  MAX_PHOTOS,
  approveDraft,
  assignedPendamping,
  cancelSchedule,
  commentOnDraft,
  getDraft,
  lastEditorName,
  publishDraft,
  setAside,
  useVersion,
  writtenWithPatch,
  readiness,
  returnDraft,
  saveDraft,
  scheduleDraft,
  submitDraft,
} from '../../../modules/composer/index.js';
import { contentRepository } from '../../../modules/content/index.js';
import { storeUpload } from '../../../modules/media/index.js';
import { listDeliveries } from '../../../modules/publishing/index.js';
import { t } from '../../../i18n/index.js';
import type { AppEnv } from '../../context.js';
import type { AppDeps } from '../../deps.js';
import { unitGuard } from '../../middleware/unit-guard.js';
import { composerDepsOf, lineageNames, mediaDepsOf } from './composer-deps.js';
import { type TypedDraft, filesOf, readDraftForm } from './draft-form.js';
import { editorProps } from './editor-data.js';
import { DonePage, DraftGone, ReadOnlyDraft } from './done-view.js';
import { EditorPage } from './editor-view.js';
import { notifyOfComment, notifyWriterOfDecision } from './notify-writer.js';
import { placeholderProblems } from './placeholder-problems.js';
import { draftUrl, homeUrl, platformList, savedWhen } from './paths.js';
import { sessionOf } from './clash.js';
import { refusalText, requestAvif } from './upload-route.js';

/** Catalogue text for an error code of any composer use case. */
export const errorText = (code: string): string => t(`composer.error.${code}`, { max: MAX_PHOTOS });

async function cityOf(deps: AppDeps, c: Context<AppEnv>) {
  return (await lineageNames(deps, c.get('unit'))).city ?? '';
}

export function editorRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/unit/:slug/kabar/:id', unitGuard(deps), async (c) => {
    const unit = c.get('unit');
    const draft = await getDraft(deps.db, unit.id, c.req.param('id'));
    if (!draft) return draftGone(c);
    if (draft.status === 'published') return renderDone(deps, c, draft);
    // Back from "Minta bantuan": confirm who was asked (names from the database, not the URL).
    const flash =
      c.req.query('bantuan') === '1'
        ? { kind: 'ok' as const, text: t('composer.flash.help_sent', { names: (await assignedPendamping(deps.db, unit.id)).join(', ') || 'Admin Diskominfo' }) }
        : c.req.query('versi') === 'dipakai'
          ? { kind: 'ok' as const, text: t('composer.clash.version_used') }
          : null;
    const props = await editorProps(deps, c, draft, { flash });
    if (!props.powers.canEdit) return c.html(<ReadOnlyDraft actor={props.actor} unit={unit} csrf={props.csrf} draft={draft} />);
    return c.html(<EditorPage {...props} />);
  });

  app.post('/admin/unit/:slug/kabar/:id', unitGuard(deps), async (c) => {
    const actor = c.get('actor')!;
    const unit = c.get('unit');
    const cdeps = composerDepsOf(deps, await cityOf(deps, c));
    let draft = await getDraft(deps.db, unit.id, c.req.param('id'));
    if (!draft) return draftGone(c);
    const base = draftUrl(unit.slug, draft.id);
    const channels = await listUnitChannels(deps.db, unit.id);
    // The form through the composer's editorFormSchema (the pressed button is one of its fields)
    // and the patch through draftPatchSchema: refused, nothing is saved and the page comes back
    // with what was typed, each problem next to its field.
    const read = await readDraftForm(c, channels);
    if (!read.ok) {
      if (draft.status === 'published') return c.redirect(base, 303);
      return rerender(deps, c, draft, Object.values(read.errors), read.typed.jadwal, { typed: read.typed, fieldErrors: read.errors });
    }
    const { form, patch } = read;
    const action = form.action;

    // A late second tap on "Terbitkan" (or a resubmitted form) lands on the done page.
    if (draft.status === 'published' && action.kind !== 'comment') return c.redirect(base, 303);

    // Decisions and comments come from their own small forms and carry no draft fields.
    if (action.kind === 'approve') {
      const r = await approveDraft(cdeps, { actor, unit, draftId: draft.id });
      if (r.ok) {
        await notifyWriterOfDecision(deps, { unit, draft: r.value, deciderId: actor.id, deciderName: actor.displayName, decision: 'approved', scheduled: r.value.status === 'scheduled' });
        return c.redirect(base, 303);
      }
      return rerender(deps, c, draft, problemsOf(r, draft));
    }
    if (action.kind === 'return') {
      const note = form.note ?? '';
      const r = await returnDraft(cdeps, { actor, unit, draftId: draft.id, note });
      if (r.ok) await notifyWriterOfDecision(deps, { unit, draft: r.value, deciderId: actor.id, deciderName: actor.displayName, decision: 'returned', note });
      return r.ok ? c.redirect(homeUrl(unit.slug, 'returned'), 303) : rerender(deps, c, draft, [errorText(r.error)]);
    }
    if (action.kind === 'use-version') {
      const r = await useVersion(cdeps, { unitId: unit.id, draftId: draft.id, userId: actor.id, userName: actor.displayName, session: null, versionId: action.id });
      return r.ok ? c.redirect(`${base}?versi=dipakai`, 303) : rerender(deps, c, draft, [errorText(r.error)]);
    }
    if (action.kind === 'comment') {
      const comment = form.comment ?? '';
      const r = await commentOnDraft(cdeps, { actor, unit, draftId: draft.id, body: comment });
      if (!r.ok && r.error === 'too_long') return rerender(deps, c, draft, [t('composer.error.too_long', { max: MAX_COMMENT, length: Number(r.detail) })]);
      // The people in the draft's conversation hear of it in "Pesan untuk saya" (#14 point 9).
      if (r.ok) await notifyOfComment(deps, { unit, draft, authorId: actor.id, authorName: actor.displayName, comment });
      return r.ok ? c.redirect(`${base}#catatan`, 303) : rerender(deps, c, draft, [errorText(r.error)]);
    }

    // Everything typed is saved first, so whatever happens next nothing is lost.
    const errors: string[] = [];
    if (draft.status !== 'published') {
      for (const file of await filesOf(c)) {
        if ((patch.photos ?? draft.photos).length >= MAX_PHOTOS) {
          errors.push(errorText('too_many_photos'));
          break;
        }
        const stored = await storeUpload(mediaDepsOf(deps), { unitId: unit.id, userId: actor.id, originalName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
        if (!stored.ok) {
          errors.push(`${file.name}: ${refusalText(stored)}`);
          continue;
        }
        if (!stored.value.duplicate) await requestAvif(deps, stored.value.item.id);
        patch.photos = [...(patch.photos ?? draft.photos), { mediaId: stored.value.item.id, alt: '' }];
      }
      if (action.kind === 'photo-up' || action.kind === 'photo-remove') {
        const list = [...(patch.photos ?? draft.photos)];
        const i = list.findIndex((p) => p.mediaId === action.id);
        if (i >= 0 && action.kind === 'photo-remove') list.splice(i, 1);
        if (i > 0 && action.kind === 'photo-up') [list[i - 1], list[i]] = [list[i]!, list[i - 1]!];
        patch.photos = list;
      }
      const saved = await saveDraft(cdeps, { unitId: unit.id, draftId: draft.id, userId: actor.id, session: sessionOf(form.editor), patch });
      if (!saved.ok && saved.conflict) {
        // Someone else saved other text since this page was opened: nothing is published and
        // nothing overwritten. What was typed here is set aside, and the page shows both.
        const current = saved.conflict.current;
        const mine = writtenWithPatch(current, patch);
        if (mine) await setAside(cdeps, { unitId: unit.id, draftId: draft.id, written: mine, byId: actor.id, byName: actor.displayName, at: deps.clock.now().toISOString() });
        const by = await lastEditorName(deps.db, current);
        return rerender(deps, c, current, [t('composer.clash.submitted', { name: by || t('composer.clash.someone'), time: savedWhen(current.updatedAt, deps.clock.now()) })]);
      }
      if (!saved.ok) return rerender(deps, c, draft, [errorText(saved.error)]);
      draft = saved.value.draft;
    }
    if (errors.length) return rerender(deps, c, draft, errors, form.jadwal);

    switch (action.kind) {
      case 'publish': {
        const r = await publishDraft(cdeps, { actor, unit, draftId: draft.id });
        return r.ok ? c.redirect(base, 303) : rerender(deps, c, draft, problemsOf(r, draft));
      }
      case 'schedule': {
        const r = await scheduleDraft(cdeps, { actor, unit, draftId: draft.id, whenWib: form.jadwal ?? '' });
        return r.ok ? c.redirect(homeUrl(unit.slug, 'scheduled'), 303) : rerender(deps, c, draft, problemsOf(r, draft), form.jadwal);
      }
      case 'submit': {
        const r = await submitDraft(cdeps, { actor, unit, draftId: draft.id, note: form.note, whenWib: form.jadwal });
        const done = actor.role === 'pendamping' ? 'submitted_pendamping' : 'submitted';
        return r.ok ? c.redirect(homeUrl(unit.slug, done), 303) : rerender(deps, c, draft, problemsOf(r, draft), form.jadwal);
      }
      case 'cancel': {
        const r = await cancelSchedule(cdeps, { actor, unit, draftId: draft.id });
        return r.ok ? c.redirect(homeUrl(unit.slug, 'cancelled'), 303) : rerender(deps, c, draft, [errorText(r.error)]);
      }
      case 'save':
        return c.redirect(homeUrl(unit.slug, 'saved'), 303);
      default:
        return c.redirect(`${base}#photos`, 303);
    }
  });

  return app;
}

/** Readiness problems as sentences; template marks are named, field by field, so they can be found. */
function problemsOf(r: { ok: false; error: string; problems?: string[] }, draft: Draft): string[] {
  if (!r.problems?.length) return [errorText(r.error)];
  return r.problems.flatMap((code) => (code === 'placeholder_left' ? placeholderProblems(draft).summary : [errorText(code)]));
}

/**
 * The editor again with the problems: over the stored draft, or — a refused form, nothing saved —
 * over what was typed, each problem next to its field.
 */
async function rerender(deps: AppDeps, c: Context<AppEnv>, draft: Draft, errors: string[], scheduleValue?: string, refused?: { typed: TypedDraft; fieldErrors: Record<string, string> }) {
  const stored = (await getDraft(deps.db, c.get('unit').id, draft.id)) ?? draft;
  const ty = refused?.typed;
  const fresh: Draft = ty
    ? {
        ...stored,
        title: ty.title ?? stored.title,
        body: ty.body ?? stored.body,
        hashtags: ty.hashtags === undefined ? stored.hashtags : ty.hashtags.split(/[\s,]+/).filter(Boolean),
        captions: { ...stored.captions, ...ty.captions },
        photos: stored.photos.map((p) => ({ ...p, alt: ty.alts[p.mediaId] ?? p.alt })),
      }
    : stored;
  // A refused "Terbitkan" because of template marks also says so next to the field that has them.
  const fieldErrors = { ...(readiness(fresh).includes('placeholder_left') ? placeholderProblems(fresh).fields : {}), ...refused?.fieldErrors };
  const props = await editorProps(deps, c, fresh, { errors, scheduleValue, fieldErrors });
  c.status(422);
  return c.html(<EditorPage {...props} />);
}

async function renderDone(deps: AppDeps, c: Context<AppEnv>, draft: Draft) {
  const unit = c.get('unit');
  const item = draft.contentId ? await contentRepository.byId(deps.db, unit.id, draft.contentId) : undefined;
  const deliveries = draft.contentId ? await listDeliveries(deps.db, draft.contentId, { tiktokAudited: deps.config.tiktokAudited }) : [];
  const channels = await listUnitChannels(deps.db, unit.id);
  const publicPath = item && draft.status === 'published' ? `/${unit.slug}/${item.kind}/${item.slug}` : null;
  const canPublish = (await publishingRightsOf(deps.db, c.get('actor')!, unit)).canPublish;
  // After an edit: saved; and, when copies already out get the new text, where (status below).
  const updating = platformList(c.req.query('sosmed'));
  const flash = c.req.query('diubah') === '1' ? (updating ? t('social_change.saved', { list: updating }) : t('composer.after.saved')) : null;
  return c.html(<DonePage actor={c.get('actor')!} unit={unit} csrf={c.get('csrfToken')} draft={draft} publicPath={publicPath} deliveries={deliveries} channels={channels} canPublish={canPublish} flash={flash} />);
}

function draftGone(c: Context<AppEnv>) {
  c.status(404);
  return c.html(<DraftGone actor={c.get('actor')!} unit={c.get('unit')} csrf={c.get('csrfToken')} />);
}
