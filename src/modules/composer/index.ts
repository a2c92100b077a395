// Public surface of the composer: drafts that autosave, templates, publish now or on schedule,
// approval, comments and help requests, the pendamping's overview, onboarding and city broadcasts.
export type { ComposerDeps, CardRequest } from './deps.js';
export type { Draft, DraftPhoto, CaptionOverrides } from './draft-repo.js';
export { TEMPLATE_NAMES, templateInfo, isTemplate, houseHashtags, type TemplateInfo } from './templates.js';
export { bodyToHtml, bodyToPlain } from './body-format.js';
export { createDraft, type NewDraftText } from './create-draft.js';
export { saveDraft, draftPatchSchema, type DraftPatch, type SaveDraftError, MAX_TITLE, MAX_BODY, MAX_PHOTOS, STEPS } from './save-draft.js';
export { listDrafts, getDraft, type UnitDrafts } from './list-drafts.js';
export { readiness, placeholdersIn, type LeftPlaceholder, type ReadinessProblem, type GoLiveError } from './go-live.js';
export { publishDraft, type PublishDraftError } from './publish-draft.js';
export { scheduleDraft, cancelSchedule, wibToIso, isoToWib, type ScheduleError, MIN_LEAD_MS } from './schedule-draft.js';
export { publishDue, LATE_AFTER_MS, type PublishDueReport } from './publish-due.js';
export { submitDraft } from './submit-draft.js';
export { checkDiscard, discardDraft, discardRefusal, type DiscardError, type DiscardRefusal } from './discard-draft.js';
export { approveDraft, returnDraft } from './decide-draft.js';
export { commentOnDraft } from './comment-on-draft.js';
export { lastSubmitterId, listComments, submitterOf, type CommentRow } from './comments.js';
export { approvalRequired, setApprovalRequired, writerPowers, type WriterPowers } from './approval-policy.js';
export { requestHelp, answerHelp, openHelpRequests, type HelpRequestRow } from './help-requests.js';
export { pendampingOverview, type UnitNeeds } from './pendamping-overview.js';
export { onboardingChecklist, PROFILE_DONE_PERCENT, type Onboarding, type OnboardingStep, type OnboardingCode } from './onboarding-checklist.js';
export { sendBroadcast, listBroadcasts, type BroadcastInput } from './send-broadcast.js';
export { broadcastContentIds } from './broadcast-ids.js';
export { cardMaker } from './make-card-media.js';
export { buildPreviews, type PlatformPreview } from './preview.js';
export { chosenChannels, captionPlatformOf } from './channel-variants.js';
export { assignedPendamping, assignedPendampingUsers } from './assigned-pendamping.js';
