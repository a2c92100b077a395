import type { Actor } from '../../../modules/accounts/index.js';
import { type Draft, type WithdrawKind, MAX_ALT, MAX_PHOTOS } from '../../../modules/composer/index.js';
import { platformName } from '../../../modules/channels/index.js';
import type { DeliveryView } from '../../../modules/publishing/index.js';
import type { UnitRow } from '../../../modules/units/index.js';
import { t } from '../../../i18n/index.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { CopyChange } from '../channels/copy-change-view.js';
import { draftUrl } from './paths.js';
import { audienceLine } from '../channels/audience-words.js';

// Screens for a post that is out (#14 point 3): change it, take it off the website, delete it —
// each a page that works without JavaScript — and the part of the done page that says, per
// social copy, what can still be changed and where.

export const editPublishedUrl = (slug: string, id: string) => `/admin/unit/${slug}/kabar/${id}/ubah`;
export const withdrawUrl = (slug: string, id: string, kind: WithdrawKind) => `/admin/unit/${slug}/kabar/${id}/${kind === 'unpublish' ? 'tarik' : 'hapus-terbit'}`;

const SOCIAL_KNOWN = new Set(['facebook', 'instagram', 'tiktok']);

/** One line per social copy: what can be done on that platform, and the link to it when it is out. */
export function SocialCopies(p: { deliveries: DeliveryView[]; slug: string; postId: string; csrf: string; canPublish: boolean }) {
  return (
    <section class="social-copies">
      <h2>{t('composer.after.social_title')}</h2>
      {p.deliveries.length === 0 ? (
        <p class="muted">{t('composer.after.social.none')}</p>
      ) : (
        <>
          <p>{t('composer.after.social_intro')}</p>
          <ul class="delivery-lines">
            {p.deliveries.map((d) => {
              const platform = platformName(d.platform);
              // Shown (to all or the owner), or perhaps shown: an attempt whose answer was lost.
              const out = d.audience === 'public' || d.audience === 'owner_only' || d.state === 'unconfirmed';
              return (
                <li data-platform={d.platform}>
                  <span class="rule">
                    {d.audience === 'removed'
                      ? audienceLine(d)
                      : !out
                      ? t('composer.after.social.not_out', { platform })
                      : SOCIAL_KNOWN.has(d.platform)
                        ? t(`composer.after.social.${d.platform}`)
                        : t('composer.after.social.other', { platform })}
                  </span>
                  <CopyChange slug={p.slug} postId={p.postId} d={d} csrf={p.csrf} canPublish={p.canPublish} />
                  {d.permalink && !(d.change?.kind === 'delete' && d.change.state === 'done') ? (
                    <a class="button secondary" href={d.permalink} rel="noopener noreferrer">
                      {t('composer.after.social.open', { platform })}
                    </a>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

/** The three actions on the done page, for those who may publish; a sentence for the others. */
export function ManagePublished(p: { unit: UnitRow; draft: Draft; canPublish: boolean }) {
  if (!p.canPublish) return <p class="muted">{t('composer.after.only_publishers')}</p>;
  return (
    <section class="manage-published">
      <h2>{t('composer.after.manage')}</h2>
      <p>
        <a class="button wide" href={editPublishedUrl(p.unit.slug, p.draft.id)}>
          {t('composer.after.edit')}
        </a>
      </p>
      <p>
        <a class="button secondary wide" href={withdrawUrl(p.unit.slug, p.draft.id, 'unpublish')}>
          {t('composer.after.unpublish')}
        </a>
      </p>
      <p>
        <a class="button secondary danger-outline wide" href={withdrawUrl(p.unit.slug, p.draft.id, 'delete')}>
          {t('composer.after.delete')}
        </a>
      </p>
    </section>
  );
}

/** File fields for new photos on the edit form ("Foto baru 1", "Foto baru 2"), each with its alt text. */
export const NEW_PHOTO_SLOTS = 2;

export interface EditPhotoRow {
  mediaId: string;
  alt: string;
  keep: boolean;
  thumb: string | null;
}

export interface EditFormValues {
  title: string;
  body: string;
  photos: EditPhotoRow[];
  /** New photos already stored (a refused submit keeps them, carried in hidden "baru" fields). */
  added: EditPhotoRow[];
  revision: number;
  /** What was typed beside each new photo slot (kept when the form comes back). */
  newAlts?: string[];
}

/** A field's problem, shown next to it (`id` is the field's element id). */
const FieldError = ({ id, text }: { id: string; text?: string }) => (text ? <p class="error" id={`${id}-err`}>{text}</p> : null);

/** "Ubah kabar yang sudah terbit": title, text, and each photo kept or not with its alt text. */
export function EditPublishedPage(p: {
  actor: Actor;
  unit: UnitRow;
  csrf: string;
  draftId: string;
  v: EditFormValues;
  errors: string[];
  /** Problems by form field: title, body, alt_<media id>, foto_baru_<n>, alt_baru_<n>. */
  fieldErrors: Record<string, string>;
  notice?: string | null;
  /** Platforms whose copies already out get the new text (Facebook). */
  socialEdited?: string[];
}) {
  const fe = p.fieldErrors;
  const edited = (p.socialEdited ?? []).map(platformName).join(', ');
  return (
    <StaffLayout title={t('composer.after.edit_title')} actor={p.actor} csrfToken={p.csrf} back={{ href: draftUrl(p.unit.slug, p.draftId), label: t('composer.done.title') }}>
      <h1>{t('composer.after.edit_title')}</h1>
      <p>{t('composer.after.edit_intro')}</p>
      {edited ? (
        <p class="flash flash-info" data-social-edit="1">
          {t('social_change.edit_notice', { list: edited })}
        </p>
      ) : null}
      {p.notice ? (
        <div class="flash flash-info" role="status">
          {p.notice}
        </div>
      ) : null}
      <form method="post" action={editPublishedUrl(p.unit.slug, p.draftId)} class="card" enctype="multipart/form-data">
        <CsrfInput token={p.csrf} />
        <input type="hidden" name="revision" value={String(p.v.revision)} />
        <ErrorSummary errors={p.errors} />
        <div class={fe.title ? 'field has-error' : 'field'}>
          <label for="f-title">{t('composer.after.field_title')}</label>
          {fe.title ? (
            <p class="error" id="f-title-err">
              {fe.title}
            </p>
          ) : null}
          <input id="f-title" name="title" type="text" value={p.v.title} maxlength={200} aria-invalid={fe.title ? 'true' : undefined} aria-describedby={fe.title ? 'f-title-err' : undefined} autocomplete="off" />
        </div>
        <div class={fe.body ? 'field has-error' : 'field'}>
          <label for="f-body">{t('composer.after.field_body')}</label>
          {fe.body ? (
            <p class="error" id="f-body-err">
              {fe.body}
            </p>
          ) : null}
          <textarea id="f-body" name="body" rows={12} aria-invalid={fe.body ? 'true' : undefined} aria-describedby={fe.body ? 'f-body-err' : undefined}>
            {p.v.body}
          </textarea>
        </div>
        {[...p.v.photos, ...p.v.added].map((ph, i) => (
          <fieldset class="photo-row">
            <legend>{t('composer.after.photo_n', { n: i + 1 })}</legend>
            {ph.thumb ? <img src={ph.thumb} alt="" width={160} /> : null}
            <input type="hidden" name={i < p.v.photos.length ? 'photo' : 'baru'} value={ph.mediaId} />
            <p class="check">
              <input type="checkbox" id={`f-keep-${i}`} name={`keep_${ph.mediaId}`} value="1" checked={ph.keep} />
              <label for={`f-keep-${i}`}>{t('composer.after.photo_keep')}</label>
            </p>
            <div class={fe[`alt_${ph.mediaId}`] ? 'field has-error' : 'field'}>
              <label for={`f-alt-${i}`}>{t('composer.after.photo_alt')}</label>
              <FieldError id={`f-alt-${i}`} text={fe[`alt_${ph.mediaId}`]} />
              <input id={`f-alt-${i}`} name={`alt_${ph.mediaId}`} type="text" value={ph.alt} maxlength={MAX_ALT} aria-invalid={fe[`alt_${ph.mediaId}`] ? 'true' : undefined} />
            </div>
          </fieldset>
        ))}
        {/* New photos from the phone, through the same checks as the composer's; shown after saving. */}
        {Array.from({ length: Math.max(0, Math.min(NEW_PHOTO_SLOTS, MAX_PHOTOS - p.v.photos.length - p.v.added.length)) }, (_, i) => (
          <fieldset class="photo-row new-photo">
            <legend>{t('composer.after.new_photo_n', { n: i + 1 })}</legend>
            <div class={fe[`foto_baru_${i}`] ? 'field has-error' : 'field'}>
              <label for={`f-baru-${i}`}>{t('composer.after.new_photo_pick')}</label>
              <FieldError id={`f-baru-${i}`} text={fe[`foto_baru_${i}`]} />
              <input id={`f-baru-${i}`} name={`foto_baru_${i}`} type="file" accept="image/*" aria-invalid={fe[`foto_baru_${i}`] ? 'true' : undefined} />
            </div>
            <div class={fe[`alt_baru_${i}`] ? 'field has-error' : 'field'}>
              <label for={`f-alt-baru-${i}`}>{t('composer.after.photo_alt')}</label>
              <FieldError id={`f-alt-baru-${i}`} text={fe[`alt_baru_${i}`]} />
              <input id={`f-alt-baru-${i}`} name={`alt_baru_${i}`} type="text" value={p.v.newAlts?.[i] ?? ''} maxlength={MAX_ALT} aria-invalid={fe[`alt_baru_${i}`] ? 'true' : undefined} />
            </div>
          </fieldset>
        ))}
        <button type="submit" class="wide big">
          {t('composer.after.save')}
        </button>
      </form>
      <p>
        <a class="button secondary wide" href={draftUrl(p.unit.slug, p.draftId)}>
          {t('composer.after.cancel')}
        </a>
      </p>
    </StaffLayout>
  );
}

/** "Tarik dari situs?" / "Hapus kabar ini?": the question is a page, the answer a form. */
export function WithdrawPage(p: { actor: Actor; unit: UnitRow; csrf: string; draft: Draft; kind: WithdrawKind; deletable?: string[] }) {
  const title = p.draft.title.trim() || t('composer.home.untitled');
  const heading = p.kind === 'unpublish' ? t('composer.after.unpublish_title') : t('composer.after.delete_title');
  return (
    <StaffLayout title={heading} actor={p.actor} csrfToken={p.csrf} back={{ href: draftUrl(p.unit.slug, p.draft.id), label: t('composer.done.title') }}>
      <h1>{heading}</h1>
      <p>{p.kind === 'unpublish' ? t('composer.after.unpublish_what', { title }) : t('composer.after.delete_what', { title })}</p>
      <form method="post" action={withdrawUrl(p.unit.slug, p.draft.id, p.kind)} class="discard-confirm">
        <CsrfInput token={p.csrf} />
        <input type="hidden" name="yakin" value="1" />
        {/* Delete: the copies the API can delete go with it unless unticked; take-off: none do. */}
        {p.kind === 'delete'
          ? (p.deletable ?? []).map((platform) => (
              <div class="field">
                <p class="check">
                  <input type="checkbox" id={`f-hapus-${platform}`} name={`hapus_di_${platform}`} value="1" checked />
                  <label for={`f-hapus-${platform}`}>{t('social_change.delete_also', { platform: platformName(platform) })}</label>
                </p>
                <p class="muted">{t('social_change.delete_also_hint', { platform: platformName(platform) })}</p>
              </div>
            ))
          : <p>{t('social_change.unpublish_note')}</p>}
        <button type="submit" class={p.kind === 'delete' ? 'danger wide big' : 'wide big'}>
          {p.kind === 'unpublish' ? t('composer.after.unpublish_yes') : t('composer.after.delete_yes')}
        </button>
      </form>
      <p>
        <a class="button secondary wide" href={draftUrl(p.unit.slug, p.draft.id)}>
          {t('composer.after.keep')}
        </a>
      </p>
    </StaffLayout>
  );
}
