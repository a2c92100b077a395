import { PLATFORM_LABEL } from '../channels/paths.js';
import type { Actor } from '../../../modules/accounts/index.js';
import type { ChannelRow } from '../../../modules/channels/index.js';
import { type CommentRow, type Draft, type DraftVersion, type PlatformPreview, type WriterPowers, isoToWib } from '../../../modules/composer/index.js';
import type { UnitRow } from '../../../modules/units/index.js';
import type { TikTokPrivacyChoice } from '../../../modules/publishing/index.js';
import { formatDateTime, hasKey, t, type MessageKey } from '../../../i18n/index.js';
import { assetUrl } from '../../assets-route.js';
import { CsrfInput, ErrorSummary } from '../../views/form.js';
import { StaffLayout } from '../../views/staff-layout.js';
import { discardUrl, draftUrl, savedWhen } from './paths.js';
import { Comments, Decision, Versions } from './editor-review.js';

// Every string composer.js shows (saving, offline, upload progress, live counts), from the
// catalogue, with {placeholders} the script fills in.
const JS_TEXTS: Record<string, MessageKey> = {
  saving: 'composer.edit.saving',
  offline: 'composer.edit.offline',
  restored: 'composer.edit.restored',
  ...Object.fromEntries(['title', 'intro', 'mine', 'theirs', 'theirs_by', 'keep_mine', 'keep_theirs', 'empty', 'auto_caption', 'updated', 'someone'].map((k) => [`clash_${k}`, `composer.clash.${k}`])),
  ...Object.fromEntries(['count', 'count_over', 'wait_upload', 'uploading', 'retrying', 'retry', 'upload_failed'].map((k) => [k, `composer.js.${k}`])),
};

// Platform names: the channels' labels (API platforms from their descriptors).
const PLATFORM = PLATFORM_LABEL;

export interface EditorPhoto {
  mediaId: string;
  alt: string;
  thumb: string | null;
  width: number;
  height: number;
}

export interface EditorProps {
  actor: Actor;
  unit: UnitRow;
  csrf: string;
  draft: Draft;
  powers: WriterPowers;
  channels: ChannelRow[];
  photos: EditorPhoto[];
  previews: PlatformPreview[];
  comments: CommentRow[];
  /** The TikTok privacy levels TikTok allows the unit's connected account(s); null: no TikTok. */
  tiktok: TikTokPrivacyChoice | null;
  /** This page's id: saves from it are told apart from other pages' (clash detection). */
  editorSession: string;
  /** Who saved the draft last, for "diubah oleh … pukul …". */
  updatedByName: string;
  /** Text set aside after clashes, newest first. */
  versions: DraftVersion[];
  /** "Hapus draf" is offered (not published or scheduled, and not someone else's submission). */
  canDiscard: boolean;
  errors: string[];
  /** Problems shown next to their field: title, body, hashtags, caption, alt:<media id> (template marks, a refused form). */
  fieldErrors?: Partial<Record<string, string>>;
  /** What the user typed for the schedule, kept after a refused submit. */
  scheduleValue?: string;
  flash?: { kind: 'ok' | 'error' | 'info'; text: string } | null;
  now: Date;
}

/**
 * The one writing page: title, text, photos, channels, preview and the main action, in the order
 * people think of them. Everything is one form, so a failed submit re-renders with all of it;
 * composer.js adds autosave, instant photo upload with progress and live counters on top.
 */
export function EditorPage(p: EditorProps) {
  const d = p.draft;
  const base = draftUrl(p.unit.slug, d.id);
  const returned = d.status === 'returned' ? [...p.comments].reverse().find((c) => c.kind === 'returned') : undefined;
  const tips = t(`composer.tpl.${d.template}.tips`).split('|');
  const hasTikTok = p.channels.some((c) => c.platform === 'tiktok' && c.state === 'connected');
  const chosen = new Set(d.channelIds ?? p.channels.map((c) => c.id));
  const fe = p.fieldErrors ?? {};
  const mainLabel = p.powers.canPublish ? t('composer.edit.publish') : p.actor.role === 'pendamping' ? t('composer.edit.submit_pendamping') : t('composer.edit.submit');
  return (
    <StaffLayout title={t('composer.edit.title')} actor={p.actor} csrfToken={p.csrf} flash={p.flash} back={{ href: `/admin/unit/${p.unit.slug}`, label: p.unit.name }}>
      <h1>
        {t('composer.edit.title')} <span class="kind">· {t(`composer.tpl.${d.template}`)}</span>
      </h1>
      {returned ? (
        <div class="flash flash-error" role="alert">
          {t('composer.edit.status.returned', { name: returned.author_name, note: returned.body })}
        </div>
      ) : null}
      {d.status === 'submitted' ? (
        <div class="flash flash-info">
          {t('composer.edit.status.submitted')} {d.publishAt ? t('composer.edit.status.submitted_wish', { time: formatDateTime(d.publishAt) }) : ''}
        </div>
      ) : null}
      {d.status === 'scheduled' ? <div class="flash flash-info">{t('composer.edit.status.scheduled', { time: formatDateTime(d.publishAt!) })}</div> : null}
      <ErrorSummary errors={p.errors} />

      <form
        method="post"
        action={base}
        enctype="multipart/form-data"
        class="composer"
        data-autosave={`${base}/simpan`}
        data-upload={`${base}/foto`}
        data-draft={d.id}
        data-revision={String(d.revision)}
        data-versi={`${base}/versi`}
        data-updated-by={p.updatedByName}
        data-updated-at={savedWhen(d.updatedAt, p.now)}
        data-texts={JSON.stringify(Object.fromEntries(Object.entries(JS_TEXTS).map(([name, key]) => [name, t(key)])))}
      >
        <CsrfInput token={p.csrf} />
        <input type="hidden" name="revision" value={String(d.revision)} />
        <input type="hidden" name="editor" value={p.editorSession} />
        {/* Filled by composer.js when this phone's copy and the stored one both changed. */}
        <section id="clash" class="clash" role="alert" tabindex={-1} hidden></section>
        {/* Enter in a text field submits with the first submit button: make that "save", never "remove photo". */}
        <button type="submit" name="action" value="save" class="default-submit" tabindex={-1} aria-hidden="true">
          {t('composer.edit.save')}
        </button>

        <details class="tips">
          <summary>{t('composer.edit.tips')}</summary>
          <ul>
            {tips.map((tip) => (
              <li>{tip}</li>
            ))}
          </ul>
        </details>

        <fieldset data-step="tulis">
          <legend class="visually-hidden">{t('composer.edit.field_title')}</legend>
          <div class={fe.title ? 'field has-error' : 'field'}>
            <label for="f-title">{t('composer.edit.field_title')}</label>
            <p class="hint" id="f-title-hint">
              {t('composer.edit.field_title_hint')}
            </p>
            {fe.title ? (
              <p class="error" id="f-title-err">
                {fe.title}
              </p>
            ) : null}
            <input id="f-title" name="title" type="text" value={d.title} maxlength={200} aria-describedby={fe.title ? 'f-title-hint f-title-err' : 'f-title-hint'} aria-invalid={fe.title ? 'true' : undefined} autocomplete="off" />
          </div>
          <div class={fe.body ? 'field has-error' : 'field'}>
            <label for="f-body">{t('composer.edit.field_body')}</label>
            <p class="hint" id="f-body-hint">
              {t('composer.edit.field_body_hint')}
            </p>
            {fe.body ? (
              <p class="error" id="f-body-err">
                {fe.body}
              </p>
            ) : null}
            <div class="toolbar" data-toolbar="f-body" hidden>
              <button type="button" class="tool" data-mark="bold">
                <b>B</b> {t('composer.edit.bold')}
              </button>
              <button type="button" class="tool" data-mark="list">
                • {t('composer.edit.list')}
              </button>
              <button type="button" class="tool" data-mark="link" data-prompt={t('composer.edit.link_prompt')}>
                {t('composer.edit.link')}
              </button>
            </div>
            <textarea id="f-body" name="body" rows={8} aria-describedby={fe.body ? 'f-body-hint f-body-err' : 'f-body-hint'} aria-invalid={fe.body ? 'true' : undefined}>
              {d.body}
            </textarea>
          </div>
        </fieldset>

        <fieldset data-step="foto">
          <legend>{t('composer.edit.field_photos')}</legend>
          <p class="hint">{t('composer.edit.photos_hint')}</p>
          <input type="hidden" name="photos_shown" value="1" />
          <ol class="photos" id="photos">
            {p.photos.map((ph, i) => (
              <PhotoItem photo={ph} index={i} error={fe[`alt:${ph.mediaId}`]} />
            ))}
          </ol>
          <input id="f-foto" class="file-input" type="file" name="foto" accept="image/*" multiple />
          <label class="button secondary wide file-pick" for="f-foto">
            {t('composer.edit.add_photo')}
          </label>
          <div id="upload-progress" class="upload-progress" aria-live="polite"></div>
          <p>
            <a href={`${base}/galeri`}>{t('composer.library.open')}</a>
          </p>
        </fieldset>

        <fieldset data-step="saluran">
          <legend>{t('composer.edit.field_channels')}</legend>
          <input type="hidden" name="channels_shown" value="1" />
          <p class="check">
            <input type="checkbox" id="ch-web" checked disabled />
            <label for="ch-web">{t('composer.edit.website_always')}</label>
          </p>
          {p.channels.length === 0 ? <p class="muted">{t('composer.edit.no_channels')}</p> : null}
          {p.channels.map((ch) => (
            <p class="check">
              <input type="checkbox" id={`ch-${ch.id}`} name="channel" value={ch.id} checked={chosen.has(ch.id)} />
              <label for={`ch-${ch.id}`}>
                {PLATFORM[ch.platform] ?? ch.platform} @{ch.handle}{' '}
                <span class="muted">
                  {ch.state === 'needs_reconnect' ? t('composer.edit.channel_reconnect') : ch.state !== 'connected' ? t('composer.edit.channel_manual') : ''}
                </span>
              </label>
            </p>
          ))}
          {hasTikTok && p.tiktok ? (
            <fieldset class="inner">
              <legend>{t('composer.edit.tiktok_privacy')}</legend>
              {p.tiktok.privateOnly ? <p class="hint">{t('composer.tiktok.private_only')}</p> : null}
              {!p.tiktok.known ? <p class="hint">{t('composer.tiktok.unknown')}</p> : null}
              {p.tiktok.options.map((v) => (
                <p class="check">
                  <input type="radio" id={`tt-${v}`} name="tiktok_privacy" value={v} checked={d.tiktokPrivacy === v} />
                  <label for={`tt-${v}`}>{hasKey(`composer.edit.tiktok.${v}`) ? t(`composer.edit.tiktok.${v}`) : v}</label>
                </p>
              ))}
            </fieldset>
          ) : null}
          <div class={fe.hashtags ? 'field has-error' : 'field'}>
            <label for="f-hashtags">{t('composer.edit.hashtags')}</label>
            <p class="hint" id="f-hashtags-hint">
              {t('composer.edit.hashtags_hint')}
            </p>
            {fe.hashtags ? <p class="error" id="f-hashtags-err">{fe.hashtags}</p> : null}
            <textarea id="f-hashtags" name="hashtags" rows={2} class="short" aria-describedby="f-hashtags-hint" aria-invalid={fe.hashtags ? 'true' : undefined}>
              {d.hashtags.join(' ')}
            </textarea>
          </div>
        </fieldset>

        <fieldset data-step="pratinjau">
          <legend>{t('composer.edit.field_preview')}</legend>
          <p class="hint">{t('composer.edit.preview_hint')}</p>
          {fe.caption ? <p class="error">{fe.caption}</p> : null}
          {p.previews.map((pv) => (
            <Preview pv={pv} title={d.title} photo={p.photos[0] ?? null} />
          ))}
        </fieldset>

        {!p.powers.canPublish ? (
          <div class="field">
            <label for="f-note">{t('composer.edit.submit_note')}</label>
            <textarea id="f-note" name="note" rows={2}></textarea>
          </div>
        ) : null}
        {/* The main action stays at the bottom of the screen while the form scrolls (sticky, no
            script needed), so "Terbitkan" is one tap from anywhere on the page (#14 point 7). */}
        <div class="action-bar">
          <p id="save-status" class="save-status" role="status" aria-live="polite">
            {t('composer.edit.saved', { time: savedWhen(d.updatedAt, p.now) })}
          </p>
          <button type="submit" name="action" value={p.powers.canPublish ? 'publish' : 'submit'} class="primary wide big">
            {d.status === 'scheduled' && p.powers.canPublish ? t('composer.edit.publish') : mainLabel}
          </button>
        </div>
        <div class="actions-main">
          <details class="schedule" open={d.status === 'scheduled' || !!p.scheduleValue}>
            <summary>{t('composer.edit.schedule_open')}</summary>
            <div class="field">
              <label for="f-jadwal">{t('composer.edit.schedule_field')}</label>
              <input id="f-jadwal" type="datetime-local" name="jadwal" value={p.scheduleValue ?? (d.publishAt && d.status !== 'published' ? isoToWib(d.publishAt) : '')} />
            </div>
            <button type="submit" name="action" value={p.powers.canPublish ? 'schedule' : 'submit'} class="secondary wide">
              {d.status === 'scheduled' ? t('composer.edit.schedule_change') : t('composer.edit.schedule')}
            </button>
            {d.status === 'scheduled' ? (
              <button type="submit" name="action" value="cancel" class="secondary wide danger-outline">
                {t('composer.edit.schedule_cancel')}
              </button>
            ) : null}
          </details>
          <button type="submit" name="action" value="save" class="secondary wide">
            {t('composer.edit.save')}
          </button>
          <p>
            <a href={`/admin/unit/${p.unit.slug}/bantuan?draf=${d.id}`}>{t('composer.edit.help')}</a>
          </p>
          {p.canDiscard ? (
            <p>
              <a class="button secondary danger-outline" href={discardUrl(p.unit.slug, d.id)}>
                {t('composer.discard.link')}
              </a>
            </p>
          ) : null}
        </div>
      </form>

      {p.versions.length > 0 ? <Versions base={base} csrf={p.csrf} versions={p.versions} now={p.now} /> : null}
      {d.status === 'submitted' && p.powers.canDecide ? <Decision base={base} csrf={p.csrf} draft={d} /> : null}
      {p.comments.length > 0 || p.actor.role !== 'operator' ? <Comments base={base} csrf={p.csrf} comments={p.comments} /> : null}
      <script src={assetUrl('composer.js')} defer></script>
      <script src={assetUrl('composer-captions.js')} defer></script>
      <script src={assetUrl('composer-photos.js')} defer></script>
    </StaffLayout>
  );
}

export function PhotoItem({ photo, index, error }: { photo: EditorPhoto; index: number; error?: string | undefined }) {
  const id = photo.mediaId;
  return (
    <li class="photo" data-media={id}>
      <input type="hidden" name="photo" value={id} />
      {photo.thumb ? <img src={photo.thumb} alt="" width={160} height={Math.round((160 * photo.height) / Math.max(1, photo.width))} /> : null}
      <div class={error ? 'field has-error' : 'field'}>
        <label for={`alt-${id}`}>
          {t('composer.edit.photo_n', { n: index + 1 })}: {t('composer.edit.alt')}
        </label>
        {error ? <p class="error" id={`alt-${id}-err`}>{error}</p> : null}
        <input id={`alt-${id}`} type="text" name={`alt:${id}`} value={photo.alt} maxlength={300} autocomplete="off" aria-invalid={error ? 'true' : undefined} />
      </div>
      <div class="photo-actions">
        {index > 0 ? (
          <button type="submit" name="action" value={`photo-up:${id}`} class="secondary small">
            ↑ {t('composer.edit.photo_up')}
          </button>
        ) : null}
        <button type="submit" name="action" value={`photo-remove:${id}`} class="secondary small">
          ✕ {t('composer.edit.photo_remove')}
        </button>
      </div>
    </li>
  );
}

function Preview({ pv, title, photo }: { pv: PlatformPreview; title: string; photo: EditorPhoto | null }) {
  const over = pv.length > pv.maxChars;
  const countId = `count-${pv.platform}`;
  return (
    <section class={`preview preview-${pv.platform}`} data-preview={pv.platform}>
      <h3>
        {t(`composer.edit.preview.${pv.platform}`)}
        {pv.channels.length ? <span class="muted"> · {pv.channels.map((c) => `@${c.handle}`).join(', ')}</span> : null}
      </h3>
      <div class={`frame shape-${pv.imageShape}`} data-frame>
        {pv.image ? (
          <img src={pv.image} alt={photo?.alt ?? ''} />
        ) : (
          <div class="card-placeholder">
            <strong data-title>{title || t('composer.home.untitled')}</strong>
            <span>{t('composer.edit.card_note')}</span>
          </div>
        )}
      </div>
      {pv.platform === 'website' ? (
        <p class="preview-text">
          <strong data-title>{title}</strong>
          <br />
          <span data-caption>{pv.text}</span>
        </p>
      ) : (
        <>
          {pv.caption.title ? <p class="preview-title">{pv.caption.title}</p> : null}
          <p class="preview-text" data-caption>
            {pv.text}
          </p>
          <p class={over ? 'count over' : 'count'} id={countId} data-count={pv.platform}>
            {over ? t('composer.edit.count_over', { length: pv.length, max: pv.maxChars }) : t('composer.edit.count', { length: pv.length, max: pv.maxChars })}
          </p>
          {pv.problems.map((m) => (
            <p class="error" data-caption-problem={pv.platform}>
              {m}
            </p>
          ))}
          <details class="edit-caption">
            <summary>{t('composer.edit.edit_caption', { platform: PLATFORM[pv.platform] ?? pv.platform })}</summary>
            <p class="hint">{t('composer.edit.edit_caption_hint')}</p>
            <input type="hidden" name={`caption_auto:${pv.platform}`} value={pv.caption.text} />
            <label class="visually-hidden" for={`cap-${pv.platform}`}>
              {t('composer.edit.edit_caption', { platform: PLATFORM[pv.platform] ?? pv.platform })}
            </label>
            <textarea id={`cap-${pv.platform}`} name={`caption:${pv.platform}`} rows={6} data-count-max={String(pv.maxChars)} data-counter={countId} aria-describedby={countId}>
              {pv.text}
            </textarea>
          </details>
        </>
      )}
    </section>
  );
}
