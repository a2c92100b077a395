// Public surface of the pelayanan module (issue 17): citizens' online service requests and
// complaints, their documents (private storage), staff inboxes, letters with numbers and QR
// verification, deadlines in working days, notifications through the reminder notifiers, and
// the personal-data protections of UU 27/2022. No HTTP and no environment reads.
export type { PelayananDeps, UploadedFile } from './deps.js';
export { type PrivateStore, createFilePrivateStore } from './private-store.js';
export { createS3PrivateStore } from './s3-private-store.js';
export { checkNik, checkKk, maskIdNumber, maskPhone, normaliseIdNumber, type IdNumberError } from './nik.js';
export { newTrackingCode, normaliseTrackingCode, codeKindOf, hashPin, verifyPin, type CodeKind } from './codes.js';
export { newChallenge, checkChallenge, type Challenge, type ChallengeFailure } from './challenge.js';
export { checkDocument, DOC_MAX_BYTES, type DocumentRefusal, type CheckedDocument } from './check-document.js';
export { type ServiceForm, type FieldDef, type DocSlot, type DocMode, type FormAdjustment, FORM_DEFAULTS, formAdjustmentSchema, buildServiceForm, deadlineDaysFrom, docKey } from './service-form.js';
export { getServiceForm, listServiceForms, saveFormAdjustment, offlineServiceCodes } from './get-service-form.js';
export { validateRequest, checkPhone, normalisePhone, type IdentityInput, type FieldErrors } from './validate-request.js';
export { submitRequest, consentVersion, MAX_FILES, type SubmitRequestInput, type SubmitOutcome, type StashedDocument } from './submit-request.js';
export { openTracking, type Opened, type OpenError } from './track.js';
export { MAX_PIN_DELAY_MS, PIN_FREE_MISSES } from './pin-throttle.js';
export { requestTrackingView, type RequestTrackingView, type TrackingStep } from './tracking-view.js';
export { fixRequest, type FixOutcome } from './fix-request.js';
export { eraseRequest, type EraseMode } from './erase.js';
export { deliverCitizenMessages, queueCitizenMessage, outboxStateOf, citizenMessage, OUTBOX_MAX_ATTEMPTS, OUTBOX_NO_CHANNEL, type CitizenMessage } from './outbox.js';
export type { PelayananWords, CitizenNotice, ComplaintNoticeStatus, ActorWord, NoteWord, DocWord } from './words.js';
export { takeThrottle, isThrottled, pruneThrottle, SUBMIT_LIMITS } from './throttle.js';
export { listHolidays, calendarFor, calendarsFor, addHolidays, removeHoliday, holidayFormSchema, holidayRemoveFormSchema, HOLIDAY_ERROR_FIELD, type Holiday, type HolidayError } from './holidays.js';
export {
  getUnitSettings,
  saveUnitSettings,
  getCitySettings,
  saveCitySettings,
  citySettingsFormSchema,
  cityUnitOf,
  unitSettingsSchema,
  DEFAULT_NUMBER_FORMAT,
  type UnitPelayananSettings,
  type CityPelayananSettings,
  type SettingsError,
} from './settings.js';
export { answersComplaints, canHandle, canDecide, canSeeCounts, canManagePelayanan } from './policy.js';
export { listInbox, inboxBadge, INBOX_FILTERS, PAGE_SIZE, type InboxFilter, type Inbox, type InboxRow } from './inbox.js';
export { signDocLink, checkDocLink, DOC_LINK_TTL_MS, type DocLinkProblem } from './doc-links.js';
export { openRequestForStaff, readDocumentForStaff, type StaffRequestView } from './staff-view.js';
export { changeRequestStatus, requestActionFormSchema, STAFF_ACTIONS, type StaffAction, type ChangeStatusError } from './change-status.js';
export { approveRequest, letterPdfOf, placeOf, letterheadOf, signerOf, type ApproveError, type UnitPlace } from './issue-letter.js';
export { letterTemplateSchema, resolveTemplate, saveTemplate, defaultTemplateFor, DEFAULT_TEMPLATES, fillPlaceholders, type LetterTemplate, type ResolvedTemplate } from './letter-template.js';
export { buildLetterContent, SAMPLE_FACTS, type LetterContent, type Letterhead } from './letter-content.js';
export { renderLetterPdf, letterDocDefinition } from './letter-pdf.js';
export { formatLetterNumber, nextLetterSeq, defaultAbbreviation } from './letter-number.js';
export { verifyLetter, type VerifiedLetter } from './verify-letter.js';
export { recomputeDeadlines, deadlineCountsByUnit, withPelayananCounts, type DeadlineCounts } from './deadlines.js';
export { findRequestByCode, letterNumberOf, serviceCodeOf } from './requests-repo.js';
export { pelayananStats, emptyStats, type UnitPelayananStats } from './stats.js';
export { submitComplaint, validateComplaint, COMPLAINT_CATEGORIES, type ComplaintCategory, type ComplaintInput, type ComplaintOutcome } from './submit-complaint.js';
export {
  listComplaints,
  openComplaintForStaff,
  forwardTargets,
  actOnComplaint,
  complaintTrackingView,
  publishedAnswers,
  findComplaintByCode,
  complaintHeldBy,
  complaintActionFormSchema,
  type ComplaintListRow,
  type StaffComplaintView,
  type ComplaintAction,
  type ComplaintActionError,
  type ComplaintTrackingView,
  type PublishedAnswer,
} from './complaints.js';
export { eraseComplaint } from './erase-complaint.js';
export { applyRetention, type RetentionSummary } from './retention.js';
export { areaNumber, checkArea, numberRuns, unitArea, type AreaRw } from './unit-area.js';
