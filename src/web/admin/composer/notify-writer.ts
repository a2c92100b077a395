import { type Draft, lastSubmitterId } from '../../../modules/composer/index.js';
import { inAppNotifier } from '../../../modules/reminders/index.js';
import type { UnitRow } from '../../../modules/units/index.js';
import { t } from '../../../i18n/index.js';
import type { AppDeps } from '../../deps.js';
import { draftUrl } from './paths.js';

// When the lurah decides on a draft, whoever wrote it and whoever sent it hear about it in
// "Pesan untuk saya" — an operator should not have to keep opening the draft to learn that it
// came back with a note or went live. The decider is never told about their own decision.
export async function notifyWriterOfDecision(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  args: { unit: UnitRow; draft: Draft; deciderId: string; deciderName: string; decision: 'returned' | 'approved'; note?: string; scheduled?: boolean },
): Promise<number> {
  const { unit, draft } = args;
  const submitter = await lastSubmitterId(deps.db, unit.id, draft.id);
  const recipients = [...new Set([draft.createdBy, submitter].filter((id): id is string => !!id && id !== args.deciderId))];
  const notifier = inAppNotifier(deps.db, deps.clock);
  const title = draft.title.trim() || t('composer.home.untitled');
  let stored = 0;
  for (const userId of recipients) {
    const r = await notifier.send({
      to: userId,
      recipientUserId: userId,
      message: {
        template: `draft_${args.decision}` as never,
        params: [],
        subject: t(args.decision === 'returned' ? 'composer.notify.returned_title' : 'composer.notify.approved_title', { title }),
        text: args.decision === 'returned'
          ? t('composer.notify.returned_text', { name: args.deciderName, note: args.note ?? '' })
          : t(args.scheduled ? 'composer.notify.approved_scheduled_text' : 'composer.notify.approved_text', { name: args.deciderName }),
        link: draftUrl(unit.slug, draft.id),
        unitId: unit.id,
      },
    });
    if (r.ok) stored++;
  }
  return stored;
}
