import type { CommentRow, Draft, DraftVersion } from '../../../modules/composer/index.js';
import { formatDateTime, t } from '../../../i18n/index.js';
import { CsrfInput } from '../../views/form.js';
import { savedWhen } from './paths.js';

// The review parts of the editor page: the lurah's decision on a draft waiting for approval, the
// comments between staff and pendamping, and the draft's earlier versions to restore.

export function Decision({ base, csrf, draft }: { base: string; csrf: string; draft: Draft }) {
  return (
    <section class="card decision">
      <h2>{t('composer.edit.decide')}</h2>
      <form method="post" action={base}>
        <CsrfInput token={csrf} />
        <button type="submit" name="action" value="approve" class="primary wide">
          {draft.publishAt ? t('composer.edit.approve_at', { time: formatDateTime(draft.publishAt) }) : t('composer.edit.approve')}
        </button>
      </form>
      <form method="post" action={base}>
        <CsrfInput token={csrf} />
        <div class="field">
          <label for="f-return">{t('composer.edit.return_note')}</label>
          <textarea id="f-return" name="note" rows={3}></textarea>
        </div>
        <button type="submit" name="action" value="return" class="secondary wide">
          {t('composer.edit.return')}
        </button>
      </form>
    </section>
  );
}

export function Comments({ base, csrf, comments }: { base: string; csrf: string; comments: CommentRow[] }) {
  return (
    <section class="comments">
      <h2>{t('composer.edit.comments')}</h2>
      {comments.length ? (
        <ol class="comment-list">
          {comments.map((c) => (
            <li>
              <p class="meta">
                <strong>{c.author_name}</strong> {t(`composer.comment.kind.${c.kind}`)} · {formatDateTime(c.created_at)}
              </p>
              {c.body ? <p>{c.body}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <form method="post" action={base}>
        <CsrfInput token={csrf} />
        <div class="field">
          <label for="f-comment">{t('composer.edit.comment')}</label>
          <textarea id="f-comment" name="comment" rows={2}></textarea>
        </div>
        <button type="submit" name="action" value="comment" class="secondary">
          {t('composer.edit.comment_send')}
        </button>
      </form>
    </section>
  );
}

/** Text set aside when two saves clashed: readable, and one tap takes it back (nothing is lost). */
export function Versions({ base, csrf, versions, now }: { base: string; csrf: string; versions: DraftVersion[]; now: Date }) {
  return (
    <section class="versions" id="versi-lain">
      <h2>{t('composer.clash.versions')}</h2>
      <p class="hint">{t('composer.clash.versions_hint')}</p>
      <ul class="version-list">
        {versions.map((v) => (
          <li>
            <p class="meta">{t('composer.clash.version_meta', { name: v.writtenByName || t('composer.clash.someone'), time: savedWhen(v.writtenAt, now) })}</p>
            <p class="version-title">{v.title || t('composer.home.untitled')}</p>
            <details>
              <summary>{t('composer.clash.version_show')}</summary>
              <p class="preview-text">{v.body}</p>
            </details>
            <form method="post" action={base}>
              <CsrfInput token={csrf} />
              <button type="submit" name="action" value={`use-version:${v.id}`} class="secondary wide">
                {t('composer.clash.version_use')}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
