// Public surface of the reminders module: rules, escalation, the once-only ledger, notifier
// adapters and in-app notifications. No HTTP and no environment reads: the composition root passes the
// database, a Clock, the city's region code, a UnitStatusSource and the configured notifiers.
export type { Notifier, NotifierChannel, OutgoingReminder, ReminderMessage, ReminderTemplate, SendResult, SendFailure, FailureCode } from './notifier.js';
export { NOTIFIER_CHANNELS } from './notifier.js';
export { emailNotifier, type EmailNotifierOptions } from './email-notifier.js';
export { telegramNotifier, type TelegramNotifierOptions } from './telegram-notifier.js';
export { whatsappNotifier, toWhatsAppNumber, DEFAULT_WHATSAPP_TEMPLATES, type WhatsAppNotifierOptions, type WhatsAppTemplateRef } from './whatsapp-notifier.js';
export { inAppNotifier } from './in-app-notifier.js';
export { DEFAULT_RULES, validateRule, type ReminderRule, type RuleDraft, type RuleError, type ReminderTrigger } from './rules.js';
export { isRuleDue } from './schedule.js';
export type { UnitStatusSource, ReminderStatusSnapshot, UnitReminderStatus } from './status-source.js';
export { planReminders, DEFAULT_OPT_IN, type PlannedReminder, type Recipient } from './plan-reminders.js';
export { buildReminderMessage } from './build-message.js';
export { runReminders, type RunRemindersDeps, type RunRemindersSummary } from './run-reminders.js';
export { regionsWithRules } from './read-models/rules-of-region.js';
export { deliverDueReminders, MAX_ATTEMPTS, RETRY_BACKOFF_MS, type DeliverDeps, type DeliverySummary } from './deliver-due-reminders.js';
export { listReminderRules, saveReminderRule, saveReminderRuleAsAdmin, retryReminderAsAdmin, reminderRetrySchema, ensureDefaultReminderRules, ensurePelayananReminderRules } from './manage-reminder-rules.js';
export { reminderRuleFormSchema, markReadFormSchema, RULE_ERROR_FIELD, RULE_FIELD_ERROR, type ReminderRuleForm } from './rule-form.js';
export { getNotificationPreferences, setNotificationPreference, setNotificationPreferences, notificationPrefsFormSchema, type NotificationPrefsForm, type ChannelPreference, type PreferenceError } from './notification-preferences.js';
export { listUnitReminders, listReminderProblems, type ReminderHistoryItem } from './list-unit-reminders.js';
export { listNotifications, markNotificationRead, type InAppNotification } from './notifications.js';
export { createNotifiers, configuredChannels, type NotifierConfig } from './create-notifiers.js';
export { messagePerson, type PersonMessage } from './message-person.js';
export { deliverPersonMessages, PERSON_MESSAGE_MAX_ATTEMPTS, type PersonMessageSummary } from './deliver-person-messages.js';
export { deliverOutbox, newOutboxRow, oneLine, type OutboxKind, type OutboxDeps, type OutboxSummary } from './outbox.js';
export { statusSourceFromReportInput } from './status-from-report.js';
export { pruneReadNotifications } from './prune-notifications.js';
