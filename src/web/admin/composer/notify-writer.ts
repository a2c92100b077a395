import { type Draft, lastSubmitterId, listComments } from '../../../modules/composer/index.js';
import { type PersonMessage, configuredChannels, messagePerson } from '../../../modules/reminders/index.js';
import type { UnitRow } from '../../../modules/units/index.js';
import { t } from '../../../i18n/index.js';
import type { AppDeps } from '../../deps.js';
import { draftUrl } from './paths.js';

// Messages reach people (#14 point 9): a decision on a draft, a comment on it, a reply to a help
// request. Each lands in the person's "Pesan untuk saya" and, when they chose e-mail, Telegram or
// WhatsApp and the city configured it, goes there too (messagePerson). Nobody is told about
// their own action, and a message that cannot be stored never undoes the action itself.

export async function tellPeople(deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>, userIds: (string | null | undefined)[], m: Omit<PersonMessage, 'userId'>, exceptId: string): Promise<number> {
  const recipients = [...new Set(userIds.filter((id): id is string => !!id && id !== exceptId))];
  const opts = { configured: configuredChannels(deps.config), baseUrl: deps.config.publicUrl };
  let told = 0;
  for (const userId of recipients) {
    try {
      await messagePerson(deps, { ...m, userId }, opts);
      told++;
    } catch (e) {
      deps.logger.warn({ err: e, userId, kind: m.kind }, 'message to staff not stored');
    }
  }
  return told;
}

const titleOf = (draft: Draft) => draft.title.trim() || t('composer.home.untitled');

/** The lurah decided: whoever wrote the draft and whoever sent it hear about it. */
export async function notifyWriterOfDecision(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>,
  args: { unit: UnitRow; draft: Draft; deciderId: string; deciderName: string; decision: 'returned' | 'approved'; note?: string; scheduled?: boolean },
): Promise<number> {
  const { unit, draft } = args;
  const submitter = await lastSubmitterId(deps.db, unit.id, draft.id);
  return tellPeople(
    deps,
    [draft.createdBy, submitter],
    {
      unitId: unit.id,
      kind: `draft_${args.decision}`,
      subject: t(args.decision === 'returned' ? 'composer.notify.returned_title' : 'composer.notify.approved_title', { title: titleOf(draft) }),
      text:
        args.decision === 'returned'
          ? t('composer.notify.returned_text', { name: args.deciderName, note: args.note ?? '' })
          : t(args.scheduled ? 'composer.notify.approved_scheduled_text' : 'composer.notify.approved_text', { name: args.deciderName }),
      link: draftUrl(unit.slug, draft.id),
    },
    args.deciderId,
  );
}

/** A note on a draft reaches the people in its conversation: writer, sender, earlier commenters. */
export async function notifyOfComment(
  deps: Pick<AppDeps, 'db' | 'clock' | 'config' | 'logger'>,
  args: { unit: UnitRow; draft: Draft; authorId: string; authorName: string; comment: string },
): Promise<number> {
  const comments = await listComments(deps.db, args.unit.id, args.draft.id);
  return tellPeople(
    deps,
    [args.draft.createdBy, ...comments.map((c) => c.author_id)],
    {
      unitId: args.unit.id,
      kind: 'draft_comment',
      subject: t('composer.notify.comment_title', { title: titleOf(args.draft) }),
      text: t('composer.notify.comment_text', { name: args.authorName, comment: args.comment.trim() }),
      link: `${draftUrl(args.unit.slug, args.draft.id)}#catatan`,
    },
    args.authorId,
  );
}
